import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lint, type Diagnostic, applyEdits, overlaps, type Fix, type TextEdit, fixAllEdits, fixesFor } from '@connlint/server';
import { lintBrief, lines, workspaceOf, applyAll } from '../helpers/lintFiles';
import { TWO_REPLICA_DEPLOYMENT } from '../helpers/manifests';

type Files = Readonly<Record<string, string>>;

/** The diagnostics of one rule, in the order lint reports them. */
function diagnosticsOf(files: Files, rule: string): Diagnostic[] {
  return lint(workspaceOf(files).model(), {}).filter((diagnostic) => diagnostic.rule === rule);
}

/** The fixes of the only diagnostic of `rule` (in `file`, when given). */
function fixesOf(files: Files, rule: string, file?: string): Fix[] {
  const workspace = workspaceOf(files);
  const diagnostics = lint(workspace.model(), {}).filter((diagnostic) => diagnostic.rule === rule && (file === undefined || diagnostic.file === file));
  assert.equal(diagnostics.length, 1, `one ${rule} diagnostic expected, got ${diagnostics.length}`);
  return fixesFor(workspace.model(), diagnostics[0]!);
}

function titles(fixes: readonly Fix[]): { title: string; preferred: boolean }[] {
  return fixes.map((fix) => ({ title: fix.title, preferred: fix.preferred }));
}

/** The files with the edits applied, each file's edits at once. */

function fixNamed(fixes: readonly Fix[], title: string): Fix {
  const fix = fixes.find((candidate) => candidate.title === title);
  assert.ok(fix, `no fix "${title}" among ${fixes.map((candidate) => candidate.title).join(' | ')}`);
  return fix;
}

const rulesIn = (files: Files): string[] => lintBrief(files).map((diagnostic) => `${diagnostic.rule} ${diagnostic.file} ${diagnostic.range}`);

const DEPLOYMENT = TWO_REPLICA_DEPLOYMENT;

const SPEC = ['spec:', '  selector:', '    app: a', '  ports:', '  - port: 80'];
const ADD_AFFINITY = 'Add sessionAffinity: ClientIP (pins each client to one pod; pods added later get no traffic from existing clients)';
const IGNORE_AFFINITY = 'Ignore service-affinity for this Service';
const AFFINITY_FIXES = [
  { title: 'Add net.ipv4.tcp_keepalive_time = 600 to the securityContext.sysctls of Deployment "a"', preferred: true },
  { title: ADD_AFFINITY, preferred: false },
  { title: IGNORE_AFFINITY, preferred: false },
  { title: 'Disable service-affinity for this line', preferred: false },
];

/** Applies "Add sessionAffinity: ClientIP" to service.yaml (next to DEPLOYMENT) and checks the whole result, then re-lints. */
function assertAffinityFix(service: string, expected: string, extra: Files = { 'deployment.yaml': DEPLOYMENT }): void {
  const files = { 'service.yaml': service, ...extra };
  const fixes = fixesOf(files, 'service-affinity');
  assert.deepEqual(titles(fixes), AFFINITY_FIXES);
  const fixed = applyAll(files, fixNamed(fixes, ADD_AFFINITY).edits);
  assert.equal(fixed['service.yaml'], expected);
  for (const path of Object.keys(extra)) assert.equal(fixed[path], extra[path], `${path} unchanged`);
  assert.deepEqual(diagnosticsOf(fixed, 'service-affinity'), [], 'the finding is gone');
}

test('Add sessionAffinity: ClientIP to a block spec (2-space indentation)', () => {
  assertAffinityFix(
    lines('apiVersion: v1', 'kind: Service', 'metadata:', '  name: a', 'spec:', '  selector:', '    app: a', '  ports:', '  - port: 80'),
    lines(
      'apiVersion: v1',
      'kind: Service',
      'metadata:',
      '  name: a',
      'spec:',
      '  selector:',
      '    app: a',
      '  ports:',
      '  - port: 80',
      '  sessionAffinity: ClientIP',
      '  sessionAffinityConfig:',
      '    clientIP:',
      '      timeoutSeconds: 86400',
    ),
  );
});

test('Add sessionAffinity: ClientIP to a block spec (4-space indentation)', () => {
  assertAffinityFix(
    lines('apiVersion: v1', 'kind: Service', 'metadata:', '    name: a', 'spec:', '    selector:', '        app: a', '    ports:', '    -   port: 80'),
    lines(
      'apiVersion: v1',
      'kind: Service',
      'metadata:',
      '    name: a',
      'spec:',
      '    selector:',
      '        app: a',
      '    ports:',
      '    -   port: 80',
      '    sessionAffinity: ClientIP',
      '    sessionAffinityConfig:',
      '        clientIP:',
      '            timeoutSeconds: 86400',
    ),
  );
});

