import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type Fix, formatGoDuration } from '@connlint/server';
import { lines, applyFix, ruleLinter } from '../helpers/lintFiles';
import { deployment, kubeProxyConfigMap, kubeProxyDaemonSet } from '../helpers/manifests';
import { KEEPALIVE_TIME as KEEPALIVE, NODE_SYSCTL as NODE } from '../helpers/sysctl';

type Files = Readonly<Record<string, string>>;
const RULE = 'keepalive-ipvs';
const { diagnostics, where, fixesOf } = ruleLinter(RULE);
const KERNEL_IPVS = "IPVS's TCP idle timeout of 900 s (the kernel's default)";

/** This rule's diagnostics only: other rules may report on the same fixtures. */

/** Each diagnostic as `file line:col-line:col`, 0-based. */

const range = (line: number, start: number, endLine: number, end: number) => ({ start: { line, character: start }, end: { line: endLine, character: end } });

/** A standalone KubeProxyConfiguration: `mode: ipvs` puts the mode's value at 2:6-2:10. */
const kubeProxy = (...body: string[]): string => lines('apiVersion: kubeproxy.config.k8s.io/v1alpha1', 'kind: KubeProxyConfiguration', ...body);
const IPVS = kubeProxy('mode: ipvs');

const sets = (name: string, line = 3) => ({ file: `${name}.yaml`, range: range(line, 8, line, 8 + name.length), message: `Deployment "${name}" sets no ${KEEPALIVE} in its pods' securityContext.sysctls` });
const MODE_RELATED = { file: 'kube-proxy.yaml', range: range(2, 6, 2, 10), message: 'kube-proxy runs in IPVS mode' };

test('IPVS mode with the default timeout: reported once on mode: ipvs, naming the workloads on the default keepalive', () => {
  const files = { 'kube-proxy.yaml': IPVS, 'api.yaml': deployment('api'), 'agent.yaml': deployment('agent', { hostNetwork: true }), 'worker.yaml': deployment('worker', { keepalive: '"600"' }) };
  assert.deepEqual(diagnostics(files), [
    {
      file: 'kube-proxy.yaml',
      range: range(2, 6, 2, 10),
      rule: RULE,
      severity: 'warning',
      message: `${KERNEL_IPVS} is not above the 7200 s default ${KEEPALIVE} of Deployment "agent" and 1 more workload`,
      related: [
        { file: 'agent.yaml', range: range(3, 8, 3, 13), message: `Deployment "agent" uses the host network, where the node's default ${KEEPALIVE} applies` },
        sets('api'),
      ],
    },
  ]);
  assert.equal(diagnostics({ 'kube-proxy.yaml': IPVS, 'api.yaml': deployment('api') })[0]?.message.endsWith(`default ${KEEPALIVE} of Deployment "api"`), true, 'one workload relies');
});

test('the mode from the kube-proxy DaemonSet’s --proxy-mode flag: reported on the flag’s value; kube-proxy itself is not listed', () => {
  const files = { 'ds.yaml': kubeProxyDaemonSet('--proxy-mode=ipvs'), 'api.yaml': deployment('api') };
  const [diagnostic] = diagnostics(files);
  assert.deepEqual(diagnostic?.range, range(17, 23, 17, 27));
  assert.equal(diagnostic?.file, 'ds.yaml');
  assert.equal(
    diagnostic?.message,
    `${KERNEL_IPVS} is not above the 7200 s default ${KEEPALIVE} of Deployment "api"`,
  );
  assert.deepEqual(diagnostic?.related, [sets('api')]);
  assert.deepEqual(where({ 'ds.yaml': kubeProxyDaemonSet('--proxy-mode', 'ipvs'), 'api.yaml': deployment('api') }), ['ds.yaml 18:10-18:14']);
  assert.deepEqual(where({ 'ds.yaml': kubeProxyDaemonSet('--proxy-mode=ipvs') }), [], 'only kube-proxy itself: nothing relies on the default');
  assert.deepEqual(where({ 'ds.yaml': kubeProxyDaemonSet('--proxy-mode=iptables'), 'kube-proxy.yaml': IPVS, 'api.yaml': deployment('api') }), [], 'the flag wins over the file');
});

