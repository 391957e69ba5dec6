import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDocument, type Scalar } from 'yaml';
import { INT32_MAX, INT32_MIN, kubernetesInt32 } from '@connlint/server';
import { lines, lintFiles, modelOf } from '../helpers/lintFiles';

/** The int32 Kubernetes reads from `replicas: <written>`. */
function int32(written: string): number | undefined {
  const document = parseDocument(`replicas: ${written}\n`);
  assert.deepEqual(document.errors, [], written);
  return kubernetesInt32(document.get('replicas', true) as Scalar);
}

test('decimal integers within int32 are read; out of range ones are refused, as the API server refuses them', () => {
  assert.deepEqual(['0', '3', '+3', '-1', '007'].map(int32), [0, 3, 3, -1, 7]);
  assert.deepEqual([String(INT32_MAX), String(INT32_MIN)].map(int32), [INT32_MAX, INT32_MIN]);
  assert.deepEqual([String(INT32_MAX + 1), String(INT32_MIN - 1), '3000000000', '99999999999999999999999'].map(int32), [undefined, undefined, undefined, undefined]);
});

test('go-yaml v2 (kubectl) forms: underscores, hex, octal with 0o or a leading 0, binary', () => {
  assert.deepEqual(['3_000', '1_0', '0x1F', '0X1f', '-0x10', '0o17', '017', '0b11', '0_1_7', '08', '019'].map(int32), [3000, 10, 31, 31, -16, 15, 15, 3, 15, 8, 19]);
  assert.equal(int32('0x80000000'), undefined, 'hex beyond int32');
});

test('floats with no fraction are whole JSON numbers the API server takes; others are refused', () => {
  assert.deepEqual(['3.0', '3.', '1e3', '1E+1', '30e-1', '-0.0', '.0'].map(int32), [3, 3, 1000, 10, 3, 0, 0]);
  assert.deepEqual(['3.5', '1e-7', '1e21', '.inf', '-.inf', '.nan', '2147483648.0'].map(int32), [undefined, undefined, undefined, undefined, undefined, undefined, undefined]);
});

test('strings, booleans, nulls and tags other than !!int and !!float are no number', () => {
  assert.deepEqual(['"3"', "'3'", '|\n  3', 'three', '3 pods', 'true', '~', 'null', '!!str 3', '0x', '1__', '_1'].map(int32), [
    undefined,
    undefined,
    undefined,
    undefined,
    undefined,
    undefined,
    undefined,
    undefined,
    undefined,
    undefined,
    1,
    undefined,
  ]);
  assert.deepEqual(['!!int 3', '!!float 3.0', '!!int "3"'].map(int32), [3, 3, 3]);
});

/** A Deployment "web" with `replicas: <written>`, and a Service "web" selecting it. */
function replicasOf(written: string): { replicas: number | undefined; findings: string[] } {
  const files = {
    'service.yaml': lines('apiVersion: v1', 'kind: Service', 'metadata:', '  name: web', 'spec:', '  selector:', '    app: web'),
    'app.yaml': lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: web', 'spec:', `  replicas: ${written}`, '  template:', '    metadata:', '      labels: {app: web}'),
  };
  const replicas = modelOf(files).workloads[0]?.replicas?.value;
  const findings = lintFiles(files, { only: ['service-affinity'] }).map((d) => `${d.range.start.line}:${d.range.start.character} ${d.related.map((r) => r.message).join()}`);
  return { replicas, findings };
}

test('a Service counts the backends Kubernetes would run: 3_000, 0x2 and 2.0 replicas are numbers; "3", 3.5 and 3000000000 are not', () => {
  assert.deepEqual(replicasOf('3_000'), { replicas: 3000, findings: ['3:8 Backend of Service "web": Deployment "web" has replicas: 3000'] });
  assert.deepEqual(replicasOf('0x2'), { replicas: 2, findings: ['3:8 Backend of Service "web": Deployment "web" has replicas: 2'] });
  assert.deepEqual(replicasOf('2.0'), { replicas: 2, findings: ['3:8 Backend of Service "web": Deployment "web" has replicas: 2'] });
  // The API server refuses these objects: the field is not counted, as if it were not written.
  for (const refused of ['"3"', '3.5', '3000000000']) assert.deepEqual(replicasOf(refused), { replicas: undefined, findings: [] }, refused);
});
