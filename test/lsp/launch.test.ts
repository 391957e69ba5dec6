import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';

const CODE_CACHE_MODULE = path.join(__dirname, '..', '..', '..', 'server', 'out', 'lsp', 'codeCache.js');

/** A launcher as the extension's dist/server.js is one, beside a stand-in bundle that prints what it was given. */
function launcherWith(bundle: string): { directory: string; run: (cache: string | undefined) => { stdout: string; status: number | null } } {
  const directory = mkdtempSync(path.join(tmpdir(), 'connlint-launch-'));
  const launcher = `require(${JSON.stringify(CODE_CACHE_MODULE)}).runBundle(require('node:path').join(__dirname, 'connlint-server.js'), process.env.CONNLINT_CODE_CACHE);\n`;
  writeFileSync(path.join(directory, 'server.js'), launcher);
  writeFileSync(path.join(directory, 'connlint-server.js'), bundle);
  return {
    directory,
    run: (cache) => {
      const env = { ...process.env, CONNLINT_CODE_CACHE: cache ?? '' };
      const result = spawnSync(process.execPath, [path.join(directory, 'server.js'), '--stdio'], { encoding: 'utf8', env });
      return { stdout: result.stdout, status: result.status };
    },
  };
}

const STAND_IN = [
  "const path = require('node:path');",
  'module.exports = {};',
  "process.stdout.write(JSON.stringify([path.basename(__filename), __dirname, process.argv.slice(2)]));",
  '',
].join('\n');

test('the launcher runs the bundle beside it with its own file name, directory and arguments', (t) => {
  const { directory, run } = launcherWith(STAND_IN);
  t.after(() => rmSync(directory, { recursive: true, force: true }));
  assert.deepEqual(run(undefined), { stdout: JSON.stringify(['connlint-server.js', directory, ['--stdio']]), status: 0 });
});

test('the code cache is written at exit when missing or rejected, kept when V8 takes it, and renewed for another bundle', (t) => {
  const { directory, run } = launcherWith(STAND_IN);
  const cache = path.join(directory, 'cache');
  t.after(() => rmSync(directory, { recursive: true, force: true }));

  assert.equal(run(cache).status, 0);
  const [written] = readdirSync(cache);
  assert.match(written!, /^server-[0-9a-f]{16}\.cache$/);
  const file = path.join(cache, written!);
  const firstWrite = statSync(file).mtimeMs;

  // Taken: not written again.
  assert.equal(run(cache).status, 0);
  assert.equal(statSync(file).mtimeMs, firstWrite);

  // Rejected (not V8's data): the bundle still runs, and the cache is written anew.
  writeFileSync(file, 'not a code cache');
  assert.deepEqual(run(cache), { stdout: JSON.stringify(['connlint-server.js', directory, ['--stdio']]), status: 0 });
  assert.notEqual(readFileSync(file, 'utf8'), 'not a code cache');

  // Another bundle: its own file, and the other bundle's is removed.
  writeFileSync(path.join(directory, 'connlint-server.js'), `${STAND_IN}// another build\n`);
  assert.equal(run(cache).status, 0);
  const after = readdirSync(cache);
  assert.equal(after.length, 1);
  assert.notEqual(after[0], written);
});

test('without a cache directory, or with a relative one, nothing is written', (t) => {
  const { directory, run } = launcherWith(STAND_IN);
  t.after(() => rmSync(directory, { recursive: true, force: true }));
  assert.equal(run(undefined).status, 0);
  const relative = spawnSync(process.execPath, [path.join(directory, 'server.js')], { cwd: directory, env: { ...process.env, CONNLINT_CODE_CACHE: 'cache' }, encoding: 'utf8' });
  assert.equal(relative.status, 0);
  assert.deepEqual(readdirSync(directory).sort(), ['connlint-server.js', 'server.js']);
  assert.equal(existsSync(path.join(directory, 'cache')), false);
});