test('sessionAffinity: None is replaced, not added twice', () => {
  assertAffinityFix(
    lines('apiVersion: v1', 'kind: Service', 'metadata:', '  name: a', 'spec:', '  sessionAffinity: None', '  selector:', '    app: a', '  ports:', '  - port: 80'),
    lines(
      'apiVersion: v1',
      'kind: Service',
      'metadata:',
      '  name: a',
      'spec:',
      '  sessionAffinity: ClientIP',
      '  selector:',
      '    app: a',
      '  ports:',
      '  - port: 80',
      '  sessionAffinityConfig:',
      '    clientIP:',
      '      timeoutSeconds: 86400',
    ),
  );
});

test('an existing timeoutSeconds: 10800 becomes 86400', () => {
  assertAffinityFix(
    lines(
      'apiVersion: v1',
      'kind: Service',
      'metadata:',
      '  name: a',
      'spec:',
      '  selector:',
      '    app: a',
      '  sessionAffinityConfig:',
      '    clientIP:',
      '      timeoutSeconds: 10800',
      '  ports:',
      '  - port: 80',
    ),
    lines(
      'apiVersion: v1',
      'kind: Service',
      'metadata:',
      '  name: a',
      'spec:',
      '  selector:',
      '    app: a',
      '  sessionAffinityConfig:',
      '    clientIP:',
      '      timeoutSeconds: 86400',
      '  ports:',
      '  - port: 80',
      '  sessionAffinity: ClientIP',
    ),
  );
});

test('sessionAffinity: None with timeoutSeconds: 10800: both values replaced in place', () => {
  assertAffinityFix(
    lines(
      'apiVersion: v1',
      'kind: Service',
      'metadata:',
      '  name: a',
      'spec:',
      '  sessionAffinity: None',
      '  sessionAffinityConfig:',
      '    clientIP:',
      '      timeoutSeconds: 10800',
      '  selector:',
      '    app: a',
    ),
    lines(
      'apiVersion: v1',
      'kind: Service',
      'metadata:',
      '  name: a',
      'spec:',
      '  sessionAffinity: ClientIP',
      '  sessionAffinityConfig:',
      '    clientIP:',
      '      timeoutSeconds: 86400',
      '  selector:',
      '    app: a',
    ),
  );
});

test('sessionAffinityConfig without clientIP gets clientIP added inside it', () => {
  assertAffinityFix(
    lines('apiVersion: v1', 'kind: Service', 'metadata:', '  name: a', 'spec:', '  sessionAffinityConfig: {}', '  selector:', '    app: a'),
    lines('apiVersion: v1', 'kind: Service', 'metadata:', '  name: a', 'spec:', '  sessionAffinityConfig: {clientIP: {timeoutSeconds: 86400}}', '  selector:', '    app: a', '  sessionAffinity: ClientIP'),
  );
  assertAffinityFix(
    lines('apiVersion: v1', 'kind: Service', 'metadata:', '  name: a', 'spec:', '  sessionAffinityConfig:', '    clientIP: {}', '  selector:', '    app: a'),
    lines('apiVersion: v1', 'kind: Service', 'metadata:', '  name: a', 'spec:', '  sessionAffinityConfig:', '    clientIP: {timeoutSeconds: 86400}', '  selector:', '    app: a', '  sessionAffinity: ClientIP'),
  );
});

test('an empty (null) sessionAffinityConfig is filled in, not written a second time', () => {
  assertAffinityFix(
    lines('apiVersion: v1', 'kind: Service', 'metadata:', '  name: a', 'spec:', '  selector:', '    app: a', '  sessionAffinityConfig:'),
    lines('apiVersion: v1', 'kind: Service', 'metadata:', '  name: a', 'spec:', '  selector:', '    app: a', '  sessionAffinityConfig:', '    clientIP:', '      timeoutSeconds: 86400', '  sessionAffinity: ClientIP'),
  );
});

test('a nested flow mapping gets its entries before its own closing brace', () => {
  assertAffinityFix(
    lines('apiVersion: v1', 'kind: Service', 'metadata:', '  name: a', 'spec: {selector: {app: a}, sessionAffinityConfig: {clientIP: {}}}'),
    lines('apiVersion: v1', 'kind: Service', 'metadata:', '  name: a', 'spec: {selector: {app: a}, sessionAffinityConfig: {clientIP: {timeoutSeconds: 86400}}, sessionAffinity: ClientIP}'),
  );
});

