import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lint, type Diagnostic, type LintSettings, type Rule, type Fix } from '@connlint/server';
import { lines, ruleLinter, workspaceOf } from '../helpers/lintFiles';

const RULE = 'affinity-timeout';
const { diagnosticsOf, fixesOf, assertFix } = ruleLinter(RULE);
type Files = Readonly<Record<string, string>>;

/** Severity, file and range as `file line:col-line:col` (0-based). */
const briefOf = (diagnostic: Diagnostic): string => {
  const { start, end } = diagnostic.range;
  return `${diagnostic.severity} ${diagnostic.file} ${start.line}:${start.character}-${end.line}:${end.character}`;
};
const briefs = (files: Files, settings?: LintSettings): string[] => diagnosticsOf(files, settings).map(briefOf);

const titles = (fixes: readonly Fix[]) => fixes.map((fix) => ({ title: fix.title, preferred: fix.preferred }));

/** Service "web" selecting app: web; `spec` lines go first under `spec:` (line 5 on). */
const service = (...spec: string[]): string => lines('apiVersion: v1', 'kind: Service', 'metadata:', '  name: web', 'spec:', ...spec, '  selector:', '    app: web', '  ports:', '  - port: 80');

/** Deployment "web" with two replicas; `podSpec` lines go under the pod template's `spec:` (line 12 on). */
const deployment = (replicas = 2, ...podSpec: string[]): string =>
  lines(
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: web',
    'spec:',
    `  replicas: ${replicas}`,
    '  selector:',
    '    matchLabels: {app: web}',
    '  template:',
    '    metadata:',
    '      labels: {app: web}',
    '    spec:',
    ...podSpec,
    '      containers:',
    '      - name: web',
    '        image: nginx',
  );

/** kube-proxy configured with a conntrack timeout of 2 h (7200 s, line 5), in `mode`. */
const kubeProxy = (mode = 'iptables'): string =>
  lines('apiVersion: kubeproxy.config.k8s.io/v1alpha1', 'kind: KubeProxyConfiguration', `mode: ${mode}`, 'conntrack:', '  tcpEstablishedTimeout: 2h');

const CLIENT_IP = '  sessionAffinity: ClientIP';
const timeout = (value: string): string[] => ['  sessionAffinityConfig:', '    clientIP:', `      timeoutSeconds: ${value}`];

test('a timeoutSeconds outside 1..86400 with ClientIP is an error on its value', () => {
  const files = { 'service.yaml': service(CLIENT_IP, ...timeout('0')), 'app.yaml': deployment() };
  const diagnostics = diagnosticsOf(files);
  assert.deepEqual(diagnostics.map(briefOf), ['error service.yaml 8:22-8:23']);
  assert.equal(
    diagnostics[0]!.message,
    'timeoutSeconds of Service "web" is 0, outside 1..86400 (with ClientIP affinity): the API server rejects the Service.',
  );
  assert.deepEqual(briefs({ 'service.yaml': service(CLIENT_IP, ...timeout('86401')) }), ['error service.yaml 8:22-8:27']);
  assert.deepEqual(briefs({ 'service.yaml': service(CLIENT_IP, ...timeout('-5')) }), ['error service.yaml 8:22-8:24']);
});

test('a timeoutSeconds that is not a whole number is an error, with ClientIP or without', () => {
  const diagnostics = diagnosticsOf({ 'service.yaml': service(CLIENT_IP, ...timeout('"3600"')) });
  assert.deepEqual(diagnostics.map(briefOf), ['error service.yaml 8:22-8:28']);
  assert.equal(
    diagnostics[0]!.message,
    'timeoutSeconds of Service "web" is "3600", not a whole number of seconds: the API server rejects the Service.',
  );
  assert.deepEqual(briefs({ 'service.yaml': service(CLIENT_IP, ...timeout('1.5')) }), ['error service.yaml 8:22-8:25']);
  assert.deepEqual(briefs({ 'service.yaml': service(CLIENT_IP, ...timeout('3h')) }), ['error service.yaml 8:22-8:24']);
  // Without ClientIP the value cannot be decoded either; the dropped configuration is reported too.
  assert.deepEqual(briefs({ 'service.yaml': service('  sessionAffinity: None', ...timeout('3h')) }), ['warning service.yaml 6:2-6:23', 'error service.yaml 8:22-8:24']);
});

