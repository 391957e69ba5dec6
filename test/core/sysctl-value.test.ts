import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type Diagnostic, applyEdits } from '@connlint/server';
import { lintFiles, lines, ruleLinter } from '../helpers/lintFiles';
import { NODE_SYSCTL as NODE } from '../helpers/sysctl';

type Files = Readonly<Record<string, string>>;
const RULE = 'sysctl-value';
const { diagnostics, where, fixesOf } = ruleLinter(RULE);

function only(files: Files): Diagnostic {
  const found = lintFiles(files).filter((diagnostic) => diagnostic.rule === RULE);
  assert.equal(found.length, 1, JSON.stringify(found, null, 1));
  return found[0]!;
}

const node = (...content: string[]): Files => ({ [NODE]: lines(...content) });

test('a non-integer value of a known integer key: error on the value, full message', () => {
  assert.deepEqual(only(node('net.ipv4.tcp_keepalive_intvl = 30s')), {
    file: NODE,
    range: { start: { line: 0, character: 31 }, end: { line: 0, character: 34 } },
    rule: RULE,
    severity: 'error',
    message: 'net.ipv4.tcp_keepalive_intvl takes an integer; the kernel rejects "30s": the node keeps its previous value.',
    related: [],
  });
  for (const value of ['10m', '1e3', '+600', '600.5', 'true', '08']) assert.equal(where(node(`net.ipv4.tcp_keepalive_time = ${value}`)).length, 1, value);
});

test('values the kernel reads as integers are silent: decimal, hex, octal, negative conntrack values aside', () => {
  for (const value of ['600', '0x258', '0600', '1', '86400']) assert.deepEqual(where(node(`net.ipv4.tcp_keepalive_time = ${value}`)), [], value);
  assert.deepEqual(where(node('net.netfilter.nf_conntrack_tcp_timeout_established = 3600')), []);
});

test('unknown keys, glob keys and quoted or empty values (sysctl-syntax reports those) are not checked', () => {
  assert.deepEqual(where(node('net.ipv4.ip_local_port_range = 1024 65000', 'kernel.core_pattern = core # x', 'vm.swappiness = ten')), []);
  assert.deepEqual(where(node('net.ipv4.conf.*.rp_filter = x')), []);
  const quoted = lintFiles(node('net.ipv4.tcp_keepalive_time = "600"', 'net.ipv4.tcp_keepalive_intvl =')).map((diagnostic) => diagnostic.rule);
  assert.deepEqual(quoted, ['sysctl-syntax', 'sysctl-syntax']);
});

test('multi-field keys take integers separated by blanks; text keys are not checked', () => {
  assert.deepEqual(where(node('net.ipv4.tcp_rmem = 4096 131072 6291456', 'net.ipv4.tcp_wmem = 4096\t16384 4194304')), []);
  assert.equal(
    only(node('net.ipv4.tcp_rmem = 4096 128k 6291456')).message,
    'net.ipv4.tcp_rmem takes integers separated by blanks; the kernel rejects "4096 128k 6291456": the node keeps its previous value.',
  );
  assert.deepEqual(where(node('net.ipv4.tcp_congestion_control = bbr # fast')), []);
});

test('a lower bound from the catalog (≥ 0)', () => {
  assert.deepEqual(where(node('net.ipv4.tcp_fastopen_blackhole_timeout_sec = -1')), [`${NODE} 0:46-0:48`]);
  assert.deepEqual(where(node('net.ipv4.tcp_fastopen_blackhole_timeout_sec = 0')), []);
});