test('a flow-style spec gets flow entries before its closing brace', () => {
  assertAffinityFix(
    lines('apiVersion: v1', 'kind: Service', 'metadata:', '  name: a', 'spec: {selector: {app: a}, ports: [{port: 80}]}'),
    lines('apiVersion: v1', 'kind: Service', 'metadata:', '  name: a', 'spec: {selector: {app: a}, ports: [{port: 80}], sessionAffinity: ClientIP, sessionAffinityConfig: {clientIP: {timeoutSeconds: 86400}}}'),
  );
});

test('a Service inside a kind: List', () => {
  const head = ['apiVersion: v1', 'kind: List', 'items:', '- apiVersion: v1', '  kind: Service', '  metadata:', '    name: a', '  spec:', '    selector:', '      app: a', '    ports:', '    - port: 80'];
  const tail = ['- apiVersion: v1', '  kind: ConfigMap', '  metadata:', '    name: settings', '  data:', '    key: value'];
  assertAffinityFix(lines(...head, ...tail), lines(...head, '    sessionAffinity: ClientIP', '    sessionAffinityConfig:', '      clientIP:', '        timeoutSeconds: 86400', ...tail));
});

test('a multi-document file: only the Service’s document changes', () => {
  const before = ['# a comment before everything', 'apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: settings', 'data:', '  key: value', '---'];
  const service = ['apiVersion: v1', 'kind: Service', 'metadata:', '  name: a', 'spec:', '  selector:', '    app: a', '  ports:', '  - port: 80'];
  const after = ['---', ...DEPLOYMENT.trimEnd().split('\n'), '...', '---', 'apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: other'];
  assertAffinityFix(
    lines(...before, ...service, ...after),
    lines(...before, ...service, '  sessionAffinity: ClientIP', '  sessionAffinityConfig:', '    clientIP:', '      timeoutSeconds: 86400', ...after),
    {},
  );
});

test('a CRLF file gets CRLF lines', () => {
  const crlf = (...content: string[]): string => content.join('\r\n') + '\r\n';
  assertAffinityFix(
    crlf('apiVersion: v1', 'kind: Service', 'metadata:', '  name: a', 'spec:', '  selector:', '    app: a', '  ports:', '  - port: 80'),
    crlf('apiVersion: v1', 'kind: Service', 'metadata:', '  name: a', 'spec:', '  selector:', '    app: a', '  ports:', '  - port: 80', '  sessionAffinity: ClientIP', '  sessionAffinityConfig:', '    clientIP:', '      timeoutSeconds: 86400'),
  );
});

test('comments are kept', () => {
  assertAffinityFix(
    lines(
      '# The public API.',
      'apiVersion: v1',
      'kind: Service',
      'metadata:',
      '  name: a # the name clients use',
      'spec:',
      '  # which pods',
      '  selector:',
      '    app: a',
      '  sessionAffinity: None # TODO: decide',
      '  ports:',
      '  - port: 80 # http',
    ),
    lines(
      '# The public API.',
      'apiVersion: v1',
      'kind: Service',
      'metadata:',
      '  name: a # the name clients use',
      'spec:',
      '  # which pods',
      '  selector:',
      '    app: a',
      '  sessionAffinity: ClientIP # TODO: decide',
      '  ports:',
      '  - port: 80 # http',
      '  sessionAffinityConfig:',
      '    clientIP:',
      '      timeoutSeconds: 86400',
    ),
  );
});

test('a comment after the spec stays after the added entries', () => {
  assertAffinityFix(
    lines('apiVersion: v1', 'kind: Service', 'metadata:', '  name: a', ...SPEC, '# end of the Service'),
    lines('apiVersion: v1', 'kind: Service', 'metadata:', '  name: a', ...SPEC, '  sessionAffinity: ClientIP', '  sessionAffinityConfig:', '    clientIP:', '      timeoutSeconds: 86400', '# end of the Service'),
  );
});

test('a column-0 comment after an indented one stays below the added entries', () => {
  assertAffinityFix(
    lines('apiVersion: v1', 'kind: Service', 'metadata:', '  name: a', ...SPEC, '  # more ports later', '# end of the Service'),
    lines('apiVersion: v1', 'kind: Service', 'metadata:', '  name: a', ...SPEC, '  # more ports later', '  sessionAffinity: ClientIP', '  sessionAffinityConfig:', '    clientIP:', '      timeoutSeconds: 86400', '# end of the Service'),
  );
});

