import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import {
  CodeActionRequest,
  DidOpenTextDocumentNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  type CodeAction,
  type Diagnostic,
} from 'vscode-languageserver-protocol/node';
import { Workspace } from '@connlint/server';
import { linkFileReferences } from '@connlint/server/lsp';
import { lines } from '../helpers/lintFiles';
import { applyTextEdits } from '../helpers/lspEdits';
import { inProcessClient } from '../helpers/inProcessServer';
import type { LspTestClient } from '../helpers/lspClient';
import { classicDeployment } from '../helpers/manifests';

const deployment = classicDeployment(2);

// A comment and a CRLF-free layout with four-space indentation: the fix must keep both.
const service = lines(
  'apiVersion: v1',
  'kind: Service',
  'metadata:',
  '    name: myservice  # the API',
  'spec:',
  '    selector:',
  '        app: myapp',
  '    ports:',
  '    - port: 2222',
);

let folder: string;
let client: LspTestClient;
let serviceUri: string;

before(async () => {
  folder = mkdtempSync(path.join(tmpdir(), 'connlint-features-'));
  mkdirSync(path.join(folder, 'app'));
  writeFileSync(path.join(folder, 'app', 'deploy.yaml'), deployment);
  writeFileSync(path.join(folder, 'app', 'service.yaml'), service);
  serviceUri = pathToFileURL(path.join(folder, 'app', 'service.yaml')).href;
  client = inProcessClient();
  await client.connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: pathToFileURL(folder).href, workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'test' }], capabilities: {} });
  await client.connection.sendNotification(InitializedNotification.type, {});
  await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: serviceUri, languageId: 'yaml', version: 1, text: service } });
});

after(() => {
  client.kill();
  rmSync(folder, { recursive: true, force: true });
});

async function serviceActions(): Promise<{ diagnostic: Diagnostic; actions: CodeAction[] }> {
  const [diagnostic] = await client.waitForDiagnostics(serviceUri, (list) => list?.length === 1);
  const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
    textDocument: { uri: serviceUri },
    range: diagnostic!.range,
    context: { diagnostics: [diagnostic!] },
  })) as CodeAction[];
  return { diagnostic: diagnostic!, actions };
}

test('service-affinity offers its fixes, keyed by code and range', async () => {
  const { actions } = await serviceActions();
  assert.deepEqual(
    actions.map((action) => [action.title, action.kind, action.isPreferred]),
    [
      ['Add net.ipv4.tcp_keepalive_time = 600 to the securityContext.sysctls of Deployment "server"', 'quickfix', true],
      ['Add sessionAffinity: ClientIP (pins each client to one pod; pods added later get no traffic from existing clients)', 'quickfix', false],
      ['Ignore service-affinity for this Service', 'quickfix', false],
      ['Disable service-affinity for this line', 'quickfix', false],
      ['Fix all Connlint problems in this file', 'source.fixAll.connlint', undefined],
    ],
  );
});

test('"Add sessionAffinity: ClientIP" keeps the comment and the four-space indentation', async () => {
  const { actions } = await serviceActions();
  const edits = actions[1]!.edit!.changes![serviceUri]!;
  assert.equal(
    applyTextEdits(service, edits),
    lines(
      'apiVersion: v1',
      'kind: Service',
      'metadata:',
      '    name: myservice  # the API',
      'spec:',
      '    selector:',
      '        app: myapp',
      '    ports:',
      '    - port: 2222',
      '    sessionAffinity: ClientIP',
      '    sessionAffinityConfig:',
      '        clientIP:',
      '            timeoutSeconds: 86400',
    ),
  );
});

test('"Ignore service-affinity for this Service" adds the annotation under metadata', async () => {
  const { actions } = await serviceActions();
  assert.equal(
    applyTextEdits(service, actions[2]!.edit!.changes![serviceUri]!),
    service.replace('    name: myservice  # the API\n', '    name: myservice  # the API\n    annotations:\n        connlint.dev/ignore: "service-affinity"\n'),
  );
});

