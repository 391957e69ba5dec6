import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lines, lintFiles } from '../helpers/lintFiles';
import { deploymentLines } from '../helpers/manifests';

/** Service "store" selecting `app: store`. */
const SERVICE = lines('apiVersion: v1', 'kind: Service', 'metadata: {name: store}', 'spec:', '  selector: {app: store}');

/** A workload of pods labelled `app: store` (its name differs: the two variants run different objects). */
function workload(kind: string, name: string, replicas: number): string {
  return lines(...deploymentLines(name, { kind }).map((line) => line.replace(`app: ${name}`, 'app: store')).map((line) => (line === 'spec:' ? `spec:\n  replicas: ${replicas}` : line)));
}

/** Each service-affinity finding: its file and the backends its message counts. */
function findings(files: Record<string, string>): string[] {
  return lintFiles(files, { only: ['service-affinity'] }).map((diagnostic) => `${diagnostic.file}: ${/has (\d+) backends( \([^)]*\))?/.exec(diagnostic.message)?.slice(1).join('')}`);
}

test('a folder that defines one Service twice holds variants: each Service counts the workloads of its own variant', () => {
  const files = {
    'store/store-standalone-service.yaml': SERVICE,
    'store/store-standalone-deployment.yaml': workload('Deployment', 'store-single', 1),
    'store/store-distributed-service.yaml': SERVICE,
    'store/store-distributed-statefulset.yaml': workload('StatefulSet', 'store', 4),
  };
  // Without the variants, both Services counted 5 backends, and the standalone one was reported.
  assert.deepEqual(findings(files), ['store/store-distributed-service.yaml: 4 (StatefulSet "store" has replicas: 4)']);
});

test('variants are told apart by whole words of the file names, and a Service defined once keeps every workload near it', () => {
  const files = {
    'store/store-discovery.yaml': SERVICE,
    'store/store.yaml': SERVICE,
    'store/store-dualstack.yaml': workload('Deployment', 'store-v1', 1),
    'store/store-v2.yaml': workload('Deployment', 'store-v2', 1),
  };
  // `discovery` and `dualstack` share a letter, not a word: every workload is as near to either Service.
  assert.deepEqual(findings(files), ['store/store-discovery.yaml: 2 (Deployment "store-v1" and 1 more)', 'store/store.yaml: 2 (Deployment "store-v1" and 1 more)']);
  const once = { 'store/store-standalone-service.yaml': SERVICE, 'store/store-standalone-deployment.yaml': workload('Deployment', 'store-single', 1), 'store/store-distributed-statefulset.yaml': workload('StatefulSet', 'store', 4) };
  assert.deepEqual(findings(once), ['store/store-standalone-service.yaml: 5 (StatefulSet "store" and 1 more)']);
});
