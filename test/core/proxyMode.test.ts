import assert from 'node:assert/strict';
import { test } from 'node:test';
import { effectiveConntrackTimeout, type Assumptions, hoverAt, effectiveIpvsTcpTimeout, effectiveProxyMode } from '@connlint/server';
import { lines, modelOf } from '../helpers/lintFiles';
import { kubeProxyDaemonSet } from '../helpers/manifests';

type Files = Readonly<Record<string, string>>;

/** The span of the `occurrence`-th (0-based) `needle` in `text`. */
function spanOf(text: string, needle: string, occurrence = 0): { start: number; end: number } {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = text.indexOf(needle, start + 1);
  assert.notEqual(start, -1, `${needle} not found`);
  return { start, end: start + needle.length };
}

const kubeProxy = (...body: string[]): string => lines('apiVersion: kubeproxy.config.k8s.io/v1alpha1', 'kind: KubeProxyConfiguration', ...body);

/** kubeadm's form: the configuration as a literal block in the kube-proxy ConfigMap. */
const configMap = (...body: string[]): string =>
  lines(
    'apiVersion: v1',
    'kind: ConfigMap',
    'metadata:',
    '  name: kube-proxy',
    '  namespace: kube-system',
    'data:',
    '  config.conf: |-',
    '    apiVersion: kubeproxy.config.k8s.io/v1alpha1',
    '    kind: KubeProxyConfiguration',
    ...body.map((line) => `    ${line}`),
  );

const KERNEL_IPVS = { kind: 'default', reason: "the kernel's IPVS default (kube-proxy leaves it when ipvs.tcpTimeout is 0)" };

test('proxy mode from a standalone KubeProxyConfiguration', () => {
  const text = kubeProxy('mode: ipvs');
  assert.deepEqual(effectiveProxyMode(modelOf({ 'kube-proxy.yaml': text })), {
    value: 'ipvs',
    source: { kind: 'file', file: 'kube-proxy.yaml', span: spanOf(text, 'ipvs'), setting: 'mode' },
  });
  const quoted = kubeProxy('mode: "nftables"');
  assert.deepEqual(effectiveProxyMode(modelOf({ 'kube-proxy.yaml': quoted })).source, { kind: 'file', file: 'kube-proxy.yaml', span: spanOf(quoted, '"nftables"'), setting: 'mode' }, 'the span holds the quotes');
});

test('proxy mode from the config.conf of the kube-proxy ConfigMap: the span points into the block', () => {
  const text = configMap('mode: ipvs', 'conntrack:', '  maxPerCore: 32768');
  const model = modelOf({ 'kube-system/kube-proxy.yaml': text });
  assert.deepEqual(effectiveProxyMode(model), {
    value: 'ipvs',
    source: { kind: 'file', file: 'kube-system/kube-proxy.yaml', span: spanOf(text, 'ipvs'), setting: 'mode' },
  });
  assert.equal(model.describe(effectiveProxyMode(model).source), 'mode in kube-proxy.yaml:10');
});

test('proxy mode from the kube-proxy DaemonSet: --proxy-mode=ipvs and --proxy-mode ipvs, over the configuration file', () => {
  const joined = kubeProxyDaemonSet('--proxy-mode=ipvs');
  assert.deepEqual(effectiveProxyMode(modelOf({ 'ds.yaml': joined })), {
    value: 'ipvs',
    source: { kind: 'file', file: 'ds.yaml', span: spanOf(joined, 'ipvs'), setting: '--proxy-mode' },
  });
  const separate = kubeProxyDaemonSet('--proxy-mode', 'ipvs');
  const model = modelOf({ 'ds.yaml': separate, 'kube-proxy.yaml': kubeProxy('mode: iptables') });
  assert.deepEqual(effectiveProxyMode(model), {
    value: 'ipvs',
    source: { kind: 'file', file: 'ds.yaml', span: spanOf(separate, 'ipvs'), setting: '--proxy-mode' },
  });
  assert.equal(model.describe(effectiveProxyMode(model).source), '--proxy-mode in ds.yaml:19');
  const empty = modelOf({ 'ds.yaml': kubeProxyDaemonSet('--proxy-mode='), 'kube-proxy.yaml': kubeProxy('mode: ipvs') });
  assert.equal(effectiveProxyMode(empty).value, 'ipvs', 'an empty flag leaves the configuration in force');
});