test('an ipvs.tcpTimeout written in the configuration: reported on it, the mode as a related location', () => {
  const files = { 'kube-proxy.yaml': kubeProxy('mode: ipvs', 'ipvs:', '  tcpTimeout: 1h'), 'api.yaml': deployment('api') };
  assert.deepEqual(diagnostics(files), [
    {
      file: 'kube-proxy.yaml',
      range: range(4, 14, 4, 16),
      rule: RULE,
      severity: 'warning',
      message: `IPVS's TCP idle timeout of 3600 s (ipvs.tcpTimeout in kube-proxy.yaml:5) is not above the 7200 s default ${KEEPALIVE} of Deployment "api"`,
      related: [MODE_RELATED, sets('api')],
    },
  ]);
});

test('the boundary is the default keepalive: a timeout of 2h0m0s fires, 2h0m1s does not', () => {
  const withTimeout = (timeout: string): Files => ({ 'kube-proxy.yaml': kubeProxy('mode: ipvs', 'ipvs:', `  tcpTimeout: ${timeout}`), 'api.yaml': deployment('api') });
  assert.deepEqual(where(withTimeout('2h0m0s')), ['kube-proxy.yaml 4:14-4:20']);
  assert.deepEqual(where(withTimeout('2h0m1s')), []);
  assert.deepEqual(where(withTimeout('0s')), ['kube-proxy.yaml 2:6-2:10'], '0 keeps the kernel’s 900 s: reported on the mode');
  assert.deepEqual(where({ ...withTimeout('2h0m1s'), 'ds.yaml': kubeProxyDaemonSet('--ipvs-tcp-timeout=15m') }), ['ds.yaml 17:29-17:32'], 'the flag wins over the file');
});

test('a mode assumed by the proxyMode setting: reported on the first workload on the default, naming the setting', () => {
  const files = { 'api.yaml': deployment('api'), 'web.yaml': deployment('web') };
  assert.deepEqual(diagnostics(files, { proxyMode: 'ipvs' }), [
    {
      file: 'api.yaml',
      range: range(3, 8, 3, 11),
      rule: RULE,
      severity: 'warning',
      message: `${KERNEL_IPVS}, in IPVS mode (the proxyMode setting), is not above the 7200 s default ${KEEPALIVE} of Deployment "api" and 1 more workload`,
      related: [sets('web')],
    },
  ]);
  const ignored = { ...files, 'api.yaml': deployment('api', { annotations: ['connlint.dev/ignore: keepalive-ipvs'] }) };
  assert.deepEqual(where(ignored, { proxyMode: 'ipvs' }), ['web.yaml 3:8-3:11'], 'an ignored workload is neither named nor the anchor');
  assert.deepEqual(where({ ...files, 'kube-proxy.yaml': IPVS }, { proxyMode: 'iptables' }), [], 'the setting wins over the file');
});

test('several workloads on the default: the first named, the rest counted, all related', () => {
  const names = ['a', 'b', 'c', 'd', 'e'];
  const files = Object.fromEntries([['kube-proxy.yaml', IPVS], ...names.map((name) => [`${name}.yaml`, deployment(name)])]);
  const [diagnostic] = diagnostics(files);
  assert.equal(diagnostic?.message.endsWith(' of Deployment "a" and 4 more workloads'), true, diagnostic?.message);
  assert.deepEqual(diagnostic?.related, names.map((name) => sets(name)));
});

