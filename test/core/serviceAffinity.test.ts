import assert from 'node:assert/strict';
import { test } from 'node:test';
import { brief, lintersFor, lines, type Brief } from '../helpers/lintFiles';

const { lintBrief, lintFiles } = lintersFor('service-affinity', 'yaml-syntax');

interface WorkloadOptions {
  readonly kind?: string;
  readonly name?: string;
  readonly namespace?: string;
  readonly replicas?: number;
  readonly labels?: Readonly<Record<string, string>>;
}

/** A workload whose pods carry `labels`; the name is on line 3, replicas (when set) on line 5 or 6. */
function workload({ kind = 'Deployment', name = 'web', namespace, replicas, labels = { app: 'web' } }: WorkloadOptions = {}): string[] {
  const flow = Object.entries(labels).map(([key, value]) => `${key}: ${value}`).join(', ');
  return [
    `apiVersion: ${kind === 'ReplicationController' ? 'v1' : 'apps/v1'}`,
    `kind: ${kind}`,
    'metadata:',
    `  name: ${name}`,
    ...(namespace === undefined ? [] : [`  namespace: ${namespace}`]),
    'spec:',
    ...(replicas === undefined ? [] : [`  replicas: ${replicas}`]),
    `  selector: {matchLabels: {${flow}}}`,
    '  template:',
    '    metadata:',
    '      labels:',
    ...Object.entries(labels).map(([key, value]) => `        ${key}: ${value}`),
    '    spec:',
    '      containers:',
    '      - name: app',
    '        image: nginx',
  ];
}

interface ServiceOptions {
  readonly namespace?: string;
  /** `null`: no selector (hand-written Endpoints). */
  readonly selector?: Readonly<Record<string, string>> | null;
  /** Lines inserted under `spec:`, indented by the caller. */
  readonly spec?: readonly string[];
}

/** Service "web": its name is always at 3:8-3:11. */
function service({ namespace, selector = { app: 'web' }, spec = [] }: ServiceOptions = {}): string[] {
  return [
    'apiVersion: v1',
    'kind: Service',
    'metadata:',
    '  name: web',
    ...(namespace === undefined ? [] : [`  namespace: ${namespace}`]),
    'spec:',
    ...spec,
    ...(selector === null ? [] : ['  selector:', ...Object.entries(selector).map(([key, value]) => `    ${key}: ${value}`)]),
    '  ports:',
    '  - port: 80',
  ];
}

/** An autoscaler of Deployment "web"; maxReplicas is at 10:15. */
function autoscaler(apiVersion: 'autoscaling/v1' | 'autoscaling/v2', maxReplicas: number): string[] {
  return [
    `apiVersion: ${apiVersion}`,
    'kind: HorizontalPodAutoscaler',
    'metadata:',
    '  name: web',
    'spec:',
    '  scaleTargetRef:',
    '    apiVersion: apps/v1',
    '    kind: Deployment',
    '    name: web',
    '  minReplicas: 1',
    `  maxReplicas: ${maxReplicas}`,
    ...(apiVersion === 'autoscaling/v1'
      ? ['  targetCPUUtilizationPercentage: 80']
      : ['  metrics:', '  - type: Resource', '    resource: {name: cpu, target: {type: Utilization, averageUtilization: 80}}']),
  ];
}

const pod = (name: string): string[] => ['apiVersion: v1', 'kind: Pod', 'metadata:', `  name: ${name}`, '  labels:', '    app: web', 'spec:', '  containers:', '  - name: app', '    image: nginx'];

const at = (file: string, range: string, severity = 'warning'): Brief => ({ rule: 'service-affinity', severity, file, range });
const WEB = at('service.yaml', '3:8-3:11');
const TAIL = 'and no ClientIP affinity: a connection idle over the 86400 s conntrack timeout can be re-balanced to another pod and reset.';

/** Lints a Service "web" in service.yaml and the given backends in app.yaml. */
const withService = (backends: readonly string[], options: ServiceOptions = {}): Brief[] =>
  lintBrief({ 'service.yaml': lines(...service(options)), 'app.yaml': lines(...backends) });

test('a Service with a single backend pod is silent, whatever says it is one', () => {
  assert.deepEqual(withService(workload({ replicas: 1 })), []);
  assert.deepEqual(withService(workload()), [], 'replicas unset means 1');
  assert.deepEqual(withService(workload({ replicas: 0 })), []);
  assert.deepEqual(withService(pod('web-1')), []);
});