test('ranges from the catalog: probes 0..255, loose and be_liberal 0 or 1', () => {
  assert.equal(
    only(node('net.ipv4.tcp_keepalive_probes = 300')).message,
    'net.ipv4.tcp_keepalive_probes accepts 0..255 from Linux 5.13, which rejects 300: the node keeps its previous value. Older kernels accept it.',
  );
  assert.deepEqual(where(node('net.ipv4.tcp_keepalive_probes = -1')), [`${NODE} 0:32-0:34`]);
  assert.deepEqual(where(node('net.ipv4.tcp_keepalive_probes = 255', 'net.ipv4.tcp_keepalive_probes = 0')), []);
  assert.equal(only(node('net.netfilter.nf_conntrack_tcp_loose = 2')).message, 'net.netfilter.nf_conntrack_tcp_loose accepts 0 or 1; the kernel rejects 2: the node keeps its previous value.');
  assert.deepEqual(where(node('net.netfilter.nf_conntrack_tcp_be_liberal = 1', 'net.netfilter.nf_conntrack_tcp_loose = 0')), []);
  assert.deepEqual(where(node('net.netfilter.nf_conntrack_tcp_be_liberal = -1')), [`${NODE} 0:44-0:46`]);
  assert.equal(fixesOf(node('net.ipv4.tcp_keepalive_probes = 300')).filter((fix) => fix.preferred).length, 0, 'no clamping fix');
});

test('keepalive time or interval at or below zero: accepted by the kernel, a warning that says what it does', () => {
  const zero = only(node('net.ipv4.tcp_keepalive_time = 0'));
  assert.deepEqual([zero.severity, zero.message], ['warning', 'net.ipv4.tcp_keepalive_time is 0 s: an idle socket with SO_KEEPALIVE sends a probe every tcp_keepalive_intvl seconds, not after an idle period.']);
  assert.equal(only(node('net.ipv4.tcp_keepalive_time = -1')).message, 'net.ipv4.tcp_keepalive_time is -1 s: the kernel accepts it, and a negative keepalive time disables keepalive probes.');
  assert.equal(
    only(node('net.ipv4.tcp_keepalive_intvl = 0')).message,
    'net.ipv4.tcp_keepalive_intvl is 0 s: unanswered keepalive probes are retried at once, so the peer gets no time to answer before the connection is dropped.',
  );
  assert.equal(only(node('net.ipv4.tcp_keepalive_intvl = -5')).message, 'net.ipv4.tcp_keepalive_intvl is -5 s: the kernel accepts it, but a negative keepalive interval means nothing.');
  assert.deepEqual(where(node('net.ipv4.tcp_keepalive_intvl = -5')), [`${NODE} 0:31-0:33`]);
  assert.deepEqual(where(node('net.netfilter.nf_conntrack_tcp_timeout_close = 0')), [], 'only the keepalive keys');
});

test('a second field after a single integer: the kernel sets the first and ignores the rest', () => {
  assert.equal(only(node('net.ipv4.tcp_keepalive_time = 600 700')).message, 'net.ipv4.tcp_keepalive_time takes one integer; the kernel sets 600 and ignores "700".');
});

test('an inline comment: the message says what the kernel makes of it', () => {
  assert.deepEqual(only(node('net.ipv4.tcp_keepalive_time = 600 # ten minutes')), {
    file: NODE,
    range: { start: { line: 0, character: 30 }, end: { line: 0, character: 47 } },
    rule: RULE,
    severity: 'error',
    message: 'net.ipv4.tcp_keepalive_time is "600 # ten minutes": sysctl files have no inline comments; the kernel reads 600 only because a blank comes before the comment.',
    related: [],
  });
  assert.equal(
    only(node('net.ipv4.tcp_keepalive_intvl = 30#x')).message,
    'net.ipv4.tcp_keepalive_intvl is "30#x": sysctl files have no inline comments, and the kernel rejects it: the node keeps its previous value.',
  );
  assert.deepEqual(where(node('net.ipv4.tcp_keepalive_time = 600 ; ten minutes')), [`${NODE} 0:30-0:47`], '; too');
  assert.deepEqual(where(node('# net.ipv4.tcp_keepalive_time = 600', '; net.ipv4.tcp_keepalive_time = x')), [], 'comment lines');
});

