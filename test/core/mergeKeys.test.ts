import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lines, lintFiles, modelOf } from '../helpers/lintFiles';

const TAIL = 'and no ClientIP affinity: a connection idle over the 86400 s conntrack timeout can be re-balanced to another pod and reset.';

/** A Deployment "web" whose pods' labels come through a merge key; `spec` holds its replicas. */
const deployment = (...spec: string[]): string =>
  lines(
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: web',
    '  labels: &app',
    '    app: web',
    'spec:',
    ...spec,
    '  selector:',
    '    matchLabels: *app',
    '  template:',
    '    metadata:',
    '      labels:',
    '        <<: *app',
    '        tier: backend',
    '    spec:',
    '      containers:',
    '      - name: app',
    '        image: nginx',
  );

/** A Service "web" whose selector comes through a merge key. */
const SERVICE = lines('apiVersion: v1', 'kind: Service', 'metadata:', '  name: web', '  labels: &app', '    app: web', 'spec:', '  selector:', '    <<: *app', '  ports:', '  - port: 80');

/** The service-affinity findings: place, message, and the related place. */
function affinity(app: string): string[] {
  return lintFiles({ 'service.yaml': SERVICE, 'app.yaml': app }, { only: ['service-affinity', 'yaml-syntax'] }).map(
    (d) => `${d.rule} ${d.file} ${d.range.start.line}:${d.range.start.character} ${d.message} | ${d.related.map((r) => `${r.file} ${r.range.start.line}:${r.range.start.character} ${r.message}`).join(' | ')}`,
  );
}

const finding = (replicas: number, at: string): string =>
  `service-affinity service.yaml 3:8 Service "web" has ${replicas} backends (Deployment "web" has replicas: ${replicas}) ${TAIL} | app.yaml ${at} Backend of Service "web": Deployment "web" has replicas: ${replicas}`;

test('replicas, pod labels and a Service selector that come through merge keys are read as kubectl reads them', () => {
  assert.deepEqual(affinity(deployment('  <<: {replicas: 3}')), [finding(3, '7:17')]);
  const model = modelOf({ 'service.yaml': SERVICE, 'app.yaml': deployment('  <<: {replicas: 3}') });
  assert.deepEqual([...(model.services[0]?.selector ?? [])], [['app', 'web']]);
  assert.deepEqual([...(model.workloads[0]?.template?.labels ?? [])], [['app', 'web'], ['tier', 'backend']]);
  assert.equal(model.workloads[0]?.replicas?.value, 3);
});

test('a key written after the merge key overrides the merged one; one written before it is overridden, as go-yaml v2 (kubectl) does', () => {
  assert.deepEqual(affinity(deployment('  <<: {replicas: 3}', '  replicas: 1')), [], 'replicas: 1 wins: one backend');
  assert.deepEqual(affinity(deployment('  replicas: 1', '  <<: {replicas: 3}')), [finding(3, '8:17')], 'the merge comes later and wins');
});

test('of a list of merged mappings the first wins; merge keys through aliases of aliases are followed', () => {
  const app = deployment('  <<: [{replicas: 2}, {replicas: 5}]');
  assert.deepEqual(affinity(app), [finding(2, '7:18')]);
  const chained = lines(
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: web',
    '  annotations: &scale {replicas: 4}',
    'spec:',
    '  <<: {<<: *scale}',
    '  template:',
    '    metadata:',
    '      labels: {app: web}',
  );
  assert.deepEqual(affinity(chained), [finding(4, '4:33')]);
});

test('a quoted "<<" is an ordinary key, and a merge cycle or a merge bomb ends', () => {
  assert.deepEqual(affinity(deployment('  "<<": {replicas: 3}')), [], 'not a merge: replicas unset, one backend');
  const cycle = lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata: &m', '  name: web', '  <<: *m', 'spec:', '  template:', '    metadata:', '      labels: {app: web}');
  assert.deepEqual(affinity(cycle), []);
  const bomb = ['a0: &a0 {x: 1}'];
  for (let i = 1; i <= 12; i++) bomb.push(`a${i}: &a${i} {<<: [${Array.from({ length: 8 }, () => `*a${i - 1}`).join(', ')}]}`);
  const started = Date.now();
  const model = modelOf({
    'bomb.yaml': lines('apiVersion: v1', 'kind: Service', 'metadata:', '  name: web', '  annotations:', ...bomb.map((line) => `    ${line}`), 'spec:', '  selector:', '    <<: *a12'),
  });
  assert.deepEqual([...(model.services[0]?.selector ?? [])], [['x', '1']]);
  assert.ok(Date.now() - started < 2000, `took ${Date.now() - started} ms`);
});
