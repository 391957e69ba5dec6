import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { CodeActionRequest, DiagnosticSeverity, DidOpenTextDocumentNotification, InitializedNotification, InitializeRequest, type CodeAction, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { inProcessClient } from '../helpers/inProcessServer';
import type { LspTestClient } from '../helpers/lspClient';
import { APP_WITH_UNREAD_ERROR, classicDeployment, CLASSIC_DEPLOYMENT_WITH_UNREAD_ERROR, CLASSIC_SERVICE as service, DUPLICATE_KEY_LINE } from '../helpers/manifests';

/** Starts the server on `folder` with `initializationOptions`. */
async function initialize(client: LspTestClient, folder: string, initializationOptions?: object): Promise<void> {
  const folderUri = pathToFileURL(folder).href;
  await client.connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: folderUri, workspaceFolders: [{ uri: folderUri, name: 't' }], capabilities: {}, initializationOptions });
  await client.connection.sendNotification(InitializedNotification.type, {});
}

/** The titles of the quick fixes of service-affinity, with Red Hat YAML active and `deployment` beside the Service. */
async function fixTitles(deployment: string): Promise<string[]> {
  const folder = mkdtempSync(path.join(tmpdir(), 'connlint-unread-'));
  writeFileSync(path.join(folder, 'deploy.yaml'), deployment);
  writeFileSync(path.join(folder, 'service.yaml'), service);
  const serviceUri = pathToFileURL(path.join(folder, 'service.yaml')).href;
  const client = inProcessClient();
  try {
    await initialize(client, folder, { yamlSyntaxReportedElsewhere: true });
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: serviceUri, languageId: 'yaml', version: 1, text: service } });
    const [diagnostic] = await client.waitForDiagnostics(serviceUri, (list) => list?.length === 1);
    assert.equal(diagnostic?.code, 'service-affinity');
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: serviceUri }, range: diagnostic!.range, context: { diagnostics: [diagnostic!] } })) as CodeAction[];
    return actions.map((action) => action.title);
  } finally {
    client.kill();
    rmSync(folder, { recursive: true, force: true });
  }
}

test('with YAML syntax left to Red Hat YAML, a fix still never edits a file whose unread containers do not parse', async () => {
  const clean = classicDeployment(2);
  assert.deepEqual(await fixTitles(clean), [
    'Add net.ipv4.tcp_keepalive_time = 600 to the securityContext.sysctls of Deployment "server"',
    'Add sessionAffinity: ClientIP (pins each client to one pod; pods added later get no traffic from existing clients)',
    'Ignore service-affinity for this Service',
    'Disable service-affinity for this line',
    'Fix all Connlint problems in this file',
  ]);
  // A duplicate key inside the containers, which the analysis does not parse: the keepalive fix
  // would edit deploy.yaml, so it goes, and with it the fix-all (of preferred fixes); the fixes of
  // service.yaml stay.
  assert.notEqual(CLASSIC_DEPLOYMENT_WITH_UNREAD_ERROR, clean);
  assert.deepEqual(await fixTitles(CLASSIC_DEPLOYMENT_WITH_UNREAD_ERROR), [
    'Add sessionAffinity: ClientIP (pins each client to one pod; pods added later get no traffic from existing clients)',
    'Ignore service-affinity for this Service',
    'Disable service-affinity for this line',
  ]);
});

/** Opens APP_WITH_UNREAD_ERROR in a server started with `initializationOptions`, in an empty folder; its URI. */
async function openAppWithUnreadError(client: LspTestClient, folder: string, initializationOptions?: object): Promise<string> {
  await initialize(client, folder, initializationOptions);
  const uri = pathToFileURL(path.join(folder, 'app.yaml')).href;
  await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version: 1, text: APP_WITH_UNREAD_ERROR } });
  return uri;
}

const brief = (diagnostics: readonly Diagnostic[]) => diagnostics.map(({ code, severity, range }) => ({ code, severity, range }));
const affinity = { code: 'service-affinity', severity: DiagnosticSeverity.Warning, range: { start: { line: 3, character: 8 }, end: { line: 3, character: 17 } } };
const duplicateKey = { code: 'yaml-syntax', severity: DiagnosticSeverity.Error, range: { start: { line: DUPLICATE_KEY_LINE, character: 8 }, end: { line: DUPLICATE_KEY_LINE, character: 12 } } };

test('an opened document is answered first with the fields no rule reads unparsed; their YAML errors follow once edits pause', async () => {
  assert.equal(DUPLICATE_KEY_LINE, 27);
  const folder = mkdtempSync(path.join(tmpdir(), 'connlint-unread-later-'));
  const client = inProcessClient();
  try {
    const uri = await openAppWithUnreadError(client, folder);
    const [first, ...more] = await client.waitForDiagnostics(uri, (list) => list !== undefined);
    assert.deepEqual(brief([first!, ...more]), [affinity]);
    // Before the pause, as after it, no fix that the YAML structure places edits the file: its
    // unparsed fields may hold an error (they do). A comment line in the Service's document stays.
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: first!.range, context: { diagnostics: [first!] } })) as CodeAction[];
    assert.deepEqual(
      actions.map((action) => action.title),
      ['Disable service-affinity for this line'],
    );
    assert.deepEqual(brief(await client.waitForDiagnostics(uri, (list) => list?.length === 2)), [affinity, duplicateKey]);
  } finally {
    client.kill();
    rmSync(folder, { recursive: true, force: true });
  }
});

test('with YAML syntax left to Red Hat YAML, the fields no rule reads are never parsed, and nothing follows the first answer', async () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'connlint-unread-later-'));
  const client = inProcessClient();
  try {
    const uri = await openAppWithUnreadError(client, folder, { yamlSyntaxReportedElsewhere: true });
    assert.deepEqual(brief(await client.waitForDiagnostics(uri, (list) => list !== undefined)), [affinity]);
    const publishes = client.publishes;
    await client.settled(300);
    assert.equal(client.publishes, publishes);
    assert.deepEqual(brief(client.diagnostics.get(uri)!), [affinity]);
  } finally {
    client.kill();
    rmSync(folder, { recursive: true, force: true });
  }
});