test('comment fixes: remove it (preferred) or move it above; the whole text after each, and clean after the preferred one', () => {
  const text = lines('# keepalive', '  net.ipv4.tcp_keepalive_time = 600 # ten minutes', 'net.ipv4.tcp_keepalive_probes = 5');
  const fixes = fixesOf({ [NODE]: text });
  assert.deepEqual(
    fixes.map((fix) => [fix.title, fix.preferred]),
    [
      ['Remove the comment', true],
      ['Move the comment to its own line above', false],
      ['Disable sysctl-value for this line', false],
    ],
  );
  const removed = applyEdits(text, fixes[0]!.edits);
  assert.equal(removed, lines('# keepalive', '  net.ipv4.tcp_keepalive_time = 600', 'net.ipv4.tcp_keepalive_probes = 5'));
  assert.deepEqual(where({ [NODE]: removed }), []);
  assert.equal(applyEdits(text, fixes[1]!.edits), lines('# keepalive', '  # ten minutes', '  net.ipv4.tcp_keepalive_time = 600', 'net.ipv4.tcp_keepalive_probes = 5'));
  const crlf = 'a.b = 1\r\nnet.ipv4.tcp_keepalive_time = 600 # x\r\n';
  assert.equal(applyEdits(crlf, fixesOf({ [NODE]: crlf })[1]!.edits), 'a.b = 1\r\n# x\r\nnet.ipv4.tcp_keepalive_time = 600\r\n');
});

/** A Deployment whose pods set `sysctls` (name, value as written) at lines 11 onwards. */
function deployment(sysctls: readonly [string, string][], hostNetwork = false): string {
  return lines(
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: web',
    'spec:',
    '  template:',
    '    spec:',
    ...(hostNetwork ? ['      hostNetwork: true'] : []),
    '      securityContext:',
    '        sysctls:',
    ...sysctls.flatMap(([name, value]) => [`        - name: ${name}`, `          value: ${value}`]),
    '      containers: [{name: app, image: nginx}]',
  );
}

test('pod sysctl values are checked like node values, with the pods’ consequence and the workload as subject', () => {
  assert.deepEqual(only({ 'app.yaml': deployment([['net.ipv4.tcp_keepalive_time', '"10m"']]) }), {
    file: 'app.yaml',
    range: { start: { line: 10, character: 17 }, end: { line: 10, character: 22 } },
    rule: RULE,
    severity: 'error',
    message: 'net.ipv4.tcp_keepalive_time takes an integer; the kernel rejects "10m": the pods do not start. Set in the pods of Deployment "web".',
    related: [],
  });
  assert.deepEqual(where({ 'app.yaml': deployment([['net.ipv4.tcp_keepalive_probes', '"300"'], ['net.ipv4.tcp_keepalive_intvl', '""']]) }), ['app.yaml 10:17-10:22', 'app.yaml 12:17-12:19']);
  assert.deepEqual(where({ 'app.yaml': deployment([['net.ipv4.tcp_keepalive_time', '"600"'], ['net.ipv4.tcp_keepalive_probes', '"5"'], ['kernel.shm_rmid_forced', '"x"']]) }), []);
  assert.deepEqual(where({ 'app.yaml': deployment([['net.ipv4.tcp_keepalive_time', "'600' # a YAML comment"]]) }), [], 'a YAML comment is not part of the value');
  const annotated = deployment([['net.ipv4.tcp_keepalive_time', '"10m"']]).replace('  name: web', '  name: web\n  annotations: {connlint.dev/ignore: sysctl-value}');
  assert.deepEqual(where({ 'app.yaml': annotated }), [], 'the annotation on the workload silences it');
});

test('a comment inside a pod value: remove it, keeping the value a quoted string', () => {
  const text = deployment([['net.ipv4.tcp_keepalive_time', '"600 # ten minutes"']]);
  const fixes = fixesOf({ 'app.yaml': text });
  assert.deepEqual(fixes.map((fix) => [fix.title, fix.preferred]), [['Remove the comment', true], ['Disable sysctl-value for this line', false]]);
  const fixed = applyEdits(text, fixes[0]!.edits);
  assert.equal(fixed, deployment([['net.ipv4.tcp_keepalive_time', '"600"']]));
  assert.deepEqual(where({ 'app.yaml': fixed }), []);
});

