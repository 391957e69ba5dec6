import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import { repoRoot } from '../helpers/runCli';

test('the committed action bundle is the one the sources build (else: npm run bundle:action, and commit it)', { timeout: 120_000 }, (t) => {
  const scratch = mkdtempSync(path.join(tmpdir(), 'connlint-action-bundle-'));
  t.after(() => rmSync(scratch, { recursive: true, force: true }));
  const rebuilt = path.join(scratch, 'index.js');
  const result = spawnSync(process.execPath, ['scripts/bundle.mjs', '--action', '--outfile', rebuilt], { cwd: repoRoot, encoding: 'utf8', timeout: 110_000 });
  assert.equal(result.status, 0, result.stderr);
  const committed = readFileSync(path.join(repoRoot, 'action', 'dist', 'index.js'), 'utf8');
  assert.ok(committed === readFileSync(rebuilt, 'utf8'), 'action/dist/index.js is stale: run `npm run bundle:action` and commit action/dist/index.js');
});

test('action.yml runs the bundle on node20 and declares the inputs and outputs the bundle reads and writes', () => {
  const action = parse(readFileSync(path.join(repoRoot, 'action.yml'), 'utf8')) as {
    runs: { using: string; main: string };
    inputs: Record<string, { default: string; required: boolean }>;
    outputs: Record<string, unknown>;
  };
  assert.deepEqual(action.runs, { using: 'node20', main: 'action/dist/index.js' });
  assert.deepEqual(
    Object.entries(action.inputs).map(([name, input]) => [name, input.default, input.required]),
    [
      ['paths', '.', false],
      ['config', '', false],
      ['fail-on', 'error', false],
      ['sarif', '', false],
    ],
  );
  assert.deepEqual(Object.keys(action.outputs), ['errors', 'warnings', 'infos', 'total']);
  const ignored = spawnSync('git', ['check-ignore', '--no-index', '-q', 'action/dist/index.js'], { cwd: repoRoot });
  assert.equal(ignored.status, 1, 'the bundle is not ignored by git (dist/ is)');
});
