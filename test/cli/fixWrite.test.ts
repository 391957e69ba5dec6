import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { replaceFiles } from '@connlint/server/files';
import { cliFixtures, fixtureCopier, runCli } from '../helpers/runCli';

const copy = fixtureCopier('connlint-fix-write-', after);
const scratch = mkdtempSync(path.join(tmpdir(), 'connlint-write-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

const fixture = (...segments: string[]): string => readFileSync(path.join(cliFixtures, 'fix-mixed', ...segments), 'utf8');
const DEPLOYMENT = fixture('deployment.yaml');
const NODE = fixture('node', 'sysctl.d', '60-k8s.conf');
const FIXED_DEPLOYMENT = DEPLOYMENT + '          - name: net.ipv4.tcp_keepalive_time\n            value: "600"\n';
const FIXED_NODE = NODE.replace('= 90000', '= 600');

function error(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: failed`), { code });
}

/** A file in a fresh directory of the scratch space, with its text. */
function scratchFile(name: string, text: string): string {
  const directory = mkdtempSync(path.join(scratch, 'case-'));
  const file = path.join(directory, name);
  writeFileSync(file, text);
  return file;
}

test('--fix does not write through a symbolic link to a file outside the linted folder: it says so, writes the others, exits 2', () => {
  const root = copy('fix-mixed');
  const outside = scratchFile('60-k8s.conf', NODE);
  rmSync(path.join(root, 'node/sysctl.d/60-k8s.conf'));
  symlinkSync(outside, path.join(root, 'node/sysctl.d/60-k8s.conf'));
  const result = runCli(['--fix', '--format', 'json', '.'], { cwd: root });
  assert.equal(result.code, 2);
  assert.equal(result.stderr, `connlint: did not write the fixes of node/sysctl.d/60-k8s.conf: a symbolic link to ${outside}, outside the paths being linted\n`);
  assert.equal(readFileSync(outside, 'utf8'), NODE, 'the file outside is untouched');
  assert.equal(readFileSync(path.join(root, 'deployment.yaml'), 'utf8'), FIXED_DEPLOYMENT, 'the other files are written');
});

test('--fix writes through a symbolic link whose target is inside the linted folder, and keeps the link', () => {
  const root = copy('fix-mixed');
  mkdirSync(path.join(root, 'shared'));
  writeFileSync(path.join(root, 'shared/60-k8s.conf'), NODE);
  rmSync(path.join(root, 'node/sysctl.d/60-k8s.conf'));
  symlinkSync('../../shared/60-k8s.conf', path.join(root, 'node/sysctl.d/60-k8s.conf'));
  const result = runCli(['--fix', '--format', 'json', 'node', 'service.yaml', 'deployment.yaml', 'shared'], { cwd: root });
  assert.equal(result.stderr, '');
  assert.equal(readFileSync(path.join(root, 'shared/60-k8s.conf'), 'utf8'), FIXED_NODE);
  assert.ok(statSync(path.join(root, 'node/sysctl.d')).isDirectory());
  assert.equal(readdirSync(path.join(root, 'node/sysctl.d')).length, 1);
});

test('--fix keeps each file\'s mode and leaves no temporary file behind', () => {
  const root = copy('fix-mixed');
  chmodSync(path.join(root, 'deployment.yaml'), 0o640);
  chmodSync(path.join(root, 'node/sysctl.d/60-k8s.conf'), 0o755);
  assert.equal(runCli(['--fix', '--format', 'json', '.'], { cwd: root }).code, 0);
  assert.equal(statSync(path.join(root, 'deployment.yaml')).mode & 0o777, 0o640);
  assert.equal(statSync(path.join(root, 'node/sysctl.d/60-k8s.conf')).mode & 0o777, 0o755);
  assert.deepEqual(readdirSync(root).sort(), ['deployment.yaml', 'node', 'service.yaml']);
  assert.deepEqual(readdirSync(path.join(root, 'node/sysctl.d')), ['60-k8s.conf']);
});

test('a file changed on disk after it was read is not overwritten', async () => {
  const file = scratchFile('a.conf', 'edited meanwhile\n');
  const outcomes = await replaceFiles([{ path: file, before: Buffer.from('as read\n'), after: Buffer.from('fixed\n') }], { roots: [path.dirname(file)] });
  assert.deepEqual(outcomes, [{ path: file, skipped: 'it changed on disk after it was read; run connlint --fix again' }]);
  assert.equal(readFileSync(file, 'utf8'), 'edited meanwhile\n');
});

test('an I/O error on one file (EMFILE, permission denied) is that file\'s outcome: the others are written, nothing is left half-written', async () => {
  const files = ['a.conf', 'b.conf', 'c.conf'].map((name) => scratchFile(name, `${name} as read\n`));
  const failing = new Map([[files[0]!, 'EMFILE'], [files[2]!, 'EACCES']]);
  const outcomes = await replaceFiles(
    files.map((file) => ({ path: file, before: Buffer.from(`${path.basename(file)} as read\n`), after: Buffer.from('fixed\n') })),
    {
      roots: [scratch],
      io: {
        open: (async (temporary: string, ...rest: [string, number]) => {
          const code = failing.get(path.join(path.dirname(temporary), path.basename(temporary).replace(/^\.(.*)\.connlint-[0-9a-f]+\.tmp$/, '$1')));
          if (code !== undefined) throw error(code);
          return open(temporary, ...rest);
        }) as typeof open,
      },
    },
  );
  assert.deepEqual(outcomes, [
    { path: files[0], failed: 'too many open files' },
    { path: files[1], written: true },
    { path: files[2], failed: 'permission denied' },
  ]);
  assert.deepEqual(files.map((file) => readFileSync(file, 'utf8')), ['a.conf as read\n', 'fixed\n', 'c.conf as read\n']);
  for (const file of files) assert.deepEqual(readdirSync(path.dirname(file)), [path.basename(file)]);
});

test('a failed rename removes the temporary file and keeps the old content', async () => {
  const file = scratchFile('a.conf', 'as read\n');
  const outcomes = await replaceFiles([{ path: file, before: Buffer.from('as read\n'), after: Buffer.from('fixed\n') }], {
    roots: [scratch],
    io: { rename: async () => Promise.reject(error('EXDEV')) },
  });
  assert.deepEqual(outcomes, [{ path: file, failed: 'EXDEV' }]);
  assert.equal(readFileSync(file, 'utf8'), 'as read\n');
  assert.deepEqual(readdirSync(path.dirname(file)), ['a.conf']);
});

test('writes are bounded in concurrency', async () => {
  const files = Array.from({ length: 20 }, (_, index) => scratchFile(`${index}.conf`, 'as read\n'));
  let open_ = 0;
  let most = 0;
  const outcomes = await replaceFiles(
    files.map((file) => ({ path: file, before: Buffer.from('as read\n'), after: Buffer.from('fixed\n') })),
    {
      roots: [scratch],
      concurrency: 3,
      io: {
        open: (async (...args: Parameters<typeof open>) => {
          most = Math.max(most, ++open_);
          await new Promise((resolve) => setTimeout(resolve, 5));
          const handle = await open(...args);
          open_--;
          return handle;
        }) as typeof open,
      },
    },
  );
  assert.equal(outcomes.filter((outcome) => 'written' in outcome).length, 20);
  assert.equal(most, 3);
});
