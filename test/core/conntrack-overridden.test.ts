import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lines, applyFix, ruleLinter } from '../helpers/lintFiles';
import { kubeProxyConfigMap } from '../helpers/manifests';
import { CONNTRACK_CLOSE_WAIT as CLOSE_WAIT, CONNTRACK_ESTABLISHED as ESTABLISHED, CONNTRACK_MAX as MAX, NODE_SYSCTL as NODE } from '../helpers/sysctl';

const RULE = 'conntrack-overridden';
const { diagnostics, where, fixesOf } = ruleLinter(RULE);
const APP = lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: app', 'spec:', '  containers:', '  - name: app', '    image: nginx');
const NO_CONFIGURATION = "kube-proxy's default, no kube-proxy configuration in the workspace";

const kubeProxy = (...rest: string[]): string => lines('apiVersion: kubeproxy.config.k8s.io/v1alpha1', 'kind: KubeProxyConfiguration', 'mode: iptables', ...rest);


test('a node conntrack timeout kube-proxy overwrites with its default: the whole finding', () => {
  assert.deepEqual(diagnostics({ [NODE]: lines(`${ESTABLISHED} = 3600`), 'app.yaml': APP }), [
    {
      file: NODE,
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 57 } },
      rule: RULE,
      severity: 'warning',
      // Where the node's value is set (this line) is left out: with it, the message would pass 200 characters.
      message:
        `${ESTABLISHED} is 3600 s on the node, but kube-proxy overwrites it with 86400 s (${NO_CONFIGURATION})`,
      related: [],
    },
  ]);
});

