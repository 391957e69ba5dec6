import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  CancellationTokenSource,
  CodeActionRequest,
  DidOpenTextDocumentNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  LSPErrorCodes,
  ResponseError,
  type CodeAction,
  type CodeActionParams,
} from 'vscode-languageserver-protocol/node';
import { codeActions, WorkspaceIndex } from '@connlint/server/lsp';
import { inProcessClient } from '../helpers/inProcessServer';
import { lines } from '../helpers/lintFiles';
import { classicDeployment } from '../helpers/manifests';

const uri = 'file:///outside/app.yaml';
const manifest = `${lines('apiVersion: v1', 'kind: Service', 'metadata:', '  name: myservice', 'spec:', '  selector:', '    app: myapp', '---')}${classicDeployment(2)}`;
const fixAll: CodeActionParams = {
  textDocument: { uri },
  range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
  context: { diagnostics: [], only: ['source.fixAll.connlint'] },
};

const isCancelledAnswer = (error: unknown): boolean => error instanceof ResponseError && error.code === LSPErrorCodes.RequestCancelled;

test('a code action or hover request the client cancels is answered with RequestCancelled, and the next one is served', async () => {
  const client = inProcessClient();
  try {
    await client.connection.sendRequest(InitializeRequest.type, { processId: null, rootUri: null, workspaceFolders: null, capabilities: {} });
    await client.connection.sendNotification(InitializedNotification.type, {});
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version: 1, text: manifest } });
    await client.waitForDiagnostics(uri, (list) => list?.length === 1);

    const cancelledFixAll = new CancellationTokenSource();
    const fixAllAnswer = client.connection.sendRequest(CodeActionRequest.type, fixAll, cancelledFixAll.token);
    cancelledFixAll.cancel();
    const cancelledHover = new CancellationTokenSource();
    const hoverAnswer = client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 3, character: 10 } }, cancelledHover.token);
    cancelledHover.cancel();
    await assert.rejects(fixAllAnswer, isCancelledAnswer);
    await assert.rejects(hoverAnswer, isCancelledAnswer);

    const actions = (await client.connection.sendRequest(CodeActionRequest.type, fixAll)) as CodeAction[];
    assert.deepEqual(actions.map((action) => action.title), ['Fix all Connlint problems in this file']);
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 3, character: 10 } });
    assert.match(JSON.stringify(hover?.contents), /Service `myservice`\*\* — 2 backends/);
  } finally {
    client.kill();
  }
});

test('fix-all stops at the first finding after cancellation and offers nothing', () => {
  const index = new WorkspaceIndex(() => undefined);
  index.openDocument(uri, manifest);
  assert.deepEqual(codeActions(index, fixAll, false).map((action) => action.title), ['Fix all Connlint problems in this file']);
  let checks = 0;
  // Not yet cancelled when fix-all begins; cancelled by the time it looks at a finding.
  assert.deepEqual(codeActions(index, fixAll, false, () => ++checks > 1), []);
  assert.equal(checks, 2);
});
