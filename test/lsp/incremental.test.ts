import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import {
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  ShutdownRequest,
  type Diagnostic,
} from 'vscode-languageserver-protocol/node';
import { lines } from '../helpers/lintFiles';
import { inProcessClient } from '../helpers/inProcessServer';
import type { LspTestClient } from '../helpers/lspClient';

/** Apps in the workspace: a Service, a Deployment and an HPA each, ten apps to a namespace, in files of their own. */
const APPS = 200;

const service = (name: string, namespace: string) =>
  lines('apiVersion: v1', 'kind: Service', 'metadata:', `  name: ${name}`, `  namespace: ${namespace}`, 'spec:', '  selector:', `    app: ${name}`, '  ports:', '    - port: 80');
const deployment = (name: string, namespace: string, replicas: number) =>
  lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata:', `  name: ${name}`, `  namespace: ${namespace}`, 'spec:', `  replicas: ${replicas}`, '  template:', '    metadata:', '      labels:', `        app: ${name}`, '    spec:', '      containers:', `        - name: ${name}`, '          image: example');
const hpa = (name: string, namespace: string) =>
  lines('apiVersion: autoscaling/v2', 'kind: HorizontalPodAutoscaler', 'metadata:', `  name: ${name}`, `  namespace: ${namespace}`, 'spec:', '  scaleTargetRef:', '    kind: Deployment', `    name: ${name}`, '  maxReplicas: 10');

let folder: string;
let client: LspTestClient;
const appDir = (i: number): string => path.join(folder, 'apps', `team-${Math.floor(i / 10)}`, `app-${i}`);
const uriOf = (file: string): string => pathToFileURL(file).href;

before(async () => {
  folder = mkdtempSync(path.join(tmpdir(), 'connlint-lsp-incremental-'));
  for (let i = 0; i < APPS; i++) {
    const [name, namespace] = [`app-${i}`, `team-${Math.floor(i / 10)}`];
    mkdirSync(appDir(i), { recursive: true });
    writeFileSync(path.join(appDir(i), 'service.yaml'), service(name, namespace));
    writeFileSync(path.join(appDir(i), 'deployment.yaml'), deployment(name, namespace, 3));
    writeFileSync(path.join(appDir(i), 'hpa.yaml'), hpa(name, namespace));
  }
  mkdirSync(path.join(folder, 'nodes', 'sysctl.d'), { recursive: true });
  writeFileSync(path.join(folder, 'nodes', 'sysctl.d', '10-net.conf'), lines('net.ipv4.tcp_keepalive_time = 600'));
  client = inProcessClient();
  await client.connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: pathToFileURL(folder).href,
    workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'test' }],
    capabilities: {},
  });
  await client.connection.sendNotification(InitializedNotification.type, {});
});

after(async () => {
  await client.connection.sendRequest(ShutdownRequest.type);
  await client.connection.sendNotification(ExitNotification.type);
  client.kill();
  rmSync(folder, { recursive: true, force: true });
});

/** Whether a diagnostic's message or one of its related locations' says `text` (an autoscaled count names the replicas only there). */
const mentions = (text: string) => (diagnostics: Diagnostic[] | undefined) =>
  diagnostics?.some(
    (diagnostic) =>
      (typeof diagnostic.message === 'string' && diagnostic.message.includes(text)) || (diagnostic.relatedInformation ?? []).some((related) => related.message.includes(text)),
  ) ?? false;

test(`editing one Deployment among ${APPS * 3} files re-publishes its Service's diagnostics, in another file, and only what changed`, async () => {
  const target = 137;
  const serviceUri = uriOf(path.join(appDir(target), 'service.yaml'));
  const deploymentPath = path.join(appDir(target), 'deployment.yaml');
  const deploymentUri = uriOf(deploymentPath);
  // The start-up scan of every file runs beside the other suites on a busy machine: allow it time.
  await client.waitForDiagnostics(serviceUri, mentions('has replicas: 3 '), 60_000);
  await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
    textDocument: { uri: deploymentUri, languageId: 'yaml', version: 1, text: readFileSync(deploymentPath, 'utf8') },
  });
  const otherService = uriOf(path.join(appDir(target + 1), 'service.yaml'));
  const otherBefore = client.diagnostics.get(otherService);
  for (const [version, replicas] of [[2, 5], [3, 7], [4, 2]] as const) {
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: deploymentUri, version },
      contentChanges: [{ range: { start: { line: 6, character: 0 }, end: { line: 7, character: 0 } }, text: `  replicas: ${replicas}\n` }],
    });
    const diagnostics = await client.waitForDiagnostics(serviceUri, mentions(`has replicas: ${replicas} `));
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0]!.code, 'service-affinity');
  }
  // A Service that selects other pods was not re-published: its diagnostics are the same object.
  assert.equal(client.diagnostics.get(otherService), otherBefore);
});
