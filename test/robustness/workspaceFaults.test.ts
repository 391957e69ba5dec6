import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { walk } from '@connlint/server/files';
import { repoRoot, runCli } from '../helpers/runCli';

const scratch = mkdtempSync(path.join(tmpdir(), 'connlint-faults-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

test('dangling links, a FIFO behind a link, a directory symlink loop, UTF-16 and an oversized file: warnings, and the rest is linted', () => {
  const root = path.join(scratch, 'faults');
  mkdirSync(path.join(root, 'loop'), { recursive: true });
  cpSync(path.join(repoRoot, 'examples', 'classic', 'app.yaml'), path.join(root, 'app.yaml'));
  symlinkSync(path.join(root, 'gone.yaml'), path.join(root, 'dangling.yaml'));
  symlinkSync(root, path.join(root, 'loop', 'back'));
  symlinkSync(root, path.join(root, 'loop', 'back.yaml'));
  execFileSync('mkfifo', [path.join(root, 'pipe')]);
  symlinkSync(path.join(root, 'pipe'), path.join(root, 'pipe.yaml'));
  writeFileSync(path.join(root, 'utf16.yaml'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('kind: Service\n', 'utf16le')]));
  writeFileSync(path.join(root, 'huge.yaml'), '#'.repeat(11 * 1024 * 1024));
  const result = runCli(['--format', 'json', root]);
  assert.equal(result.code, 1, result.stderr);
  assert.match(result.stderr, /cannot read .*dangling\.yaml: no such file or directory/);
  assert.match(result.stderr, /skipped .*pipe\.yaml: not a regular file/);
  assert.match(result.stderr, /skipped .*back\.yaml: not a regular file/);
  assert.match(result.stderr, /skipped .*utf16\.yaml: UTF-16/);
  assert.match(result.stderr, /skipped .*huge\.yaml: larger than 10 MiB/);
  const report = JSON.parse(result.stdout) as { diagnostics: { file: string; rule: string }[] };
  assert.ok(report.diagnostics.some((diagnostic) => diagnostic.file.endsWith('app.yaml') && diagnostic.rule === 'service-affinity'));
});

test('100,000 irrelevant files (node_modules below the root, vendored chart templates) are walked past, and the walk is capped', async () => {
  const root = path.join(scratch, 'many');
  for (let d = 0; d < 100; d++) {
    const modules = path.join(root, `pkg${d}`, 'node_modules', 'dep');
    const chart = path.join(root, 'vendor', `chart${d}`, 'templates');
    mkdirSync(modules, { recursive: true });
    mkdirSync(chart, { recursive: true });
    writeFileSync(path.join(root, 'vendor', `chart${d}`, 'Chart.yaml'), 'name: c\n');
    for (let f = 0; f < 500; f++) writeFileSync(path.join(modules, `f${f}.yaml`), 'kind: Service\n');
    for (let f = 0; f < 500; f++) writeFileSync(path.join(chart, `t${f}.txt`), 'x');
  }
  const messages: string[] = [] as string[];
  const found = await walk(root, (file: string) => file.endsWith('.yaml'), (message) => messages.push(message));
  assert.equal(found.length, 100, 'only the charts’ Chart.yaml files');
  assert.deepEqual(messages, []);
  const stops: string[] = [];
  const capped = await walk(root, () => true, (message: string) => void stops.push(message), { maxFiles: 1_000, maxEntries: 500_000 });
  assert.equal(capped.length, 1_000);
  assert.match(stops[0] ?? '', /stopped walking .* after 1000 files/);
  const entries = await walk(root, () => true, () => undefined, { maxFiles: 1_000_000, maxEntries: 2_000 });
  assert.ok(entries.length < 2_000);
});