test('net.* sysctls with hostNetwork: true are refused by the API server', () => {
  const text = deployment([['net.ipv4.tcp_keepalive_time', '"600"'], ['kernel.shm_rmid_forced', '"1"']], true);
  assert.deepEqual(only({ 'app.yaml': text }), {
    file: 'app.yaml',
    range: { start: { line: 10, character: 16 }, end: { line: 10, character: 43 } },
    rule: RULE,
    severity: 'error',
    message:
      'net.ipv4.tcp_keepalive_time is set in the pods of Deployment "web", which use the host network: the API server rejects net.* sysctls with hostNetwork: true',
    related: [{ file: 'app.yaml', range: { start: { line: 7, character: 19 }, end: { line: 7, character: 23 } }, message: 'Deployment "web" uses the host network' }],
  });
  assert.deepEqual(where({ 'app.yaml': text.replace('hostNetwork: true', 'hostNetwork: false') }), []);
});

test('net.netfilter.* in a pod: unsafe, and no effect on Service connections', () => {
  const text = deployment([['net.netfilter.nf_conntrack_tcp_timeout_established', '"600"']]);
  assert.equal(
    only({ 'app.yaml': text }).message,
    // The flag's name is left out: with it, the message would pass 200 characters.
    'net.netfilter.nf_conntrack_tcp_timeout_established is set in the pods of Deployment "web": the kubelet refuses this unsafe sysctl unless allowed, and it never affects Service traffic',
  );
  assert.deepEqual(where({ 'app.yaml': deployment([['net.netfilter.nf_conntrack_tcp_loose', '"2"']]) }), ['app.yaml 9:16-9:52'], 'one finding per sysctl');
  assert.deepEqual(where({ 'app.yaml': deployment([['net.netfilter.nf_conntrack_tcp_loose', '"1"']], true) }), ['app.yaml 10:16-10:52'], 'hostNetwork first');
});

const kubeProxy = (...conntrack: string[]): string => lines('apiVersion: kubeproxy.config.k8s.io/v1alpha1', 'kind: KubeProxyConfiguration', 'conntrack:', ...conntrack);

test('kube-proxy durations that Go does not parse, in the configuration and in the embedded ConfigMap', () => {
  assert.deepEqual(only({ 'kube-proxy.yaml': kubeProxy('  tcpEstablishedTimeout: 24 hours') }), {
    file: 'kube-proxy.yaml',
    range: { start: { line: 3, character: 25 }, end: { line: 3, character: 33 } },
    rule: RULE,
    severity: 'error',
    message:
      'conntrack.tcpEstablishedTimeout is "24 hours", not a Go duration: kube-proxy does not start. Write a unit on every number: 24h, 90m, 1h30m.',
    related: [],
  });
  assert.deepEqual(where({ 'kube-proxy.yaml': kubeProxy('  tcpEstablishedTimeout: 86400', '  tcpCloseWaitTimeout: 1h') }), ['kube-proxy.yaml 3:25-3:30']);
  assert.deepEqual(where({ 'kube-proxy.yaml': kubeProxy('  tcpEstablishedTimeout: 24h0m0s', '  tcpCloseWaitTimeout: "0"') }), []);
  assert.deepEqual(where({ 'kube-proxy.yaml': lines('apiVersion: kubeproxy.config.k8s.io/v1alpha1', 'kind: KubeProxyConfiguration', 'ipvs:', '  tcpTimeout: 15 min', '  udpTimeout: 5m') }), ['kube-proxy.yaml 3:14-3:20']);
  const configMap = lines(
    'apiVersion: v1',
    'kind: ConfigMap',
    'metadata: {name: kube-proxy, namespace: kube-system}',
    'data:',
    '  config.conf: |',
    '    kind: KubeProxyConfiguration',
    '    conntrack:',
    '      tcpEstablishedTimeout: 1d',
  );
  assert.deepEqual(where({ 'cm.yaml': configMap }), ['cm.yaml 7:29-7:31']);
});

