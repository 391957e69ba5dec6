import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { toPortable } from '@connlint/server';
import { planFor, readAndAnalyze, readAndAnalyzeAll, type FileRead, type FileToRead } from '@connlint/server/files';
import { AnalysisPool, analyzeFromDisk, type DiskAnalysis } from '@connlint/server/lsp';
import { lines } from '../helpers/lintFiles';
import { kubeProxyConfigMap } from '../helpers/manifests';

let folder: string;
const uriOf = (name: string): string => pathToFileURL(path.join(folder, name)).href;

before(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'connlint-pool-'));
  const files: Record<string, string> = {
    'service.yaml': lines('apiVersion: v1', 'kind: Service', 'metadata:', '  name: api', '  annotations:', '    connlint.dev/ignore: keepalive-conntrack', 'spec:', '  selector:', '    app: api'),
    'broken.yaml': lines('apiVersion: v1', 'kind: Service', 'kind: Service', 'metadata:', '  name: twice'),
    'kube-proxy.yaml': kubeProxyConfigMap('mode: ipvs', 'conntrack:', '  tcpEstablishedTimeout: 1h'),
    'sysctl.d/10-net.conf': lines('# connlint-disable-next-line sysctl-value', 'net.ipv4.tcp_keepalive_time = 0x258', 'net.ipv4.tcp_keepalive_intvl 30'),
    'template.yaml': lines('kind: Service', 'metadata:', '  name: {{ .Values.name }}'),
  };
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(folder, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  writeFileSync(path.join(folder, 'exits.js'), "require('node:worker_threads').parentPort.once('message', () => process.exit(3));\n");
  writeFileSync(path.join(folder, 'throws.js'), "require('node:worker_threads').parentPort.once('message', () => { throw new Error('broken worker'); });\n");
});

after(() => rmSync(folder, { recursive: true, force: true }));

/** A result as it compares: analyses in their portable form (the line index and suppressions are rebuilt from the text). */
function comparable(result: DiskAnalysis): unknown {
  return 'analyzed' in result ? { uri: result.uri, analyzed: toPortable(result.analyzed) } : result;
}

test("a worker's analyses are the ones the server's own thread makes, in the batch's order, missing files included", async () => {
  const uris = ['service.yaml', 'broken.yaml', 'kube-proxy.yaml', 'sysctl.d/10-net.conf', 'template.yaml', 'missing.yaml'].map(uriOf);
  const logged: string[] = [];
  const pool = AnalysisPool.start(2, (message) => logged.push(message));
  assert.ok(pool, `the pool did not start: ${logged.join('; ')}`);
  try {
    assert.equal(pool.size, 2);
    const [first, second] = await Promise.all([pool.analyze(uris), pool.analyze(uris.slice().reverse())]);
    const expected = uris.map((uri) => comparable(analyzeFromDisk(uri)));
    assert.deepEqual(first.map(comparable), expected);
    assert.deepEqual(second.map(comparable), expected.slice().reverse());
    assert.deepEqual(first.at(-1), { uri: uriOf('missing.yaml'), failed: 'ENOENT' });
    // The suppression comment is found again from the text on arrival.
    const sysctl = first[3]!;
    assert.ok('analyzed' in sysctl);
    assert.equal(sysctl.analyzed.suppressions.isSuppressed('sysctl-value', 1), true);
    assert.equal(sysctl.analyzed.suppressions.isSuppressed('sysctl-value', 2), false);
    assert.deepEqual(sysctl.analyzed.lineIndex.positionAt(sysctl.analyzed.text.indexOf('30')), { line: 2, character: 29 });
  } finally {
    await pool.close();
  }
  assert.deepEqual(logged, []);
});

/** A command-line result as it compares: the analysis in its portable form. */
function comparableRead(result: FileRead): unknown {
  return 'analyzed' in result ? { ...result, analyzed: toPortable(result.analyzed) } : result;
}

const toRead = (name: string, explicit = false): FileToRead => ({ location: path.join(folder, name), name: `shown/${name}`, explicit });

