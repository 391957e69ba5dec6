import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type Diagnostic, applyEdits, fixAllEdits } from '@connlint/server';
import { lines, ruleLinter, workspaceOf } from '../helpers/lintFiles';

const RULE = 'affinity-ignored';
const { diagnosticsOf, fixesOf, assertFix } = ruleLinter(RULE);

/** Rule, severity and range as `line:col-line:col` (0-based). */
const briefOf = (diagnostic: Diagnostic): string => {
  const { start, end } = diagnostic.range;
  return `${diagnostic.rule} ${diagnostic.severity} ${start.line}:${start.character}-${end.line}:${end.character}`;
};

/** Applies the fix titled `title` to service.yaml, compares the whole text, and checks the finding is gone. */
const assertServiceFix = (text: string, title: string, expected: string): void => assertFix({ 'service.yaml': text }, title, { 'service.yaml': expected });

const HEAD = ['apiVersion: v1', 'kind: Service', 'metadata:', '  name: db', 'spec:'];

test('ClientIP affinity on a headless Service: a warning on the sessionAffinity value', () => {
  const diagnostics = diagnosticsOf({ 'service.yaml': lines(...HEAD, '  clusterIP: None', '  selector:', '    app: db', '  sessionAffinity: ClientIP') });
  assert.deepEqual(diagnostics.map(briefOf), ['affinity-ignored warning 8:19-8:27']);
  assert.equal(
    diagnostics[0]!.message,
    'Service "db" is headless (clusterIP: None): clients reach its pods without kube-proxy: its sessionAffinity: ClientIP does nothing',
  );
  assert.deepEqual(diagnostics[0]!.related, []);
});

test('ClientIP affinity on an ExternalName Service, and on a Service headless by clusterIPs', () => {
  const external = diagnosticsOf({ 'service.yaml': lines(...HEAD, '  type: ExternalName', '  externalName: db.example.com', '  sessionAffinity: ClientIP') });
  assert.deepEqual(external.map(briefOf), ['affinity-ignored warning 7:19-7:27']);
  assert.equal(
    external[0]!.message,
    'Service "db" is type: ExternalName, a DNS alias kube-proxy never handles: its sessionAffinity: ClientIP does nothing',
  );
  const clusterIps = diagnosticsOf({ 'service.yaml': lines(...HEAD, '  clusterIPs: [None]', '  sessionAffinity: ClientIP') });
  assert.deepEqual(clusterIps.map(briefOf), ['affinity-ignored warning 6:19-6:27']);
});

test('silent: a proxied Service with ClientIP, a headless Service with None or no affinity', () => {
  assert.deepEqual(diagnosticsOf({ 'service.yaml': lines(...HEAD, '  selector:', '    app: db', '  sessionAffinity: ClientIP') }), []);
  assert.deepEqual(diagnosticsOf({ 'service.yaml': lines(...HEAD, '  type: LoadBalancer', '  sessionAffinity: ClientIP') }), []);
  assert.deepEqual(diagnosticsOf({ 'service.yaml': lines(...HEAD, '  clusterIP: None', '  sessionAffinity: None') }), []);
  assert.deepEqual(diagnosticsOf({ 'service.yaml': lines(...HEAD, '  clusterIP: None') }), []);
  assert.deepEqual(diagnosticsOf({ 'service.yaml': lines(...HEAD, '  type: ExternalName', '  externalName: db.example.com') }), []);
});

test('the annotation on the Service silences it', () => {
  const text = lines('apiVersion: v1', 'kind: Service', 'metadata:', '  name: db', '  annotations:', '    connlint.dev/ignore: affinity-ignored', 'spec:', '  clusterIP: None', '  sessionAffinity: ClientIP');
  assert.deepEqual(diagnosticsOf({ 'service.yaml': text }), []);
});

test('fixes: remove the affinity (preferred), ignore for this Service, disable the line', () => {
  const fixes = fixesOf({ 'service.yaml': lines(...HEAD, '  clusterIP: None', '  sessionAffinity: ClientIP') }, { only: true });
  assert.deepEqual(
    fixes.map((fix) => ({ title: fix.title, preferred: fix.preferred })),
    [
      { title: 'Remove sessionAffinity', preferred: true },
      { title: 'Ignore affinity-ignored for this Service', preferred: false },
      { title: 'Disable affinity-ignored for this line', preferred: false },
    ],
  );
});

test('Remove sessionAffinity and sessionAffinityConfig: both keys and the config block go, every other byte stays', () => {
  assertServiceFix(
    lines(
      ...HEAD,
      '  clusterIP: None',
      '  # sticky clients',
      '  sessionAffinity: ClientIP   # keep clients on one pod',
      '  selector:',
      '    app: db',
      '  sessionAffinityConfig:',
      '    clientIP:',
      '      # three hours',
      '      timeoutSeconds: 10800',
      '',
      '  # the database port',
      '  ports:',
      '  - port: 5432',
      '---',
      'apiVersion: v1',
      'kind: ConfigMap',
    ),
    'Remove sessionAffinity and sessionAffinityConfig',
    lines(...HEAD, '  clusterIP: None', '  # sticky clients', '  selector:', '    app: db', '', '  # the database port', '  ports:', '  - port: 5432', '---', 'apiVersion: v1', 'kind: ConfigMap'),
  );
});

test('Remove sessionAffinity: at the end of a file without a final newline, with CRLF line ends', () => {
  assertServiceFix([...HEAD, '  clusterIP: None', '  sessionAffinity: ClientIP'].join('\n'), 'Remove sessionAffinity', [...HEAD, '  clusterIP: None'].join('\n'));
  assertServiceFix(lines(...HEAD, '  sessionAffinity: ClientIP', '  clusterIP: None').replace(/\n/g, '\r\n'), 'Remove sessionAffinity', lines(...HEAD, '  clusterIP: None').replace(/\n/g, '\r\n'));
});

test('Remove sessionAffinity and sessionAffinityConfig from a flow-style spec', () => {
  const head = ['apiVersion: v1', 'kind: Service', 'metadata: {name: db}'];
  assertServiceFix(
    lines(...head, 'spec: {clusterIP: None, sessionAffinity: ClientIP, sessionAffinityConfig: {clientIP: {timeoutSeconds: 60}}, ports: [{port: 80}]}'),
    'Remove sessionAffinity and sessionAffinityConfig',
    lines(...head, 'spec: {clusterIP: None, ports: [{port: 80}]}'),
  );
  assertServiceFix(lines(...head, 'spec: {clusterIP: None, sessionAffinity: ClientIP}'), 'Remove sessionAffinity', lines(...head, 'spec: {clusterIP: None}'));
});

test('fix all removes the affinity of every ignored Service in one pass', () => {
  const files = { 'service.yaml': lines(...HEAD, '  clusterIP: None', '  sessionAffinity: ClientIP', '---', 'apiVersion: v1', 'kind: Service', 'metadata:', '  name: ext', 'spec:', '  type: ExternalName', '  externalName: x.example.com', '  sessionAffinity: ClientIP') };
  const edits = fixAllEdits(workspaceOf(files).model(), {}).get('service.yaml') ?? [];
  assert.equal(
    applyEdits(files['service.yaml'], edits),
    lines(...HEAD, '  clusterIP: None', '---', 'apiVersion: v1', 'kind: Service', 'metadata:', '  name: ext', 'spec:', '  type: ExternalName', '  externalName: x.example.com'),
  );
});