test('a file without a final newline: the entries go after its last line', () => {
  const files = {
    'service.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: a\nspec:\n  selector:\n    app: a',
    'deployment.yaml': DEPLOYMENT,
  };
  const fixed = applyAll(files, fixNamed(fixesOf(files, 'service-affinity'), ADD_AFFINITY).edits);
  assert.equal(fixed['service.yaml'], 'apiVersion: v1\nkind: Service\nmetadata:\n  name: a\nspec:\n  selector:\n    app: a\n  sessionAffinity: ClientIP\n  sessionAffinityConfig:\n    clientIP:\n      timeoutSeconds: 86400');
  assert.deepEqual(diagnosticsOf(fixed, 'service-affinity'), []);
});

/** Applies "Ignore service-affinity for this Service" and checks the whole result. */
function assertIgnoreFix(service: string, expected: string): void {
  const files = { 'service.yaml': service, 'deployment.yaml': DEPLOYMENT };
  const fixes = fixesOf(files, 'service-affinity');
  assert.deepEqual(titles(fixes), AFFINITY_FIXES);
  const fixed = applyAll(files, fixNamed(fixes, IGNORE_AFFINITY).edits);
  assert.equal(fixed['service.yaml'], expected);
  assert.equal(fixed['deployment.yaml'], DEPLOYMENT);
  assert.deepEqual(rulesIn(fixed), [], 'nothing left');
}

test('Ignore service-affinity: creates the annotations', () => {
  assertIgnoreFix(
    lines('apiVersion: v1', 'kind: Service', 'metadata:', '  name: a', '  namespace: default', ...SPEC),
    lines('apiVersion: v1', 'kind: Service', 'metadata:', '  name: a', '  namespace: default', '  annotations:', '    connlint.dev/ignore: "service-affinity"', ...SPEC),
  );
});

test('Ignore service-affinity: adds to an existing annotations map', () => {
  assertIgnoreFix(
    lines('apiVersion: v1', 'kind: Service', 'metadata:', '  name: a', '  annotations:', '    team: payments', '  labels:', '    app: a', ...SPEC),
    lines('apiVersion: v1', 'kind: Service', 'metadata:', '  name: a', '  annotations:', '    team: payments', '    connlint.dev/ignore: "service-affinity"', '  labels:', '    app: a', ...SPEC),
  );
});

test('Ignore service-affinity: appends to an existing connlint.dev/ignore', () => {
  assertIgnoreFix(
    lines('apiVersion: v1', 'kind: Service', 'metadata:', '  name: a', '  annotations:', '    connlint.dev/ignore: keepalive-conntrack', '    team: payments', ...SPEC),
    lines('apiVersion: v1', 'kind: Service', 'metadata:', '  name: a', '  annotations:', '    connlint.dev/ignore: "keepalive-conntrack,service-affinity"', '    team: payments', ...SPEC),
  );
});

test('Ignore service-affinity: a flow-style metadata', () => {
  assertIgnoreFix(
    lines('apiVersion: v1', 'kind: Service', 'metadata: {name: a, annotations: {team: payments}}', ...SPEC),
    lines('apiVersion: v1', 'kind: Service', 'metadata: {name: a, annotations: {team: payments, connlint.dev/ignore: "service-affinity"}}', ...SPEC),
  );
});

test('Disable service-affinity for this line, in YAML: a comment above the name at its indentation', () => {
  const files = { 'service.yaml': lines('apiVersion: v1', 'kind: Service', 'metadata:', '  name: a', ...SPEC), 'deployment.yaml': DEPLOYMENT };
  const fixed = applyAll(files, fixNamed(fixesOf(files, 'service-affinity'), 'Disable service-affinity for this line').edits);
  assert.equal(fixed['service.yaml'], lines('apiVersion: v1', 'kind: Service', 'metadata:', '  # connlint-disable-next-line service-affinity', '  name: a', ...SPEC));
  assert.deepEqual(rulesIn(fixed), []);
});

test('Disable service-affinity for this line, in a CRLF file', () => {
  const crlf = (...content: string[]): string => content.join('\r\n') + '\r\n';
  const files = { 'service.yaml': crlf('apiVersion: v1', 'kind: Service', 'metadata:', '  name: a', ...SPEC), 'deployment.yaml': DEPLOYMENT };
  const fixed = applyAll(files, fixNamed(fixesOf(files, 'service-affinity'), 'Disable service-affinity for this line').edits);
  assert.equal(fixed['service.yaml'], crlf('apiVersion: v1', 'kind: Service', 'metadata:', '  # connlint-disable-next-line service-affinity', '  name: a', ...SPEC));
  assert.deepEqual(rulesIn(fixed), []);
});

