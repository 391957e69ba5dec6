import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintersFor, lines, type Brief } from '../helpers/lintFiles';
import { deployment } from '../helpers/manifests';
import { CONNTRACK_ESTABLISHED as CONNTRACK, KEEPALIVE_TIME as KEEPALIVE, NODE_SYSCTL as NODE } from '../helpers/sysctl';

const { lintBrief, lintFiles } = lintersFor('keepalive-conntrack');

/** A KubeProxyConfiguration whose tcpEstablishedTimeout value starts at 4:25. */
const kubeProxy = (timeout: string): string =>
  lines('apiVersion: kubeproxy.config.k8s.io/v1alpha1', 'kind: KubeProxyConfiguration', 'mode: iptables', 'conntrack:', `  tcpEstablishedTimeout: ${timeout}`);

const at = (file: string, range: string): Brief => ({ rule: 'keepalive-conntrack', severity: 'warning', file, range });
const app = deployment('web');

test('a node keepalive time not below kube-proxy’s default conntrack timeout fires on its value', () => {
  assert.deepEqual(lintFiles({ [NODE]: lines(`${KEEPALIVE} = 90000`), 'app.yaml': deployment('web', { keepalive: '"600"' }) }), [
    {
      file: NODE,
      range: { start: { line: 0, character: 30 }, end: { line: 0, character: 35 } },
      rule: 'keepalive-conntrack',
      severity: 'warning',
      message: `${KEEPALIVE} is 90000 s on the node, not below the conntrack established timeout of 86400 s (kube-proxy's default, no kube-proxy configuration in the workspace)`,
      related: [],
    },
  ]);
  assert.deepEqual(lintBrief({ [NODE]: lines(`${KEEPALIVE} = 86400`), 'app.yaml': app }), [at(NODE, '0:30-0:35')], 'equal fires');
  assert.deepEqual(lintBrief({ [NODE]: lines(`${KEEPALIVE} = 86399`), 'app.yaml': app }), []);
  assert.deepEqual(lintBrief({ [NODE]: lines(`${KEEPALIVE} = 600`), 'app.yaml': app }), []);
  assert.deepEqual(lintBrief({ [NODE]: lines(`${KEEPALIVE} = 90000`) }), [], 'no manifests: the kernel default of 432000 s applies');
});

test('sysctl.d files apply in file-name order, whatever order they are added in', () => {
  const low = lines(`${KEEPALIVE} = 600`);
  const high = lines(`${KEEPALIVE} = 90000`);
  assert.deepEqual(lintBrief({ 'sysctl.d/10-a.conf': low, 'sysctl.d/90-b.conf': high, 'app.yaml': app }), [at('sysctl.d/90-b.conf', '0:30-0:35')]);
  assert.deepEqual(lintBrief({ 'sysctl.d/90-b.conf': high, 'sysctl.d/10-a.conf': low, 'app.yaml': app }), [at('sysctl.d/90-b.conf', '0:30-0:35')]);
  assert.deepEqual(lintBrief({ 'sysctl.d/10-a.conf': high, 'sysctl.d/90-b.conf': low, 'app.yaml': app }), []);
  assert.deepEqual(lintBrief({ 'sysctl.d/90-b.conf': low, 'sysctl.d/10-a.conf': high, 'app.yaml': app }), []);
  assert.deepEqual(lintBrief({ 'a/sysctl.d/90-b.conf': high, 'b/sysctl.d/10-a.conf': low, 'app.yaml': app }), [at('a/sysctl.d/90-b.conf', '0:30-0:35')], 'by name, not path');
});

test('sysctl.conf applies after every sysctl.d file', () => {
  const low = lines(`${KEEPALIVE} = 600`);
  const high = lines(`${KEEPALIVE} = 90000`);
  assert.deepEqual(lintBrief({ 'etc/sysctl.conf': high, 'etc/sysctl.d/99-z.conf': low, 'app.yaml': app }), [at('etc/sysctl.conf', '0:30-0:35')]);
  assert.deepEqual(lintBrief({ 'etc/sysctl.d/99-z.conf': high, 'etc/sysctl.conf': low, 'app.yaml': app }), []);
});