test('a workload scaled to 0 stays silent even with an autoscaler: the controller does not scale it', () => {
  assert.deepEqual(lintBrief({ 'service.yaml': lines(...service()), 'app.yaml': lines(...workload({ replicas: 0 })), 'hpa.yaml': lines(...autoscaler('autoscaling/v2', 3)) }), []);
});

for (const apiVersion of ['autoscaling/v2', 'autoscaling/v1'] as const) {
  test(`an ${apiVersion} HorizontalPodAutoscaler raises a one-replica Deployment to its maxReplicas`, () => {
    const files = { 'service.yaml': lines(...service()), 'app.yaml': lines(...workload({ replicas: 1 })), 'hpa.yaml': lines(...autoscaler(apiVersion, 3)) };
    const reason = 'Deployment "web" has replicas: 1 and HorizontalPodAutoscaler "web" scales it up to maxReplicas: 3';
    assert.deepEqual(lintFiles(files), [
      {
        file: 'service.yaml',
        range: { start: { line: 3, character: 8 }, end: { line: 3, character: 11 } },
        rule: 'service-affinity',
        severity: 'warning',
        message: `Service "web" has up to 3 backends (HorizontalPodAutoscaler "web") ${TAIL}`,
        related: [{ file: 'hpa.yaml', range: { start: { line: 10, character: 15 }, end: { line: 10, character: 16 } }, message: `Backend of Service "web": ${reason}` }],
      },
    ]);
  });
}

test('an autoscaler whose maxReplicas is 1 leaves a single backend', () => {
  assert.deepEqual(lintBrief({ 'service.yaml': lines(...service()), 'app.yaml': lines(...workload()), 'hpa.yaml': lines(...autoscaler('autoscaling/v2', 1)) }), []);
});

test('backends are the pods whose labels hold the whole selector', () => {
  assert.deepEqual(withService(workload({ replicas: 2 }), { selector: { app: 'other' } }), [], 'selector matching nothing');
  assert.deepEqual(withService(workload({ replicas: 2, labels: { app: 'web', tier: 'backend' } })), [WEB], 'selector a subset of the labels');
  assert.deepEqual(withService(workload({ replicas: 2 }), { selector: { app: 'web', tier: 'frontend' } }), [], 'a selector label the pods lack');
});

test('backends are looked up in the Service namespace; a missing namespace is default', () => {
  assert.deepEqual(withService(workload({ replicas: 2, namespace: 'other' })), []);
  assert.deepEqual(withService(workload({ replicas: 2, namespace: 'prod' }), { namespace: 'prod' }), [at('service.yaml', '3:8-3:11')]);
  assert.deepEqual(withService(workload({ replicas: 2, namespace: 'default' })), [WEB]);
  assert.deepEqual(withService(workload({ replicas: 2 }), { namespace: 'default' }), [WEB]);
});

test('Services kube-proxy does not balance, or balances with ClientIP affinity, are silent', () => {
  const backends = workload({ replicas: 3 });
  assert.deepEqual(withService(backends, { spec: ['  clusterIP: None'] }), [], 'headless');
  assert.deepEqual(withService(backends, { spec: ['  type: ExternalName', '  externalName: db.example.com'] }), [], 'ExternalName');
  assert.deepEqual(withService(backends, { spec: ['  sessionAffinity: ClientIP'] }), [], 'ClientIP');
});

test('sessionAffinity: None is no affinity', () => {
  const diagnostics = lintFiles({ 'service.yaml': lines(...service({ spec: ['  sessionAffinity: None'] })), 'app.yaml': lines(...workload({ replicas: 2 })) });
  assert.deepEqual(diagnostics.map(brief), [WEB]);
  assert.equal(diagnostics[0]!.message, `Service "web" has 2 backends (Deployment "web" has replicas: 2) ${TAIL}`);
});

test('a DaemonSet backend runs one pod per node', () => {
  const diagnostics = lintFiles({ 'service.yaml': lines(...service()), 'app.yaml': lines(...workload({ kind: 'DaemonSet' })) });
  const reason = 'DaemonSet "web" runs a pod on every node';
  assert.deepEqual(diagnostics, [
    {
      file: 'service.yaml',
      range: { start: { line: 3, character: 8 }, end: { line: 3, character: 11 } },
      rule: 'service-affinity',
      severity: 'warning',
      message: `Service "web" has one backend per node (DaemonSet "web") ${TAIL}`,
      related: [{ file: 'app.yaml', range: { start: { line: 3, character: 8 }, end: { line: 3, character: 11 } }, message: `Backend of Service "web": ${reason}` }],
    },
  ]);
});