const NODE = 'node/sysctl.d/60-k8s.conf';
const KEEPALIVE = 'net.ipv4.tcp_keepalive_time';
const CONNTRACK = 'net.netfilter.nf_conntrack_tcp_timeout_established';

test('Disable keepalive-conntrack for this line, in a sysctl file', () => {
  const files = { [NODE]: lines('# node tuning', `${CONNTRACK} = 3600`, `  ${KEEPALIVE} = 7200`) };
  const fixes = fixesOf(files, 'keepalive-conntrack');
  assert.deepEqual(titles(fixes), [
    { title: `Set ${KEEPALIVE} to 600`, preferred: true },
    { title: 'Disable keepalive-conntrack for this line', preferred: false },
  ]);
  const fixed = applyAll(files, fixNamed(fixes, 'Disable keepalive-conntrack for this line').edits);
  assert.equal(fixed[NODE], lines('# node tuning', `${CONNTRACK} = 3600`, '  # connlint-disable-next-line keepalive-conntrack', `  ${KEEPALIVE} = 7200`));
  assert.deepEqual(rulesIn(fixed), []);
});

test('Set net.ipv4.tcp_keepalive_time on a node sysctl line: min(600, timeout / 2)', () => {
  for (const [timeout, keepalive, set] of [
    [3600, 7200, 600],
    [900, 7200, 450],
    [900, 900, 450],
    [1201, 1300, 600],
    [1199, 1199, 599],
  ] as const) {
    const files = { [NODE]: lines(`${CONNTRACK} = ${timeout}`, `${KEEPALIVE} = ${keepalive}`, 'net.ipv4.tcp_keepalive_intvl = 30') };
    const fixes = fixesOf(files, 'keepalive-conntrack');
    assert.deepEqual(titles(fixes), [
      { title: `Set ${KEEPALIVE} to ${set}`, preferred: true },
      { title: 'Disable keepalive-conntrack for this line', preferred: false },
    ]);
    const fixed = applyAll(files, fixes[0]!.edits);
    assert.equal(fixed[NODE], lines(`${CONNTRACK} = ${timeout}`, `${KEEPALIVE} = ${set}`, 'net.ipv4.tcp_keepalive_intvl = 30'), `timeout ${timeout}`);
    assert.deepEqual(rulesIn(fixed), []);
  }
});

/** A KubeProxyConfiguration with a conntrack timeout (its value on line 4). */
const kubeProxy = (timeout: string): string => lines('apiVersion: kubeproxy.config.k8s.io/v1alpha1', 'kind: KubeProxyConfiguration', 'mode: iptables', 'conntrack:', `  tcpEstablishedTimeout: ${timeout}`);

test('Set net.ipv4.tcp_keepalive_time on a pod sysctl value: a quoted string', () => {
  const pod = (value: string): string =>
    lines(
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: api',
      'spec:',
      '  selector: {matchLabels: {app: api}}',
      '  template:',
      '    metadata:',
      '      labels: {app: api}',
      '    spec:',
      '      securityContext:',
      '        sysctls:',
      `        - name: ${KEEPALIVE}`,
      `          value: ${value}`,
      '      containers:',
      '      - name: app',
      '        image: nginx',
    );
  for (const [timeout, value, set] of [
    ['1h', '"7200"', '600'],
    ['15m', '"7200"', '450'],
    ['15m', '900', '450'],
  ] as const) {
    const files = { 'kube-proxy.yaml': kubeProxy(timeout), 'api.yaml': pod(value) };
    const fixes = fixesOf(files, 'keepalive-conntrack');
    assert.deepEqual(titles(fixes), [
      { title: `Set ${KEEPALIVE} to ${set}`, preferred: true },
      { title: 'Disable keepalive-conntrack for this line', preferred: false },
    ]);
    const fixed = applyAll(files, fixes[0]!.edits);
    assert.equal(fixed['api.yaml'], pod(`"${set}"`));
    assert.equal(fixed['kube-proxy.yaml'], files['kube-proxy.yaml']);
    assert.deepEqual(rulesIn(fixed), []);
  }
});

test('a pod sysctl in flow style is replaced in place', () => {
  const pod = (value: string): string =>
    lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: debug', 'spec:', `  securityContext: {sysctls: [{name: ${KEEPALIVE}, value: ${value}}]}`, '  containers:', '  - name: app', '    image: busybox');
  const files = { 'kube-proxy.yaml': kubeProxy('1h'), 'pod.yaml': pod("'86400'") };
  const fixes = fixesOf(files, 'keepalive-conntrack');
  assert.equal(fixes[0]!.title, `Set ${KEEPALIVE} to 600`);
  const fixed = applyAll(files, fixes[0]!.edits);
  assert.equal(fixed['pod.yaml'], pod('"600"'));
  assert.deepEqual(rulesIn(fixed), []);
});