test('with --config, kube-proxy ignores the other flags: the configuration file decides (kubeadm runs it so)', () => {
  const files = (...args: string[]) => ({ 'ds.yaml': kubeProxyDaemonSet(...args), 'kube-proxy.yaml': kubeProxy('mode: iptables') });
  for (const config of [['--config=/var/lib/kube-proxy/config.conf'], ['--config', '/var/lib/kube-proxy/config.conf']]) {
    const model = modelOf(files(...config, '--proxy-mode=ipvs', '--ipvs-tcp-timeout=30m', '--conntrack-tcp-timeout-established=1h'));
    assert.equal(effectiveProxyMode(model).value, 'iptables', config.join(' '));
    assert.equal(effectiveIpvsTcpTimeout(model).value, 900, config.join(' '));
    assert.equal(effectiveConntrackTimeout(model).value, 86400, config.join(' '));
  }
  assert.equal(effectiveProxyMode(modelOf(files('--config-sync-period=15m', '--proxy-mode=ipvs'))).value, 'ipvs', 'another flag that starts with --config');
});

test('a quoted flag: the value span stops before the closing quote', () => {
  const text = kubeProxyDaemonSet('"--proxy-mode=ipvs"');
  assert.deepEqual(effectiveProxyMode(modelOf({ 'ds.yaml': text })).source, { kind: 'file', file: 'ds.yaml', span: spanOf(text, 'ipvs'), setting: '--proxy-mode' });
});

test('proxy mode from the assume.proxyMode setting, over every file; iptables by default', () => {
  const files = { 'ds.yaml': kubeProxyDaemonSet('--proxy-mode=iptables'), 'kube-proxy.yaml': kubeProxy('mode: iptables') };
  assert.deepEqual(effectiveProxyMode(modelOf(files, { proxyMode: 'ipvs' })), { value: 'ipvs', source: { kind: 'assumption', setting: 'proxyMode' } });
  assert.equal(modelOf(files, { proxyMode: 'ipvs' }).describe({ kind: 'assumption', setting: 'proxyMode' }), 'the proxyMode setting');
  const iptables = { value: 'iptables', source: { kind: 'default', reason: "kube-proxy's default on Linux" } };
  assert.deepEqual(effectiveProxyMode(modelOf({})), iptables);
  assert.deepEqual(effectiveProxyMode(modelOf({ 'kube-proxy.yaml': kubeProxy('mode: ""') })), iptables, 'an empty mode is the default');
  assert.deepEqual(effectiveProxyMode(modelOf({ 'kube-proxy.yaml': kubeProxy('conntrack:', '  maxPerCore: 0') })), iptables);
});

