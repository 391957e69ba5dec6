import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import {
  ConfigurationRequest,
  DidChangeConfigurationNotification,
  InitializedNotification,
  InitializeRequest,
  WorkDoneProgressCreateRequest,
} from 'vscode-languageserver-protocol/node';
import { inProcessClient } from '../helpers/inProcessServer';
import { lines } from '../helpers/lintFiles';
import type { LspTestClient } from '../helpers/lspClient';
import { classicDeployment } from '../helpers/manifests';

const service = lines('apiVersion: v1', 'kind: Service', 'metadata:', '  name: myservice', 'spec:', '  selector:', '    app: myapp', '  ports:', '  - port: 2222');
const BURST = 100;

let folder: string;
let client: LspTestClient;
let serviceUri: string;
/** What the client answers to workspace/configuration for `connlint`. */
let settings: object = { rules: {}, exclude: [] };
let settingsFetches = 0;
/** Scans of the workspace: each asks the client for a progress token first. */
let scans = 0;

before(async () => {
  folder = mkdtempSync(path.join(tmpdir(), 'connlint-configuration-'));
  mkdirSync(path.join(folder, 'app'));
  writeFileSync(path.join(folder, 'app', 'deploy.yaml'), classicDeployment(2));
  writeFileSync(path.join(folder, 'app', 'service.yaml'), service);
  serviceUri = pathToFileURL(path.join(folder, 'app', 'service.yaml')).href;
  client = inProcessClient();
  client.connection.onRequest(ConfigurationRequest.type, (params) => {
    settingsFetches++;
    return params.items.map(() => settings);
  });
  client.connection.onRequest(WorkDoneProgressCreateRequest.type, () => void scans++);
  const root = pathToFileURL(folder).href;
  await client.connection.sendRequest(InitializeRequest.type, {
    processId: null,
    rootUri: root,
    workspaceFolders: [{ uri: root, name: 'configuration' }],
    capabilities: { workspace: { configuration: true }, window: { workDoneProgress: true } },
  });
  await client.connection.sendNotification(InitializedNotification.type, {});
  await client.waitForDiagnostics(serviceUri, (list) => list?.length === 1);
  await client.settled(200);
});

after(() => {
  client.kill();
  rmSync(folder, { recursive: true, force: true });
});

async function burstOfChanges(): Promise<void> {
  for (let i = 0; i < BURST; i++) void client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  const fetchesBefore = settingsFetches;
  for (const deadline = Date.now() + 10_000; settingsFetches === fetchesBefore; ) {
    if (Date.now() > deadline) throw new Error('the settings were never fetched');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  await client.settled(300);
}

test(`a burst of ${BURST} change notifications with the same settings fetches them once and re-lints and re-publishes nothing`, async () => {
  assert.deepEqual([settingsFetches, scans], [1, 1]);
  const publishes = client.publishes;
  // The same settings, written otherwise: rules in another order, an explicit default.
  settings = { exclude: [], rules: {}, assume: { kubeProxy: 'auto' } };
  await burstOfChanges();
  assert.deepEqual([settingsFetches, scans, client.publishes - publishes], [2, 1, 0]);
});

test(`a burst of ${BURST} change notifications with a new severity fetches the settings once and re-publishes with it`, async () => {
  settings = { rules: { 'service-affinity': 'error' }, exclude: [] };
  await burstOfChanges();
  const [diagnostic] = await client.waitForDiagnostics(serviceUri, (list) => list?.[0]?.severity === 1);
  assert.equal(diagnostic!.code, 'service-affinity');
  assert.deepEqual([settingsFetches, scans], [3, 2]);
});
