import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { DidChangeTextDocumentNotification, DidOpenTextDocumentNotification, InitializedNotification, InitializeRequest } from 'vscode-languageserver-protocol/node';
import { inProcessClient } from '../helpers/inProcessServer';
import type { LspTestClient } from '../helpers/lspClient';
import { deployment } from '../helpers/manifests';
import { service } from '../helpers/pathManifests';

const METHOD = 'connlint/connectionPath';
const NLB = 'service.beta.kubernetes.io/aws-load-balancer-type: external';
const text = service('api', { type: 'LoadBalancer', annotations: [NLB] });

let folder: string;
let client: LspTestClient;
let serviceUri: string;

interface PathAnswer {
  readonly service?: string;
  readonly svg?: string;
  readonly error?: string;
  readonly report?: { readonly paths: readonly { readonly title: string; readonly hops: readonly { readonly label: string }[]; readonly firstToFire?: number }[] };
}

before(async () => {
  folder = mkdtempSync(path.join(tmpdir(), 'connlint-path-'));
  writeFileSync(path.join(folder, 'api.yaml'), deployment('api'));
  writeFileSync(path.join(folder, 'svc.yaml'), text);
  serviceUri = pathToFileURL(path.join(folder, 'svc.yaml')).href;
  client = inProcessClient();
  await client.connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: pathToFileURL(folder).href, workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'test' }], capabilities: {} });
  await client.connection.sendNotification(InitializedNotification.type, {});
  await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: serviceUri, languageId: 'yaml', version: 1, text } });
  await client.waitForDiagnostics(serviceUri, (list) => list !== undefined);
});

after(() => {
  client.kill();
  rmSync(folder, { recursive: true, force: true });
});

test('connlint/connectionPath draws the Service at a position: its paths as data and as SVG', async () => {
  const answer = (await client.connection.sendRequest(METHOD, { uri: serviceUri, position: { line: 3, character: 9 } })) as PathAnswer;
  assert.equal(answer.service, 'default/api');
  assert.deepEqual(
    answer.report?.paths.map((path) => [path.title, path.hops.map((hop) => hop.label).join(' > '), path.firstToFire]),
    [
      ['From a pod in the cluster to Deployment "api"', 'client pod > node (conntrack) > pods of Deployment "api"', 1],
      ['Through the Service\'s load balancer to Deployment "api"', 'client > AWS NLB > node (conntrack) > pods of Deployment "api"', 1],
    ],
  );
  assert.match(answer.svg ?? '', /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  assert.match(answer.svg ?? '', /<g class="hop hop-load-balancer first">/);
});

test('connlint/connectionPath follows unsaved edits', async () => {
  const edited = text.replace(NLB, 'service.beta.kubernetes.io/azure-load-balancer-internal: "true"');
  await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: serviceUri, version: 2 }, contentChanges: [{ text: edited }] });
  await client.waitForDiagnostics(serviceUri, (list) => list?.some((diagnostic) => String(diagnostic.message).startsWith('Azure Load Balancer')) === true);
  const answer = (await client.connection.sendRequest(METHOD, { uri: serviceUri, service: 'api' })) as PathAnswer;
  assert.equal(answer.report?.paths[1]?.hops[1]?.label, 'Azure Load Balancer');
});

test('connlint/connectionPath without a Service, or with bad params, answers with an error, never throws', async () => {
  const deploymentUri = pathToFileURL(path.join(folder, 'api.yaml')).href;
  assert.deepEqual(await client.connection.sendRequest(METHOD, { uri: deploymentUri }), { error: 'No Kubernetes Service here: open a manifest that defines one, or put the cursor on it.' });
  assert.deepEqual(await client.connection.sendRequest(METHOD, { uri: 'file:///elsewhere/x.yaml' }), { error: 'This document is not in a folder Connlint reads.' });
  for (const params of [{}, { uri: 42 }, { uri: serviceUri, position: { line: -1, character: 'x' } }, { uri: serviceUri, position: { line: 99999, character: 0 } }, { uri: serviceUri, service: 7 }]) {
    const answer = (await client.connection.sendRequest(METHOD, params)) as PathAnswer;
    assert.ok(answer.error !== undefined || answer.service === 'default/api', JSON.stringify(params));
  }
});