test("the command line's files read on workers and on this thread give the analyses of one thread, in the files' order", async () => {
  const names = ['service.yaml', 'broken.yaml', 'kube-proxy.yaml', 'sysctl.d/10-net.conf', 'template.yaml', 'missing.yaml', 'sysctl.d', 'exits.js'];
  const files = [...names.map((name) => toRead(name)), toRead('exits.js', true), ...names.map((name) => toRead(name)).reverse()];
  const expected = files.map((file) => comparableRead(readAndAnalyze(file)));
  const logged: string[] = [];
  const parallel = await readAndAnalyzeAll(files, (message) => logged.push(message), { workers: 2, batchSize: 2 });
  assert.deepEqual(parallel.map(comparableRead), expected);
  assert.deepEqual(logged, []);
  assert.deepEqual(parallel[5], { name: 'shown/missing.yaml', failed: { code: 'ENOENT', message: `ENOENT: no such file or directory, open '${path.join(folder, 'missing.yaml')}'` } });
  assert.deepEqual(parallel[6], { name: 'shown/sysctl.d', skipped: 'not a regular file' });
  const explicit = parallel[names.length];
  assert.ok(explicit !== undefined && 'analyzed' in explicit);
  assert.equal(explicit.analyzed.role, 'sysctl', 'a file named explicitly is read as sysctl');
  const pool = AnalysisPool.start(1, () => undefined);
  assert.ok(pool);
  try {
    assert.deepEqual((await pool.analyzeFiles(files)).map(comparableRead), expected);
  } finally {
    await pool.close();
  }
});

test('workers start for many files or many bytes, never for one file or on one core', () => {
  const many = Array.from({ length: 40 }, (_, i) => toRead(`file-${i}.yaml`));
  assert.deepEqual(planFor(many, 1), { workers: 1, batchSize: 1 });
  assert.deepEqual(planFor(many, 0), { workers: 0, batchSize: 2 });
  assert.deepEqual(planFor([toRead('service.yaml')], 1), { workers: 0, batchSize: 1 });
  assert.deepEqual(planFor([toRead('service.yaml'), toRead('broken.yaml')], 1), { workers: 0, batchSize: 1 });
  const large = path.join(folder, 'large.yaml');
  writeFileSync(large, 'a: b\n'.repeat(600_000));
  try {
    assert.deepEqual(planFor([toRead('service.yaml'), toRead('large.yaml')], 1), { workers: 1, batchSize: 1 });
  } finally {
    rmSync(large);
  }
});

test('a worker that exits fails only its pending batches, with the reason logged; with none left, the pool refuses work', async () => {
  const logged: string[] = [];
  const pool = AnalysisPool.start(1, (message) => logged.push(message), path.join(folder, 'exits.js'));
  assert.ok(pool);
  await assert.rejects(pool.analyze([uriOf('service.yaml')]), /an analysis worker stopped \(exit code 3\)/);
  assert.equal(pool.size, 0);
  await assert.rejects(pool.analyze([uriOf('service.yaml')]), /no analysis worker is running/);
  assert.deepEqual(logged, ['an analysis worker stopped (exit code 3)']);
  await pool.close();
});

test('a worker that throws fails its batch with the error, logged', async () => {
  const logged: string[] = [];
  const pool = AnalysisPool.start(1, (message) => logged.push(message), path.join(folder, 'throws.js'));
  assert.ok(pool);
  await assert.rejects(pool.analyze([uriOf('service.yaml')]), /an analysis worker failed: Error: broken worker/);
  assert.equal(pool.size, 0);
  assert.equal(logged.length, 1);
  assert.match(logged[0]!, /^an analysis worker failed: Error: broken worker/);
  await pool.close();
});

test('without its script the pool does not start, and says where it looked', () => {
  const logged: string[] = [];
  const script = path.join(folder, 'nowhere', 'analysisWorker.js');
  assert.equal(AnalysisPool.start(1, (message) => logged.push(message), script), undefined);
  assert.deepEqual(logged, [`No analysis worker at ${script}: files are analysed on the server's thread.`]);
});
