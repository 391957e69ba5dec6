import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { ConfigurationRequest, DidChangeConfigurationNotification, InitializedNotification, InitializeRequest } from 'vscode-languageserver-protocol/node';
import { inProcessClient } from '../helpers/inProcessServer';
import type { LspTestClient } from '../helpers/lspClient';
import { classicDeployment, CLASSIC_SERVICE as service } from '../helpers/manifests';

let folder: string;
let client: LspTestClient;
let appUri: string;
let fixtureUri: string;
/** What the client answers to workspace/configuration for `connlint`. */
let settings: object = { overrides: [{ files: ['test/fixtures/**'], rules: { 'service-affinity': 'off' } }] };

before(async () => {
  folder = mkdtempSync(path.join(tmpdir(), 'connlint-overrides-'));
  for (const directory of ['app', 'test/fixtures']) {
    mkdirSync(path.join(folder, directory), { recursive: true });
    writeFileSync(path.join(folder, directory, 'deploy.yaml'), classicDeployment(2));
    writeFileSync(path.join(folder, directory, 'service.yaml'), service);
  }
  appUri = pathToFileURL(path.join(folder, 'app', 'service.yaml')).href;
  fixtureUri = pathToFileURL(path.join(folder, 'test', 'fixtures', 'service.yaml')).href;
  client = inProcessClient();
  client.connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => settings));
  const root = pathToFileURL(folder).href;
  await client.connection.sendRequest(InitializeRequest.type, {
    processId: null,
    rootUri: root,
    workspaceFolders: [{ uri: root, name: 'overrides' }],
    capabilities: { workspace: { configuration: true } },
  });
  await client.connection.sendNotification(InitializedNotification.type, {});
});

after(() => {
  client.kill();
  rmSync(folder, { recursive: true, force: true });
});

test('connlint.overrides quiets the files its patterns match, relative to the workspace folder', async () => {
  const [diagnostic] = await client.waitForDiagnostics(appUri, (list) => list?.length === 1);
  assert.deepEqual([diagnostic!.code, diagnostic!.severity, diagnostic!.range.start], ['service-affinity', 2, { line: 3, character: 8 }]);
  await client.settled(200);
  assert.deepEqual(client.diagnostics.get(fixtureUri) ?? [], []);
});

test('a change of connlint.overrides alone re-publishes with it', async () => {
  settings = { overrides: [{ files: ['app/**'], rules: { 'service-affinity': 'error' } }, { files: ['**'], excludedFiles: ['test/**'], rules: { 'service-affinity': 'off' } }] };
  void client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  await client.waitForDiagnostics(appUri, (list) => list?.length === 0);
  const [diagnostic] = await client.waitForDiagnostics(fixtureUri, (list) => list?.length === 1);
  assert.deepEqual([diagnostic!.code, diagnostic!.severity], ['service-affinity', 2]);
});
