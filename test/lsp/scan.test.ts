import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import {
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  ShutdownRequest,
  WorkDoneProgressCreateRequest,
  type Diagnostic,
} from 'vscode-languageserver-protocol/node';
import { lint, LineIndex } from '@connlint/server';
import { toLspDiagnostic } from '@connlint/server/lsp';
import { lines, workspaceOf } from '../helpers/lintFiles';
import { kubeProxyConfigMap } from '../helpers/manifests';
import { inProcessClient } from '../helpers/inProcessServer';
import type { LspTestClient } from '../helpers/lspClient';

/** Enough files for the scan to run on the analysis workers (from 200 files). */
const APPS = 110;

/** A workspace of apps (some sticky, some single replicas without an autoscaler) and a few files with problems. */
function workspaceFiles(root: string): Map<string, string> {
  const files = new Map<string, string>();
  const add = (relative: string, text: string): void => void files.set(pathToFileURL(path.join(root, relative)).href, text);
  for (let i = 0; i < APPS; i++) {
    const [name, namespace] = [`app-${i}`, `team-${i % 7}`];
    const sticky = i % 5 === 0 ? ['  sessionAffinity: ClientIP'] : [];
    add(`apps/${namespace}/${name}/service.yaml`, lines('apiVersion: v1', 'kind: Service', 'metadata:', `  name: ${name}`, `  namespace: ${namespace}`, 'spec:', ...sticky, '  selector:', `    app: ${name}`));
    add(
      `apps/${namespace}/${name}/deployment.yaml`,
      lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata:', `  name: ${name}`, `  namespace: ${namespace}`, 'spec:', `  replicas: ${i % 4 === 0 ? 1 : 2 + (i % 3)}`, '  template:', '    metadata:', '      labels:', `        app: ${name}`),
    );
    if (i % 4 !== 0) {
      add(`apps/${namespace}/${name}/hpa.yaml`, lines('apiVersion: autoscaling/v2', 'kind: HorizontalPodAutoscaler', 'metadata:', `  name: ${name}`, `  namespace: ${namespace}`, 'spec:', '  scaleTargetRef:', '    kind: Deployment', `    name: ${name}`, '  maxReplicas: 6'));
    }
  }
  add('broken/duplicate.yaml', lines('apiVersion: v1', 'kind: Service', 'kind: Service', 'metadata:', '  name: twice', 'spec:', '  selector: {app: app-1}'));
  add('broken/suppressed.yaml', lines('apiVersion: v1', 'kind: Service', 'metadata:', '  name: quiet', '  namespace: team-2', 'spec:', '  # connlint-disable-next-line service-affinity', '  selector: {app: app-2}'));
  add('kube-system/kube-proxy.yaml', kubeProxyConfigMap('mode: iptables', 'conntrack:', '  tcpEstablishedTimeout: 1hour'));
  add('nodes/sysctl.d/10-net.conf', lines('net.ipv4.tcp_keepalive_time = 7200', 'net.ipv4.tcp_keepalive_intvl 30', 'net.ipv4.tcp_keepalive_probs = 9'));
  return files;
}

let folder: string | undefined;
let client: LspTestClient | undefined;

after(async () => {
  if (client !== undefined) {
    await client.connection.sendRequest(ShutdownRequest.type);
    await client.connection.sendNotification(ExitNotification.type);
    client.kill();
  }
  if (folder !== undefined) rmSync(folder, { recursive: true, force: true });
});

test(`a scan of ${APPS * 3} files on the analysis workers publishes, once it ends, exactly what a lint of the same files finds`, async () => {
  folder = mkdtempSync(path.join(tmpdir(), 'connlint-lsp-scan-'));
  const files = workspaceFiles(folder);
  for (const [uri, text] of files) {
    const file = new URL(uri).pathname;
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  // What the core finds over the same texts, converted as the server converts it.
  const expected = new Map<string, Diagnostic[]>();
  for (const diagnostic of lint(workspaceOf(Object.fromEntries(files)).model())) {
    const list = expected.get(diagnostic.file) ?? [];
    list.push(toLspDiagnostic(diagnostic, new LineIndex(files.get(diagnostic.file)!).offsetAt(diagnostic.range.start)));
    expected.set(diagnostic.file, list);
  }
  assert.ok(expected.size >= 60, `the fixture should give many files findings, not ${expected.size}`);

  client = inProcessClient();
  const running = client;
  let publishedBeforeEnd: string[] | undefined;
  running.connection.onRequest(WorkDoneProgressCreateRequest.type, () => {});
  running.connection.onNotification('$/progress', (params: { value?: { kind?: string } }) => {
    if (params.value?.kind === 'end') publishedBeforeEnd = [...running.diagnostics.keys()];
  });
  const root = pathToFileURL(folder).href;
  await running.connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: root,
    workspaceFolders: [{ uri: root, name: 'scan' }],
    capabilities: { window: { workDoneProgress: true } },
  });
  await running.connection.sendNotification(InitializedNotification.type, {});

  // The scan runs beside the other suites on a busy machine: allow it time.
  const last = [...expected.keys()].at(-1)!;
  await running.waitForDiagnostics(last, (diagnostics) => diagnostics !== undefined, 60_000);
  await running.settled();
  // Nothing is open: no file's diagnostics were published while the workspace was half read.
  assert.deepEqual(publishedBeforeEnd, []);
  assert.deepEqual(new Map([...running.diagnostics].filter(([, diagnostics]) => diagnostics.length > 0)), expected);
});