test('accepted timeouts are silent: 1, 86400, null, unset, and an out-of-range value where affinity is None (reported as dropped only)', () => {
  for (const value of ['1', '86400', '10800', 'null', '']) assert.deepEqual(briefs({ 'service.yaml': service(CLIENT_IP, ...timeout(value)) }), [], value);
  assert.deepEqual(briefs({ 'service.yaml': service(CLIENT_IP) }), []);
  assert.deepEqual(briefs({ 'service.yaml': service('  sessionAffinity: None', ...timeout('0')) }), ['warning service.yaml 6:2-6:23']);
});

test('Set timeoutSeconds: clamped into 1..86400, a quoted or fractional number as a whole number, anything else the default', () => {
  const cases: [string, string][] = [['0', '1'], ['-5', '1'], ['86401', '86400'], ['"3600"', '3600'], ['1.5', '2'], ['3h', '10800']];
  for (const [written, fixed] of cases) {
    const files = { 'service.yaml': service(CLIENT_IP, ...timeout(written)) };
    assert.deepEqual(titles(fixesOf(files, { only: true })), [
      { title: `Set timeoutSeconds to ${fixed}`, preferred: true },
      { title: 'Disable affinity-timeout for this line', preferred: false },
    ]);
    assertFix(files, `Set timeoutSeconds to ${fixed}`, { 'service.yaml': service(CLIENT_IP, ...timeout(fixed)) });
  }
});

test('sessionAffinityConfig with sessionAffinity None: a warning on the key, the API server drops it', () => {
  const diagnostics = diagnosticsOf({ 'service.yaml': service('  sessionAffinity: None', ...timeout('600')) });
  assert.deepEqual(diagnostics.map(briefOf), ['warning service.yaml 6:2-6:23']);
  assert.equal(
    diagnostics[0]!.message,
    'Service "web" sets sessionAffinityConfig while sessionAffinity is None: the API server drops it, so it never applies.',
  );
  assert.deepEqual(diagnostics[0]!.related, [{ file: 'service.yaml', range: { start: { line: 5, character: 19 }, end: { line: 5, character: 23 } }, message: 'sessionAffinity: None' }]);
  const unset = diagnosticsOf({ 'service.yaml': service(...timeout('600')) });
  assert.deepEqual(unset.map(briefOf), ['warning service.yaml 5:2-5:23']);
  assert.match(unset[0]!.message, /while sessionAffinity is unset \(None by default\):/);
  assert.deepEqual(briefs({ 'service.yaml': service('  sessionAffinityConfig: {}') }), ['warning service.yaml 5:2-5:23'], 'an empty mapping is set');
  assert.deepEqual(briefs({ 'service.yaml': service('  sessionAffinityConfig:') }), [], 'null is not set');
  assert.deepEqual(briefs({ 'service.yaml': service('  sessionAffinity: None') }), []);
});

test('dropped sessionAffinityConfig: Set sessionAffinity: ClientIP (preferred) replaces None or adds the key, and brings a timeout ClientIP rejects into range', () => {
  const files = { 'service.yaml': service('  sessionAffinity: None', ...timeout('600')) };
  assert.deepEqual(titles(fixesOf(files, { only: true })), [
    { title: 'Set sessionAffinity: ClientIP', preferred: true },
    { title: 'Remove sessionAffinityConfig', preferred: false },
    { title: 'Disable affinity-timeout for this line', preferred: false },
  ]);
  assertFix(files, 'Set sessionAffinity: ClientIP', { 'service.yaml': service(CLIENT_IP, ...timeout('600')) });
  assertFix({ 'service.yaml': service('  sessionAffinity: None', ...timeout('0')) }, 'Set sessionAffinity: ClientIP', { 'service.yaml': service(CLIENT_IP, ...timeout('1')) });
  assertFix({ 'service.yaml': service(...timeout('600')) }, 'Set sessionAffinity: ClientIP', {
    'service.yaml': lines('apiVersion: v1', 'kind: Service', 'metadata:', '  name: web', 'spec:', ...timeout('600'), '  selector:', '    app: web', '  ports:', '  - port: 80', CLIENT_IP),
  });
});

test('dropped sessionAffinityConfig: Remove sessionAffinityConfig takes its whole block and nothing else', () => {
  const text = lines(
    'apiVersion: v1',
    'kind: Service',
    'metadata:',
    '  name: web',
    'spec:',
    '  sessionAffinity: None  # for now',
    '  sessionAffinityConfig:',
    '    clientIP: {timeoutSeconds: 600}',
    '  # selector below',
    '  selector:',
    '    app: web',
  );
  assertFix({ 'service.yaml': text }, 'Remove sessionAffinityConfig', {
    'service.yaml': lines('apiVersion: v1', 'kind: Service', 'metadata:', '  name: web', 'spec:', '  sessionAffinity: None  # for now', '  # selector below', '  selector:', '    app: web'),
  });
});