test('keys written with / separators or a leading - are the same key', () => {
  assert.deepEqual(lintBrief({ [NODE]: lines('net/ipv4/tcp_keepalive_time = 90000'), 'app.yaml': app }), [at(NODE, '0:30-0:35')]);
  assert.deepEqual(lintBrief({ [NODE]: lines(`-${KEEPALIVE}=90000`), 'app.yaml': app }), [at(NODE, '0:29-0:34')]);
  assert.deepEqual(lintBrief({ [NODE]: lines(`  - net/ipv4/tcp_keepalive_time   =   90000  `), 'app.yaml': app }), [at(NODE, '0:38-0:43')]);
});

test('a kube-proxy conntrack timeout at or below 7200 s fires once, naming the workloads on the default keepalive', () => {
  const diagnostics = lintFiles({ 'kube-proxy.yaml': kubeProxy('1h'), 'api.yaml': deployment('api'), 'worker.yaml': deployment('worker') });
  const related = (file: string, name: string) => ({
    file,
    range: { start: { line: 3, character: 8 }, end: { line: 3, character: 8 + name.length } },
    message: `Deployment "${name}" sets no ${KEEPALIVE} in its pods' securityContext.sysctls`,
  });
  assert.deepEqual(diagnostics, [
    {
      file: 'kube-proxy.yaml',
      range: { start: { line: 4, character: 25 }, end: { line: 4, character: 27 } },
      rule: 'keepalive-conntrack',
      severity: 'warning',
      message:
        `tcpEstablishedTimeout sets the conntrack established timeout to 3600 s, not above the default ${KEEPALIVE} of 7200 s ` +
        `that Deployment "api" and 1 more workload rely on`,
      related: [related('api.yaml', 'api'), related('worker.yaml', 'worker')],
    },
  ]);
});

test('the boundary is the default keepalive itself: 2h0m0s fires, 2h0m1s and 3h do not', () => {
  assert.deepEqual(lintBrief({ 'kube-proxy.yaml': kubeProxy('2h0m0s'), 'app.yaml': app }), [at('kube-proxy.yaml', '4:25-4:31')]);
  assert.deepEqual(lintBrief({ 'kube-proxy.yaml': kubeProxy('2h0m1s'), 'app.yaml': app }), []);
  assert.deepEqual(lintBrief({ 'kube-proxy.yaml': kubeProxy('3h'), 'app.yaml': app }), []);
});

test('tcpEstablishedTimeout: 0s leaves the node’s own conntrack timeout in force', () => {
  const node = lines('# conntrack', `${CONNTRACK} = 3600`);
  assert.deepEqual(lintBrief({ 'kube-proxy.yaml': kubeProxy('0s'), 'app.yaml': app, [NODE]: node }), [at(NODE, '1:53-1:57')]);
  const message = lintFiles({ 'kube-proxy.yaml': kubeProxy('0s'), 'app.yaml': app, [NODE]: node })[0]?.message;
  // `keepalive time` for the key's name: with it, the message would pass 200 characters.
  assert.equal(message, `${CONNTRACK} sets the conntrack established timeout to 3600 s, not above the default keepalive time of 7200 s that the node and 1 more workload rely on`);
  assert.deepEqual(lintBrief({ 'kube-proxy.yaml': kubeProxy('0s'), 'app.yaml': app }), [], "no node value: the kernel's 432000 s");
  assert.deepEqual(lintBrief({ 'kube-proxy.yaml': kubeProxy('1h'), 'app.yaml': app, [NODE]: lines(`${CONNTRACK} = 100000`) }), [at('kube-proxy.yaml', '4:25-4:27')], 'kube-proxy overrides the node');
});

test('without manifests the node’s sysctl files decide alone', () => {
  assert.deepEqual(lintFiles({ [NODE]: lines(`${CONNTRACK} = 3600`) }), [
    {
      file: NODE,
      range: { start: { line: 0, character: 53 }, end: { line: 0, character: 57 } },
      rule: 'keepalive-conntrack',
      severity: 'warning',
      message: `${CONNTRACK} sets the conntrack established timeout to 3600 s, not above the default ${KEEPALIVE} of 7200 s that the node relies on`,
      related: [],
    },
  ]);
  assert.deepEqual(lintBrief({ [NODE]: lines(`${CONNTRACK} = 3600`, `${KEEPALIVE} = 120`) }), []);
  assert.deepEqual(lintFiles({ [NODE]: lines(`${CONNTRACK} = 3600`, `${KEEPALIVE} = 3600`) }), [
    {
      file: NODE,
      range: { start: { line: 1, character: 30 }, end: { line: 1, character: 34 } },
      rule: 'keepalive-conntrack',
      severity: 'warning',
      message: `${KEEPALIVE} is 3600 s on the node, not below the conntrack established timeout of 3600 s (${CONNTRACK} in 60-k8s.conf:1)`,
      related: [{ file: NODE, range: { start: { line: 0, character: 53 }, end: { line: 0, character: 57 } }, message: 'The conntrack established timeout: 3600 s' }],
    },
  ]);
});