test('a pod keepalive not below the IPVS timeout: reported on its value', () => {
  const files = { 'kube-proxy.yaml': IPVS, 'api.yaml': deployment('api', { keepalive: '"900"' }) };
  assert.deepEqual(diagnostics(files), [
    {
      file: 'api.yaml',
      range: range(13, 17, 13, 22),
      rule: RULE,
      severity: 'warning',
      message: `${KEEPALIVE} is 900 s in the pods of Deployment "api", not below ${KERNEL_IPVS}`,
      related: [MODE_RELATED],
    },
  ]);
  assert.deepEqual(where({ 'kube-proxy.yaml': IPVS, 'api.yaml': deployment('api', { keepalive: '"899"' }) }), []);
  assert.deepEqual(where({ 'kube-proxy.yaml': IPVS, 'api.yaml': deployment('api', { keepalive: '"7200"', annotations: ['connlint.dev/ignore: keepalive-ipvs'] }) }), [], 'the annotation silences it');
  const timeout = { 'kube-proxy.yaml': kubeProxy('mode: ipvs', 'ipvs:', '  tcpTimeout: 2h30m'), 'api.yaml': deployment('api', { keepalive: '"9000"' }) };
  assert.deepEqual(diagnostics(timeout).map((d) => [d.range, d.related]), [
    [range(13, 17, 13, 23), [{ file: 'kube-proxy.yaml', range: range(4, 14, 4, 19), message: "IPVS's idle timeout for established TCP: 9000 s" }, MODE_RELATED]],
  ]);
  assert.deepEqual(where({ 'kube-proxy.yaml': IPVS, 'api.yaml': deployment('api', { keepalive: '"7200"', hostNetwork: true }), [NODE]: lines(`${KEEPALIVE} = 600`) }), [], 'a host-network pod has the node’s value');
});

test('a node keepalive not below the IPVS timeout: reported on the sysctl value', () => {
  const files = { 'kube-proxy.yaml': IPVS, [NODE]: lines('# keepalive', `${KEEPALIVE} = 1200`), 'api.yaml': deployment('api', { keepalive: '"600"' }) };
  assert.deepEqual(diagnostics(files), [
    {
      file: NODE,
      range: range(1, 30, 1, 34),
      rule: RULE,
      severity: 'warning',
      message: `${KEEPALIVE} is 1200 s on the node, not below ${KERNEL_IPVS}`,
      related: [MODE_RELATED],
    },
  ]);
  assert.deepEqual(where({ ...files, [NODE]: lines(`${KEEPALIVE} = 600`) }), []);
  assert.deepEqual(where({ [NODE]: lines(`${KEEPALIVE} = 1200`) }, { proxyMode: 'ipvs' }), [`${NODE} 0:30-0:34`], 'with the mode assumed');
});

test('silent outside IPVS mode, when kube-proxy is assumed absent, and when every pod keeps below the timeout', () => {
  const risky = { 'api.yaml': deployment('api', { keepalive: '"7200"' }), 'web.yaml': deployment('web'), [NODE]: lines(`${KEEPALIVE} = 7200`) };
  assert.deepEqual(where(risky), [], 'iptables by default');
  assert.deepEqual(where({ ...risky, 'kube-proxy.yaml': kubeProxy('mode: iptables') }), []);
  assert.deepEqual(where({ ...risky, 'kube-proxy.yaml': kubeProxy('mode: nftables') }), []);
  assert.deepEqual(where({ ...risky, 'kube-proxy.yaml': IPVS }, { kubeProxy: false }), [], 'kube-proxy absent: no IPVS');
  assert.deepEqual(where({ ...risky, 'kube-proxy.yaml': IPVS }).length, 3);
  assert.deepEqual(where({ 'kube-proxy.yaml': IPVS, 'api.yaml': deployment('api', { keepalive: '"600"' }), [NODE]: lines(`${KEEPALIVE} = 300`) }), []);
  assert.deepEqual(where({ 'kube-proxy.yaml': IPVS }), [], 'no workloads: nothing relies on the default');
});

// Quick fixes.

function applyPreferred(files: Files, fixes: readonly Fix[]): Record<string, string> {
  return fixes.filter((fix) => fix.preferred).reduce<Record<string, string>>((current, fix) => applyFix(current, fix), { ...files });
}

