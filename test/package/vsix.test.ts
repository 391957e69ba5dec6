import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { inflateRawSync } from 'node:zlib';
import { RULES, ruleDocsUrl, DEFAULT_SETTINGS, SEVERITY_LEVELS } from '@connlint/server';
import {
  createProtocolConnection,
  InitializeRequest,
  IPCMessageReader,
  IPCMessageWriter,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageReader,
  type MessageWriter,
} from 'vscode-languageserver-protocol/node';
import { repositoryRoot } from '../helpers/lspClient';

const root = repositoryRoot();
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };

/** Everything the .vsix may hold: the bundles, the sysctl language, the icon, the user's README with its screenshots, the changelog and the manifest. */
const EXPECTED_FILES = [
  '[Content_Types].xml',
  'extension.vsixmanifest',
  'extension/LICENSE.txt',
  'extension/changelog.md',
  'extension/client/images/hover.png',
  'extension/client/images/icon.png',
  'extension/client/images/problems.png',
  'extension/client/language-configuration.json',
  'extension/client/syntaxes/sysctl.tmLanguage.json',
  'extension/dist/analysisWorker.js',
  'extension/dist/connlint-server.js',
  'extension/dist/extension.js',
  'extension/dist/server.js',
  'extension/package.json',
  'extension/readme.md',
  'extension/schemas/connlint.schema.json',
];

test('the .vsix holds the bundles and the manifest, and its server answers', { timeout: 60_000 }, async (t) => {
  const missing = ['@vscode/vsce/package.json', 'esbuild'].filter((tool) => !resolves(tool));
  if (missing.length > 0) {
    t.skip(`packaging tools not installed: ${missing.join(', ')}`);
    return;
  }
  const packaged = spawnSync('npm', ['run', '-s', 'package'], { cwd: root, encoding: 'utf8', timeout: 50_000, shell: process.platform === 'win32' });
  assert.equal(packaged.status, 0, `npm run package failed:\n${packaged.stdout}\n${packaged.stderr}`);

  const vsix = readZip(readFileSync(path.join(root, `connlint-${manifest.version}.vsix`)));
  assert.deepEqual([...vsix.keys()].sort(), EXPECTED_FILES);

  // The Extensions view shows the user's README, not the repository's developer one.
  assert.equal(vsix.get('extension/readme.md')!.toString('utf8').split('\n')[2], readFileSync(path.join(root, 'client', 'README.md'), 'utf8').split('\n')[2]);
  assert.doesNotMatch(vsix.get('extension/readme.md')!.toString('utf8'), /npm (test|run)/);
  assert.equal(vsix.get('extension/changelog.md')!.toString('utf8'), readFileSync(path.join(root, 'CHANGELOG.md'), 'utf8'));
  for (const image of ['problems.png', 'hover.png']) assert.ok(vsix.get(`extension/client/images/${image}`)!.subarray(1, 4).toString('latin1') === 'PNG', `${image} is a PNG`);

  const shipped = JSON.parse(vsix.get('extension/package.json')!.toString('utf8')) as ExtensionManifest;
  assertManifest(shipped);
  for (const file of [shipped.main, shipped.icon, shipped.contributes.grammars[0]!.path, shipped.contributes.languages[0]!.configuration]) {
    assert.ok(vsix.has(`extension/${path.posix.normalize(file)}`), `the manifest names ${file}, which the .vsix does not hold`);
  }

  const unpacked = mkdtempSync(path.join(tmpdir(), 'connlint-vsix-'));
  t.after(() => rmSync(unpacked, { recursive: true, force: true }));
  mkdirSync(path.join(unpacked, 'dist'));
  const server = path.join(unpacked, 'dist', 'server.js');
  writeFileSync(server, vsix.get('extension/dist/server.js')!);
  writeFileSync(path.join(unpacked, 'dist', 'connlint-server.js'), vsix.get('extension/dist/connlint-server.js')!);
  await assertInitializes('--stdio', server);
  await assertInitializes('--node-ipc', server);
});

interface ExtensionManifest {
  main: string;
  icon: string;
  engines: { vscode: string };
  activationEvents: string[];
  capabilities: unknown;
  contributes: {
    languages: { id: string; filenames: string[]; filenamePatterns: string[]; configuration: string }[];
    grammars: { language: string; scopeName: string; path: string }[];
    configuration: { title: string; properties: Record<string, SettingSchema> };
    commands: { command: string }[];
  };
}

interface SettingSchema {
  type: string | string[];
  default: unknown;
  enum?: string[];
  properties?: Record<string, SettingSchema>;
  markdownDescription?: string;
}

