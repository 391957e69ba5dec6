import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { ExitNotification, InitializedNotification, InitializeRequest, ShutdownRequest } from 'vscode-languageserver-protocol/node';
import { lines } from '../helpers/lintFiles';
import { LspTestClient } from '../helpers/lspClient';
import { classicDeployment } from '../helpers/manifests';

const service = lines('apiVersion: v1', 'kind: Service', 'metadata:', '  name: myservice', 'spec:', '  selector:', '    app: myapp', '  ports:', '  - port: 2222');

const folder = mkdtempSync(path.join(tmpdir(), 'connlint-stdio-'));
after(() => rmSync(folder, { recursive: true, force: true }));

test('the server binary over stdio: initializes, publishes a cross-file diagnostic, and exits with 0 after shutdown', async () => {
  mkdirSync(path.join(folder, 'app'));
  writeFileSync(path.join(folder, 'app', 'deploy.yaml'), classicDeployment(2));
  writeFileSync(path.join(folder, 'app', 'service.yaml'), service);
  const client = new LspTestClient();
  try {
    const root = pathToFileURL(folder).href;
    const initialized = await client.connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: root, workspaceFolders: [{ uri: root, name: 'stdio' }], capabilities: {} });
    assert.deepEqual(initialized.serverInfo?.name, 'connlint');
    await client.connection.sendNotification(InitializedNotification.type, {});
    const [diagnostic] = await client.waitForDiagnostics(pathToFileURL(path.join(folder, 'app', 'service.yaml')).href, (list) => list?.length === 1);
    assert.deepEqual([diagnostic!.code, diagnostic!.range.start, diagnostic!.severity], ['service-affinity', { line: 3, character: 8 }, 2]);
    assert.equal(await client.connection.sendRequest(ShutdownRequest.type), null);
    await client.connection.sendNotification(ExitNotification.type);
    assert.equal(await client.exited, 0);
  } finally {
    client.kill();
  }
});
