import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { escapeControl, formatDiff, inertJson, renderMarkdown } from '@connlint/server/cli';
import { runCli, type CliResult } from '../helpers/runCli';

const scratch = mkdtempSync(path.join(tmpdir(), 'connlint-escape-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

/** A name that would start a workflow command on a line of its own, clear the screen, hide what precedes it, and more. */
const HOSTILE_NAME = 'web\n::error::x\u001b[2J\r\u0000\u2028\u009b\u202e';
const HOSTILE_NAME_ESCAPED = 'web\\n::error::x\\u001b[2J\\r\\u0000\\u2028\\u009b\\u202e';
/** The same in a file name, without the NUL no file name can hold. */
const HOSTILE_FILE = 'svc\n::add-mask::x\u001b[2J\r\u2028.yaml';
const HOSTILE_FILE_ESCAPED = 'svc\\n::add-mask::x\\u001b[2J\\r\\u2028.yaml';

/** What may act on a terminal or a log: every character escapeControl escapes except the line break. */
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** A Service and a Deployment named HOSTILE_NAME (as a YAML escape sequence), the Service in a file named HOSTILE_FILE. */
function hostileTree(): string {
  const root = mkdtempSync(path.join(scratch, 'tree-'));
  const name = '"web\\n::error::x\\e[2J\\r\\0\\L\\u009b\\u202e"';
  const service = ['apiVersion: v1', 'kind: Service', 'metadata:', `  name: ${name}`, 'spec:', '  selector:', '    app: web', ''].join('\n');
  const deployment = [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    `  name: ${name}`,
    'spec:',
    '  replicas: 2',
    '  template:',
    '    metadata:',
    '      labels:',
    '        app: web',
    '',
  ].join('\n');
  writeFileSync(path.join(root, HOSTILE_FILE), service);
  writeFileSync(path.join(root, 'deployment.yaml'), deployment);
  return root;
}

const MESSAGE_TAIL =
  'and no ClientIP affinity: a connection idle over the 86400 s conntrack timeout can be re-balanced to another pod and reset.';
const message = (name: string): string => `Service "${name}" has 2 backends ${MESSAGE_TAIL}`;
const related = (name: string): string => `Backend of Service "${name}": Deployment "${name}" has replicas: 2`;

/** No line of the output is, or can become, anything but the format's own text. */
function assertInert(output: string, format: string): void {
  assert.doesNotMatch(output, UNSAFE, `${format}: a control character reaches the output`);
  for (const line of output.split('\n')) {
    if (format !== 'github') assert.doesNotMatch(line.trimStart(), /^::/, `${format}: a line starts a workflow command: ${line}`);
  }
}

function lint(format: string): CliResult {
  const result = runCli(['--format', format, '.'], { cwd: hostileTree(), env: { FORCE_COLOR: undefined } });
  assert.equal(result.code, 1, result.stderr);
  assert.equal(result.stderr, '');
  assertInert(result.stdout, format);
  return result;
}

test('escapeControl writes each control, separator and bidirectional character as an escape and leaves other text alone', () => {
  assert.equal(escapeControl(HOSTILE_NAME), HOSTILE_NAME_ESCAPED);
  assert.equal(escapeControl('tab\there\u007f\u0085\u2029\u2066'), 'tab\\there\\u007f\\u0085\\u2029\\u2066');
  assert.equal(escapeControl('Service "orders" — ünïcødé 日本 ✔ \\n'), 'Service "orders" — ünïcødé 日本 ✔ \\n');
  assert.equal(inertJson({ name: HOSTILE_NAME }), '{\n  "name": "web\\n::error::x\\u001b[2J\\r\\u0000\\u2028\\u009b\\u202e"\n}\n');
  assert.deepEqual(JSON.parse(inertJson({ name: HOSTILE_NAME })), { name: HOSTILE_NAME });
});

test('stylish: the file name and metadata.name are escaped on their own lines, even without colours', () => {
  const { stdout } = lint('stylish');
  assert.equal(
    stdout,
    [
      '',
      HOSTILE_FILE_ESCAPED,
      `  4:9  warning  ${message(HOSTILE_NAME_ESCAPED)}  service-affinity`,
      `       ↳ deployment.yaml:6:13  ${related(HOSTILE_NAME_ESCAPED)}`,
      '',
      '✖ 1 problem (0 errors, 1 warning; 2 files checked)',
      '',
    ].join('\n'),
  );
});

test('stylish with colours forced on: only the colour codes are escape sequences', () => {
  for (const args of [['--color'], ['--no-color']]) {
    const result = runCli([...args, '.'], { cwd: hostileTree(), env: { FORCE_COLOR: '1' } });
    assert.equal(result.code, 1);
    assertInert(result.stdout.replace(/\u001b\[[0-9;]*m/g, ''), `stylish ${args[0]}`);
    assert.ok(result.stdout.includes(HOSTILE_FILE_ESCAPED), result.stdout);
  }
});

test('json: the values are the names as found, and the text holds no raw control character', () => {
  const report = JSON.parse(lint('json').stdout) as { diagnostics: { file: string; message: string; related: { file: string; message: string }[] }[] };
  assert.deepEqual(
    report.diagnostics.map((diagnostic) => [diagnostic.file, diagnostic.message, diagnostic.related.map((place) => [place.file, place.message])]),
    [[HOSTILE_FILE, message(HOSTILE_NAME), [['deployment.yaml', related(HOSTILE_NAME)]]]],
  );
});

test('sarif: the message is the name as found, the file a percent-encoded URI, and no raw control character', () => {
  const log = JSON.parse(lint('sarif').stdout) as {
    runs: { results: { message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[];
  };
  const [result] = log.runs[0]!.results;
  assert.equal(result!.message.text, message(HOSTILE_NAME));
  assert.equal(result!.locations[0]!.physicalLocation.artifactLocation.uri, 'svc%0A%3A%3Aadd-mask%3A%3Ax%1B%5B2J%0D%E2%80%A8.yaml');
});

test('gitlab: the description is the message as found, the path the file, and no raw control character', () => {
  const issues = JSON.parse(lint('gitlab').stdout) as { description: string; location: { path: string } }[];
  assert.deepEqual(
    issues.map((issue) => [issue.location.path, issue.description]),
    [[HOSTILE_FILE, message(HOSTILE_NAME)]],
  );
});

test('github: one workflow command per finding, whose data and properties hold the escaped names', () => {
  const { stdout } = lint('github');
  assert.equal(
    stdout,
    `::warning file=svc\\n%3A%3Aadd-mask%3A%3Ax\\u001b[2J\\r\\u2028.yaml,line=4,col=9,endLine=4,endColumn=49,title=connlint service-affinity::` +
      `${message(HOSTILE_NAME_ESCAPED)}%0A↳ deployment.yaml:6:13  ${related(HOSTILE_NAME_ESCAPED)}\n`,
  );
});

test('--print-config: YAML shows the names escaped; JSON keeps them and holds no raw control character', () => {
  const root = hostileTree();
  const yaml = runCli(['--print-config', HOSTILE_FILE], { cwd: root });
  assert.equal(yaml.code, 0, yaml.stderr);
  assertInert(yaml.stdout, 'print-config');
  assert.match(yaml.stdout, /^file: "?svc\\n::add-mask::x\\u001b\[2J\\r\\u2028\.yaml"?$/m);
  assert.ok(yaml.stdout.includes(`Service default/${HOSTILE_NAME_ESCAPED}`), yaml.stdout);
  const json = runCli(['--print-config', HOSTILE_FILE, '--format', 'json'], { cwd: root });
  assertInert(json.stdout, 'print-config json');
  const report = JSON.parse(json.stdout) as { file: string; reads: string[] };
  assert.deepEqual([report.file, report.reads], [HOSTILE_FILE, [`Service default/${HOSTILE_NAME}`]]);
});

test('warnings and errors on standard error name hostile files escaped, one line each', () => {
  const root = hostileTree();
  writeFileSync(path.join(root, 'bin\n::error::x\u001b[2J.yaml'), 'kind: Service\0');
  const warned = runCli(['--format', 'json', '.'], { cwd: root });
  assert.equal(warned.stderr, 'connlint: warning: skipped bin\\n::error::x\\u001b[2J.yaml: a binary file: it holds a NUL byte\n');
  const missing = runCli(['nothing\n::error::x\u001b[2J.yaml'], { cwd: root });
  assert.deepEqual(missing, { code: 2, stdout: '', stderr: 'connlint: cannot read nothing\\n::error::x\\u001b[2J.yaml: no such file or directory\n' });
  const explained = runCli(['--explain', 'rule\n::error::x\u001b[2J']);
  assert.equal(explained.code, 2);
  assert.match(explained.stderr, /^connlint: unknown rule "rule\\n::error::x\\u001b\[2J" \(rules: [a-z, -]+\)\n$/);
});

test('--explain prints a rule page with no control character but its colours', () => {
  const plain = runCli(['--explain', 'service-affinity']);
  assert.equal(plain.code, 0);
  assertInert(plain.stdout, 'explain');
  const coloured = runCli(['--explain', 'service-affinity', '--color']);
  assertInert(coloured.stdout.replace(/\u001b\[[0-9;]*m/g, ''), 'explain --color');
  const page = renderMarkdown('# Title\u001b[2J\n\nText\r\u0007 and `code\u2028`.\n', { width: 80, color: false, resolveLink: (target) => target });
  assert.equal(page, 'Title\\u001b[2J\n==============\n\nText\\r\\u0007 and `code\\u2028`.\n');
});

test('a directory named with control characters is escaped in the walk', () => {
  const root = hostileTree();
  mkdirSync(path.join(root, 'dir\n::error::x'));
  writeFileSync(path.join(root, 'dir\n::error::x', 'deployment.yaml'), 'kind: Deployment\nmetadata:\n  name: other\n');
  assertInert(runCli(['.'], { cwd: root }).stdout, 'stylish');
});

test('--fix-dry-run: the diff escapes controls in file names and lines, and keeps a CRLF line ending', () => {
  const diff = formatDiff([{ path: 'x\n::error::name.yaml', before: 'a: 1\r\nb: 2\r\n', after: 'a: "\u001b[2J"\r\nb: 2\r\n' }]);
  assert.deepEqual(diff.split('\n'), [
    '--- a/x\\n::error::name.yaml',
    '+++ b/x\\n::error::name.yaml',
    '@@ -1,2 +1,2 @@',
    '-a: 1\r',
    '+a: "\\u001b[2J"\r',
    ' b: 2\r',
    '',
  ]);
});
