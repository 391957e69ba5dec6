import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { repoRoot } from '../helpers/runCli';
import { corpusRoot, runsInCi, skipWithoutCorpus } from './location';

test('the corpus is shared/corpus beside the repository, unless CONNLINT_CORPUS says where', () => {
  assert.equal(corpusRoot({}), path.resolve(repoRoot, '..', 'shared', 'corpus'));
  assert.equal(corpusRoot({ CONNLINT_CORPUS: '' }), path.resolve(repoRoot, '..', 'shared', 'corpus'));
  assert.equal(corpusRoot({ CONNLINT_CORPUS: '/data/corpus' }), '/data/corpus');
});

test('CI counts as set unless it is empty, false or 0', () => {
  assert.deepEqual(
    [undefined, '', 'false', '0', 'true', '1', 'yes'].map((value) => runsInCi(value === undefined ? {} : { CI: value })),
    [false, false, false, false, true, true, true],
  );
});

test('a missing corpus is a reason to skip outside CI, and an error in CI; a present one runs everywhere', () => {
  const missing = path.join(tmpdir(), 'connlint-no-corpus-here');
  assert.equal(skipWithoutCorpus(missing, 'no corpus', {}), 'no corpus');
  assert.equal(skipWithoutCorpus(missing, 'no corpus', { CI: 'false' }), 'no corpus');
  assert.throws(() => skipWithoutCorpus(missing, 'no corpus', { CI: 'true', CONNLINT_CORPUS: missing }), {
    message: `no corpus. In CI (CI=true) the corpus tests must run, not skip: lay the corpus at ${missing} (shared/corpus beside the repository) or set CONNLINT_CORPUS to where it is.`,
  });
  assert.equal(skipWithoutCorpus(repoRoot, 'no corpus', {}), false);
  assert.equal(skipWithoutCorpus(repoRoot, 'no corpus', { CI: 'true' }), false);
});

/** Runs the test files that read the corpus, with the corpus pointed at an empty folder. */
function runCorpusTests(ci: string | undefined): { code: number | null; output: string } {
  const empty = mkdtempSync(path.join(tmpdir(), 'connlint-corpus-'));
  try {
    const env: NodeJS.ProcessEnv = { ...process.env, CONNLINT_CORPUS: path.join(empty, 'corpus') };
    for (const name of ['NODE_TEST_CONTEXT', 'NODE_OPTIONS', 'CI']) delete env[name];
    if (ci !== undefined) env['CI'] = ci;
    const files = [path.join(repoRoot, 'test', 'out', 'corpus', 'corpus.test.js'), path.join(repoRoot, 'test', 'out', 'robustness', 'yamlTestSuite.test.js')];
    const result = spawnSync(process.execPath, ['--test', '--test-reporter=tap', ...files], { env, encoding: 'utf8', timeout: 60_000 });
    return { code: result.status, output: result.stdout };
  } finally {
    rmSync(empty, { recursive: true, force: true });
  }
}

test('the tests that read the corpus skip when it is missing, and fail in CI', () => {
  const local = runCorpusTests(undefined);
  assert.equal(local.code, 0, local.output);
  assert.match(local.output, /^# skipped 3$/m);
  assert.match(local.output, /^# fail 0$/m);

  const ci = runCorpusTests('true');
  assert.equal(ci.code, 1, ci.output);
  assert.match(ci.output, /^# fail 3$/m);
  assert.match(ci.output, /^# skipped 0$/m);
  assert.match(ci.output, /no corpus at .*: the shared real-world corpus is not checked out next to the repository\. In CI \(CI=true\) the corpus tests must run, not skip/);
  assert.match(ci.output, /the YAML test suite is not at .*\. In CI \(CI=true\) the corpus tests must run, not skip/);
});