test('kube-proxy DaemonSet flags with durations Go does not parse', () => {
  const daemonSet = (...args: string[]): string =>
    lines(
      'apiVersion: apps/v1',
      'kind: DaemonSet',
      'metadata: {name: kube-proxy, namespace: kube-system}',
      'spec:',
      '  template:',
      '    spec:',
      '      containers:',
      '      - name: kube-proxy',
      '        args:',
      ...args.map((arg) => `        - ${arg}`),
    );
  assert.equal(
    only({ 'ds.yaml': daemonSet('--conntrack-tcp-timeout-established=24 hours') }).message,
    '--conntrack-tcp-timeout-established is "24 hours" in DaemonSet "kube-proxy", not a Go duration: kube-proxy does not start. Write a unit on every number: 24h, 90m, 1h30m.',
  );
  assert.deepEqual(where({ 'ds.yaml': daemonSet('--conntrack-tcp-timeout-established=24 hours') }), ['ds.yaml 9:46-9:54']);
  assert.deepEqual(where({ 'ds.yaml': daemonSet('--ipvs-tcp-timeout', '900') }), ['ds.yaml 10:10-10:13']);
  assert.deepEqual(where({ 'ds.yaml': daemonSet('--ipvs-tcp-timeout=15m', '--conntrack-tcp-timeout-established=0', '--proxy-mode=ipvs') }), []);
});

test('a pod sysctl value that YAML reads as a number: the API server refuses the object; the fix quotes it', () => {
  const text = deployment([['net.ipv4.tcp_keepalive_time', '600']]);
  assert.deepEqual(only({ 'app.yaml': text }), {
    file: 'app.yaml',
    range: { start: { line: 10, character: 17 }, end: { line: 10, character: 20 } },
    rule: RULE,
    severity: 'error',
    message: 'net.ipv4.tcp_keepalive_time is 600, not a string: the API server refuses Deployment "web", so its pods never run. Quote it: "600".',
    related: [],
  });
  const fixes = fixesOf({ 'app.yaml': text });
  assert.deepEqual(fixes.map((fix) => [fix.title, fix.preferred]), [['Quote the value: "600"', true], ['Disable sysctl-value for this line', false]]);
  assert.equal(applyEdits(text, fixes[0]!.edits), deployment([['net.ipv4.tcp_keepalive_time', '"600"']]));
  assert.deepEqual(where({ 'app.yaml': deployment([['net.ipv4.tcp_keepalive_probes', 'true']]) }), ['app.yaml 10:17-10:21'], 'a boolean too');
  assert.deepEqual(where({ 'app.yaml': deployment([['net.ipv4.tcp_keepalive_time', '600 # a YAML comment']]) }), ['app.yaml 10:17-10:20']);
});

test('kube-proxy durations written as YAML numbers, or negative: kube-proxy cannot load them; a number is quoted as a Go duration', () => {
  const text = kubeProxy('  tcpEstablishedTimeout: 3600', '  tcpCloseWaitTimeout: 0');
  const found = diagnostics({ 'kube-proxy.yaml': text });
  assert.deepEqual(
    found.map((diagnostic) => [where({ 'kube-proxy.yaml': text })[found.indexOf(diagnostic)], diagnostic.message]),
    [
      ['kube-proxy.yaml 3:25-3:29', 'conntrack.tcpEstablishedTimeout is 3600, not a string: kube-proxy cannot load its configuration and does not start. Write a quoted Go duration: "1h0m0s".'],
      ['kube-proxy.yaml 4:23-4:24', 'conntrack.tcpCloseWaitTimeout is 0, not a string: kube-proxy cannot load its configuration and does not start. Write a quoted Go duration: "0s".'],
    ],
  );
  const fixes = fixesOf({ 'kube-proxy.yaml': text });
  assert.deepEqual(fixes.map((fix) => [fix.title, fix.preferred]), [['Write "1h0m0s" (3600 seconds)', true], ['Disable sysctl-value for this line', false]]);
  assert.equal(applyEdits(text, fixes[0]!.edits), kubeProxy('  tcpEstablishedTimeout: "1h0m0s"', '  tcpCloseWaitTimeout: 0'));
  assert.equal(
    only({ 'kube-proxy.yaml': kubeProxy('  tcpEstablishedTimeout: 1.5') }).message,
    'conntrack.tcpEstablishedTimeout is 1.5, not a string: kube-proxy cannot load its configuration and does not start. Write a quoted Go duration, such as "24h0m0s".',
  );
  assert.deepEqual(fixesOf({ 'kube-proxy.yaml': kubeProxy('  tcpEstablishedTimeout: 1.5') }).map((fix) => fix.title), ['Disable sysctl-value for this line']);
  const negative = only({ 'kube-proxy.yaml': lines('apiVersion: kubeproxy.config.k8s.io/v1alpha1', 'kind: KubeProxyConfiguration', 'ipvs:', '  tcpTimeout: -15m') });
  assert.equal(negative.message, 'ipvs.tcpTimeout is "-15m", a negative duration: kube-proxy\'s validation rejects it and kube-proxy does not start.');
  assert.deepEqual(negative.range, { start: { line: 3, character: 14 }, end: { line: 3, character: 18 } });
});

