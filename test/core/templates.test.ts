import assert from 'node:assert/strict';
import { test } from 'node:test';
import { coverageOf, lint, type Diagnostic, type SkippedPart } from '@connlint/server';
import { brief, lines, workspaceOf } from '../helpers/lintFiles';

/** A Service and the two-replica Deployment behind it: the Service's name is a service-affinity finding. */
const SERVICE = ['apiVersion: v1', 'kind: Service', 'metadata:', '  name: api', 'spec:', '  selector:', '    app: api', '  ports:', '  - port: 80'];
const DEPLOYMENT = [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: api',
  'spec:',
  '  replicas: 2',
  '  selector:',
  '    matchLabels: {app: api}',
  '  template:',
  '    metadata:',
  '      labels: {app: api}',
  '    spec:',
  '      containers:',
  '      - name: api',
  '        image: api',
];
const PROMETHEUS_RULE = [
  'apiVersion: monitoring.coreos.com/v1',
  'kind: PrometheusRule',
  'metadata:',
  '  name: node',
  'spec:',
  '  groups:',
  '  - name: node',
  '    rules:',
  '    - alert: InstanceDown',
  '      expr: up == 0',
  '      annotations:',
  '        summary: "{{ $labels.instance }} down"',
  '        description: Instance {{ $labels.instance }} of {{ $labels.job }} is down.',
];

function run(files: Readonly<Record<string, string>>): { findings: ReturnType<typeof brief>[]; skipped: SkippedPart[]; checked: number; skippedFiles: number } {
  const workspace = workspaceOf(files);
  const diagnostics: Diagnostic[] = lint(workspace.model());
  const coverage = coverageOf(workspace.model().files);
  return { findings: diagnostics.map(brief), skipped: [...coverage.skipped], checked: coverage.filesChecked, skippedFiles: coverage.filesSkipped.length };
}

const finding = (file: string, line: number) => ({ rule: 'service-affinity', severity: 'warning', file, range: `${line}:8-${line}:11` });

function skipped(file: string, line: number, from: number, to: number, reason: string, label = 'template'): SkippedPart {
  return { file, range: { start: { line, character: from }, end: { line, character: to } }, label, reason };
}

test('a PrometheusRule with {{ $labels }} in its annotations is linted with the rest of its stream', () => {
  const stream = lines(...PROMETHEUS_RULE, '---', ...SERVICE, '---', ...DEPLOYMENT);
  assert.deepEqual(run({ 'monitoring.yaml': stream }), { findings: [finding('monitoring.yaml', 17)], skipped: [], checked: 1, skippedFiles: 0 });
});

test('{{ in comments, quoted strings, block strings and plain values changes nothing', () => {
  const service = [...SERVICE.slice(0, 4), '  # owner: {{ .Values.owner }}', "  annotations: {note: '{{ .x }}', other: \"{% raw %}\"}", ...SERVICE.slice(4)];
  const deployment = [...DEPLOYMENT, '        args: [--fqdn-template={{.Name}}.example.org]', '        command:', '        - sh', '        - -c', '        - |', '          echo {{ .Values.greeting }}'];
  const plainArg = deployment.map((line) => line.replace('args: [--fqdn-template={{.Name}}.example.org]', 'args:\n        - --fqdn-template={{.Name}}.example.org'));
  assert.deepEqual(run({ 'service.yaml': lines(...service), 'app.yaml': lines(...plainArg) }), { findings: [finding('service.yaml', 3)], skipped: [], checked: 2, skippedFiles: 0 });
});

test('a document with {{ .Values }} in a value position is skipped, with its reason, where the template stands', () => {
  const templated = DEPLOYMENT.map((line) => line.replace('replicas: 2', 'replicas: {{ .Values.replicas }}'));
  assert.deepEqual(run({ 'service.yaml': lines(...SERVICE), 'app.yaml': lines(...templated) }), {
    findings: [],
    skipped: [skipped('app.yaml', 5, 12, 34, 'Not linted: a template, {{ .Values.replicas }} stands where YAML structure is; lint the rendered output.')],
    checked: 1,
    skippedFiles: 1,
  });
});

test('a stream of a template document and a Service with two backends reports the Service and the template', () => {
  const stream = lines('{{- if .Values.worker.enabled }}', 'kind: Deployment', 'metadata:', '  name: worker', '{{- end }}', '---', ...SERVICE, '---', ...DEPLOYMENT);
  assert.deepEqual(run({ 'stream.yaml': stream }), {
    findings: [finding('stream.yaml', 9)],
    skipped: [skipped('stream.yaml', 0, 0, 32, 'Document 1 not linted: a template, {{- if .Values.worker.enabled }} stands where YAML structure is; lint the rendered output.')],
    checked: 1,
    skippedFiles: 0,
  });
});

