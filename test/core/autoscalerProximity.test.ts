import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lines, lintFiles } from '../helpers/lintFiles';
import { webApp } from '../helpers/manifests';

/** Service "web" with a Deployment of 1 replica. */
const APP = webApp(1);

const HPA = lines(
  'apiVersion: autoscaling/v2',
  'kind: HorizontalPodAutoscaler',
  'metadata: {name: web}',
  'spec:',
  '  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}',
  '  maxReplicas: 4',
);

/** The files of each service-affinity finding, with its backend count. */
function findings(files: Record<string, string>): string[] {
  return lintFiles(files, { only: ['service-affinity'] }).map((diagnostic) => `${diagnostic.file}: ${/has (up to \d+|\d+) backends/.exec(diagnostic.message)?.[1]}`);
}

test('an autoscaler beside the workload, above it or in a folder beside it scales it', () => {
  assert.deepEqual(findings({ 'apps/web/app.yaml': APP, 'apps/web/hpa.yaml': HPA }), ['apps/web/app.yaml: up to 4']);
  assert.deepEqual(findings({ 'apps/web/app.yaml': APP, 'apps/hpa.yaml': HPA }), ['apps/web/app.yaml: up to 4']);
  assert.deepEqual(findings({ 'apps/web/app.yaml': APP, 'apps/autoscaling/hpa.yaml': HPA }), ['apps/web/app.yaml: up to 4']);
});

test("an autoscaler of another application's folder never scales a same-named workload", () => {
  assert.deepEqual(findings({ 'apps/web/app.yaml': APP, 'samples/load/testdata/hpa.yaml': HPA }), []);
  assert.deepEqual(findings({ 'team-a/web/app.yaml': APP, 'team-b/web/hpa.yaml': HPA }), []);
});