test('a kube-proxy configuration in any ConfigMap value: EKS kube-proxy-config/config, config.yaml', () => {
  const configMap = (name: string, key: string): string =>
    lines('apiVersion: v1', 'kind: ConfigMap', `metadata: {name: ${name}, namespace: kube-system}`, 'data:', '  other: x', `  ${key}: |`, '    apiVersion: kubeproxy.config.k8s.io/v1alpha1', '    kind: KubeProxyConfiguration', '    conntrack:', '      tcpEstablishedTimeout: 0');
  assert.deepEqual(where({ 'cm.yaml': configMap('kube-proxy-config', 'config') }), ['cm.yaml 9:29-9:30']);
  assert.deepEqual(where({ 'cm.yaml': configMap('proxy', 'config.yaml') }), ['cm.yaml 9:29-9:30']);
  assert.deepEqual(where({ 'cm.yaml': configMap('proxy', 'config.yaml').replace('kind: KubeProxyConfiguration', 'kind: Other') }), [], 'another kind');
  const fix = fixesOf({ 'cm.yaml': configMap('kube-proxy-config', 'config') })[0]!;
  assert.equal(applyEdits(configMap('kube-proxy-config', 'config'), fix.edits), configMap('kube-proxy-config', 'config').replace('tcpEstablishedTimeout: 0', 'tcpEstablishedTimeout: "0s"'));
});

test('pod keepalive sysctls before Kubernetes 1.29, or under Pod Security pinned before v1.29: refused', () => {
  const text = deployment([['net.ipv4.tcp_keepalive_time', '"600"'], ['net.ipv4.tcp_rmem', '"4096 87380 6291456"']]);
  const [refused] = diagnostics({ 'app.yaml': text }, { kubernetesVersion: '1.28' });
  assert.deepEqual([refused!.range, refused!.severity, refused!.message], [
    { start: { line: 9, character: 16 }, end: { line: 9, character: 43 } },
    'error',
    'net.ipv4.tcp_keepalive_time is refused in the pods of Deployment "web": Kubernetes 1.28 (the kubernetesVersion setting) refuses pods with keepalive sysctls before 1.29.',
  ]);
  assert.deepEqual(where({ 'app.yaml': text }, { kubernetesVersion: '1.28' }), ['app.yaml 9:16-9:43'], 'only the keepalive keys');
  assert.deepEqual(where({ 'app.yaml': text }, { kubernetesVersion: '1.29' }), []);
  const namespace = lines('apiVersion: v1', 'kind: Namespace', 'metadata:', '  name: default', '  labels:', '    pod-security.kubernetes.io/enforce: restricted', '    pod-security.kubernetes.io/enforce-version: v1.27');
  assert.equal(
    diagnostics({ 'app.yaml': text, 'ns.yaml': namespace })[0]!.message,
    'net.ipv4.tcp_keepalive_time is refused in the pods of Deployment "web": namespace default enforces Pod Security restricted at v1.27, which rejects keepalive sysctls before v1.29.',
  );
});
