import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { URI } from 'vscode-uri';
import { DidChangeTextDocumentNotification, DidOpenTextDocumentNotification, InitializedNotification, InitializeRequest, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { lines } from '../helpers/lintFiles';
import { inProcessClient } from '../helpers/inProcessServer';

const FILES: Readonly<Record<string, string>> = {
  'base/kustomization.yaml': lines('resources:', '  - service.yaml', '  - deployment.yaml'),
  'base/service.yaml': lines('apiVersion: v1', 'kind: Service', 'metadata:', '  name: web', 'spec:', '  selector:', '    app: web', '  ports:', '    - port: 80'),
  'base/deployment.yaml': lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: web', 'spec:', '  replicas: 2', '  template:', '    metadata:', '      labels:', '        app: web'),
  'overlays/prod/kustomization.yaml': lines('resources:', '  - ../../base', 'patches:', '  - path: replicas.yaml', '    target: {kind: Deployment, name: web}'),
  'overlays/prod/replicas.yaml': lines('- op: replace', '  path: /spec/replicas', '  value: 3'),
};

const message = (backends: number) =>
  `Service "web" has ${backends} backends (Deployment "web") and no ClientIP affinity: a connection idle over the 86400 s conntrack timeout can be re-balanced to another pod and reset.`;

test('the language server evaluates kustomize builds as the command line does, in a folder whose URI is encoded, and follows an edit of a patch', async () => {
  // A space in the folder's name: the server's URIs hold it as %20, the kustomizations as written.
  const folder = mkdtempSync(path.join(tmpdir(), 'connlint kustomize-'));
  for (const [name, text] of Object.entries(FILES)) {
    mkdirSync(path.dirname(path.join(folder, name)), { recursive: true });
    writeFileSync(path.join(folder, name), text);
  }
  const uriOf = (name: string) => URI.file(path.join(folder, name)).toString();
  const client = inProcessClient();
  try {
    const folderUri = URI.file(folder).toString();
    assert.match(folderUri, /%20kustomize-/);
    await client.connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: folderUri, workspaceFolders: [{ uri: folderUri, name: 'k' }], capabilities: {} });
    await client.connection.sendNotification(InitializedNotification.type, {});
    const shown = (backends: number) => (list: Diagnostic[] | undefined) => list?.[0]?.message === message(backends);
    const [diagnostic] = await client.waitForDiagnostics(uriOf('base/service.yaml'), shown(3));
    assert.deepEqual(diagnostic, {
      range: { start: { line: 3, character: 8 }, end: { line: 3, character: 11 } },
      severity: 2,
      code: 'service-affinity',
      codeDescription: { href: 'https://github.com/connlint/connlint/blob/main/docs/rules/service-affinity.md' },
      source: 'connlint',
      message: message(3),
      relatedInformation: [
        {
          location: { uri: uriOf('overlays/prod/replicas.yaml'), range: { start: { line: 2, character: 9 }, end: { line: 2, character: 10 } } },
          message: 'Backend of Service "web": Deployment "web" of overlays/prod has replicas: 3',
        },
      ],
      // Where the finding starts in the Service's text, by which code actions find it again: the name `web`.
      data: { rule: 'service-affinity', start: FILES['base/service.yaml']!.indexOf('name: web') + 'name: '.length },
    });
    const patchUri = uriOf('overlays/prod/replicas.yaml');
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: patchUri, languageId: 'yaml', version: 1, text: FILES['overlays/prod/replicas.yaml']! } });
    const range = { start: { line: 2, character: 9 }, end: { line: 2, character: 10 } };
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: patchUri, version: 2 }, contentChanges: [{ range, text: '5' }] });
    const [edited] = await client.waitForDiagnostics(uriOf('base/service.yaml'), shown(5));
    assert.equal(edited?.relatedInformation?.[0]?.message, 'Backend of Service "web": Deployment "web" of overlays/prod has replicas: 5');
  } finally {
    client.kill();
    rmSync(folder, { recursive: true, force: true });
  }
});
