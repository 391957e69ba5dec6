import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { cliFixtures, repoRoot, runCli } from '../helpers/runCli';

const fixture = (...segments: string[]): string => path.join(cliFixtures, ...segments);


/** The service-affinity finding of a Service whose backends are explained by one reason. */
function affinity(at: { file: string; line: number; column: number; endColumn: number }, service: string, count: number, reason: string, related: { file: string; line: number; column: number }) {
  return {
    file: at.file,
    rule: 'service-affinity',
    severity: 'warning',
    message:
      `Service "${service}" has ${count} backends (${reason}) and no ClientIP affinity: a connection idle over the 86400 s conntrack timeout can be re-balanced to another pod and reset.`,
    line: at.line,
    column: at.column,
    endLine: at.line,
    endColumn: at.endColumn,
    related: [{ ...related, message: `Backend of Service "${service}": ${reason}` }],
  };
}

/** The finding of the `classic` scenario (and its copies), with files under `prefix`. */
function ordersFinding(prefix: string, relatedFile = `${prefix}deployment.yaml`) {
  return affinity({ file: `${prefix}service.yaml`, line: 4, column: 9, endColumn: 15 }, 'orders', 2, 'Deployment "orders" has replicas: 2', {
    file: relatedFile,
    line: 8,
    column: 13,
  });
}

const workerSyntax = (file: string) => ({
  file,
  rule: 'yaml-syntax',
  severity: 'error',
  message: 'Flow sequence in block collection must be sufficiently indented and end with a ]',
  line: 19,
  column: 1,
  endLine: 19,
  endColumn: 1,
  related: [],
});

function lintJson(args: readonly string[], run: Parameters<typeof runCli>[1] = {}): { code: number | null; report: unknown; stderr: string } {
  const result = runCli(['--format', 'json', ...args], run);
  return { code: result.code, report: JSON.parse(result.stdout), stderr: result.stderr };
}

test('classic: a Service and a two-replica Deployment in separate files is a warning, exit 1', () => {
  const result = lintJson(['.'], { cwd: fixture('classic') });
  assert.deepEqual(result, { code: 1, report: { version: 1, diagnostics: [ordersFinding('')] }, stderr: '' });
});

test('the JSON report is pretty-printed with two spaces and ends with a newline', () => {
  const result = runCli(['--format', 'json'], { cwd: fixture('clean') });
  assert.equal(result.stdout, '{\n  "version": 1,\n  "diagnostics": []\n}\n');
});

test('clean: a single replica behind the Service is no finding, exit 0', () => {
  const result = lintJson(['.'], { cwd: fixture('clean') });
  assert.deepEqual(result, { code: 0, report: { version: 1, diagnostics: [] }, stderr: '' });
});

test('without a path the current directory is linted', () => {
  const result = lintJson([], { cwd: fixture('classic') });
  assert.deepEqual(result, { code: 1, report: { version: 1, diagnostics: [ordersFinding('')] }, stderr: '' });
});

test('files are reported relative to the current directory with / separators', () => {
  assert.deepEqual(lintJson(['classic'], { cwd: cliFixtures }).report, { version: 1, diagnostics: [ordersFinding('classic/')] });
  assert.deepEqual(lintJson(['../classic'], { cwd: fixture('clean') }).report, { version: 1, diagnostics: [ordersFinding('../classic/')] });
  assert.deepEqual(lintJson([fixture('classic')], { cwd: repoRoot }).report, {
    version: 1,
    diagnostics: [ordersFinding('test/fixtures/cli/classic/')],
  });
});

test('a broken YAML file next to good ones: yaml-syntax error and the affinity warning, exit 1', () => {
  const result = lintJson(['broken'], { cwd: cliFixtures });
  assert.deepEqual(result, {
    code: 1,
    report: { version: 1, diagnostics: [ordersFinding('broken/'), workerSyntax('broken/worker.yaml')] },
    stderr: '',
  });
});

test('diagnostics of several paths are sorted by file, line and column whatever the order of the paths', () => {
  const expected = { version: 1, diagnostics: [ordersFinding('broken/'), workerSyntax('broken/worker.yaml'), ordersFinding('classic/')] };
  assert.deepEqual(lintJson(['classic', 'broken'], { cwd: cliFixtures }).report, expected);
  assert.deepEqual(lintJson(['broken/worker.yaml', 'classic', 'broken/service.yaml', 'broken/deployment.yaml'], { cwd: cliFixtures }).report, expected);
});

test('one file with a warning and an error, sorted by line; a related place in the same file', () => {
  const result = lintJson(['mixed'], { cwd: cliFixtures });
  assert.deepEqual(result, {
    code: 1,
    report: {
      version: 1,
      diagnostics: [
        affinity({ file: 'mixed/api.yaml', line: 4, column: 9, endColumn: 12 }, 'api', 3, 'Deployment "api" has replicas: 3', {
          file: 'mixed/api.yaml',
          line: 17,
          column: 13,
        }),
        {
          file: 'mixed/api.yaml',
          rule: 'yaml-syntax',
          severity: 'error',
          message: 'Flow map in block collection must be sufficiently indented and end with a }',
          line: 38,
          column: 3,
          endLine: 38,
          endColumn: 11,
          related: [],
        },
      ],
    },
    stderr: '',
  });
});