const ITEM = [`- name: ${KEEPALIVE}`, '  value: "600"'];
const indent = (by: number, content: readonly string[]): string[] => content.map((line) => ' '.repeat(by) + line);

const workloadHead = (kind: string, name: string): string[] => [
  'apiVersion: apps/v1',
  `kind: ${kind}`,
  'metadata:',
  `  name: ${name}`,
  'spec:',
  `  selector: {matchLabels: {app: ${name}}}`,
  '  template:',
  '    metadata:',
  `      labels: {app: ${name}}`,
  '    spec:',
];
const CONTAINERS = ['      containers:', '      - name: app', '        image: nginx'];

const DEFAULT_KEEPALIVE_WORKSPACE = {
  'kube-proxy.yaml': kubeProxy('1h'),
  'api.yaml': lines(...workloadHead('Deployment', 'api'), ...CONTAINERS),
  'worker.yaml': lines(...workloadHead('Deployment', 'worker'), '      securityContext:', '        runAsNonRoot: true', ...CONTAINERS),
  'db.yaml': lines(...workloadHead('StatefulSet', 'db'), '      securityContext:', '        sysctls:', '        - name: net.ipv4.tcp_keepalive_intvl', '          value: "30"', ...CONTAINERS),
  'cache.yaml': lines(...workloadHead('Deployment', 'cache'), '      securityContext:', '        sysctls: [{name: net.ipv4.tcp_keepalive_intvl, value: "30"}]', ...CONTAINERS),
  'debug.yaml': lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: debug', 'spec:', '  containers:', '  - name: app', '    image: busybox'),
};

const DEFAULT_KEEPALIVE_FIXED = {
  'kube-proxy.yaml': kubeProxy('1h'),
  'api.yaml': lines(...workloadHead('Deployment', 'api'), ...CONTAINERS, '      securityContext:', '        sysctls:', ...indent(10, ITEM)),
  'worker.yaml': lines(...workloadHead('Deployment', 'worker'), '      securityContext:', '        runAsNonRoot: true', '        sysctls:', ...indent(10, ITEM), ...CONTAINERS),
  'db.yaml': lines(...workloadHead('StatefulSet', 'db'), '      securityContext:', '        sysctls:', '        - name: net.ipv4.tcp_keepalive_intvl', '          value: "30"', ...indent(8, ITEM), ...CONTAINERS),
  'cache.yaml': lines(
    ...workloadHead('Deployment', 'cache'),
    '      securityContext:',
    `        sysctls: [{name: net.ipv4.tcp_keepalive_intvl, value: "30"}, {name: ${KEEPALIVE}, value: "600"}]`,
    ...CONTAINERS,
  ),
  'debug.yaml': lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: debug', 'spec:', '  containers:', '  - name: app', '    image: busybox', '  securityContext:', '    sysctls:', ...indent(6, ITEM)),
};

const addTitle = (workload: string): string => `Add ${KEEPALIVE} = 600 to the securityContext.sysctls of ${workload}`;

test('the default keepalive finding offers one fix per workload, each written in its file’s style', () => {
  const fixes = fixesOf(DEFAULT_KEEPALIVE_WORKSPACE, 'keepalive-conntrack');
  assert.deepEqual(titles(fixes), [
    { title: addTitle('Deployment "api"'), preferred: true },
    { title: addTitle('Deployment "cache"'), preferred: true },
    { title: addTitle('StatefulSet "db"'), preferred: true },
    { title: addTitle('Pod "debug"'), preferred: true },
    { title: addTitle('Deployment "worker"'), preferred: true },
    { title: 'Disable keepalive-conntrack for this line', preferred: false },
  ]);
  for (const fix of fixes.slice(0, -1)) {
    assert.equal(fix.edits.length, 1);
    const path = fix.edits[0]!.file;
    const fixed = applyAll(DEFAULT_KEEPALIVE_WORKSPACE, fix.edits);
    assert.equal(fixed[path], DEFAULT_KEEPALIVE_FIXED[path as keyof typeof DEFAULT_KEEPALIVE_FIXED], fix.title);
  }
  const all = applyAll(DEFAULT_KEEPALIVE_WORKSPACE, fixes.slice(0, -1).flatMap((fix) => fix.edits));
  assert.deepEqual(all, DEFAULT_KEEPALIVE_FIXED);
  assert.deepEqual(rulesIn(all), [], 'clean once every workload sets its keepalive');
});