const titles = (fixes: readonly Fix[]) => fixes.map(({ title, preferred }) => ({ title, preferred }));
const ADD = (kind: string, name: string, seconds = 450) => ({ title: `Add ${KEEPALIVE} = ${seconds} to the securityContext.sysctls of ${kind} "${name}"`, preferred: true });
const DISABLE = { title: `Disable ${RULE} for this line`, preferred: false };
const KEEPALIVE_450 = ['      securityContext:', '        sysctls:', `          - name: ${KEEPALIVE}`, '            value: "450"'];

test('formatGoDuration writes whole seconds as Go does', () => {
  assert.deepEqual([7500, 7260, 3600, 900, 45, 0].map(formatGoDuration), ['2h5m0s', '2h1m0s', '1h0m0s', '15m0s', '45s', '0s']);
});

test('the default finding: a keepalive of 450 s per workload (preferred), or ipvs.tcpTimeout above the default keepalive', () => {
  const files = { 'kube-proxy.yaml': IPVS, 'api.yaml': deployment('api'), 'agent.yaml': deployment('agent', { hostNetwork: true }) };
  const fixes = fixesOf(files, { file: 'kube-proxy.yaml', only: true });
  assert.deepEqual(titles(fixes), [ADD('Deployment', 'api'), { title: 'Set ipvs.tcpTimeout to 2h5m0s', preferred: false }, DISABLE]);
  const fixed = applyPreferred(files, fixes);
  assert.equal(fixed['api.yaml'], deployment('api') + KEEPALIVE_450.join('\n') + '\n');
  assert.equal(fixed['agent.yaml'], files['agent.yaml'], 'a host-network pod cannot set it');
  assert.deepEqual(where(fixed), ['kube-proxy.yaml 2:6-2:10'], 'the host-network pod still relies on the node’s default');
  const fixedNode = applyPreferred({ ...files, 'agent.yaml': deployment('agent') }, fixesOf({ ...files, 'agent.yaml': deployment('agent') }, { file: 'kube-proxy.yaml', only: true }));
  assert.deepEqual(where(fixedNode), [], 'clean once every workload sets its keepalive');
  const raised = applyFix(files, fixes[1]!);
  assert.equal(raised['kube-proxy.yaml'], kubeProxy('mode: ipvs', 'ipvs:', '  tcpTimeout: 2h5m0s'));
  assert.deepEqual(where(raised), [], 'clean once the timeout is above the default keepalive');
});

test('Set ipvs.tcpTimeout: replaces a written value, adds to an ipvs mapping, fills an empty ipvs key', () => {
  const api = { 'api.yaml': deployment('api') };
  const cases: [string, string][] = [
    [kubeProxy('mode: ipvs', 'ipvs:', '  tcpTimeout: 0s', '  scheduler: rr'), kubeProxy('mode: ipvs', 'ipvs:', '  tcpTimeout: 2h5m0s', '  scheduler: rr')],
    [kubeProxy('mode: ipvs', 'ipvs:', '  tcpTimeout: 1h', 'conntrack: {}'), kubeProxy('mode: ipvs', 'ipvs:', '  tcpTimeout: 2h5m0s', 'conntrack: {}')],
    [kubeProxy('ipvs:', '  scheduler: rr', '# tuning', 'mode: ipvs'), kubeProxy('ipvs:', '  scheduler: rr', '  tcpTimeout: 2h5m0s', '# tuning', 'mode: ipvs')],
    [kubeProxy('ipvs: {scheduler: rr}', 'mode: ipvs'), kubeProxy('ipvs: {scheduler: rr, tcpTimeout: 2h5m0s}', 'mode: ipvs')],
    [kubeProxy('ipvs:', 'mode: ipvs'), kubeProxy('ipvs:', '  tcpTimeout: 2h5m0s', 'mode: ipvs')],
  ];
  for (const [before, after] of cases) {
    const files = { 'kube-proxy.yaml': before, ...api };
    const fix = fixesOf(files, { file: 'kube-proxy.yaml', only: true }).find((candidate) => candidate.title === 'Set ipvs.tcpTimeout to 2h5m0s');
    assert.ok(fix, before);
    assert.equal(applyFix(files, fix)['kube-proxy.yaml'], after, before);
  }
});

