import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { DidOpenTextDocumentNotification, InitializedNotification, InitializeRequest } from 'vscode-languageserver-protocol/node';
import { lines } from '../helpers/lintFiles';
import { inProcessClient } from '../helpers/inProcessServer';

const brokenService = lines('apiVersion: v1', 'kind: Service', 'metadata:', '  name: web', 'spec:', '  ports: [', '');
const brokenKubeProxy = lines(
  'apiVersion: v1',
  'kind: ConfigMap',
  'metadata:',
  '  name: kube-proxy',
  '  namespace: kube-system',
  'data:',
  '  config.conf: |-',
  '    kind: KubeProxyConfiguration',
  '    conntrack: [',
);

async function syntaxErrorsWith(initializationOptions: unknown): Promise<[number, number][]> {
  const folder = mkdtempSync(path.join(tmpdir(), 'connlint-yamlext-'));
  const client = inProcessClient();
  try {
    await client.connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: pathToFileURL(folder).href, workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 't' }], capabilities: {}, initializationOptions });
    await client.connection.sendNotification(InitializedNotification.type, {});
    const uris = ['service.yaml', 'kube-proxy.yaml'].map((name) => pathToFileURL(path.join(folder, name)).href);
    for (const [index, text] of [brokenService, brokenKubeProxy].entries()) {
      await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: uris[index]!, languageId: 'yaml', version: 1, text } });
    }
    // The embedded error is always reported; the plain one is waited for only where it is expected
    // (a file without diagnostics gets no notification, and both opens are linted by then).
    await client.waitForDiagnostics(uris[1]!, (list) => list !== undefined);
    if (initializationOptions === undefined) await client.waitForDiagnostics(uris[0]!, (list) => list !== undefined);
    const results = uris.flatMap((uri, index) => (client.diagnostics.get(uri) ?? []).map((d): [number, number] => [index, d.range.start.line]));
    return results;
  } finally {
    client.kill();
    rmSync(folder, { recursive: true, force: true });
  }
}

test('with Red Hat YAML active, only the syntax errors inside config.conf are Connlint’s to report', async () => {
  // Without the option, both files get yaml-syntax; with it, only the embedded configuration does.
  assert.deepEqual(await syntaxErrorsWith(undefined), [[0, 7], [1, 8]]);
  assert.deepEqual(await syntaxErrorsWith({ yamlSyntaxReportedElsewhere: true }), [[1, 8]]);
});