test('the IPVS idle timeout: --ipvs-tcp-timeout, else ipvs.tcpTimeout above 0, else the kernel’s 900 s', () => {
  const flagged = kubeProxyDaemonSet('--ipvs-tcp-timeout=30m');
  assert.deepEqual(effectiveIpvsTcpTimeout(modelOf({ 'ds.yaml': flagged, 'kube-proxy.yaml': kubeProxy('ipvs:', '  tcpTimeout: 15m') })), {
    value: 1800,
    source: { kind: 'file', file: 'ds.yaml', span: spanOf(flagged, '30m'), setting: '--ipvs-tcp-timeout' },
  });
  const configured = kubeProxy('mode: ipvs', 'ipvs:', '  tcpTimeout: 2h5m0s');
  assert.deepEqual(effectiveIpvsTcpTimeout(modelOf({ 'kube-proxy.yaml': configured })), {
    value: 7500,
    source: { kind: 'file', file: 'kube-proxy.yaml', span: spanOf(configured, '2h5m0s'), setting: 'ipvs.tcpTimeout' },
  });
  const embedded = configMap('mode: ipvs', 'ipvs:', '  tcpTimeout: 15m0s');
  assert.deepEqual(effectiveIpvsTcpTimeout(modelOf({ 'cm.yaml': embedded })).source, { kind: 'file', file: 'cm.yaml', span: spanOf(embedded, '15m0s'), setting: 'ipvs.tcpTimeout' });
  assert.deepEqual(effectiveIpvsTcpTimeout(modelOf({ 'kube-proxy.yaml': kubeProxy('ipvs:', '  tcpTimeout: 0s') })), { value: 900, source: KERNEL_IPVS }, '0 keeps the kernel’s value');
  assert.deepEqual(effectiveIpvsTcpTimeout(modelOf({ 'kube-proxy.yaml': kubeProxy('mode: ipvs') })), { value: 900, source: KERNEL_IPVS });
  assert.deepEqual(effectiveIpvsTcpTimeout(modelOf({})), { value: 900, source: KERNEL_IPVS });
  assert.deepEqual(
    effectiveIpvsTcpTimeout(modelOf({ 'ds.yaml': kubeProxyDaemonSet('--ipvs-tcp-timeout=0'), 'kube-proxy.yaml': kubeProxy('ipvs:', '  tcpTimeout: 15m') })),
    { value: 900, source: KERNEL_IPVS },
    'a flag of 0 wins over the file too',
  );
});

test('the conntrack timeout: --conntrack-tcp-timeout-established wins over conntrack.tcpEstablishedTimeout', () => {
  const flagged = kubeProxyDaemonSet('--conntrack-tcp-timeout-established=2h');
  const config = kubeProxy('conntrack:', '  tcpEstablishedTimeout: 1h');
  assert.deepEqual(effectiveConntrackTimeout(modelOf({ 'ds.yaml': flagged, 'kube-proxy.yaml': config })), {
    value: 7200,
    source: { kind: 'file', file: 'ds.yaml', span: spanOf(flagged, '2h'), setting: '--conntrack-tcp-timeout-established' },
  });
  assert.deepEqual(effectiveConntrackTimeout(modelOf({ 'kube-proxy.yaml': config })), {
    value: 3600,
    source: { kind: 'file', file: 'kube-proxy.yaml', span: spanOf(config, '1h'), setting: 'tcpEstablishedTimeout' },
  });
  const separate = kubeProxyDaemonSet('--conntrack-tcp-timeout-established', '90m');
  assert.deepEqual(effectiveConntrackTimeout(modelOf({ 'ds.yaml': separate, 'kube-proxy.yaml': config })).source, {
    kind: 'file',
    file: 'ds.yaml',
    span: spanOf(separate, '90m'),
    setting: '--conntrack-tcp-timeout-established',
  });
  const zero = modelOf({ 'ds.yaml': kubeProxyDaemonSet('--conntrack-tcp-timeout-established=0s'), 'kube-proxy.yaml': config });
  assert.deepEqual(effectiveConntrackTimeout(zero), { value: 432000, source: { kind: 'default', reason: "the kernel's default" } }, '0 leaves the node’s value');
});

const IPVS_BODY =
  "IPVS never reschedules a packet that is not a SYN: once an idle connection's entry expires, the node answers its next packet with a RST. TCP keepalive below the timeout keeps the entry.";
const CONNTRACK_BODY = "Once an idle connection's entry expires, its next packet is load-balanced again and can reach a pod that resets it. TCP keepalive below the timeout keeps the entry.";

/** The hover at the `occurrence`-th `needle` of `path`. */
function hover(files: Files, path: string, needle: string, occurrence = 0, assumptions: Assumptions = {}): string | undefined {
  return hoverAt(modelOf(files, assumptions), path, spanOf(files[path]!, needle, occurrence).start);
}