test('template syntax in a key, a Jinja block or a flow sequence is structure', () => {
  const key = SERVICE.map((line) => line.replace('    app: api', '    {{ .Values.selectorKey }}: api'));
  const prefixedKey = SERVICE.map((line) => line.replace('    app: api', '    app-{{ .Values.suffix }}: api'));
  const jinja = [...SERVICE.slice(0, 8), '{% for port in ports %}', '  - port: {{ port }}', '{% endfor %}'];
  const flow = SERVICE.map((line) => line.replace('    app: api', '    app: [api-{{ .x }}]'));
  const reasons = Object.entries({ key, prefixedKey, jinja, flow }).map(([name, text]) => run({ [`${name}.yaml`]: lines(...text) }).skipped.map((part) => [part.file, part.range.start.line, part.range.start.character]));
  assert.deepEqual(reasons, [[['key.yaml', 6, 4]], [['prefixedKey.yaml', 6, 8]], [['jinja.yaml', 8, 0]], [['flow.yaml', 6, 14]]]);
});

test('invalid YAML whose {{ is only in a comment or a string is a YAML error, not a template', () => {
  const broken = lines('apiVersion: apps/v1', 'kind: Deployment', '# {{ .Values.note }}', 'metadata: {name: other', 'spec:', '  replicas: 2');
  assert.deepEqual(run({ 'broken.yaml': broken }), { findings: [{ rule: 'yaml-syntax', severity: 'error', file: 'broken.yaml', range: '4:0-4:4' }], skipped: [], checked: 1, skippedFiles: 0 });
});

test('a document of a kind Connlint does not read is not examined, template or not', () => {
  const configMap = lines('apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: {{ .Release.Name }}', 'data:', '  a: b');
  assert.deepEqual(run({ 'cm.yaml': configMap }), { findings: [], skipped: [], checked: 1, skippedFiles: 0 });
});

test('a document without a kind that is a template is skipped: it may make any object', () => {
  assert.deepEqual(run({ 'svc.yaml': lines('{{ include "common.service" . }}') }), {
    findings: [],
    skipped: [skipped('svc.yaml', 0, 0, 32, 'Not linted: a template, {{ include "common.service" . }} stands where YAML structure is; lint the rendered output.')],
    checked: 0,
    skippedFiles: 1,
  });
});

test('Helm chart templates: {{ anywhere skips a document, and no document is ever a YAML error', () => {
  const chart = lines('apiVersion: v2', 'name: api', 'version: 0.1.0');
  const commented = lines('# {{ .Chart.Name }}', ...SERVICE);
  const notYaml = lines('{{- if .Values.a }}', '---', 'kind: Service', 'metadata: {name: broken', '---', ...DEPLOYMENT);
  const result = run({ 'api/Chart.yaml': chart, 'api/templates/service.yaml': commented, 'api/templates/app.yaml': notYaml });
  const helm = 'Helm chart template';
  const reason = (document: number | undefined) => `${document === undefined ? 'Not linted' : `Document ${document} not linted`}: a Helm chart template; lint the rendered chart (helm template … | connlint -).`;
  assert.deepEqual(result, {
    findings: [],
    skipped: [skipped('api/templates/app.yaml', 0, 0, 19, reason(1), helm), skipped('api/templates/app.yaml', 4, 0, 1, reason(2), helm), skipped('api/templates/service.yaml', 0, 2, 19, reason(undefined), helm)],
    checked: 2,
    skippedFiles: 1,
  });
  assert.deepEqual(run({ 'api/app.yaml': notYaml }).findings, [{ rule: 'yaml-syntax', severity: 'error', file: 'api/app.yaml', range: '4:0-4:3' }], 'outside a chart the error is reported');
});

test('a sysctl file is a template only when template syntax stands outside its comments', () => {
  const managed = lines('# {{ ansible_managed }}', 'net.ipv4.tcp_keepalive_time = "600"');
  assert.deepEqual(run({ 'sysctl.d/90.conf': managed }).findings.map((item) => item.rule), ['sysctl-syntax']);
  const templated = lines('# tuned for {{ role }}', 'net.ipv4.tcp_keepalive_time = {{ keepalive }}');
  assert.deepEqual(run({ 'sysctl.d/90.conf': templated }), {
    findings: [],
    skipped: [skipped('sysctl.d/90.conf', 1, 30, 45, 'Not linted: a template, {{ keepalive }} stands where a sysctl assignment is; lint the rendered output.')],
    checked: 0,
    skippedFiles: 1,
  });
});