test('Set ipvs.tcpTimeout inside the kube-proxy ConfigMap’s config.conf, at the block’s indentation', () => {
  const before = kubeProxyConfigMap('apiVersion: kubeproxy.config.k8s.io/v1alpha1', 'kind: KubeProxyConfiguration', 'mode: ipvs', 'conntrack:', '  maxPerCore: 32768');
  const files = { 'kube-proxy.yaml': before, 'api.yaml': deployment('api') };
  const fix = fixesOf(files, { file: 'kube-proxy.yaml', only: true }).find((candidate) => candidate.title === 'Set ipvs.tcpTimeout to 2h5m0s')!;
  const after = applyFix(files, fix);
  assert.equal(after['kube-proxy.yaml'], kubeProxyConfigMap('apiVersion: kubeproxy.config.k8s.io/v1alpha1', 'kind: KubeProxyConfiguration', 'mode: ipvs', 'conntrack:', '  maxPerCore: 32768', 'ipvs:', '  tcpTimeout: 2h5m0s'));
  assert.deepEqual(where(after), []);
});

test('Set --ipvs-tcp-timeout when the DaemonSet passes the flag: it wins over the configuration', () => {
  const files = { 'ds.yaml': kubeProxyDaemonSet('--proxy-mode=ipvs', '--ipvs-tcp-timeout=0s'), 'kube-proxy.yaml': kubeProxy('ipvs:', '  tcpTimeout: 1h'), 'api.yaml': deployment('api') };
  const fixes = fixesOf(files, { file: 'ds.yaml', only: true });
  assert.deepEqual(titles(fixes), [ADD('Deployment', 'api'), { title: 'Set --ipvs-tcp-timeout to 2h5m0s', preferred: false }, DISABLE]);
  const after = applyFix(files, fixes[1]!);
  assert.equal(after['ds.yaml'], kubeProxyDaemonSet('--proxy-mode=ipvs', '--ipvs-tcp-timeout=2h5m0s'));
  assert.deepEqual(where(after), []);
  assert.deepEqual(titles(fixesOf({ 'api.yaml': deployment('api') }, { file: 'api.yaml', only: true, assumptions: { proxyMode: 'ipvs' } })), [ADD('Deployment', 'api'), DISABLE], 'no kube-proxy configuration: nothing to raise');
});

test('Set net.ipv4.tcp_keepalive_time on a pod or node value: half the timeout, at most 600', () => {
  const pod = { 'kube-proxy.yaml': IPVS, 'api.yaml': deployment('api', { keepalive: '"7200"' }) };
  const podFixes = fixesOf(pod, { file: 'api.yaml', only: true });
  assert.deepEqual(titles(podFixes), [{ title: `Set ${KEEPALIVE} to 450`, preferred: true }, DISABLE]);
  const fixedPod = applyPreferred(pod, podFixes);
  assert.equal(fixedPod['api.yaml'], deployment('api', { keepalive: '"450"' }));
  assert.deepEqual(where(fixedPod), []);
  const node = { 'kube-proxy.yaml': kubeProxy('mode: ipvs', 'ipvs:', '  tcpTimeout: 2h30m'), [NODE]: lines(`${KEEPALIVE} = 9000`, 'net.ipv4.tcp_keepalive_intvl = 30') };
  const fixedNode = applyPreferred(node, fixesOf(node, { file: NODE, only: true }));
  assert.equal(fixedNode[NODE], lines(`${KEEPALIVE} = 600`, 'net.ipv4.tcp_keepalive_intvl = 30'));
  assert.deepEqual(where(fixedNode), []);
});