test('the kube-proxy ConfigMap: the range points into the config.conf block scalar', () => {
  const configMap = lines(
    'apiVersion: v1',
    'kind: ConfigMap',
    'metadata:',
    '  name: kube-proxy',
    '  namespace: kube-system',
    'data:',
    '  config.conf: |-',
    '    apiVersion: kubeproxy.config.k8s.io/v1alpha1',
    '    kind: KubeProxyConfiguration',
    '    conntrack:',
    '      maxPerCore: 32768',
    '      tcpEstablishedTimeout: 1h',
    '    mode: iptables',
  );
  assert.deepEqual(lintBrief({ 'kube-proxy.yaml': configMap }), [at('kube-proxy.yaml', '11:29-11:31')]);
  assert.deepEqual(lintBrief({ 'kube-proxy.yaml': configMap.replace('name: kube-proxy', 'name: other') }), [at('kube-proxy.yaml', '11:29-11:31')], 'any ConfigMap name');
  assert.deepEqual(lintBrief({ 'kube-proxy.yaml': configMap.replace('kind: KubeProxyConfiguration', 'kind: KubeletConfiguration') }), [], 'another kind of configuration');
});

test('a pod’s own keepalive sysctl is compared with the conntrack timeout', () => {
  const diagnostics = lintFiles({ 'app.yaml': deployment('web', { keepalive: '"90000"' }) });
  assert.deepEqual(diagnostics.map((d) => [d.rule, d.severity, d.range, d.related]), [['keepalive-conntrack', 'warning', { start: { line: 13, character: 17 }, end: { line: 13, character: 24 } }, []]]);
  assert.equal(
    diagnostics[0]!.message,
    `${KEEPALIVE} is 90000 s in the pods of Deployment "web", not below the conntrack established timeout of 86400 s (kube-proxy's default, no kube-proxy configuration in the workspace)`,
  );
  assert.deepEqual(lintBrief({ 'app.yaml': deployment('web', { keepalive: '"600"' }) }), []);
  assert.deepEqual(lintBrief({ 'app.yaml': deployment('web', { keepalive: '"600"' }), 'kube-proxy.yaml': kubeProxy('1h'), [NODE]: lines(`${KEEPALIVE} = 600`) }), []);
  assert.deepEqual(lintBrief({ 'app.yaml': deployment('web', { keepalive: '"3600"' }), 'kube-proxy.yaml': kubeProxy('1h'), [NODE]: lines(`${KEEPALIVE} = 600`) }), [at('app.yaml', '13:17-13:23')]);
});

test('a host-network pod’s own sysctl is ignored: it has the node’s keepalive', () => {
  const hostPod = (keepalive: string): string => deployment('web', { keepalive, hostNetwork: true });
  assert.deepEqual(lintBrief({ 'app.yaml': hostPod('"90000"') }), []);
  assert.deepEqual(lintBrief({ 'app.yaml': hostPod('"600"'), 'kube-proxy.yaml': kubeProxy('1h') }), [at('kube-proxy.yaml', '4:25-4:27')]);
  assert.deepEqual(lintBrief({ 'app.yaml': hostPod('"600"'), 'kube-proxy.yaml': kubeProxy('1h'), [NODE]: lines(`${KEEPALIVE} = 600`) }), []);
  assert.deepEqual(lintBrief({ 'app.yaml': hostPod('"600"'), 'kube-proxy.yaml': kubeProxy('1h'), [NODE]: lines(`${KEEPALIVE} = 7200`) }), [at(NODE, '0:30-0:34')]);
});

test('the related note on a host-network pod says the node default applies, not that it sets no keepalive', () => {
  const [diagnostic] = lintFiles({ 'app.yaml': deployment('web', { keepalive: '"600"', hostNetwork: true }), 'kube-proxy.yaml': kubeProxy('1h') });
  assert.deepEqual(
    diagnostic?.related.map((related) => related.message),
    ['Deployment "web" uses the host network, where the node\'s default net.ipv4.tcp_keepalive_time applies'],
  );
});
