import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import {
  ConfigurationRequest,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidOpenTextDocumentNotification,
  FileChangeType,
  InitializedNotification,
  InitializeRequest,
} from 'vscode-languageserver-protocol/node';
import { MODEL_CHANGED_NOTIFICATION } from '@connlint/server/lsp';
import { lines } from '../helpers/lintFiles';
import { inProcessClient } from '../helpers/inProcessServer';
import type { LspTestClient } from '../helpers/lspClient';
import { classicDeployment } from '../helpers/manifests';
import { KEEPALIVE_TIME, NODE_SYSCTL } from '../helpers/sysctl';

/**
 * Longer than the server takes to tell of a change once changes pause (file events gather for
 * 50 ms, the whole-workspace pass waits 100 ms): a notification that was to come has come.
 */
const QUIET_MS = 800;

let folder: string;
let client: LspTestClient;
let notifications = 0;
const waiters: (() => void)[] = [];
/** What the client answers to workspace/configuration for `connlint`. */
let settings: object = {};
const sysctlUri = (): string => pathToFileURL(path.join(folder, NODE_SYSCTL)).href;
const keepalive = (seconds: number): string => lines(`${KEEPALIVE_TIME} = ${seconds}`);

/** Resolves once `count` notifications have arrived in all; rejects after ten seconds. */
async function notified(count: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (notifications < count) {
    const remaining = deadline - Date.now();
    if (remaining <= 0) throw new Error(`timed out waiting for notification ${count} of ${MODEL_CHANGED_NOTIFICATION}; ${notifications} came`);
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, remaining);
      waiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}

/** How many notifications have come once the server has been quiet for QUIET_MS. */
async function countWhenQuiet(): Promise<number> {
  for (let before = -1; notifications !== before; ) {
    before = notifications;
    await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
  }
  return notifications;
}

/** The row of the effective network settings whose setting is `setting`. */
async function reportRow(setting: string): Promise<string | undefined> {
  const { markdown } = (await client.connection.sendRequest('connlint/effectiveNetworkSettings', {})) as { markdown: string };
  return markdown.split('\n').find((line) => line.startsWith(`| ${setting} |`));
}

before(async () => {
  folder = mkdtempSync(path.join(tmpdir(), 'connlint-model-changed-'));
  writeFileSync(path.join(folder, 'deploy.yaml'), classicDeployment(2));
  mkdirSync(path.dirname(path.join(folder, NODE_SYSCTL)), { recursive: true });
  writeFileSync(path.join(folder, NODE_SYSCTL), keepalive(600));
  client = inProcessClient();
  client.connection.onNotification(MODEL_CHANGED_NOTIFICATION, () => {
    notifications++;
    for (const wake of waiters.splice(0)) wake();
  });
  client.connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => settings));
  await client.connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: pathToFileURL(folder).href,
    workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'test' }],
    capabilities: { workspace: { configuration: true } },
  });
  await client.connection.sendNotification(InitializedNotification.type, {});
});

after(() => {
  client.kill();
  rmSync(folder, { recursive: true, force: true });
});

test('the scan of the workspace is one notification, once it has ended', async () => {
  await notified(1);
  assert.equal(await countWhenQuiet(), 1);
  assert.equal(await reportRow('Node TCP keepalive time'), `| Node TCP keepalive time | 600 s | ${KEEPALIVE_TIME} in [60-k8s.conf:1](${sysctlUri()}#L1) |`);
});

test('nothing is sent when nothing changed: a document opened with its text on disk, a file event for an unchanged file', async () => {
  const before = await countWhenQuiet();
  await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: sysctlUri(), languageId: 'sysctl', version: 1, text: keepalive(600) } });
  await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(path.join(folder, 'deploy.yaml')).href, type: FileChangeType.Changed }] });
  assert.equal(await countWhenQuiet(), before);
});

test('a burst of edits is one notification, sent once the report has the last value', async () => {
  const before = await countWhenQuiet();
  const values = [500, 400, 300, 200, 120];
  for (const [i, seconds] of values.entries()) {
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: sysctlUri(), version: i + 2 }, contentChanges: [{ text: keepalive(seconds) }] });
  }
  await notified(before + 1);
  assert.equal(await reportRow('Node TCP keepalive time'), `| Node TCP keepalive time | 120 s | ${KEEPALIVE_TIME} in [60-k8s.conf:1](${sysctlUri()}#L1) |`);
  assert.equal(await countWhenQuiet(), before + 1);
});

test('a file created on disk is one notification', async () => {
  const before = await countWhenQuiet();
  writeFileSync(path.join(folder, 'service.yaml'), lines('apiVersion: v1', 'kind: Service', 'metadata:', '  name: myservice', 'spec:', '  selector:', '    app: myapp', '  ports:', '  - port: 2222'));
  await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(path.join(folder, 'service.yaml')).href, type: FileChangeType.Created }] });
  await notified(before + 1);
  assert.equal(await countWhenQuiet(), before + 1);
});

test('new settings are one notification; the same settings again are none', async () => {
  const before = await countWhenQuiet();
  settings = { assume: { conntrackEstablishedTimeout: 3600 } };
  for (let i = 0; i < 5; i++) await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  await notified(before + 1);
  assert.equal(await reportRow('Conntrack established timeout'), '| Conntrack established timeout | 3600 s | the conntrackEstablishedTimeout setting |');
  assert.equal(await countWhenQuiet(), before + 1);
  for (let i = 0; i < 5; i++) await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  assert.equal(await countWhenQuiet(), before + 1);
});
