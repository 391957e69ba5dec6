import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { cliFixtures, repoRoot, runCli } from '../helpers/runCli';

const EMPTY_REPORT = '{\n  "version": 1,\n  "diagnostics": []\n}\n';

/** A usage or I/O error: exit 2, nothing on stdout, one line on stderr. */
function assertFails(args: readonly string[], stderr: string, cwd = cliFixtures): void {
  const result = runCli(args, { cwd });
  assert.deepEqual(result, { code: 2, stdout: '', stderr: `connlint: ${stderr}\n` });
}

test('exit code 0 for a clean folder and 1 for a warning', () => {
  assert.equal(runCli(['clean'], { cwd: cliFixtures }).code, 0);
  assert.equal(runCli(['classic'], { cwd: cliFixtures }).code, 1);
});

test('a missing path is an I/O error: exit 2 and one line on stderr', () => {
  assertFails(['missing.yaml'], 'cannot read missing.yaml: no such file or directory');
  assertFails(['no-such-folder/'], 'cannot read no-such-folder/: no such file or directory');
});

test('a missing path next to good ones still fails without a report', () => {
  assertFails(['classic', 'missing.yaml', 'clean'], 'cannot read missing.yaml: no such file or directory');
});

test('an unknown option is a usage error', () => {
  assertFails(['--bogus', 'classic'], "Unknown option '--bogus'");
  assertFails(['-x'], "Unknown option '-x'");
});

test('an unknown format is a usage error', () => {
  assertFails(['--format', 'nope', 'classic'], 'unknown format "nope" (use stylish, json, sarif, github, junit or gitlab)');
  assertFails(['-f', 'JSON', 'classic'], 'unknown format "JSON" (use stylish, json, sarif, github, junit or gitlab)');
  assertFails(['--format=xml', 'classic'], 'unknown format "xml" (use stylish, json, sarif, github, junit or gitlab)');
});

test('--max-warnings takes a whole number', () => {
  assertFails(['--max-warnings', 'x', 'classic'], '--max-warnings takes a whole number, not "x"');
  assertFails(['--max-warnings', '1.5', 'classic'], '--max-warnings takes a whole number, not "1.5"');
  assertFails(['--max-warnings=', 'classic'], '--max-warnings takes a whole number, not ""');
  assert.equal(runCli(['classic', '--max-warnings'], { cwd: cliFixtures }).code, 2);
});

test('--max-warnings n: exit 1 only with more than n warnings, and the report is unchanged', () => {
  const strict = runCli(['--format', 'json', 'classic'], { cwd: cliFixtures });
  const tolerant = runCli(['--format', 'json', '--max-warnings', '1', 'classic'], { cwd: cliFixtures });
  assert.equal(strict.code, 1);
  assert.deepEqual(tolerant, { code: 0, stdout: strict.stdout, stderr: '' });
  assert.equal((JSON.parse(tolerant.stdout) as { diagnostics: unknown[] }).diagnostics.length, 1);
  assert.equal(runCli(['--max-warnings', '0', 'classic'], { cwd: cliFixtures }).code, 1);
  assert.equal(runCli(['--max-warnings', '1', 'classic', 'broken/service.yaml', 'broken/deployment.yaml'], { cwd: cliFixtures }).code, 1);
  assert.equal(runCli(['--max-warnings', '2', 'classic', 'broken/service.yaml', 'broken/deployment.yaml'], { cwd: cliFixtures }).code, 0);
});

test('--max-warnings does not tolerate errors', () => {
  assert.equal(runCli(['--max-warnings', '100', 'sysctl/node.conf'], { cwd: cliFixtures }).code, 1);
});

test('--quiet with only warnings: no diagnostics and exit 0', () => {
  assert.deepEqual(runCli(['--quiet', '--format', 'json', 'classic'], { cwd: cliFixtures }), { code: 0, stdout: EMPTY_REPORT, stderr: '' });
  assert.deepEqual(runCli(['-q', 'classic'], { cwd: cliFixtures }), { code: 0, stdout: '\n✔ No problems (2 files checked)\n', stderr: '' });
});

test('--quiet keeps errors', () => {
  const result = runCli(['--quiet', '--format', 'json', 'broken'], { cwd: cliFixtures });
  assert.equal(result.code, 1);
  const report = JSON.parse(result.stdout) as { diagnostics: { file: string; rule: string; severity: string }[] };
  assert.deepEqual(
    report.diagnostics.map(({ file, rule, severity }) => ({ file, rule, severity })),
    [{ file: 'broken/worker.yaml', rule: 'yaml-syntax', severity: 'error' }],
  );
});

test('--help prints the usage and exits 0 without linting', () => {
  const result = runCli(['--help'], { cwd: cliFixtures });
  assert.equal(result.code, 0);
  assert.equal(result.stderr, '');
  assert.ok(result.stdout.startsWith('Usage: connlint [options] [paths...]\n'), result.stdout);
  assert.ok(result.stdout.endsWith('With --fix or --fix-dry-run, the report and exit code are those of the files as fixed.\n'), result.stdout);
  for (const option of ['-f, --format <format>', '-q, --quiet', '-c, --config <file>', '--fix', '--fix-dry-run', '--max-warnings <n>', '--color, --no-color', '--print-config <file>', '--explain <rule>', '-h, --help', '-v, --version']) {
    assert.ok(result.stdout.includes(`\n  ${option.startsWith('--') ? '    ' : ''}${option} `), `usage lists ${option}`);
  }
  assert.deepEqual(runCli(['-h', 'classic'], { cwd: cliFixtures }), result);
});

test('--version prints the version of the root package.json', () => {
  const { version } = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string };
  assert.match(version, /^\d+\.\d+\.\d+/);
  assert.deepEqual(runCli(['--version']), { code: 0, stdout: `${version}\n`, stderr: '' });
  assert.deepEqual(runCli(['-v'], { cwd: cliFixtures }), { code: 0, stdout: `${version}\n`, stderr: '' });
});
