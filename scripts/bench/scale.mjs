// Scale: a generated workspace of N manifest files indexed by the server at start-up, its peak
// memory, and the time from editing one Deployment's replicas to the re-published diagnostics
// of the Service that selects it (a different file).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { isBuildApp, writeWorkspace } from './generate.mjs';
import { BenchClient } from './lspClient.mjs';
import { median, repositoryRoot } from './util.mjs';

const REPLICAS_LINE = 6; // `  replicas: 3` in a generated Deployment

/** Index time, peak RSS and edit-to-rediagnose p50 for a workspace of `manifests` files (no edits: none measured). */
export async function measureScale(command, manifests, edits, initializationOptions = undefined) {
  const root = mkdtempSync(path.join(tmpdir(), `connlint-bench-ws-${manifests}-`));
  try {
    const { apps, appDir } = writeWorkspace(root, manifests);
    const client = new BenchClient(command);
    try {
      const index = await indexWorkspace(client, root, initializationOptions);
      const edit = edits === 0 ? undefined : await measureEdits(client, appDir(Math.floor(apps / 2)), edits);
      // The peak of the index and of small edits, before the builds are evaluated again and again.
      const rss = await client.peakRssMb();
      let buildApp = Math.floor(apps / 2);
      while (!isBuildApp(buildApp)) buildApp++;
      const buildEdit = edits === 0 ? undefined : await measureBuildInputEdits(client, appDir(buildApp), edits);
      return { index, rss, edit, buildEdit };
    } finally {
      await client.stop();
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** Starts the server on a folder: the time from initialize to the last diagnostics after the scan's progress ends. */
async function indexWorkspace(client, root, initializationOptions = undefined) {
  const start = performance.now();
  await client.start(pathToFileURL(root).toString(), { progress: true, initializationOptions });
  while (client.progressEnded.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
  const lastPublish = await client.settle(300);
  return Math.max(client.progressEnded[0], lastPublish) - start;
}

/** Index time (to the last diagnostics published) and peak RSS of a server started on the folder `root`. */
export async function measureIndex(command, root) {
  const client = new BenchClient(command);
  try {
    const index = await indexWorkspace(client, root);
    return { index, rss: await client.peakRssMb() };
  } finally {
    await client.stop();
  }
}

/** Peak RSS of the server started on an empty folder: what it holds before any file. */
export async function measureServerAtRest(command) {
  const empty = mkdtempSync(path.join(tmpdir(), 'connlint-bench-empty-'));
  try {
    return (await measureIndex(command, empty)).rss;
  } finally {
    rmSync(empty, { recursive: true, force: true });
  }
}

/**
 * The least a model of one JavaScript object per Kubernetes object and per finding holds for the
 * files of `dir`, in MB of heap (`modelFloor.cjs`): their texts, the objects with the findings'
 * messages, and the objects without them.
 */
export function measureModelFloor(dir) {
  const script = path.join(repositoryRoot, 'scripts/bench/modelFloor.cjs');
  const result = spawnSync(process.execPath, ['--expose-gc', '--max-old-space-size=4096', script, dir], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (result.status !== 0) throw new Error(`modelFloor.cjs exited ${result.status}: ${result.stderr}`);
  return JSON.parse(result.stdout);
}

/**
 * An edit of a Deployment a kustomize build reads makes the server evaluate the builds and re-run
 * what depends on them: the longest any request waits in the 700 ms after the edit (a hover sent
 * every 5 ms), p50 over `edits` edits.
 */
async function measureBuildInputEdits(client, dir, edits) {
  const deploymentUri = pathToFileURL(path.join(dir, 'deployment.yaml')).toString();
  await client.open(deploymentUri, readFileSync(path.join(dir, 'deployment.yaml'), 'utf8'));
  await client.settle(300);
  const samples = [];
  for (let i = 0; i < edits; i++) {
    const range = { start: { line: REPLICAS_LINE, character: 0 }, end: { line: REPLICAS_LINE + 1, character: 0 } };
    await client.change(deploymentUri, i + 2, [{ range, text: `  replicas: ${20 + i}\n` }]);
    let longest = 0;
    for (const end = performance.now() + 700; performance.now() < end; ) {
      const start = performance.now();
      await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: deploymentUri }, position: { line: 1, character: 2 } });
      longest = Math.max(longest, performance.now() - start);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    samples.push(longest);
    await client.settle(300);
  }
  return median(samples);
}

async function measureEdits(client, dir, edits) {
  const deploymentPath = path.join(dir, 'deployment.yaml');
  const deploymentUri = pathToFileURL(deploymentPath).toString();
  const serviceUri = pathToFileURL(path.join(dir, 'service.yaml')).toString();
  await client.open(deploymentUri, readFileSync(deploymentPath, 'utf8'));
  const samples = [];
  for (let i = 0; i < edits; i++) {
    const replicas = 4 + (i % 5);
    // The replicas show in the finding's message when it fits in 200 characters, else in its related location.
    const showsReplicas = (d) => [d.message, ...(d.relatedInformation ?? []).map((r) => r.message)].some((text) => text.includes(`has replicas: ${replicas} `));
    const waiting = client.waitFor(serviceUri, (diagnostics) => diagnostics.some(showsReplicas), 60_000);
    const start = performance.now();
    const range = { start: { line: REPLICAS_LINE, character: 0 }, end: { line: REPLICAS_LINE + 1, character: 0 } };
    await client.change(deploymentUri, i + 2, [{ range, text: `  replicas: ${replicas}\n` }]);
    samples.push((await waiting) - start);
  }
  return median(samples);
}