test('a written kube-proxy value: named with its place, and a related location', () => {
  const [diagnostic] = diagnostics({ [NODE]: lines(`${ESTABLISHED} = 432000`), 'kube-proxy.yaml': kubeProxy('conntrack:', '  tcpEstablishedTimeout: 2h') });
  assert.equal(
    diagnostic!.message,
    `${ESTABLISHED} is 432000 s on the node (set in 60-k8s.conf:1), but kube-proxy overwrites it with 7200 s (conntrack.tcpEstablishedTimeout in kube-proxy.yaml:5)`,
  );
  assert.deepEqual(diagnostic!.related, [
    {
      file: 'kube-proxy.yaml',
      range: { start: { line: 4, character: 25 }, end: { line: 4, character: 27 } },
      message: `kube-proxy's conntrack.tcpEstablishedTimeout: 7200 s; it sets ${ESTABLISHED} from it at start-up`,
    },
  ]);
  const unset = diagnostics({ [NODE]: lines(`${ESTABLISHED} = 3600`), 'kube-proxy.yaml': kubeProxy() })[0]!;
  assert.match(unset.message, /with 86400 s \(kube-proxy's default, unset in kube-proxy\.yaml\)$/);
  assert.deepEqual(unset.related, []);
});

test('silent when kube-proxy leaves the node value, writes the same value, or is not in view', () => {
  const node = lines(`${ESTABLISHED} = 3600`);
  assert.deepEqual(where({ [NODE]: node }), [], 'no manifests: kube-proxy is not in view');
  assert.deepEqual(where({ [NODE]: node }, { kubeProxy: true }), [`${NODE} 0:0-0:57`], 'assumed running');
  assert.deepEqual(where({ [NODE]: node, 'app.yaml': APP }, { kubeProxy: false }), [], 'assumed absent');
  assert.deepEqual(where({ [NODE]: node, 'kube-proxy.yaml': kubeProxy('conntrack:', '  tcpEstablishedTimeout: 0s') }), [], '0s leaves it');
  assert.deepEqual(where({ [NODE]: node, 'kube-proxy.yaml': kubeProxy('conntrack:', '  tcpEstablishedTimeout: 1h0m0s') }), [], 'the same value');
  assert.deepEqual(where({ [NODE]: lines(`${ESTABLISHED} = 86400`), 'app.yaml': APP }), [], "kube-proxy's default");
  assert.deepEqual(where({ [NODE]: node, 'kube-proxy.yaml': kubeProxy('conntrack:', '  tcpEstablishedTimeout: 1 hour') }), [], 'unreadable: kube-proxy would not start');
  assert.deepEqual(where({ [NODE]: lines(`${ESTABLISHED} = 1h`), 'app.yaml': APP }), [], 'the kernel rejects the node value');
  assert.deepEqual(where({ 'app.yaml': APP }), []);
});

test('the winning node assignment is reported, in sysctl.d order', () => {
  const files = { 'sysctl.d/10-a.conf': lines(`${ESTABLISHED} = 86400`), 'sysctl.d/90-b.conf': lines('# timeouts', `${ESTABLISHED} = 3600`), 'app.yaml': APP };
  assert.deepEqual(where(files), ['sysctl.d/90-b.conf 1:0-1:57']);
  assert.deepEqual(where({ ...files, 'sysctl.d/90-b.conf': lines(`${ESTABLISHED} = 86400`), 'sysctl.d/10-a.conf': lines(`${ESTABLISHED} = 3600`) }), [], 'the later file wins with the same value');
});

test('a kube-proxy DaemonSet flag wins over the configuration; 0s there leaves the node value', () => {
  const daemonSet = (flag: string): string =>
    lines(
      'apiVersion: apps/v1',
      'kind: DaemonSet',
      'metadata:',
      '  name: kube-proxy',
      'spec:',
      '  template:',
      '    spec:',
      '      hostNetwork: true',
      '      containers:',
      '      - name: kube-proxy',
      '        command: [kube-proxy]',
      `        args: ["${flag}"]`,
    );
  const files = { [NODE]: lines(`${ESTABLISHED} = 3600`), 'ds.yaml': daemonSet('--conntrack-tcp-timeout-established=2h'), 'kube-proxy.yaml': kubeProxy('conntrack:', '  tcpEstablishedTimeout: 0s') };
  const [diagnostic] = diagnostics(files);
  assert.match(diagnostic!.message, /with 7200 s \(--conntrack-tcp-timeout-established in ds\.yaml:12\)$/);
  assert.deepEqual(diagnostic!.related.map((related) => [related.file, related.range.start.character, related.range.end.character]), [['ds.yaml', 52, 54]], 'the value inside the quotes');
  const fixes = fixesOf(files, { file: NODE, line: 0 });
  assert.deepEqual(fixes.map((fix) => [fix.title, fix.preferred]), [['Set --conntrack-tcp-timeout-established to 0s', false], [`Disable ${RULE} for this line`, false]]);
  const fixed = applyFix(files, fixes[0]!);
  assert.equal(fixed['ds.yaml'], daemonSet('--conntrack-tcp-timeout-established=0s'));
  assert.deepEqual(where(fixed), []);
  assert.deepEqual(where({ ...files, 'ds.yaml': daemonSet('--conntrack-tcp-timeout-established=0') }), []);
});

test('close_wait: kube-proxy’s 1 h default over the kernel’s 60 s', () => {
  const [diagnostic] = diagnostics({ [NODE]: lines(`${CLOSE_WAIT} = 60`), 'app.yaml': APP });
  assert.equal(
    diagnostic!.message,
    `${CLOSE_WAIT} is 60 s on the node, but kube-proxy overwrites it with 3600 s (${NO_CONFIGURATION})`,
  );
  assert.deepEqual(where({ [NODE]: lines(`${CLOSE_WAIT} = 60`), 'kube-proxy.yaml': kubeProxy('conntrack:', '  tcpCloseWaitTimeout: 0s') }), []);
  assert.deepEqual(where({ [NODE]: lines(`${CLOSE_WAIT} = 3600`), 'app.yaml': APP }), []);
});

test('nf_conntrack_max: reported only below what kube-proxy writes on any node', () => {
  const [diagnostic] = diagnostics({ [NODE]: lines(`${MAX} = 65536`), 'app.yaml': APP });
  assert.equal(
    diagnostic!.message,
    `${MAX} is 65536 on the node (set in 60-k8s.conf:1), but kube-proxy overwrites it with at least 131072 (maxPerCore 32768 × the node's CPUs, min 131072)`,
  );
  assert.deepEqual(where({ [NODE]: lines(`${MAX} = 131072`), 'app.yaml': APP }), [], 'at the floor: kept on a one-CPU node');
  assert.deepEqual(where({ [NODE]: lines(`${MAX} = 1048576`), 'app.yaml': APP }), [], 'above: depends on the CPU count and the version');
  assert.deepEqual(where({ [NODE]: lines(`${MAX} = 65536`), 'kube-proxy.yaml': kubeProxy('conntrack:', '  maxPerCore: 0') }), [], 'maxPerCore 0 leaves it');
  const noFloor = diagnostics({ [NODE]: lines(`${MAX} = 10000`), 'kube-proxy.yaml': kubeProxy('conntrack:', '  maxPerCore: 16384', '  min: 0') })[0]!;
  assert.match(
    noFloor.message,
    /with at least 16384 \(maxPerCore 16384 × the node's CPUs\)$/,
  );
  assert.deepEqual(noFloor.related.map((related) => related.message), [`kube-proxy's conntrack.maxPerCore: 16384; it sets ${MAX} from it at start-up`]);
  const written = diagnostics({ [NODE]: lines(`${MAX} = 10000`), 'kube-proxy.yaml': kubeProxy('conntrack:', '  maxPerCore: 16384', '  min: 200000') })[0]!;
  assert.match(written.message, /with at least 200000 \(maxPerCore 16384 × the node's CPUs, min 200000\)$/);
  assert.equal(written.related.length, 2);
  assert.deepEqual(where({ [NODE]: lines(`${MAX} = 20000`), 'kube-proxy.yaml': kubeProxy('conntrack:', '  maxPerCore: 16384', '  min: 10000') }), [], '20000 is above both 16384 and 10000');
});

test('Set conntrack.tcpEstablishedTimeout: 0s replaces a written value, not preferred', () => {
  const files = { [NODE]: lines(`${ESTABLISHED} = 3600`), 'kube-proxy.yaml': kubeProxy('conntrack:', '  maxPerCore: 32768', '  tcpEstablishedTimeout: 24h0m0s') };
  const fixes = fixesOf(files, { file: NODE, line: 0 });
  assert.deepEqual(fixes.map((fix) => [fix.title, fix.preferred]), [['Set conntrack.tcpEstablishedTimeout: 0s', false], [`Disable ${RULE} for this line`, false]]);
  const fixed = applyFix(files, fixes[0]!);
  assert.equal(fixed['kube-proxy.yaml'], kubeProxy('conntrack:', '  maxPerCore: 32768', '  tcpEstablishedTimeout: 0s'));
  assert.equal(fixed[NODE], files[NODE]);
  assert.deepEqual(where(fixed), []);
});

test('the fix adds the field, or conntrack itself, when missing', () => {
  const cases: [string, string][] = [
    [kubeProxy('conntrack:', '  maxPerCore: 32768'), kubeProxy('conntrack:', '  maxPerCore: 32768', '  tcpEstablishedTimeout: 0s')],
    [kubeProxy('conntrack: {maxPerCore: 32768}'), kubeProxy('conntrack: {maxPerCore: 32768, tcpEstablishedTimeout: 0s}')],
    [kubeProxy(), kubeProxy('conntrack:', '  tcpEstablishedTimeout: 0s')],
    [kubeProxy('conntrack:', 'ipvs: {}'), kubeProxy('conntrack:', '  tcpEstablishedTimeout: 0s', 'ipvs: {}')],
  ];
  for (const [before, after] of cases) {
    const files = { [NODE]: lines(`${ESTABLISHED} = 3600`), 'kube-proxy.yaml': before };
    const fixed = applyFix(files, fixesOf(files, { file: NODE, line: 0 })[0]!);
    assert.equal(fixed['kube-proxy.yaml'], after);
    assert.deepEqual(where(fixed), [], after);
  }
});

test('inside the kube-proxy ConfigMap’s config.conf: the block scalar keeps its indentation', () => {
  const files = { [NODE]: lines(`${CLOSE_WAIT} = 60`, `${ESTABLISHED} = 3600`), 'kube-proxy.yaml': kubeProxyConfigMap('kind: KubeProxyConfiguration', 'conntrack:', '  tcpCloseWaitTimeout: 1h0m0s', 'mode: iptables') };
  const closeWait = applyFix(files, fixesOf(files, { file: NODE, line: 0 })[0]!);
  assert.equal(closeWait['kube-proxy.yaml'], kubeProxyConfigMap('kind: KubeProxyConfiguration', 'conntrack:', '  tcpCloseWaitTimeout: 0s', 'mode: iptables'));
  const established = applyFix(closeWait, fixesOf(closeWait, { file: NODE, line: 1 })[0]!);
  assert.equal(established['kube-proxy.yaml'], kubeProxyConfigMap('kind: KubeProxyConfiguration', 'conntrack:', '  tcpCloseWaitTimeout: 0s', '  tcpEstablishedTimeout: 0s', 'mode: iptables'));
  assert.deepEqual(where(established), []);
  const bare = { ...files, 'kube-proxy.yaml': kubeProxyConfigMap('kind: KubeProxyConfiguration', 'mode: iptables') };
  const added = applyFix(bare, fixesOf(bare, { file: NODE, line: 1 })[0]!);
  assert.equal(added['kube-proxy.yaml'], kubeProxyConfigMap('kind: KubeProxyConfiguration', 'mode: iptables', 'conntrack:', '  tcpEstablishedTimeout: 0s'));
});

test('Set conntrack.maxPerCore: 0 for nf_conntrack_max', () => {
  const files = { [NODE]: lines(`${MAX} = 65536`), 'kube-proxy.yaml': kubeProxy('conntrack:', '  maxPerCore: 32768') };
  const fixes = fixesOf(files, { file: NODE, line: 0 });
  assert.equal(fixes[0]!.title, 'Set conntrack.maxPerCore: 0');
  const fixed = applyFix(files, fixes[0]!);
  assert.equal(fixed['kube-proxy.yaml'], kubeProxy('conntrack:', '  maxPerCore: 0'));
  assert.deepEqual(where(fixed), []);
});

test('no configuration in the workspace: only the disable fix', () => {
  assert.deepEqual(fixesOf({ [NODE]: lines(`${ESTABLISHED} = 3600`), 'app.yaml': APP }, { file: NODE, line: 0 }).map((fix) => fix.title), [`Disable ${RULE} for this line`]);
});
