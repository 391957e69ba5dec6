import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import {
  DidChangeWatchedFilesNotification,
  DidChangeWorkspaceFoldersNotification,
  DidOpenTextDocumentNotification,
  FileChangeType,
  InitializedNotification,
  InitializeRequest,
  RegistrationRequest,
  type Diagnostic,
  type FileSystemWatcher,
} from 'vscode-languageserver-protocol/node';
import { lines } from '../helpers/lintFiles';
import { inProcessClient } from '../helpers/inProcessServer';
import type { LspTestClient } from '../helpers/lspClient';
import { classicDeployment, CLASSIC_SERVICE as service } from '../helpers/manifests';

let folder: string;
let client: LspTestClient;
let watchers: FileSystemWatcher[] = [];
const uriOf = (name: string, root = folder): string => pathToFileURL(path.join(root, name)).href;
const codesOf = (diagnostics: Diagnostic[]): unknown[] => diagnostics.map((d) => d.code);
const warned = (diagnostics: Diagnostic[] | undefined): boolean => diagnostics?.length === 1 && diagnostics[0]!.code === 'service-affinity';
const cleared = (diagnostics: Diagnostic[] | undefined): boolean => diagnostics !== undefined && diagnostics.length === 0;

/** Writes a Service and a Deployment with two replicas into a new directory of `root`. */
function writeApp(name: string, root = folder): void {
  mkdirSync(path.join(root, name), { recursive: true });
  writeFileSync(path.join(root, name, 'deploy.yaml'), classicDeployment(2));
  writeFileSync(path.join(root, name, 'service.yaml'), service);
}

function fileEvents(...changes: [string, FileChangeType][]): Promise<void> {
  return client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: changes.map(([uri, type]) => ({ uri, type })) });
}

before(async () => {
  folder = mkdtempSync(path.join(tmpdir(), 'connlint-folders-'));
  writeApp('gone');
  writeApp('old-name');
  writeApp('before-checkout');
  client = inProcessClient();
  client.connection.onRequest(RegistrationRequest.type, (params) => {
    for (const registration of params.registrations) {
      watchers.push(...((registration.registerOptions as { watchers?: FileSystemWatcher[] } | undefined)?.watchers ?? []));
    }
  });
  await client.connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: pathToFileURL(folder).href,
    workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'test' }],
    capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true }, workspaceFolders: true } },
  });
  await client.connection.sendNotification(InitializedNotification.type, {});
  for (const app of ['gone', 'old-name', 'before-checkout']) await client.waitForDiagnostics(uriOf(`${app}/service.yaml`), warned);
});

after(() => {
  client.kill();
  rmSync(folder, { recursive: true, force: true });
  watchers = [];
});

test('the server watches the creation and deletion of folders, not only of the files it reads', () => {
  assert.deepEqual(watchers, [
    { globPattern: '**/*.{yaml,yml,json}' },
    { globPattern: '**/sysctl.conf' },
    { globPattern: '**/sysctl.d/*.conf' },
    { globPattern: '**/*', kind: 1 | 4 },
  ]);
});

test('a folder deleted on disk, reported once for the folder, takes the findings of its files with it', async () => {
  rmSync(path.join(folder, 'gone'), { recursive: true });
  await fileEvents([uriOf('gone'), FileChangeType.Deleted]);
  await client.waitForDiagnostics(uriOf('gone/service.yaml'), cleared);
});

test('a folder renamed on disk: the old paths lose their findings, the files under the new name are read', async () => {
  renameSync(path.join(folder, 'old-name'), path.join(folder, 'new-name'));
  await fileEvents([uriOf('old-name'), FileChangeType.Deleted], [uriOf('new-name'), FileChangeType.Created]);
  await client.waitForDiagnostics(uriOf('old-name/service.yaml'), cleared);
  const diagnostics = await client.waitForDiagnostics(uriOf('new-name/service.yaml'), warned);
  assert.match(String(diagnostics[0]!.message), /^Service "myservice" has 2 backends/);
});

test('a burst of file events (a branch checkout) is one scan again: files gone without an event of their own lose their findings', async () => {
  rmSync(path.join(folder, 'before-checkout'), { recursive: true });
  writeApp('after-checkout');
  const events: [string, FileChangeType][] = [];
  for (let i = 0; i < 100; i++) {
    writeFileSync(path.join(folder, 'after-checkout', `config-${i}.json`), '{}\n');
    events.push([uriOf(`after-checkout/config-${i}.json`), FileChangeType.Created]);
  }
  await fileEvents(...events);
  await client.waitForDiagnostics(uriOf('before-checkout/service.yaml'), cleared);
  await client.waitForDiagnostics(uriOf('after-checkout/service.yaml'), warned);
});

test('workspace folders added are scanned, and removed ones take their findings with them', async () => {
  const added = mkdtempSync(path.join(tmpdir(), 'connlint-added-'));
  try {
    writeApp('app', added);
    const workspaceFolder = { uri: pathToFileURL(added).href, name: 'added' };
    await client.connection.sendNotification(DidChangeWorkspaceFoldersNotification.type, { event: { added: [workspaceFolder], removed: [] } });
    await client.waitForDiagnostics(uriOf('app/service.yaml', added), warned);
    await client.connection.sendNotification(DidChangeWorkspaceFoldersNotification.type, { event: { added: [], removed: [workspaceFolder] } });
    await client.waitForDiagnostics(uriOf('app/service.yaml', added), cleared);
  } finally {
    rmSync(added, { recursive: true, force: true });
  }
});

test('an untitled YAML document is linted as a file of its own', async () => {
  const uri = 'untitled:Untitled-1';
  const text = lines('apiVersion: v1', 'kind: Service', 'metadata:', '  name: solo', 'spec:', '  sessionAffinity: ClientIP', '  clusterIP: None', '  ports:', '  - port: 80');
  await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version: 1, text } });
  const diagnostics = await client.waitForDiagnostics(uri, (list) => list !== undefined && list.length > 0);
  assert.deepEqual(codesOf(diagnostics), ['affinity-ignored']);
  assert.deepEqual(diagnostics[0]!.range, { start: { line: 5, character: 19 }, end: { line: 5, character: 27 } });
});