test('Disable keepalive-conntrack on the kube-proxy configuration line', () => {
  const fixes = fixesOf(DEFAULT_KEEPALIVE_WORKSPACE, 'keepalive-conntrack');
  const fixed = applyAll(DEFAULT_KEEPALIVE_WORKSPACE, fixNamed(fixes, 'Disable keepalive-conntrack for this line').edits);
  assert.equal(
    fixed['kube-proxy.yaml'],
    lines('apiVersion: kubeproxy.config.k8s.io/v1alpha1', 'kind: KubeProxyConfiguration', 'mode: iptables', 'conntrack:', '  # connlint-disable-next-line keepalive-conntrack', '  tcpEstablishedTimeout: 1h'),
  );
  assert.deepEqual(rulesIn(fixed), []);
});

test('the default keepalive finding with a 15 minute timeout adds 450', () => {
  const files = { 'kube-proxy.yaml': kubeProxy('15m'), 'debug.yaml': DEFAULT_KEEPALIVE_WORKSPACE['debug.yaml'] };
  const fixes = fixesOf(files, 'keepalive-conntrack');
  assert.deepEqual(titles(fixes), [
    { title: `Add ${KEEPALIVE} = 450 to the securityContext.sysctls of Pod "debug"`, preferred: true },
    { title: 'Disable keepalive-conntrack for this line', preferred: false },
  ]);
  const fixed = applyAll(files, fixes[0]!.edits);
  assert.equal(fixed['debug.yaml'], lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: debug', 'spec:', '  containers:', '  - name: app', '    image: busybox', '  securityContext:', '    sysctls:', `      - name: ${KEEPALIVE}`, '        value: "450"'));
  assert.deepEqual(rulesIn(fixed), []);
});

test('host-network workloads get no pod sysctl fix', () => {
  const daemonSet = lines(...workloadHead('DaemonSet', 'agent'), '      hostNetwork: true', ...CONTAINERS);
  const files = { 'kube-proxy.yaml': kubeProxy('1h'), 'agent.yaml': daemonSet, 'api.yaml': DEFAULT_KEEPALIVE_WORKSPACE['api.yaml'] };
  assert.deepEqual(titles(fixesOf(files, 'keepalive-conntrack')), [
    { title: addTitle('Deployment "api"'), preferred: true },
    { title: 'Disable keepalive-conntrack for this line', preferred: false },
  ]);
  assert.deepEqual(titles(fixesOf({ 'kube-proxy.yaml': kubeProxy('1h'), 'agent.yaml': daemonSet }, 'keepalive-conntrack')), [
    { title: 'Disable keepalive-conntrack for this line', preferred: false },
  ]);
});

test('fixesFor a diagnostic that is not there, or of an unknown rule or file, is empty', () => {
  const files = { 'service.yaml': lines('apiVersion: v1', 'kind: Service', 'metadata:', '  name: a', ...SPEC), 'deployment.yaml': DEPLOYMENT };
  const model = workspaceOf(files).model();
  const range = { start: { line: 3, character: 8 }, end: { line: 3, character: 9 } };
  assert.equal(fixesFor(model, { rule: 'service-affinity', file: 'service.yaml', range }).length, 4);
  assert.deepEqual(fixesFor(model, { rule: 'service-affinity', file: 'service.yaml', range: { start: range.start, end: { line: 3, character: 10 } } }), []);
  assert.deepEqual(fixesFor(model, { rule: 'no-such-rule', file: 'service.yaml', range }), []);
  const nameOffset = files['service.yaml'].indexOf('name: a') + 6;
  assert.deepEqual(titles(fixesFor(model, { rule: 'service-affinity', file: 'service.yaml', start: nameOffset })), AFFINITY_FIXES, 'found by its start offset');
  assert.deepEqual(fixesFor(model, { rule: 'service-affinity', file: 'service.yaml', start: nameOffset + 1 }), []);
  assert.deepEqual(fixesFor(model, { rule: 'service-affinity', file: 'other.yaml', range }), []);
});

test('fixAllEdits: the preferred fix of every diagnostic, grouped by file; applying them clears the findings', () => {
  const files = {
    'services.yaml': lines('apiVersion: v1', 'kind: Service', 'metadata:', '  name: a', ...SPEC, '---', 'apiVersion: v1', 'kind: Service', 'metadata:', '  name: b', 'spec: {selector: {app: a}}'),
    'deployment.yaml': DEPLOYMENT,
    [NODE]: lines(`${KEEPALIVE} = 90000`),
  };
  const model = workspaceOf(files).model();
  assert.deepEqual(rulesIn(files), [
    'keepalive-not-inherited node/sysctl.d/60-k8s.conf 0:0-0:35',
    'keepalive-conntrack node/sysctl.d/60-k8s.conf 0:30-0:35',
    'service-affinity services.yaml 3:8-3:9',
    'service-affinity services.yaml 13:8-13:9',
  ]);
  const edits = fixAllEdits(model, {});
  assert.deepEqual([...edits.keys()].sort(), ['deployment.yaml', NODE]);
  const fixed = applyAll(files, [...edits.values()].flat());
  assert.deepEqual(fixed, {
    // Both Services are fixed by the keepalive in their backends' pods, not by ClientIP affinity.
    'services.yaml': files['services.yaml'],
    // The pods get their own keepalive: not the node's 90000 s, which the conntrack timeout would outlast, but 600 s.
    'deployment.yaml': DEPLOYMENT.replace(
      '        image: nginx\n',
      '        image: nginx\n      securityContext:\n        sysctls:\n          - name: net.ipv4.tcp_keepalive_time\n            value: "600"\n',
    ),
    [NODE]: lines(`${KEEPALIVE} = 600`),
  });
  assert.deepEqual(rulesIn(fixed), []);
  const only = fixAllEdits(model, {}, NODE);
  assert.deepEqual([...only.keys()], [NODE]);
  assert.deepEqual(only.get(NODE), [{ file: NODE, span: { start: 30, end: 35 }, newText: '600' }]);
  assert.deepEqual(fixAllEdits(model, { severities: { 'service-affinity': 'off', 'keepalive-conntrack': 'off', 'keepalive-not-inherited': 'off' } }).size, 0, 'rules turned off are not fixed');
});

test('fixAllEdits applies every preferred fix of a finding: one pass fixes each workload on the default', () => {
  const files = { 'kube-proxy.yaml': kubeProxy('1h'), 'api.yaml': DEFAULT_KEEPALIVE_WORKSPACE['api.yaml'], 'debug.yaml': DEFAULT_KEEPALIVE_WORKSPACE['debug.yaml'] };
  const edits = fixAllEdits(workspaceOf(files).model(), {});
  assert.deepEqual([...edits.keys()], ['api.yaml', 'debug.yaml']);
  const fixed = applyAll(files, [...edits.values()].flat());
  assert.deepEqual(fixed, { 'kube-proxy.yaml': kubeProxy('1h'), 'api.yaml': DEFAULT_KEEPALIVE_FIXED['api.yaml'], 'debug.yaml': DEFAULT_KEEPALIVE_FIXED['debug.yaml'] });
  assert.deepEqual(rulesIn(fixed), []);
});

test('overlaps: same file and touching spans; insertions at one offset overlap; other files never', () => {
  const edit = (file: string, start: number, end: number): TextEdit => ({ file, span: { start, end }, newText: 'x' });
  assert.equal(overlaps([edit('a', 0, 5)], [edit('a', 3, 8)]), true);
  assert.equal(overlaps([edit('a', 0, 5)], [edit('a', 6, 8)]), false);
  assert.equal(overlaps([edit('a', 4, 4)], [edit('a', 4, 4)]), true);
  assert.equal(overlaps([edit('a', 0, 5)], [edit('b', 0, 5)]), false);
  assert.equal(overlaps([], [edit('a', 0, 5)]), false);
});

test('applyEdits applies non-overlapping edits from the end, whatever their order', () => {
  const text = 'one two three';
  const edits: TextEdit[] = [
    { file: 'f', span: { start: 0, end: 3 }, newText: '1' },
    { file: 'f', span: { start: 8, end: 13 }, newText: '3' },
    { file: 'f', span: { start: 4, end: 7 }, newText: 'TWO' },
    { file: 'f', span: { start: 13, end: 13 }, newText: '!' },
  ];
  assert.equal(applyEdits(text, edits), '1 TWO 3!');
  const insertions: TextEdit[] = [
    { file: 'f', span: { start: 3, end: 3 }, newText: 'A' },
    { file: 'f', span: { start: 3, end: 3 }, newText: 'B' },
    { file: 'f', span: { start: 3, end: 3 }, newText: 'C' },
  ];
  assert.equal(applyEdits(text, insertions), 'oneABC two three', 'insertions at one place keep their order');
  assert.equal(applyEdits(text, []), text);
});