test('"Disable service-affinity for this line" adds the directive above, at its indentation', async () => {
  const { actions } = await serviceActions();
  assert.equal(applyTextEdits(service, actions[3]!.edit!.changes![serviceUri]!), service.replace('    name: myservice', '    # connlint-disable-next-line service-affinity\n    name: myservice'));
});

test('only: [source.fixAll] returns no quick fix, and no fix-all when this file\'s findings are fixed in another file (the backends\' pods)', async () => {
  const { diagnostic } = await serviceActions();
  const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
    textDocument: { uri: serviceUri },
    range: diagnostic.range,
    context: { diagnostics: [], only: ['source.fixAll'] },
  })) as CodeAction[];
  assert.deepEqual(actions.map((action) => action.kind), []);
});

test('hover on the Service name lists its backends, each file reference a link to its line', async () => {
  const result = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: serviceUri }, position: { line: 3, character: 12 } });
  assert.deepEqual(result?.contents, {
    kind: 'markdown',
    value: [
      '**Service `myservice`** — 2 backends',
      '',
      `- Deployment "server" has replicas: 2 ([deploy.yaml:6](${pathToFileURL(path.join(folder, 'app', 'deploy.yaml')).href}#L6))`,
      '',
      "Session affinity: None. Conntrack established timeout: 86400 s (kube-proxy's default, no kube-proxy configuration in the workspace).",
      '',
      `[Show connection path and idle timers](command:connlint.showConnectionPath?${encodeURIComponent(JSON.stringify([serviceUri, { line: 3, character: 10 }]))})`,
    ].join('\n'),
  });
});

test('hover elsewhere, at a position past the end, or on an unknown document is null', async () => {
  const at = (uri: string, line: number, character: number) => client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character } });
  assert.equal(await at(serviceUri, 0, 2), null);
  assert.equal(await at(serviceUri, 500, 0), null);
  assert.equal(await at(serviceUri, 3, 10_000), null);
  assert.equal(await at('file:///no/such/file.yaml', 0, 0), null);
  assert.equal(await at('not a uri at all', 0, 0), null);
});

test('code actions for an unknown document are empty', async () => {
  const actions = await client.connection.sendRequest(CodeActionRequest.type, {
    textDocument: { uri: 'file:///no/such/file.yaml' },
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    context: { diagnostics: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: 'x', source: 'connlint', code: 'service-affinity' }] },
  });
  assert.deepEqual(actions, []);
});

test('connlint/effectiveNetworkSettings reports the values and their sources', async () => {
  const result = (await client.connection.sendRequest('connlint/effectiveNetworkSettings', {})) as { markdown: string };
  assert.equal(
    result.markdown,
    [
      '# Connlint: effective network settings',
      '',
      '| Setting | Value | Source |',
      '|---|---|---|',
      "| Conntrack established timeout | 86400 s | kube-proxy's default, no kube-proxy configuration in the workspace |",
      "| Node TCP keepalive time | 7200 s | the kernel's default |",
      '| Kubernetes version | newest | the newest Kubernetes behaviour, no version in the workspace |',
      '| Service data plane | kube-proxy | no kube-proxy replacement in the workspace |',
      "| kube-proxy mode | iptables | kube-proxy's default on Linux |",
      '',
      '## TCP keepalive time in the pods',
      '',
      '| Workload | Keepalive | Source |',
      '|---|---|---|',
      `| Deployment "server" (default) | 7200 s | the kernel's default in a pod's own network namespace |`,
      '',
    ].join('\n'),
  );
});

test('file references become links only where one file of the workspace has that name', async () => {
  const workspace = new Workspace({});
  for (const file of ['file:///a/deploy.yaml', 'file:///a/kube-proxy.yaml', 'file:///b/kube-proxy.yaml']) workspace.set(file, 'kind: ConfigMap\n');
  assert.equal(
    linkFileReferences('replicas in deploy.yaml:6; mode in kube-proxy.yaml:3; `deploy.yaml:6`; other.yaml:2', workspace.model()),
    'replicas in [deploy.yaml:6](file:///a/deploy.yaml#L6); mode in kube-proxy.yaml:3; `deploy.yaml:6`; other.yaml:2',
  );
});