test('dropped sessionAffinityConfig on a headless Service: removing it is preferred (affinity would do nothing there)', () => {
  const files = { 'service.yaml': service('  clusterIP: None', ...timeout('600')) };
  assert.deepEqual(titles(fixesOf(files, { only: true })), [
    { title: 'Set sessionAffinity: ClientIP', preferred: false },
    { title: 'Remove sessionAffinityConfig', preferred: true },
    { title: 'Disable affinity-timeout for this line', preferred: false },
  ]);
  assertFix(files, 'Remove sessionAffinityConfig', { 'service.yaml': service('  clusterIP: None') });
});

const ADVISORY = 'Service "web": ClientIP timeoutSeconds 3600 s is not above the 7200 s conntrack timeout; affinity cannot hold a longer-idle connection.';

const advisoryFiles = (spec: string[] = [CLIENT_IP, ...timeout('3600')], app = deployment(), mode = 'iptables'): Files => ({
  'service.yaml': service(...spec),
  'app.yaml': app,
  'kube-proxy.yaml': kubeProxy(mode),
});

test('ClientIP timeout not above the conntrack timeout, backends on the default keepalive: info on the timeout', () => {
  const diagnostics = diagnosticsOf(advisoryFiles());
  assert.deepEqual(diagnostics.map(briefOf), ['info service.yaml 8:22-8:26']);
  assert.equal(diagnostics[0]!.message, ADVISORY);
  assert.deepEqual(diagnostics[0]!.related, [
    {
      file: 'service.yaml',
      range: { start: { line: 8, character: 22 }, end: { line: 8, character: 26 } },
      message: 'timeoutSeconds: 3600 s; only a new connection from the client refreshes the affinity record',
    },
    { file: 'kube-proxy.yaml', range: { start: { line: 4, character: 25 }, end: { line: 4, character: 27 } }, message: 'The conntrack established timeout: 7200 s' },
    { file: 'app.yaml', range: { start: { line: 3, character: 8 }, end: { line: 3, character: 11 } }, message: 'Deployment "web" relies on the default net.ipv4.tcp_keepalive_time of 7200 s' },
  ]);
  assert.deepEqual(briefs(advisoryFiles(undefined, undefined, 'nftables')), ['info service.yaml 8:22-8:26'], 'nftables');
  assert.deepEqual(briefs(advisoryFiles([...timeout('7200'), CLIENT_IP])), ['info service.yaml 7:22-7:26'], 'equal is not above');
});

test('an unset timeoutSeconds is the default 10800 s, reported on the ClientIP value when not above the conntrack timeout', () => {
  const high = deployment(2, '      securityContext:', '        sysctls:', '        - name: net.ipv4.tcp_keepalive_time', '          value: "10800"');
  const kubeProxy3h = lines('apiVersion: kubeproxy.config.k8s.io/v1alpha1', 'kind: KubeProxyConfiguration', 'conntrack:', '  tcpEstablishedTimeout: 3h');
  const files = { ...advisoryFiles([CLIENT_IP], high), 'kube-proxy.yaml': kubeProxy3h };
  const diagnostics = diagnosticsOf(files);
  assert.deepEqual(diagnostics.map(briefOf), ['info service.yaml 5:19-5:27']);
  assert.equal(diagnostics[0]!.message, 'Service "web": ClientIP timeoutSeconds 10800 s is not above the 10800 s conntrack timeout; affinity cannot hold a longer-idle connection.');
});

test('advisory near misses: silent', () => {
  assert.deepEqual(briefs(advisoryFiles([CLIENT_IP, ...timeout('7201')])), [], 'timeout above the conntrack timeout');
  assert.deepEqual(briefs(advisoryFiles(undefined, undefined, 'ipvs')), [], 'IPVS mode');
  assert.deepEqual(briefs(advisoryFiles(undefined, deployment(1))), [], 'one backend');
  assert.deepEqual(briefs(advisoryFiles(['  sessionAffinity: None'])), [], 'no affinity');
  assert.deepEqual(briefs(advisoryFiles(['  clusterIP: None', CLIENT_IP, ...timeout('3600')])), [], 'headless: affinity-ignored reports it');
  const keepalive = ['      securityContext:', '        sysctls:', '        - name: net.ipv4.tcp_keepalive_time', '          value: "600"'];
  assert.deepEqual(briefs(advisoryFiles(undefined, deployment(2, ...keepalive))), [], 'keepalive below the conntrack timeout');
  const defaults = { 'service.yaml': service(CLIENT_IP, ...timeout('3600')), 'app.yaml': deployment() };
  assert.deepEqual(briefs(defaults), [], "kube-proxy's 86400 s is above the default keepalive");
});

