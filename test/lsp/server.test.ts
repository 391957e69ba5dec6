import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, unlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import {
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  FileChangeType,
  InitializedNotification,
  InitializeRequest,
  ShutdownRequest,
  type Diagnostic,
} from 'vscode-languageserver-protocol/node';
import { inProcessClient } from '../helpers/inProcessServer';
import type { LspTestClient } from '../helpers/lspClient';
import { classicDeployment as deployment, CLASSIC_SERVICE as service } from '../helpers/manifests';

let folder: string;
let client: LspTestClient;
const uriOf = (name: string): string => pathToFileURL(path.join(folder, name)).href;
const hasWarning = (diagnostics: Diagnostic[] | undefined): boolean => diagnostics?.length === 1;
const isEmpty = (diagnostics: Diagnostic[] | undefined): boolean => diagnostics !== undefined && diagnostics.length === 0;

before(async () => {
  folder = mkdtempSync(path.join(tmpdir(), 'connlint-lsp-'));
  mkdirSync(path.join(folder, 'app'));
  writeFileSync(path.join(folder, 'app', 'deploy.yaml'), deployment(2));
  writeFileSync(path.join(folder, 'app', 'service.yaml'), service);
  client = inProcessClient();
  await client.connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: pathToFileURL(folder).href,
    workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'test' }],
    capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } },
  });
  await client.connection.sendNotification(InitializedNotification.type, {});
});

after(() => {
  client.kill();
  rmSync(folder, { recursive: true, force: true });
});

test('the background scan publishes the cross-file warning for a Service nobody opened', async () => {
  const [diagnostic] = await client.waitForDiagnostics(uriOf('app/service.yaml'), hasWarning);
  assert.deepEqual({ ...diagnostic, message: undefined }, {
    range: { start: { line: 3, character: 8 }, end: { line: 3, character: 17 } },
    severity: 2,
    source: 'connlint',
    code: 'service-affinity',
    codeDescription: { href: 'https://github.com/connlint/connlint/blob/main/docs/rules/service-affinity.md' },
    message: undefined,
    relatedInformation: [
      {
        location: { uri: uriOf('app/deploy.yaml'), range: { start: { line: 5, character: 12 }, end: { line: 5, character: 13 } } },
        message: 'Backend of Service "myservice": Deployment "server" has replicas: 2',
      },
    ],
    // The offset where the name starts (line 3, column 8 of service.yaml).
    data: { rule: 'service-affinity', start: service.split('\n').slice(0, 3).join('\n').length + 1 + 8 },
  });
  assert.match(String(diagnostic!.message), /^Service "myservice" has 2 backends \(Deployment "server" has replicas: 2\)/);
});

test("editing replicas in the Deployment's unsaved buffer clears and restores the Service's warning in another file", async () => {
  const uri = uriOf('app/deploy.yaml');
  await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version: 1, text: deployment(2) } });
  const edit = (version: number, replicas: number) =>
    client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line: 5, character: 12 }, end: { line: 5, character: 13 } }, text: String(replicas) }],
    });
  await edit(2, 1);
  await client.waitForDiagnostics(uriOf('app/service.yaml'), isEmpty);
  await edit(3, 3);
  const [diagnostic] = await client.waitForDiagnostics(uriOf('app/service.yaml'), hasWarning);
  assert.match(String(diagnostic!.message), /has 3 backends \(Deployment "server" has replicas: 3\)/);
  await edit(4, 1);
  await client.waitForDiagnostics(uriOf('app/service.yaml'), isEmpty);
  // Closing the buffer without saving goes back to the disk's two replicas.
  await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  await client.waitForDiagnostics(uriOf('app/service.yaml'), hasWarning);
});

test('a file deleted on disk loses its diagnostics', async () => {
  unlinkSync(path.join(folder, 'app', 'service.yaml'));
  await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf('app/service.yaml'), type: FileChangeType.Deleted }] });
  await client.waitForDiagnostics(uriOf('app/service.yaml'), isEmpty);
});

test('a file created on disk is indexed and linted with the rest', async () => {
  writeFileSync(path.join(folder, 'app', 'service-2.yaml'), service);
  await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf('app/service-2.yaml'), type: FileChangeType.Created }] });
  await client.waitForDiagnostics(uriOf('app/service-2.yaml'), hasWarning);
});

test('a file opened from outside the workspace is linted on its own', async () => {
  const outside = mkdtempSync(path.join(tmpdir(), 'connlint-outside-'));
  try {
    const uri = pathToFileURL(path.join(outside, 'service.yaml')).href;
    // Alone, the Service has no backends; the workspace's Deployment must not count.
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version: 1, text: `${service}broken: [\n` } });
    const diagnostics = await client.waitForDiagnostics(uri, (list) => list !== undefined);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.range.start.line]),
      [['yaml-syntax', 10]],
    );
  } finally {
    rmSync(outside, { recursive: true, force: true });
  }
});

test('an unknown request gets an error response and the server keeps serving', async () => {
  await assert.rejects(client.connection.sendRequest('connlint/noSuchRequest', { bad: true }), /Unhandled method|not found/i);
  writeFileSync(path.join(folder, 'app', 'service.yaml'), service);
  await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf('app/service.yaml'), type: FileChangeType.Created }] });
  await client.waitForDiagnostics(uriOf('app/service.yaml'), hasWarning);
});

test('shutdown then exit ends the process with code 0', async () => {
  await client.connection.sendRequest(ShutdownRequest.type);
  await client.connection.sendNotification(ExitNotification.type);
  assert.equal(await client.exited, 0);
});