test('hover on mode: ipvs: IPVS’s idle timeout, its value and source', () => {
  const files = { 'kube-proxy.yaml': kubeProxy('mode: ipvs', 'conntrack:', '  tcpEstablishedTimeout: 1h') };
  const expected = [
    '**kube-proxy mode: ipvs**',
    '',
    `IPVS's own idle timeout for established TCP applies: **900 s** (the kernel's IPVS default (kube-proxy leaves it when ipvs.tcpTimeout is 0)). ${IPVS_BODY}`,
  ].join('\n');
  assert.equal(hover(files, 'kube-proxy.yaml', 'mode'), expected, 'on the key');
  assert.equal(hover(files, 'kube-proxy.yaml', 'ipvs'), expected, 'on the value');
  const timeout = { 'cm.yaml': configMap('mode: ipvs', 'ipvs:', '  tcpTimeout: 2h5m0s') };
  assert.equal(
    hover(timeout, 'cm.yaml', 'mode: ipvs', 0),
    ['**kube-proxy mode: ipvs**', '', `IPVS's own idle timeout for established TCP applies: **7500 s** (ipvs.tcpTimeout in cm.yaml:12). ${IPVS_BODY}`].join('\n'),
    'inside config.conf',
  );
});

test('hover on mode: iptables or nftables: the conntrack timeout, its value and source', () => {
  const files = { 'kube-proxy.yaml': kubeProxy('mode: iptables', 'conntrack:', '  tcpEstablishedTimeout: 1h') };
  assert.equal(
    hover(files, 'kube-proxy.yaml', 'iptables'),
    ['**kube-proxy mode: iptables**', '', `The conntrack established timeout applies: **3600 s** (tcpEstablishedTimeout in kube-proxy.yaml:5). ${CONNTRACK_BODY}`].join('\n'),
  );
  assert.equal(
    hover({ 'kube-proxy.yaml': kubeProxy('mode: nftables') }, 'kube-proxy.yaml', 'nftables'),
    ['**kube-proxy mode: nftables**', '', `The conntrack established timeout applies: **86400 s** (kube-proxy's default, tcpEstablishedTimeout unset in kube-proxy.yaml). ${CONNTRACK_BODY}`].join('\n'),
  );
  assert.equal(hover({ 'kube-proxy.yaml': kubeProxy('mode: userspace') }, 'kube-proxy.yaml', 'userspace'), '**kube-proxy mode: userspace**\n\nNot a mode kube-proxy has on Linux (iptables, ipvs, nftables).');
  assert.equal(hover(files, 'kube-proxy.yaml', 'conntrack:'), undefined, 'the other lines are not covered');
});

test('hover on a mode another source overrides: the mode that applies, and where it comes from', () => {
  const files = { 'kube-proxy.yaml': kubeProxy('mode: iptables'), 'ds.yaml': kubeProxyDaemonSet('--proxy-mode=ipvs', '--ipvs-tcp-timeout=30m') };
  assert.equal(
    hover(files, 'kube-proxy.yaml', 'iptables'),
    ['**kube-proxy mode: ipvs** (--proxy-mode in ds.yaml:18, over this line)', '', `IPVS's own idle timeout for established TCP applies: **1800 s** (--ipvs-tcp-timeout in ds.yaml:19). ${IPVS_BODY}`].join('\n'),
  );
  assert.equal(
    hover({ 'kube-proxy.yaml': kubeProxy('mode: ipvs') }, 'kube-proxy.yaml', 'ipvs', 0, { proxyMode: 'iptables', conntrackEstablishedTimeout: 3600 }),
    ['**kube-proxy mode: iptables** (the proxyMode setting, over this line)', '', `The conntrack established timeout applies: **3600 s** (the conntrackEstablishedTimeout setting). ${CONNTRACK_BODY}`].join('\n'),
  );
});
