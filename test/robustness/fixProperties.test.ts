import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { repoRoot } from '../helpers/runCli';
import { fixViolations, type Files } from './fixChecks';

/** Deterministic: the same workspaces every run. */
const SEED = 20261206;
const GENERATED = 80;
const CORPUS_SAMPLE = 40;
const corpus = path.resolve(repoRoot, '../shared/corpus/k8s');

/** A small seeded generator (mulberry32). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function assertFixesSafe(name: string, files: Files): void {
  const violations = fixViolations(files, { maxDiagnostics: 40 });
  assert.deepEqual(violations, [], `${name}:\n${Object.entries(files).map(([file, text]) => `--- ${file}\n${text}`).join('\n')}`);
}

/** The files of each runnable example of the rule pages (a backticked file name, then its block). */
function docExamples(): [string, Files][] {
  const directory = path.join(repoRoot, 'docs', 'rules');
  const examples: [string, Files][] = [];
  for (const page of readdirSync(directory).filter((name) => name.endsWith('.md'))) {
    let files: Record<string, string> = {};
    let pending: string | undefined;
    const lines = readFileSync(path.join(directory, page), 'utf8').split('\n');
    for (let i = 0; i < lines.length; i++) {
      const named = /^`([\w./-]+\.(?:ya?ml|json|conf))`/.exec(lines[i]!);
      if (named) pending = named[1];
      if (!lines[i]!.startsWith('```')) continue;
      const body: string[] = [];
      for (i++; i < lines.length && !lines[i]!.startsWith('```'); i++) body.push(lines[i]!);
      if (/^\$ connlint/.test(body[0] ?? '')) {
        examples.push([`docs/rules/${page}:${i}`, files]);
        files = {};
      } else if (pending !== undefined) files[pending] = `${body.join('\n')}\n`;
      pending = undefined;
    }
  }
  return examples;
}

/** Every file under a directory, by its path below it. */
function filesUnder(root: string, below = ''): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(path.join(root, below))) {
    const relative = below === '' ? name : `${below}/${name}`;
    if (statSync(path.join(root, relative)).isDirectory()) Object.assign(files, filesUnder(root, relative));
    else if (/\.(ya?ml|conf)$/.test(name)) files[relative] = readFileSync(path.join(root, relative), 'utf8');
  }
  return files;
}

test('every fix of every rule page example keeps the files whole, removes its finding, and --fix is idempotent', () => {
  const examples = docExamples();
  assert.ok(examples.length >= 14);
  for (const [name, files] of examples) assertFixesSafe(name, files);
});

test('every fix of the examples/ folders keeps the files whole, removes its finding, and --fix is idempotent', () => {
  const directory = path.join(repoRoot, 'examples');
  for (const example of readdirSync(directory)) assertFixesSafe(`examples/${example}`, filesUnder(path.join(directory, example)));
});

test('fixes of a sample of the real-world corpus keep the files whole', (context) => {
  if (!existsSync(corpus)) return context.skip(`no corpus at ${corpus}`);
  const all = Object.keys(filesUnder(corpus)).sort();
  const next = random(SEED);
  const sample = new Set(Array.from({ length: Math.min(CORPUS_SAMPLE, all.length) }, () => all[Math.floor(next() * all.length)]!));
  sample.add(all.find((file) => file.endsWith('argo-cd/manifests/ha/base/redis-ha/chart/upstream.yaml')) ?? all[0]!);
  for (const file of sample) assertFixesSafe(file, { [path.basename(file)]: readFileSync(path.join(corpus, file), 'utf8') });
});

const AFFINITY = ['', '  sessionAffinity: None', '  sessionAffinity: >-\n    None', '  sessionAffinity: |\n    None', '  sessionAffinity:', '  sessionAffinity: ~', '  sessionAffinity: [None]', '  sessionAffinity: {}', '  sessionAffinity: "None"'];
const AFFINITY_CONFIG = ['', '  sessionAffinityConfig:', '  sessionAffinityConfig: ~', '  sessionAffinityConfig: {}', '  sessionAffinityConfig: {clientIP: {timeoutSeconds: 90000}}', '  sessionAffinityConfig:\n    clientIP:\n      timeoutSeconds: |\n        90000'];
const ANNOTATIONS = ['', '  annotations:', '  annotations: {}', '  annotations: ~'];
const SECURITY_CONTEXT = [
  '',
  '      securityContext:',
  '      securityContext: ~',
  '      securityContext: {}',
  '      securityContext: {sysctls: [], }',
  '      securityContext:\n        sysctls:\n        - name: net.ipv4.tcp_keepalive_time\n          value: |\n            7200',
  '      securityContext:\n        sysctls: [{name: net.ipv4.tcp_keepalive_time, value: "7200"},\n]',
];
const SYSCTL = ['net.ipv4.tcp_keepalive_time = 7200', 'net.ipv4.tcp_keepalive_tme = 300', 'net.netfilter.nf_conntrack_tcp_loose = 0', 'net.ipv4.tcp_keepalive_time = 900', '# tuned'];

function pick<T>(next: () => number, list: readonly T[]): T {
  return list[Math.floor(next() * list.length)]!;
}

function withoutBlank(...lines: string[]): string {
  return lines.filter((line) => line !== '').join('\n') + '\n';
}

/** A Service, its Deployment, kube-proxy's configuration and a node sysctl file, in layouts drawn at random. */
function generatedWorkspace(next: () => number): Files {
  const flowSpec = next() < 0.25;
  const spec = flowSpec
    ? ['spec: {selector: {app: a},', `  ports: [{port: 80}],${next() < 0.5 ? ' ' : ''}`, '}']
    : ['spec:', '  selector:', '    app: a', pick(next, AFFINITY), pick(next, AFFINITY_CONFIG), '  ports:', '  - port: 80'];
  const service = withoutBlank('apiVersion: v1', 'kind: Service', 'metadata:', '  name: s', pick(next, ANNOTATIONS), ...spec);
  const deployment = withoutBlank(
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: a',
    'spec:',
    '  replicas: 2',
    '  selector: {matchLabels: {app: a}}',
    '  template:',
    '    metadata:',
    '      labels: {app: a}',
    '    spec:',
    pick(next, SECURITY_CONTEXT),
    '      containers:',
    '      - name: app',
    '        image: nginx',
  );
  const kubeProxy = withoutBlank('apiVersion: kubeproxy.config.k8s.io/v1alpha1', 'kind: KubeProxyConfiguration', 'conntrack:', '  tcpEstablishedTimeout: 20m0s');
  const sysctl = Array.from({ length: 1 + Math.floor(next() * 4) }, () => pick(next, SYSCTL)).join('\n') + '\n';
  return { 'service.yaml': service, 'deployment.yaml': deployment, 'kube-proxy.yaml': kubeProxy, 'sysctl.d/99-node.conf': sysctl };
}

/** The same files with other line breaks (CRLF, lone CR) and a byte-order mark a client kept. */
function encoded(next: () => number, files: Files): Files {
  const eol = pick(next, ['\n', '\r\n', '\r']);
  const bom = next() < 0.3;
  return Object.fromEntries(Object.entries(files).map(([file, text]) => [file, (bom ? '\uFEFF' : '') + text.replace(/\n/g, eol)]));
}

test('fixes of generated block, flow, null, CRLF, lone-CR and BOM layouts keep the files whole, remove their findings, and --fix is idempotent', () => {
  const next = random(SEED);
  for (let i = 0; i < GENERATED; i++) assertFixesSafe(`generated workspace ${i} (seed ${SEED})`, encoded(next, generatedWorkspace(next)));
});
