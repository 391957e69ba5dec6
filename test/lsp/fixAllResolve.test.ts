import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import {
  CodeActionRequest,
  CodeActionResolveRequest,
  DidOpenTextDocumentNotification,
  InitializedNotification,
  InitializeRequest,
  type CodeAction,
  type Diagnostic,
} from 'vscode-languageserver-protocol/node';
import { lines } from '../helpers/lintFiles';
import { applyTextEdits } from '../helpers/lspEdits';
import { LspTestClient } from '../helpers/lspClient';

/** A node file with a misspelled key on each of its 1,000 lines: 1,000 unknown keys, and 999 assignments the last one overrides. */
const manyFindings = Array.from({ length: 1000 }, (_, i) => `net.ipv4.tcp_keepalive_tme = ${600 + i}\n`).join('');
const fewFindings = lines('net.ipv4.tcp_keepalive_tme = 600', 'net.netfilter.nf_conntrack_tcp_timeout_establised = 3600', '# tuning', 'net.ipv4.tcp_keepalive_intvl = 30');

let folder: string;
let client: LspTestClient;
let manyUri: string;
let fewUri: string;

before(async () => {
  folder = mkdtempSync(path.join(tmpdir(), 'connlint-fix-all-'));
  mkdirSync(path.join(folder, 'many', 'sysctl.d'), { recursive: true });
  mkdirSync(path.join(folder, 'few', 'sysctl.d'), { recursive: true });
  const manyFile = path.join(folder, 'many', 'sysctl.d', '60-k8s.conf');
  const fewFile = path.join(folder, 'few', 'sysctl.d', '60-k8s.conf');
  writeFileSync(manyFile, manyFindings);
  writeFileSync(fewFile, fewFindings);
  [manyUri, fewUri] = [pathToFileURL(manyFile).href, pathToFileURL(fewFile).href];
  client = new LspTestClient();
  const codeAction = { dataSupport: true, resolveSupport: { properties: ['edit'] } };
  const folderUri = pathToFileURL(folder).href;
  await client.connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: folderUri, workspaceFolders: [{ uri: folderUri, name: 'test' }], capabilities: { textDocument: { codeAction } } });
  await client.connection.sendNotification(InitializedNotification.type, {});
  await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: manyUri, languageId: 'sysctl', version: 1, text: manyFindings } });
  await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: fewUri, languageId: 'sysctl', version: 1, text: fewFindings } });
});

after(() => {
  client.kill();
  rmSync(folder, { recursive: true, force: true });
});

/** The code actions the lightbulb asks for (no `only`) on the first line of a file, with that line's diagnostics. */
async function lightbulbActions(uri: string, count: number): Promise<CodeAction[]> {
  const published = await client.waitForDiagnostics(uri, (list) => list?.length === count);
  const diagnostics = published.filter((diagnostic: Diagnostic) => diagnostic.range.start.line === 0);
  const range = { start: { line: 0, character: 3 }, end: { line: 0, character: 3 } };
  return (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics } })) as CodeAction[];
}

test('the lightbulb on a file of 1,999 findings gets the line\'s quick fixes and fix-all unresolved', async () => {
  const actions = await lightbulbActions(manyUri, 1999);
  assert.deepEqual(
    actions.map((action) => [action.title, action.kind, action.isPreferred, action.edit === undefined]),
    [
      ['Remove this assignment', 'quickfix', true, false],
      ['Disable sysctl-duplicate for this line', 'quickfix', false, false],
      ['Replace with net.ipv4.tcp_keepalive_time', 'quickfix', true, false],
      ['Disable sysctl-unknown-key for this line', 'quickfix', false, false],
      ['Fix all Connlint problems in this file', 'source.fixAll.connlint', undefined, true],
    ],
  );
  assert.deepEqual(actions.at(-1)!.data, { uri: manyUri });
});

test('codeAction/resolve fills in the fix-all edit: every preferred fix of the file', async () => {
  const [fixAll] = (await lightbulbActions(fewUri, 2)).filter((action) => action.kind === 'source.fixAll.connlint');
  assert.equal(fixAll?.edit, undefined);
  const resolved = await client.connection.sendRequest(CodeActionResolveRequest.type, fixAll!);
  assert.deepEqual(Object.keys(resolved.edit?.changes ?? {}), [fewUri]);
  assert.equal(
    applyTextEdits(fewFindings, resolved.edit!.changes![fewUri]!),
    lines('net.ipv4.tcp_keepalive_time = 600', 'net.netfilter.nf_conntrack_tcp_timeout_established = 3600', '# tuning', 'net.ipv4.tcp_keepalive_intvl = 30'),
  );
});

test('asked with only: [quickfix], fix-all is left out', async () => {
  await client.waitForDiagnostics(fewUri, (list) => list?.length === 2);
  const diagnostics = client.diagnostics.get(fewUri)!.filter((diagnostic) => diagnostic.range.start.line === 0);
  const range = { start: { line: 0, character: 3 }, end: { line: 0, character: 3 } };
  const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: fewUri }, range, context: { diagnostics, only: ['quickfix'] } })) as CodeAction[];
  assert.deepEqual(
    actions.map((action) => action.title),
    ['Replace with net.ipv4.tcp_keepalive_time', 'Disable sysctl-unknown-key for this line'],
  );
});