test('StatefulSet, ReplicaSet and ReplicationController count their replicas', () => {
  for (const kind of ['StatefulSet', 'ReplicaSet', 'ReplicationController']) {
    assert.deepEqual(withService(workload({ kind, replicas: 2 })), [WEB], kind);
    assert.deepEqual(withService(workload({ kind })), [], `${kind} without replicas`);
    const related = lintFiles({ 'service.yaml': lines(...service()), 'app.yaml': lines(...workload({ kind, replicas: 2 })) })[0]?.related;
    assert.deepEqual(related, [{ file: 'app.yaml', range: { start: { line: 5, character: 12 }, end: { line: 5, character: 13 } }, message: `Backend of Service "web": ${kind} "web" has replicas: 2` }]);
  }
});

test('two single-replica Deployments behind one Service are two backends', () => {
  const diagnostics = lintFiles({
    'service.yaml': lines(...service()),
    'a.yaml': lines(...workload({ name: 'web-a' })),
    'b.yaml': lines(...workload({ name: 'web-b', replicas: 1 })),
  });
  assert.deepEqual(diagnostics.map(brief), [WEB]);
  assert.equal(diagnostics[0]!.message, `Service "web" has 2 backends (Deployment "web-a" and 1 more) ${TAIL}`);
  assert.deepEqual(
    diagnostics[0]!.related.map((item) => `${item.file} ${item.range.start.line}:${item.range.start.character}-${item.range.end.line}:${item.range.end.character}`),
    ['a.yaml 3:8-3:13', 'b.yaml 5:12-5:13'],
  );
});

test('bare Pods count one each', () => {
  assert.deepEqual(withService([...pod('web-1'), '---', ...pod('web-2')]), [WEB]);
});

test('a Service and its Deployment in one file, and in a kind: List', () => {
  assert.deepEqual(lintBrief({ 'all.yaml': lines(...service(), '---', ...workload({ replicas: 2 })) }), [at('all.yaml', '3:8-3:11')]);
  const item = (content: string[]): string[] => content.map((line, index) => (index === 0 ? '- ' : '  ') + line);
  const list = lines('apiVersion: v1', 'kind: List', 'items:', ...item(service()), ...item(workload({ replicas: 2 })), 'metadata:', '  resourceVersion: ""');
  assert.deepEqual(lintBrief({ 'list.yaml': list }), [at('list.yaml', '6:10-6:13')]);
});

test('typed lists (kubectl get --raw) are read like kind: List', () => {
  const item = (content: string[]): string[] => content.map((line, index) => (index === 0 ? '- ' : '  ') + line);
  const list = lines('apiVersion: v1', 'kind: ServiceList', 'items:', ...item(service()));
  assert.deepEqual(lintBrief({ 'list.yaml': list, 'app.yaml': lines(...workload({ replicas: 2 })) }), [at('list.yaml', '6:10-6:13')]);
});

test('CRLF line endings and a byte-order mark do not move ranges', () => {
  const crlf = [...service(), '---', ...workload({ replicas: 2 })].join('\r\n') + '\r\n';
  const diagnostics = lintFiles({ 'all.yaml': crlf });
  assert.deepEqual(diagnostics.map((d) => [d.rule, d.severity, d.range, d.related.map((r) => r.range)]), [
    ['service-affinity', 'warning', { start: { line: 3, character: 8 }, end: { line: 3, character: 11 } }, [{ start: { line: 15, character: 12 }, end: { line: 15, character: 13 } }]],
  ]);
  assert.deepEqual(lintBrief({ 'service.yaml': '\ufeff' + lines(...service()), 'app.yaml': '\ufeff' + lines(...workload({ replicas: 2 })) }), [WEB]);
});

test('a JSON manifest is read', () => {
  const json = JSON.stringify({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } }, null, 2);
  assert.deepEqual(lintBrief({ 'service.json': json, 'app.yaml': lines(...workload({ replicas: 2 })) }), [at('service.json', '4:12-4:17')]);
});

test('labels given through an anchor and alias', () => {
  const aliased = ['apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: web', '  labels: &labels', '    app: web', 'spec:', '  replicas: 2', '  selector:', '    matchLabels: *labels', '  template:', '    metadata:', '      labels: *labels', '    spec:', '      containers: [{name: app, image: nginx}]'];
  assert.deepEqual(withService(aliased), [WEB]);
  const related = lintFiles({ 'service.yaml': lines(...service()), 'app.yaml': lines(...aliased) })[0]?.related;
  assert.deepEqual(related?.map((item) => [item.file, item.range]), [['app.yaml', { start: { line: 7, character: 12 }, end: { line: 7, character: 13 } }]]);
});