/** The shipped manifest declares what the extension needs, and settings that match the server's schema. */
function assertManifest(shipped: ExtensionManifest): void {
  assert.equal(shipped.engines.vscode, '^1.96.0');
  assert.equal(shipped.main, './dist/extension.js');
  assert.deepEqual(shipped.activationEvents, [
    'onLanguage:yaml',
    'onLanguage:sysctl',
    'workspaceContains:**/*.yaml',
    'workspaceContains:**/*.yml',
    'workspaceContains:**/sysctl.conf',
    'workspaceContains:**/sysctl.d/*.conf',
  ]);
  assert.deepEqual(shipped.capabilities, {
    untrustedWorkspaces: { supported: true },
    virtualWorkspaces: { supported: false, description: "Connlint reads the workspace's files from disk." },
  });
  const [language] = shipped.contributes.languages;
  assert.deepEqual([language?.id, language?.filenames, language?.filenamePatterns], ['sysctl', ['sysctl.conf'], ['**/sysctl.d/*.conf']]);
  assert.deepEqual(shipped.contributes.grammars.map((grammar) => [grammar.language, grammar.scopeName]), [['sysctl', 'source.sysctl']]);
  assert.deepEqual(shipped.contributes.commands.map((command) => command.command), ['connlint.showEffectiveSettings', 'connlint.restartServer', 'connlint.showConnectionPath']);

  const { title, properties } = shipped.contributes.configuration;
  assert.equal(title, 'Connlint');
  assert.deepEqual(Object.keys(properties).sort(), ['connlint.assume.cloud', 'connlint.assume.conntrackEstablishedTimeout', 'connlint.assume.idleTimers', 'connlint.assume.kubeProxy', 'connlint.assume.kubernetesVersion', 'connlint.assume.proxyMode', 'connlint.exclude', 'connlint.overrides', 'connlint.rules']);
  const rules = properties['connlint.rules']!.properties!;
  assert.deepEqual(Object.keys(rules), RULES.map((rule) => rule.id));
  for (const rule of RULES) {
    assert.deepEqual(rules[rule.id]!.enum, SEVERITY_LEVELS, rule.id);
    assert.equal(rules[rule.id]!.default, rule.defaultSeverity, rule.id);
    assert.ok(rules[rule.id]!.markdownDescription?.includes(`(${ruleDocsUrl(rule.id)})`), `${rule.id} links to its page`);
  }
  assert.deepEqual(properties['connlint.exclude']!.default, DEFAULT_SETTINGS.exclude);
  assert.deepEqual(properties['connlint.overrides']!.default, DEFAULT_SETTINGS.overrides);
  assert.deepEqual(properties['connlint.assume.conntrackEstablishedTimeout']!.default, DEFAULT_SETTINGS.assume.conntrackEstablishedTimeout);
  assert.deepEqual(properties['connlint.assume.kubeProxy']!.enum, ['auto', 'running', 'absent']);
  assert.equal(properties['connlint.assume.kubeProxy']!.default, DEFAULT_SETTINGS.assume.kubeProxy);
  assert.deepEqual(properties['connlint.assume.proxyMode']!.enum, ['auto', 'iptables', 'ipvs', 'nftables']);
  assert.equal(properties['connlint.assume.proxyMode']!.default, DEFAULT_SETTINGS.assume.proxyMode);
  assert.deepEqual(properties['connlint.assume.cloud']!.enum, ['auto', 'aws', 'azure', 'gcp', 'none']);
  assert.equal(properties['connlint.assume.cloud']!.default, DEFAULT_SETTINGS.assume.cloud);
  assert.deepEqual(properties['connlint.assume.idleTimers']!.default, DEFAULT_SETTINGS.assume.idleTimers);
}

/** Starts the server with a transport, sends `initialize` and expects its capabilities. */
async function assertInitializes(transport: '--stdio' | '--node-ipc', server: string): Promise<void> {
  const ipc = transport === '--node-ipc';
  const child: ChildProcess = spawn(process.execPath, [server, transport], { stdio: ipc ? ['ignore', 'ignore', 'inherit', 'ipc'] : ['pipe', 'pipe', 'inherit'] });
  const [reader, writer]: [MessageReader, MessageWriter] = ipc
    ? [new IPCMessageReader(child), new IPCMessageWriter(child)]
    : [new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!)];
  const connection = createProtocolConnection(reader, writer);
  connection.listen();
  try {
    const result = await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {}, workspaceFolders: null });
    assert.equal(result.serverInfo?.name, 'connlint', transport);
    assert.ok(result.capabilities.textDocumentSync !== undefined, transport);
  } finally {
    connection.dispose();
    child.kill();
  }
}

/** The entries of a zip archive by name, read from its central directory (stored or deflated). */
function readZip(archive: Buffer): Map<string, Buffer> {
  const end = archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(end >= 0, 'not a zip archive: no end of central directory');
  const count = archive.readUInt16LE(end + 10);
  const entries = new Map<string, Buffer>();
  for (let offset = archive.readUInt32LE(end + 16), i = 0; i < count; i++) {
    assert.equal(archive.readUInt32LE(offset), 0x02014b50, 'corrupt central directory');
    const method = archive.readUInt16LE(offset + 10);
    const compressedSize = archive.readUInt32LE(offset + 20);
    const nameLength = archive.readUInt16LE(offset + 28);
    const extraLength = archive.readUInt16LE(offset + 30);
    const commentLength = archive.readUInt16LE(offset + 32);
    const local = archive.readUInt32LE(offset + 42);
    const name = archive.toString('utf8', offset + 46, offset + 46 + nameLength);
    const dataStart = local + 30 + archive.readUInt16LE(local + 26) + archive.readUInt16LE(local + 28);
    const data = archive.subarray(dataStart, dataStart + compressedSize);
    entries.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function resolves(request: string): boolean {
  try {
    require.resolve(request, { paths: [root] });
    return true;
  } catch {
    return false;
  }
}

test("the extension's README lists every rule as the repository's README does, and every setting", () => {
  const between = (text: string): string => text.slice(text.indexOf('<!-- rules:start -->'), text.indexOf('<!-- rules:end -->'));
  const userReadme = readFileSync(path.join(root, 'client', 'README.md'), 'utf8');
  const developerTable = between(readFileSync(path.join(root, 'README.md'), 'utf8')).replaceAll('](docs/rules/', '](https://github.com/connlint/connlint/blob/main/docs/rules/');
  assert.equal(between(userReadme), developerTable);
  const settings = Object.keys((JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as ExtensionManifest).contributes.configuration.properties);
  assert.deepEqual(settings.filter((setting) => !userReadme.includes(`| \`${setting}\` |`)), []);
});
