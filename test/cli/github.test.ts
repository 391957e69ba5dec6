import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { escapeData, escapeProperty } from '@connlint/server/cli';
import { cliFixtures, runCli } from '../helpers/runCli';

const scratch = mkdtempSync(path.join(tmpdir(), 'connlint-github-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

/** How the Actions runner reads a workflow command back (its unescaping, in reverse order of ours). */
function parseCommand(line: string): { command: string; properties: Record<string, string>; message: string } {
  const match = /^::(\w+) ([^:]*)::(.*)$/.exec(line);
  assert.ok(match, `not a workflow command: ${line}`);
  const unescape = (text: string): string => text.replace(/%2C/g, ',').replace(/%3A/g, ':').replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%');
  const properties = Object.fromEntries(match[2]!.split(',').map((pair) => [pair.slice(0, pair.indexOf('=')), unescape(pair.slice(pair.indexOf('=') + 1))]));
  return { command: match[1]!, properties, message: unescape(match[3]!) };
}

const CLASSIC_MESSAGE =
  "Service \"orders\" has 2 backends (Deployment \"orders\" has replicas: 2) and no ClientIP affinity: a connection idle over the 86400 s conntrack timeout can be re-balanced to another pod and reset.";

test('one annotation per finding, with its place and the related places on following lines', () => {
  const result = runCli(['--format', 'github', 'classic'], { cwd: cliFixtures });
  assert.equal(result.code, 1);
  assert.equal(result.stderr, '');
  assert.equal(
    result.stdout,
    `::warning file=classic/service.yaml,line=4,col=9,endLine=4,endColumn=15,title=connlint service-affinity::${CLASSIC_MESSAGE}%0A↳ classic/deployment.yaml:8:13  Backend of Service "orders": Deployment "orders" has replicas: 2\n`,
  );
  assert.deepEqual(runCli(['--format', 'github', 'clean'], { cwd: cliFixtures }), { code: 0, stdout: '', stderr: '' });
});

test('the same findings, places and exit code as the JSON report', () => {
  const args = ['classic', 'broken', 'unicode', 'sysctl/node.conf'];
  const github = runCli(['--format', 'github', ...args], { cwd: cliFixtures });
  const report = runCli(['--format', 'json', ...args], { cwd: cliFixtures });
  assert.equal(github.code, report.code);
  const diagnostics = (JSON.parse(report.stdout) as { diagnostics: { file: string; rule: string; severity: string; message: string; line: number; column: number; endLine: number; endColumn: number }[] }).diagnostics;
  const commands = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' } as Record<string, string>;
  assert.deepEqual(
    github.stdout.trimEnd().split('\n').map(parseCommand).map(({ command, properties, message }) => ({ command, properties, message: message.split('\n')[0] })),
    diagnostics.map((d) => ({
      command: commands[d.severity],
      properties: { file: d.file, line: String(d.line), col: String(d.column), endLine: String(d.endLine), endColumn: String(d.endColumn), title: `connlint ${d.rule}` },
      message: d.message,
    })),
  );
  assert.ok(github.stdout.includes('::error file=sysctl/node.conf,'), 'sysctl-syntax errors are errors');
});

test('info and hint findings are notices', () => {
  const root = path.join(scratch, 'levels');
  cpSync(path.join(cliFixtures, 'classic'), root, { recursive: true });
  for (const severity of ['info', 'hint']) {
    writeFileSync(path.join(root, '.connlint.yaml'), `rules:\n  service-affinity: ${severity}\n`);
    const result = runCli(['--format', 'github', '.'], { cwd: root });
    assert.equal(result.code, 0, severity);
    assert.match(result.stdout, /^::notice file=service\.yaml,line=4,col=9,endLine=4,endColumn=15,title=connlint service-affinity::Service "orders"/, severity);
  }
});

test("GitHub's escaping: % \\r \\n in messages; also : and , in properties", () => {
  assert.equal(escapeData('100% done\r\nnext: a, b'), '100%25 done%0D%0Anext: a, b');
  assert.equal(escapeProperty('100% done\r\nnext: a, b'), '100%25 done%0D%0Anext%3A a%2C b');
  assert.equal(escapeData('%0A'), '%250A', 'a literal escape sequence survives');
});

test('a file name with a comma, a colon and a percent sign stays one property', () => {
  const root = path.join(scratch, 'names');
  cpSync(path.join(cliFixtures, 'classic'), root, { recursive: true });
  const name = 'orders, 100%: v2.yaml';
  writeFileSync(path.join(root, name), readFileSync(path.join(root, 'service.yaml'), 'utf8'));
  rmSync(path.join(root, 'service.yaml'));
  const result = runCli(['--format', 'github', '.'], { cwd: root });
  const line = result.stdout.trimEnd();
  assert.ok(line.startsWith('::warning file=orders%2C 100%25%3A v2.yaml,line=4,'), line);
  const parsed = parseCommand(line);
  assert.equal(parsed.properties['file'], name);
  assert.equal(parsed.message, `${CLASSIC_MESSAGE}\n↳ deployment.yaml:8:13  Backend of Service "orders": Deployment "orders" has replicas: 2`);
});
