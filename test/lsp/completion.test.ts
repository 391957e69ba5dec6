import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import {
  CompletionRequest,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  InitializedNotification,
  InitializeRequest,
  type CompletionItem,
  type InitializeResult,
  type MarkupContent,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { KEY_ACCEPTED } from '../helpers/completionCases';
import { lines } from '../helpers/lintFiles';
import { applyTextEdits } from '../helpers/lspEdits';
import { inProcessClient } from '../helpers/inProcessServer';
import type { LspTestClient } from '../helpers/lspClient';

const sysctlText = lines('# node tuning', 'net.ipv4.tcp_keepalive_');
const podText = lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', 'spec:', '  securityContext:', '    sysctls:', '    - name: net.ipv4.tcp_keepalive_t', '      value: "600"');

let folder: string;
let client: LspTestClient;
let initialized: InitializeResult;
let sysctlUri: string;
let podUri: string;

before(async () => {
  folder = mkdtempSync(path.join(tmpdir(), 'connlint-completion-'));
  mkdirSync(path.join(folder, 'node', 'sysctl.d'), { recursive: true });
  writeFileSync(path.join(folder, 'node', 'sysctl.d', '60-k8s.conf'), sysctlText);
  writeFileSync(path.join(folder, 'pod.yaml'), podText);
  sysctlUri = pathToFileURL(path.join(folder, 'node', 'sysctl.d', '60-k8s.conf')).href;
  podUri = pathToFileURL(path.join(folder, 'pod.yaml')).href;
  client = inProcessClient();
  initialized = await client.connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: pathToFileURL(folder).href, workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'test' }], capabilities: {} });
  await client.connection.sendNotification(InitializedNotification.type, {});
  await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: sysctlUri, languageId: 'sysctl', version: 1, text: sysctlText } });
  await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: podUri, languageId: 'yaml', version: 1, text: podText } });
});

after(() => {
  client.kill();
  rmSync(folder, { recursive: true, force: true });
});

async function completeAt(uri: string, line: number, character: number): Promise<CompletionItem[]> {
  const result = await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line, character } });
  return Array.isArray(result) ? result : (result?.items ?? []);
}

test('the server offers completion, triggered by "." and "/"', () => {
  assert.deepEqual(initialized.capabilities.completionProvider, { triggerCharacters: ['.', '/'] });
});

test('in a sysctl file: the keys that start with the typed key, replacing it', async () => {
  const items = await completeAt(sysctlUri, 1, 23);
  assert.deepEqual(items.map((item) => item.label), ['net.ipv4.tcp_keepalive_intvl', 'net.ipv4.tcp_keepalive_probes', 'net.ipv4.tcp_keepalive_time']);
  const time = items[2]!;
  assert.equal(time.detail, 'seconds, default 7200');
  assert.equal((time.documentation as MarkupContent).kind, 'markdown');
  assert.deepEqual(time.textEdit as TextEdit, { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 23 } }, newText: 'net.ipv4.tcp_keepalive_time = ' });
});

test('in a pod spec: sysctl names at securityContext.sysctls[].name', async () => {
  const items = await completeAt(podUri, 7, 36);
  assert.deepEqual(items.map((item) => item.label), ['net.ipv4.tcp_keepalive_time']);
  assert.deepEqual((items[0]!.textEdit as TextEdit).range, { start: { line: 7, character: 12 }, end: { line: 7, character: 36 } });
  assert.deepEqual(await completeAt(podUri, 3, 9), [], 'not at metadata.name');
});

test('in an unsaved edit that does not parse yet', async () => {
  const edited = lines('apiVersion: v1', 'kind: Service', 'spec:', '  ports: [', '  sessionAffinity: ');
  const uri = pathToFileURL(path.join(folder, 'svc.yaml')).href;
  await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version: 1, text: lines('kind: Service') } });
  await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 2 }, contentChanges: [{ text: edited }] });
  const items = await completeAt(uri, 4, 19);
  assert.deepEqual(items.map((item) => item.label), ['ClientIP', 'None']);
});

test('in a sysctl file: the textEdit of an accepted key rewrites its line as typed around it, " = " only where it has no "="', async () => {
  const typed = KEY_ACCEPTED.map(([line]) => line);
  const text = lines(...typed.map((line) => line.replace('|', '')));
  const uri = pathToFileURL(path.join(folder, 'node', 'sysctl.d', '70-typed.conf')).href;
  await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'sysctl', version: 1, text } });
  for (const [line, [withCursor, accepted]] of KEY_ACCEPTED.entries()) {
    const items = await completeAt(uri, line, withCursor.indexOf('|'));
    const time = items.find((item) => item.label === 'net.ipv4.tcp_keepalive_time');
    assert.ok(time?.textEdit !== undefined, `no net.ipv4.tcp_keepalive_time with a textEdit at ${JSON.stringify(withCursor)}`);
    assert.equal(applyTextEdits(text, [time.textEdit as TextEdit]).split('\n')[line], accepted, JSON.stringify(withCursor));
  }
});