test('"-" reads YAML from standard input, reported as <stdin>', () => {
  const stdin = readFileSync(fixture('classic', 'deployment.yaml'), 'utf8') + '---\n' + readFileSync(fixture('classic', 'service.yaml'), 'utf8');
  const result = lintJson(['-'], { cwd: cliFixtures, stdin });
  // The Service starts after the Deployment's 22 lines and the separator.
  assert.deepEqual(result, {
    code: 1,
    report: {
      version: 1,
      diagnostics: [
        affinity({ file: '<stdin>', line: 27, column: 9, endColumn: 15 }, 'orders', 2, 'Deployment "orders" has replicas: 2', {
          file: '<stdin>',
          line: 8,
          column: 13,
        }),
      ],
    },
    stderr: '',
  });
});

test('standard input and files form one workspace', () => {
  const stdin = readFileSync(fixture('classic', 'deployment.yaml'), 'utf8');
  const result = lintJson(['-', 'service.yaml'], { cwd: fixture('classic'), stdin });
  assert.deepEqual(result, { code: 1, report: { version: 1, diagnostics: [ordersFinding('', '<stdin>')] }, stderr: '' });
});

test('empty standard input is clean', () => {
  assert.deepEqual(lintJson(['-'], { cwd: cliFixtures, stdin: '' }), { code: 0, report: { version: 1, diagnostics: [] }, stderr: '' });
});

test('columns count UTF-16 code units: "é" and an emoji before the finding on the same line', () => {
  const result = lintJson(['unicode'], { cwd: cliFixtures });
  const reason = 'Deployment "payments" leaves replicas unset (1) and HorizontalPodAutoscaler "payments" scales it up to maxReplicas: 6';
  const message =
    'Service "payments" has up to 6 backends (HorizontalPodAutoscaler "payments") and no ClientIP affinity: a connection idle over the 86400 s conntrack timeout can be re-balanced to another pod and reset.';
  assert.deepEqual(result, {
    code: 1,
    report: {
      version: 1,
      diagnostics: [
        {
          ...affinity({ file: 'unicode/service.yaml', line: 4, column: 45, endColumn: 53 }, 'payments', 6, reason, {
            file: 'unicode/hpa.yaml',
            line: 8,
            column: 16,
          }),
          message,
        },
      ],
    },
    stderr: '',
  });
  // The fixture tells the encodings apart: the same place is column 45 in UTF-16, 44 in code points, 48 in UTF-8 bytes.
  const line = readFileSync(fixture('unicode', 'service.yaml'), 'utf8').split('\n')[3]!;
  const before = line.slice(0, 44);
  assert.equal(line.slice(44, 52), 'payments');
  assert.deepEqual([before.length, [...before].length, Buffer.byteLength(before)], [44, 43, 47]);
});

test('an explicitly named file that is not YAML is read as sysctl', () => {
  const result = lintJson(['sysctl/node.conf'], { cwd: cliFixtures });
  const problem = (line: number, column: number, endColumn: number, message: string) => ({
    file: 'sysctl/node.conf',
    rule: 'sysctl-syntax',
    severity: 'error',
    message,
    line,
    column,
    endLine: line,
    endColumn,
    related: [],
  });
  assert.deepEqual(result, {
    code: 1,
    report: {
      version: 1,
      diagnostics: [
        problem(3, 22, 28, 'The value of net.core.somaxconn is quoted; sysctl files take no quotes and the kernel rejects "4096".'),
        problem(9, 1, 15, 'kernel.pid_max has an empty value; the kernel rejects it.'),
        problem(12, 1, 23, 'This line is not a `key = value` assignment; sysctl ignores it.'),
      ],
    },
    stderr: '',
  });
});

test('the same file is not read as sysctl when its directory is walked', () => {
  assert.deepEqual(lintJson(['sysctl'], { cwd: cliFixtures }), { code: 0, report: { version: 1, diagnostics: [] }, stderr: '' });
});

test('an explicitly named YAML file is linted alone: a Service without backends is clean', () => {
  assert.deepEqual(lintJson(['classic/service.yaml'], { cwd: cliFixtures }), { code: 0, report: { version: 1, diagnostics: [] }, stderr: '' });
});

test('colour settings never reach the JSON report', () => {
  const plain = runCli(['--format', 'json', 'classic'], { cwd: cliFixtures });
  const forced = runCli(['--format', 'json', '--color', 'classic'], { cwd: cliFixtures, env: { FORCE_COLOR: '1' } });
  assert.equal(forced.stdout, plain.stdout);
  assert.equal(forced.stdout.includes('\x1b'), false);
});