test('advisory fixes: add a keepalive to the pods relying on the default (preferred), or ignore for this Service', () => {
  const files = advisoryFiles();
  assert.deepEqual(titles(fixesOf(files, { only: true })), [
    { title: 'Add net.ipv4.tcp_keepalive_time = 600 to the securityContext.sysctls of Deployment "web"', preferred: true },
    { title: 'Ignore affinity-timeout for this Service', preferred: false },
    { title: 'Disable affinity-timeout for this line', preferred: false },
  ]);
  const withKeepalive = deployment().replace(
    '        image: nginx\n',
    '        image: nginx\n      securityContext:\n        sysctls:\n          - name: net.ipv4.tcp_keepalive_time\n            value: "600"\n',
  );
  assertFix(files, 'Add net.ipv4.tcp_keepalive_time = 600 to the securityContext.sysctls of Deployment "web"', { 'app.yaml': withKeepalive });
});

test('advisory fix: a keepalive set too high in the pods is lowered in place', () => {
  const high = deployment(2, '      securityContext:', '        sysctls:', '        - name: net.ipv4.tcp_keepalive_time', '          value: "9000"');
  const diagnostics = diagnosticsOf(advisoryFiles(undefined, high));
  assert.deepEqual(diagnostics[0]!.related?.at(-1), {
    file: 'app.yaml',
    range: { start: { line: 15, character: 17 }, end: { line: 15, character: 23 } },
    message: 'net.ipv4.tcp_keepalive_time of Deployment "web": 9000 s',
  });
  assertFix(advisoryFiles(undefined, high), 'Set net.ipv4.tcp_keepalive_time to 600 in Deployment "web"', {
    'app.yaml': deployment(2, '      securityContext:', '        sysctls:', '        - name: net.ipv4.tcp_keepalive_time', '          value: "600"'),
  });
});

test('a workload scaled by an autoscaler is still the backend that gets the keepalive', () => {
  const hpa = lines('apiVersion: autoscaling/v2', 'kind: HorizontalPodAutoscaler', 'metadata:', '  name: web', 'spec:', '  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}', '  maxReplicas: 5');
  const files = { ...advisoryFiles(undefined, deployment(1)), 'hpa.yaml': hpa };
  assert.deepEqual(briefs(files), ['info service.yaml 8:22-8:26']);
  assert.equal(fixesOf(files, { only: true })[0]!.title, 'Add net.ipv4.tcp_keepalive_time = 600 to the securityContext.sysctls of Deployment "web"');
});

test('each finding has its own severity unless settings set the rule\'s: then every finding takes it', () => {
  const files = { ...advisoryFiles(), 'other.yaml': service(CLIENT_IP, ...timeout('0')).replace('name: web', 'name: other'), 'third.yaml': service(...timeout('600')).replace('name: web', 'name: third') };
  assert.deepEqual(briefs(files), ['error other.yaml 8:22-8:23', 'info service.yaml 8:22-8:26', 'warning third.yaml 5:2-5:23']);
  assert.deepEqual(briefs(files, { severities: { [RULE]: 'hint' } }), ['hint other.yaml 8:22-8:23', 'hint service.yaml 8:22-8:26', 'hint third.yaml 5:2-5:23']);
  assert.deepEqual(briefs(files, { severities: { [RULE]: 'off' } }), []);
});

test('lint: a finding\'s severity over its rule\'s default, a configured severity over both', () => {
  const rule: Rule = {
    id: 'two-kinds',
    defaultSeverity: 'info',
    description: 'Reports twice.',
    scope: 'workspace',
    check(model, report) {
      const file = [...model.files][0]!.path;
      report({ file, span: { start: 0, end: 1 }, message: 'default' });
      report({ file, span: { start: 2, end: 3 }, message: 'own', severity: 'error' });
    },
  };
  const model = workspaceOf({ 'a.yaml': 'a: 1\n' }).model();
  const severities = (settings: LintSettings) => lint(model, settings, [rule]).map((diagnostic) => `${diagnostic.message} ${diagnostic.severity}`);
  assert.deepEqual(severities({}), ['default info', 'own error']);
  assert.deepEqual(severities({ severities: { 'two-kinds': 'warning' } }), ['default warning', 'own warning']);
  assert.deepEqual(severities({ severities: { 'two-kinds': 'off' } }), []);
});
