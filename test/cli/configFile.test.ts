import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { runCli } from '../helpers/runCli';

// Outside the repository: the search for .connlint.yaml goes up to the file system's root.
const scratch = mkdtempSync(path.join(tmpdir(), 'connlint-config-file-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

const service = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: orders\nspec:\n  selector:\n    app: orders\n';

let projects = 0;
/** A directory with a Service, whose `.connlint.yaml` is made by `place`. */
function project(place: (configFile: string) => void): string {
  const root = path.join(scratch, `project-${++projects}`);
  execFileSync('mkdir', ['-p', root]);
  writeFileSync(path.join(root, 'service.yaml'), service);
  place(path.join(root, '.connlint.yaml'));
  return root;
}

const LIMIT = 'a configuration file is a regular file of at most 1 MiB';

test('a FIFO named .connlint.yaml is a configuration error, not a wait for a writer', () => {
  const root = project((file) => execFileSync('mkfifo', [file]));
  assert.deepEqual(runCli(['.'], { cwd: root }), { code: 2, stdout: '', stderr: `connlint: cannot use .connlint.yaml: not a regular file (${LIMIT})\n` });
});

test('.connlint.yaml linked to /dev/zero or /dev/urandom is a configuration error, not a read without end', () => {
  for (const device of ['/dev/zero', '/dev/urandom']) {
    const root = project((file) => symlinkSync(device, file));
    assert.deepEqual(runCli(['.'], { cwd: root }), { code: 2, stdout: '', stderr: `connlint: cannot use .connlint.yaml: not a regular file (${LIMIT})\n` }, device);
  }
});

test('--config /dev/zero is refused the same way', () => {
  const root = project(() => undefined);
  assert.deepEqual(runCli(['--config', '/dev/zero', '.'], { cwd: root }), { code: 2, stdout: '', stderr: `connlint: cannot use ${path.relative(root, '/dev/zero')}: not a regular file (${LIMIT})\n` });
});

test('a 2 MiB .connlint.yaml is refused with its size; one of 1 MiB is read', () => {
  const comment = (bytes: number): string => `# ${'x'.repeat(97)}\n`.repeat(bytes / 100) + 'rules:\n  service-affinity: "off"\n';
  const large = project((file) => writeFileSync(file, comment(2 * 1024 * 1024)));
  assert.deepEqual(runCli(['.'], { cwd: large }), { code: 2, stdout: '', stderr: `connlint: cannot use .connlint.yaml: 2.0 MiB (${LIMIT})\n` });
  const atLimit = project((file) => writeFileSync(file, comment(1024 * 1024 - 2000)));
  assert.deepEqual(runCli(['.'], { cwd: atLimit }), { code: 0, stdout: '\n✔ No problems (1 file checked)\n', stderr: '' });
});

test('a directory named .connlint.yaml is a configuration error', () => {
  const root = project((file) => execFileSync('mkdir', [file]));
  assert.deepEqual(runCli(['.'], { cwd: root }), { code: 2, stdout: '', stderr: `connlint: cannot use .connlint.yaml: not a regular file (${LIMIT})\n` });
});

test('--print-config describes a FIFO or a device as skipped instead of reading it', () => {
  const root = project(() => undefined);
  execFileSync('mkfifo', [path.join(root, 'pipe.yaml')]);
  symlinkSync('/dev/zero', path.join(root, 'zero.yaml'));
  for (const file of ['pipe.yaml', 'zero.yaml']) {
    const result = runCli(['--print-config', file, '--format', 'json'], { cwd: root });
    assert.equal(result.code, 0, result.stderr);
    const report = JSON.parse(result.stdout) as { file: string; readAs: string; reason: string; reads: string[] };
    assert.deepEqual([report.file, report.readAs, report.reason, report.reads], [file, 'skipped', 'not a regular file', []]);
  }
});
