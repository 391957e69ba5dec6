import assert from 'node:assert/strict';
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { RULES } from '@connlint/server';
import { createProtocolConnection, InitializeRequest, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import { cliFixtures, repoRoot } from '../helpers/runCli';

interface Manifest {
  version: string;
  private?: boolean;
  bin: Record<string, string>;
  dependencies: Record<string, string>;
}
const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as Manifest;
const serverManifest = JSON.parse(readFileSync(path.join(repoRoot, 'server', 'package.json'), 'utf8')) as Manifest;

/** What the npm package may hold: the compiled CLI and server with their bins, rule pages, schema, docs. */
const ALLOWED = [/^package\.json$/, /^README\.md$/, /^LICENSE$/, /^CHANGELOG\.md$/, /^server\/bin\/[\w-]+\.js$/, /^server\/out\/.+\.js$/, /^docs\/rules\/[\w-]+\.md$/, /^schemas\/connlint\.schema\.json$/];

function npm(args: readonly string[], cwd: string): SpawnSyncReturns<string> {
  const env: NodeJS.ProcessEnv = { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' };
  delete env['NODE_TEST_CONTEXT'];
  delete env['NODE_OPTIONS'];
  const result = spawnSync('npm', args, { cwd, env, encoding: 'utf8', timeout: 60_000, shell: process.platform === 'win32' });
  assert.equal(result.status, 0, `npm ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
  return result;
}

test('the npm package runs: npm pack, npm install the tarball, the CLI in every format, the language server', { timeout: 90_000 }, async (t) => {
  assert.equal(manifest.private, undefined, 'publishable');
  assert.deepEqual(manifest.dependencies, serverManifest.dependencies, "the package's dependencies are the server's (its compiled code runs from the tarball)");
  const scratch = mkdtempSync(path.join(tmpdir(), 'connlint-pack-'));
  t.after(() => rmSync(scratch, { recursive: true, force: true }));

  // npm pack (its prepack builds) and the tarball's contents.
  const packed = JSON.parse(npm(['pack', '--json', '--pack-destination', scratch], repoRoot).stdout) as { filename: string; files: { path: string }[]; size: number }[];
  const files = packed[0]!.files.map((file) => file.path).sort();
  t.diagnostic(`${packed[0]!.filename}: ${packed[0]!.size} bytes, ${files.length} files`);
  assert.deepEqual(files.filter((file) => !ALLOWED.some((pattern) => pattern.test(file))), [], 'nothing but the allowed files (no tests, sources, maps, client, .vsix)');
  for (const required of ['CHANGELOG.md', 'LICENSE', 'README.md', 'schemas/connlint.schema.json', 'server/out/cli/main.js', 'server/out/lsp/main.js', ...Object.values(manifest.bin)]) {
    assert.ok(files.includes(required), `the package holds ${required}`);
  }
  const pages = RULES.map((rule) => `docs/rules/${rule.id}.md`).filter((page) => existsSync(path.join(repoRoot, page)));
  assert.deepEqual(pages.filter((page) => !files.includes(page)), [], 'every rule page ships (connlint --explain)');
  const stale = files.filter((file) => file.startsWith('server/out/') && !existsSync(path.join(repoRoot, 'server', 'src', file.slice('server/out/'.length).replace(/\.js$/, '.ts'))));
  assert.deepEqual(stale, [], 'compiled files without a source are left from an old build: remove server/out and build again');

  // Installed in an empty project, as `npm install connlint` would.
  const project = path.join(scratch, 'project');
  mkdirSync(project);
  writeFileSync(path.join(project, 'package.json'), '{ "private": true }\n');
  npm(['install', '--no-audit', '--no-fund', '--prefer-offline', path.join(scratch, packed[0]!.filename)], project);
  assert.deepEqual(readdirSync(path.join(project, 'node_modules')).filter((name) => ['typescript', 'esbuild', '@vscode', 'ajv'].includes(name)), [], 'no development tools installed');
  cpSync(path.join(cliFixtures, 'classic'), path.join(project, 'classic'), { recursive: true });

  const connlint = (args: readonly string[]): SpawnSyncReturns<string> => {
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
    delete env['NODE_TEST_CONTEXT'];
    return spawnSync('npx', ['--no-install', 'connlint', ...args], { cwd: project, env, encoding: 'utf8', timeout: 30_000, shell: process.platform === 'win32' });
  };
  const stylish = connlint(['classic']);
  assert.equal(stylish.status, 1, stylish.stderr);
  assert.match(stylish.stdout, /^classic\/service\.yaml\n {2}4:9 {2}warning {2}Service "orders" has 2 backends/m);
  assert.match(stylish.stdout, /✖ 1 problem \(0 errors, 1 warning; 2 files checked\)/);

  const json = connlint(['--format', 'json', 'classic']);
  assert.equal(json.status, 1);
  const report = JSON.parse(json.stdout) as { version: number; diagnostics: { file: string; rule: string; line: number }[] };
  assert.deepEqual(report.diagnostics.map(({ file, rule, line }) => [file, rule, line]), [['classic/service.yaml', 'service-affinity', 4]]);

  const sarif = connlint(['--format', 'sarif', 'classic']);
  assert.equal(sarif.status, 1);
  const ajv = new Ajv2020({ allErrors: true });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(path.join(repoRoot, 'test', 'fixtures', 'sarif', 'sarif-schema-2.1.0.json'), 'utf8')) as object);
  const log = JSON.parse(sarif.stdout) as { runs: { tool: { driver: { version: string; rules: { fullDescription: { text: string } }[] } }; results: { ruleId: string }[] }[] };
  assert.ok(validate(log), JSON.stringify(validate.errors));
  assert.equal(log.runs[0]!.tool.driver.version, manifest.version);
  assert.match(log.runs[0]!.tool.driver.rules[0]!.fullDescription.text, /^A Service that kube-proxy load-balances/, 'rule pages are read from the installed package');
  assert.deepEqual(log.runs[0]!.results.map((result) => result.ruleId), ['service-affinity']);

  const github = connlint(['--format', 'github', 'classic']);
  assert.equal(github.status, 1);
  assert.match(github.stdout, /^::warning file=classic\/service\.yaml,line=4,col=9,endLine=4,endColumn=15,title=connlint service-affinity::Service "orders"/);

  const explain = connlint(['--explain', 'service-affinity']);
  assert.equal(explain.status, 0, explain.stderr);
  assert.ok(explain.stdout.startsWith('service-affinity\n================\n'));
  assert.equal(connlint(['--version']).stdout, `${manifest.version}\n`);

  await assertServerInitializes(path.join(project, 'node_modules', '.bin', 'connlint-language-server'));
});

/** Starts the installed `connlint-language-server --stdio` and expects an answer to `initialize`. */
async function assertServerInitializes(bin: string): Promise<void> {
  const child = spawn(bin, ['--stdio'], { stdio: ['pipe', 'pipe', 'inherit'], shell: process.platform === 'win32' });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  connection.listen();
  try {
    const result = await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {}, workspaceFolders: null });
    assert.equal(result.serverInfo?.name, 'connlint');
    assert.ok(result.capabilities.textDocumentSync !== undefined);
  } finally {
    connection.dispose();
    child.kill();
  }
}