test('a Service without selector counts the addresses of its Endpoints and EndpointSlices', () => {
  const endpoints = ['apiVersion: v1', 'kind: Endpoints', 'metadata:', '  name: web', 'subsets:', '- addresses:', '  - ip: 10.0.0.1', '  - ip: 10.0.0.2', '  ports: [{port: 80}]'];
  const diagnostics = lintFiles({ 'service.yaml': lines(...service({ selector: null })), 'endpoints.yaml': lines(...endpoints) });
  assert.deepEqual(diagnostics.map((d) => [brief(d), d.message, d.related.map((r) => [r.file, r.range])]), [
    [WEB, `Service "web" has 2 backends (Endpoints "web" lists 2 addresses) ${TAIL}`, [['endpoints.yaml', { start: { line: 3, character: 8 }, end: { line: 3, character: 11 } }]]],
  ]);
  const single = endpoints.filter((line) => !line.includes('10.0.0.2'));
  assert.deepEqual(lintBrief({ 'service.yaml': lines(...service({ selector: null })), 'endpoints.yaml': lines(...single) }), []);
  const slice = ['apiVersion: discovery.k8s.io/v1', 'kind: EndpointSlice', 'metadata:', '  name: web-x1', '  labels:', '    kubernetes.io/service-name: web', 'addressType: IPv4', 'endpoints:', '- addresses: [10.0.0.1]', '- addresses: [10.0.0.2]', 'ports: [{port: 80}]'];
  const sliced = lintFiles({ 'service.yaml': lines(...service({ selector: null })), 'slice.yaml': lines(...slice) });
  assert.deepEqual(sliced.map((d) => [brief(d), d.related.map((r) => `${r.file} ${r.range.start.line}:${r.range.start.character}-${r.range.end.line}:${r.range.end.character} ${r.message}`)]), [
    [WEB, ['slice.yaml 3:8-3:14 Backend of Service "web": EndpointSlice "web-x1" lists 2 addresses']],
  ]);
});

test('Helm chart templates are skipped when they hold {{, wherever it stands; verbatim ones are linted', () => {
  const chart = lines('apiVersion: v2', 'name: web', 'version: 0.1.0');
  const pair = lines(...service(), '---', ...workload({ replicas: 2 }));
  const quoted = pair.replace('name: web', 'name: "{{ .Release.Name }}"');
  assert.deepEqual(lintBrief({ 'chart/Chart.yaml': chart, 'chart/templates/app.yaml': quoted }), [], 'Helm renders {{ in strings too');
  assert.deepEqual(lintBrief({ 'chart/Chart.yaml': chart, 'chart/templates/app.yaml': pair }), [at('chart/templates/app.yaml', '3:8-3:11')], 'rendered verbatim');
  assert.deepEqual(lintBrief({ 'app.yaml': pair.replace('name: web', 'name: {{ .Release.Name }}') }), []);
  assert.deepEqual(lintBrief({ 'chart/app.yaml': quoted }), [at('chart/app.yaml', '3:8-3:29')], 'no Chart.yaml: not a chart, and {{ in a string is text');
});

test('a chart at the workspace root: templates/ next to Chart.yaml', () => {
  const chart = lines('apiVersion: v2', 'name: web', 'version: 0.1.0');
  const templated = lines(...service(), '---', ...workload({ replicas: 2 })).replace('name: web', 'name: "{{ .Release.Name }}"');
  assert.deepEqual(lintBrief({ 'Chart.yaml': chart, 'templates/app.yaml': templated }), []);
});

test('a broken YAML file gets yaml-syntax and the good files are still linted', () => {
  const broken = lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: other', 'spec:', '  replicas: 2');
  assert.deepEqual(lintBrief({ 'broken.yaml': broken, 'service.yaml': lines(...service()), 'app.yaml': lines(...workload({ replicas: 2 })) }), [
    { rule: 'yaml-syntax', severity: 'error', file: 'broken.yaml', range: '3:0-3:4' },
    WEB,
  ]);
});

test('a document of a kind Connlint does not model is not parsed, broken or not', () => {
  const crd = lines('apiVersion: apiextensions.k8s.io/v1', 'kind: CustomResourceDefinition', 'metadata: {name: widgets.example.com', 'spec:', '  group: example.com');
  assert.deepEqual(lintBrief({ 'crd.yaml': crd }), []);
});
