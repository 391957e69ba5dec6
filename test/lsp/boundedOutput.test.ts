import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DidChangeTextDocumentNotification, DidOpenTextDocumentNotification, HoverRequest, InitializedNotification, InitializeRequest, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { MAX_PENDING_MESSAGES } from '@connlint/server/lsp';
import { inProcessPair } from '../helpers/inProcessServer';
import { lines } from '../helpers/lintFiles';
import { classicDeployment } from '../helpers/manifests';

/** A Service and its Deployment in one document, opened from outside any workspace folder. */
const manifest = (replicas: number): string =>
  `${lines('apiVersion: v1', 'kind: Service', 'metadata:', '  name: myservice', 'spec:', '  selector:', '    app: myapp', '---')}${classicDeployment(replicas)}`;

const URIS = ['file:///outside/a.yaml', 'file:///outside/b.yaml', 'file:///outside/c.yaml'];
const EDITS = 50;

/** Resolves once `condition` holds, checking every few milliseconds; rejects after `timeoutMs`. */
async function until(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; !condition(); ) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const backends = (replicas: number) => (diagnostics: Diagnostic[] | undefined) => String(diagnostics?.[0]?.message).includes(`has ${replicas} backends`);

async function started(): Promise<ReturnType<typeof inProcessPair>> {
  const pair = inProcessPair();
  await pair.client.connection.sendRequest(InitializeRequest.type, { processId: null, rootUri: null, workspaceFolders: null, capabilities: {} });
  await pair.client.connection.sendNotification(InitializedNotification.type, {});
  return pair;
}

test('while the client reads nothing, each file keeps only its newest diagnostics, and those arrive once it reads again', async () => {
  const { client, server, output } = await started();
  try {
    for (const uri of URIS) await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version: 1, text: manifest(2) } });
    for (const uri of URIS) await client.waitForDiagnostics(uri, backends(2));
    await client.settled(200);
    output.close();
    let mostWaiting = 0;
    for (let version = 2; version <= EDITS + 1; version++) {
      for (const uri of URIS) {
        await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text: manifest(version + 1) }] });
      }
      mostWaiting = Math.max(mostWaiting, server.outputBacklog().waitingDiagnostics);
    }
    // A request after the edits: once its answer is written, every edit before it was taken in.
    const hovered = client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: URIS[0]! }, position: { line: 0, character: 0 } });
    await until(() => server.outputBacklog().written === 2, 'the stalled message and the answer are written');
    const publishesBefore = client.publishes;
    assert.ok(mostWaiting <= URIS.length, `at most one waiting publication per file, not ${mostWaiting}`);
    assert.deepEqual(server.outputBacklog(), { written: 2, waitingDiagnostics: URIS.length });

    output.open();
    assert.equal(await hovered, null);
    for (const uri of URIS) await client.waitForDiagnostics(uri, backends(EDITS + 2));
    await client.settled(200);
    // The message the stream stalled on, then the newest diagnostics of each file.
    assert.ok(client.publishes - publishesBefore <= 1 + URIS.length, `${client.publishes - publishesBefore} publications after reading resumed`);
    assert.deepEqual(server.outputBacklog(), { written: 0, waitingDiagnostics: 0 });
  } finally {
    client.kill();
  }
});

test('while the client reads nothing, the server stops taking requests once its answers back up, and answers them all later', async () => {
  const { client, server, output } = await started();
  try {
    output.close();
    const requests = 3 * MAX_PENDING_MESSAGES;
    const answers = Array.from({ length: requests }, () =>
      client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: 'file:///none.yaml' }, position: { line: 0, character: 0 } }),
    );
    await until(() => server.outputBacklog().written >= MAX_PENDING_MESSAGES, 'the answers back up');
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal(server.outputBacklog().written, MAX_PENDING_MESSAGES);
    output.open();
    assert.deepEqual(await Promise.all(answers), Array.from({ length: requests }, () => null));
  } finally {
    client.kill();
  }
});
