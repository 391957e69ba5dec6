// Editor latency over stdio, the same client and edits for every server: didOpen → diagnostics,
// and didChange → diagnostics for edits that add or remove a duplicate key (a YAML error every
// YAML server reports) just below a Service's `kind:` line. Latencies are those of a server in
// use: each server first opens and closes `warmups` files (a server's first files run on cold,
// unoptimised code; the cold start row measures the very first one).
import { BenchClient } from './lspClient.mjs';
import { median } from './util.mjs';

const DUPLICATE = 'apiVersion: v1';

/** The text as opened (with the duplicate key) and the line the duplicate sits on. */
export function editable(text) {
  const lines = text.split('\n');
  const kindLine = lines.findIndex((line) => line === 'kind: Service');
  if (kindLine === -1) throw new Error('no top-level `kind: Service` line to edit below');
  lines.splice(kindLine + 1, 0, DUPLICATE);
  return { text: lines.join('\n'), line: kindLine + 1 };
}

const flagged = (line) => (diagnostics) => diagnostics.some((diagnostic) => diagnostic.range.start.line === line);
const clean = (line) => (diagnostics) => !diagnostics.some((diagnostic) => diagnostic.range.start.line === line);

/** p50 of didOpen and didChange latencies of one server on one file, and the latency of its first didOpen. */
export async function measureEditor(command, name, rawText, { opens, changes, warmups }) {
  const { text, line } = editable(rawText);
  const client = new BenchClient(command);
  try {
    await client.start(null);
    let first;
    for (let i = 0; i < warmups; i++) {
      const uri = `file:///tmp/connlint-bench-editor/${name}-warm-up-${i}.yaml`;
      const waiting = client.waitFor(uri, flagged(line), 60_000);
      const start = performance.now();
      await client.open(uri, text);
      first ??= (await waiting) - start;
      await waiting;
      await client.close(uri);
    }
    const openSamples = [];
    let uri;
    for (let i = 0; i < opens; i++) {
      uri = `file:///tmp/connlint-bench-editor/${name}-${i}.yaml`;
      const waiting = client.waitFor(uri, flagged(line), 60_000);
      const start = performance.now();
      await client.open(uri, text);
      openSamples.push((await waiting) - start);
    }
    const changeSamples = [];
    for (let i = 0; i < changes; i++) {
      const remove = i % 2 === 0;
      const waiting = client.waitFor(uri, remove ? clean(line) : flagged(line), 60_000);
      const start = performance.now();
      const range = { start: { line, character: 0 }, end: { line: remove ? line + 1 : line, character: 0 } };
      await client.change(uri, i + 2, [{ range, text: remove ? '' : `${DUPLICATE}\n` }]);
      changeSamples.push((await waiting) - start);
    }
    return { first, open: median(openSamples), change: median(changeSamples) };
  } finally {
    await client.stop();
  }
}

/** A Service without affinity and its Deployment of two replicas: a service-affinity finding to wait for. */
const SERVICE_FINDING = [
  'apiVersion: v1',
  'kind: Service',
  'metadata: {name: bench-open}',
  'spec:',
  '  selector: {app: bench-open}',
  '  ports: [{port: 80}]',
  '---',
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata: {name: bench-open}',
  'spec:',
  '  replicas: 2',
  '  selector: {matchLabels: {app: bench-open}}',
  '  template:',
  '    metadata: {labels: {app: bench-open}}',
  '',
];

/**
 * p50 of didOpen → diagnostics for Connlint when it leaves YAML syntax to another extension
 * (`initializationOptions`): the duplicate key the other rows wait for is not reported, so the
 * text ends with two documents that make a service-affinity finding, which this waits for.
 */
export async function measureOpen(command, name, rawText, { opens, warmups, initializationOptions }) {
  const { text: edited } = editable(rawText);
  const text = `${edited.endsWith('\n') ? edited : `${edited}\n`}---\n${SERVICE_FINDING.join('\n')}`;
  const findingLine = text.split('\n').length - SERVICE_FINDING.length;
  const found = (diagnostics) => diagnostics.some((diagnostic) => diagnostic.code === 'service-affinity' && diagnostic.range.start.line >= findingLine);
  const client = new BenchClient(command);
  try {
    await client.start(null, { initializationOptions });
    const samples = [];
    for (let i = 0; i < warmups + opens; i++) {
      const uri = `file:///tmp/connlint-bench-editor/${name}-open-${i}.yaml`;
      const waiting = client.waitFor(uri, found, 60_000);
      const start = performance.now();
      await client.open(uri, text);
      const latency = (await waiting) - start;
      if (i >= warmups) samples.push(latency);
      await client.close(uri);
    }
    return median(samples);
  } finally {
    await client.stop();
  }
}

/** Spawn → initialize → didOpen → first diagnostics, median over `runs` fresh processes (with `env`). */
export async function measureColdStart(command, rawText, runs, env = process.env) {
  const { text, line } = editable(rawText);
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const client = new BenchClient(command, env);
    try {
      await client.start(null);
      const uri = 'file:///tmp/connlint-bench-cold/cold.yaml';
      const waiting = client.waitFor(uri, flagged(line), 60_000);
      await client.open(uri, text);
      samples.push((await waiting) - client.spawnedAt);
    } finally {
      await client.stop();
    }
  }
  return median(samples);
}
