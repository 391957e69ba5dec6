import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  CodeActionRequest,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  InitializedNotification,
  InitializeRequest,
  type CodeAction,
  type Diagnostic,
} from 'vscode-languageserver-protocol/node';
import { inProcessClient } from '../helpers/inProcessServer';
import { lines } from '../helpers/lintFiles';
import { classicDeployment } from '../helpers/manifests';

const uri = 'file:///outside/app.yaml';
const manifest = (comment: string): string =>
  `${lines(`# ${comment}`, 'apiVersion: v1', 'kind: Service', 'metadata:', '  name: myservice', 'spec:', '  selector:', '    app: myapp', '---')}${classicDeployment(2)}`;
/** Where the Service's name starts: the offset the diagnostic's data carries. */
const nameOffset = (text: string): number => text.indexOf('myservice');

test('an edit above a finding that leaves its range as it was re-publishes it with its new offset, and its quick fixes stay', async () => {
  const client = inProcessClient();
  try {
    await client.connection.sendRequest(InitializeRequest.type, { processId: null, rootUri: null, workspaceFolders: null, capabilities: {} });
    await client.connection.sendNotification(InitializedNotification.type, {});
    const before = manifest('web');
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version: 1, text: before } });
    const [first] = await client.waitForDiagnostics(uri, (list) => list?.length === 1);
    assert.deepEqual(first!.data, { rule: 'service-affinity', start: nameOffset(before) });

    const after = manifest('the web front end, behind the load balancer');
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 2 }, contentChanges: [{ text: after }] });
    const [moved] = await client.waitForDiagnostics(uri, (list) => (list?.[0]?.data as { start?: number } | undefined)?.start === nameOffset(after));
    assert.deepEqual(moved!.range, first!.range);

    const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: moved!.range, context: { diagnostics: [moved as Diagnostic] } })) as CodeAction[];
    assert.deepEqual(
      actions.map((action) => action.title),
      ['Add net.ipv4.tcp_keepalive_time = 600 to the securityContext.sysctls of Deployment "server"', 'Add sessionAffinity: ClientIP (pins each client to one pod; pods added later get no traffic from existing clients)', 'Ignore service-affinity for this Service', 'Disable service-affinity for this line', 'Fix all Connlint problems in this file'],
    );
  } finally {
    client.kill();
  }
});
