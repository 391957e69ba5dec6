// Connlint's benchmark: `npm run bench` (builds, bundles, then runs this). Prints one table row
// per figure, each the median of several runs, next to what it is compared with in the same run.
//   node scripts/bench/bench.mjs [--only=cli,fix,editor,scale,large,cold] [--runs=N] [--server=dist/server.js]
// The real corpus is read from ../shared/corpus/k8s beside the repository; its rows are skipped
// when it is absent. Generated inputs are written to a temporary directory and removed.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, tmpdir } from 'node:os';
import * as path from 'node:path';
import { measureColdStart, measureEditor, measureOpen } from './editor.mjs';
import { measureFixes } from './fixes.mjs';
import { largeManifest, multiDocument, writeCorpus, writeWorkspace } from './generate.mjs';
import { measureIndex, measureModelFloor, measureScale, measureServerAtRest } from './scale.mjs';
import { measureCliProcess, measureNodeStart, measureParse, measureThroughput, readTexts } from './throughput.mjs';
import { median, ms, ratio, repositoryRoot } from './util.mjs';

const require = createRequire(import.meta.url);
const { MAX_INDEXED_TEXT } = require('../../server/out/lsp/index.js');
const { SERVER_ENVIRONMENT, SERVER_NODE_FLAGS } = require('../../client/out/serverFlags.js');
const args = new Map(process.argv.slice(2).map((arg) => arg.replace(/^--/, '').split('=')).map(([key, value]) => [key, value ?? 'true']));
const only = args.has('only') ? new Set(args.get('only').split(',')) : undefined;
const runs = Number(args.get('runs') ?? 5);
const corpus = path.resolve(repositoryRoot, '../shared/corpus/k8s');
const argoInstall = path.join(corpus, 'argoproj__argo-cd/manifests/install.yaml');
/** The server as VS Code's client starts it, with the same Node.js flags and environment (set by env(1), which execs Node.js in its place). */
const CONNLINT = ['env', ...Object.entries(SERVER_ENVIRONMENT).map(([name, value]) => `${name}=${value}`), process.execPath, ...SERVER_NODE_FLAGS, path.resolve(repositoryRoot, args.get('server') ?? 'dist/server.js'), '--stdio'];
const YAML_LS = [process.execPath, path.join(repositoryRoot, 'node_modules/yaml-language-server/bin/yaml-language-server'), '--stdio'];
/** What VS Code's client sends when Red Hat YAML is installed: YAML syntax is left to it, and the fields no rule reads go unparsed. */
const WITH_RED_HAT_YAML = { yamlSyntaxReportedElsewhere: true };

/** @type {{figure: string, connlint: string, comparison: string, ratio: string, target: string}[]} */
const rows = [];
const row = (figure, connlint, comparison, speedup, target) => {
  rows.push({ figure, connlint, comparison, ratio: speedup, target });
  console.error(`  ${figure}: ${connlint} | ${comparison} | ${speedup}`);
};
const wanted = (part) => only === undefined || only.has(part);

async function throughput() {
  const sets = [];
  if (existsSync(corpus)) sets.push({ name: 'corpus k8s', files: await readTexts(corpus), dir: corpus });
  else console.error(`  (no corpus at ${corpus}: its rows are skipped)`);
  const generated = mkdtempSync(path.join(tmpdir(), 'connlint-bench-corpus-'));
  try {
    writeCorpus(generated, 1000);
    sets.push({ name: 'generated corpus', files: await readTexts(generated), dir: generated });
    for (const set of sets) {
      const mb = set.files.reduce((sum, file) => sum + Buffer.byteLength(file.text), 0) / 1e6;
      const label = `${set.name} (${set.files.length} files, ${mb.toFixed(1)} MB)`;
      const result = measureThroughput(set.files, runs);
      row(`CLI lint, in process: ${label}`, ms(result.connlint), `yaml parseAllDocuments ${ms(result.parse)}`, ratio(result.parse, result.connlint), '≥ 3× faster');
      row(`… against the yaml Lexer alone: ${label}`, ms(result.connlint), `yaml Lexer ${ms(result.lexer)}`, ratio(result.lexer, result.connlint), 'floor');
      const whole = measureCliProcess([set.dir, '--format', 'json'], Math.max(3, Math.ceil(runs / 2)));
      row(`CLI whole process (connlint --format json DIR): ${label}`, ms(whole.wall), `yaml parseAllDocuments in process ${ms(result.parse)}`, ratio(result.parse, whole.wall), '≥ 3× faster');
      row(`peak RSS of the CLI process: ${set.name}`, `${Math.round(whole.rss)} MB`, '', '', '< 300 MB');
    }
    const version = measureCliProcess(['--version'], runs);
    row('CLI start-up: connlint --version', ms(version.wall), `node -e 0 ${ms(measureNodeStart(runs))}`, '', '');
    const oneFile = path.join(generated, 'component-0', 'manifest-1.yaml');
    row('CLI one-file lint: connlint FILE (a Service, a Deployment, an HPA)', ms(measureCliProcess([oneFile], runs).wall), '', '', '');
  } finally {
    rmSync(generated, { recursive: true, force: true });
  }
}

function fixes() {
  const result = measureFixes(Math.min(runs, 3));
  const label = `one file with ${result.findings} findings`;
  row(`--fix against lint, in process: ${label}`, `fix ${ms(result.fix)}`, `lint ${ms(result.lint)}`, `fix/lint ${(result.fix / result.lint).toFixed(1)}×`, 'fix ≤ 5× lint');
}

async function editor() {
  const small = multiDocument(20);
  const large = existsSync(argoInstall) ? { name: 'argo-cd install.yaml', text: readFileSync(argoInstall, 'utf8') } : { name: 'generated', text: multiDocument(2048) };
  const files = [
    { name: `small file (${(small.length / 1024).toFixed(0)} KB)`, text: small, opens: 10, changes: 20, warmups: 20 },
    { name: `${large.name} (${(large.text.length / 1e6).toFixed(1)} MB)`, text: large.text, opens: 10, changes: 10, warmups: 5 },
  ];
  for (const file of files) {
    const options = { opens: file.opens, changes: file.changes, warmups: file.warmups };
    const ours = await measureEditor(CONNLINT, 'connlint', file.text, options);
    const theirs = await measureEditor(YAML_LS, 'yamlls', file.text, options).catch((error) => (console.error(`  yaml-language-server: ${error.message}`), {}));
    const target = file.text.length > 1e6 ? '≤ 25 ms' : '≤ 10 ms';
    row(`first didOpen → diagnostics after start-up (cold code), ${file.name}`, ms(ours.first), `yaml-language-server ${ms(theirs.first)}`, ratio(theirs.first, ours.first), '');
    row(`didOpen → diagnostics p50, ${file.name}`, ms(ours.open), `yaml-language-server ${ms(theirs.open)}`, ratio(theirs.open, ours.open), target);
    const withYaml = await measureOpen(CONNLINT, 'connlint-vscode', file.text, { opens: file.opens, warmups: file.warmups, initializationOptions: WITH_RED_HAT_YAML });
    row(`… with YAML syntax left to Red Hat YAML (VS Code's usual setup), ${file.name}`, ms(withYaml), `yaml-language-server ${ms(theirs.open)}`, ratio(theirs.open, withYaml), target);
    row(`didChange → diagnostics p50, ${file.name}`, ms(ours.change), `yaml-language-server ${ms(theirs.change)}`, ratio(theirs.change, ours.change), '≥ 50× faster');
  }
}

async function scale() {
  const results = [];
  for (const size of [1000, 10000]) {
    const result = await measureScale(CONNLINT, size, 15);
    results.push(result);
    const parse = await workspaceParse(size);
    row(`index at start-up, ${size} files`, ms(result.index), `yaml parseAllDocuments of its files, one warm thread ${ms(parse)}`, ratio(parse, result.index), size === 10000 ? '≤ 1.5 s' : '');
    row(`peak RSS of the server, ${size} files`, `${Math.round(result.rss)} MB`, '', '', size === 10000 ? '≤ 150 MB' : '');
    row(`edit replicas → Service re-diagnosed p50, ${size} files`, ms(result.edit), size === 10000 ? `1000 files ${ms(results[0].edit)}` : '', '', '≤ 20 ms, flat');
    row(`edit of a Deployment a kustomize build reads → longest wait of a request in the next 700 ms, p50, ${size} files`, ms(result.buildEdit), size === 10000 ? `1000 files ${ms(results[0].buildEdit)}` : '', '', '');
  }
  const withYaml = await measureScale(CONNLINT, 10000, 0, WITH_RED_HAT_YAML);
  row('index at start-up, 10000 files, YAML syntax left to Red Hat YAML', ms(withYaml.index), `without ${ms(results[1].index)}`, '', '≤ 1.5 s');
  row('peak RSS of the server, 10000 files, YAML syntax left to Red Hat YAML', `${Math.round(withYaml.rss)} MB`, `without ${Math.round(results[1].rss)} MB`, '', '≤ 150 MB');
}

/**
 * parseAllDocuments of a generated workspace's files in this process, warm: what reading them
 * costs one thread at best, next to the server's index of the same workspace.
 */
async function workspaceParse(size) {
  const root = mkdtempSync(path.join(tmpdir(), `connlint-bench-parse-${size}-`));
  try {
    writeWorkspace(root, size);
    return measureParse(await readTexts(root), Math.min(runs, 3));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/**
 * Few large files: four 5 MB manifests (mostly Services without affinity: findings) indexed by the
 * server and linted by the CLI, against parseAllDocuments of the same texts in process; the
 * server's peak memory against the bytes it holds, also for eight 9.5 MB manifests, and against
 * the least any model of one JavaScript object per Kubernetes object and per finding would hold.
 */
async function largeFiles() {
  for (const [count, mb] of [[4, 5], [8, 9.5]]) {
    const root = mkdtempSync(path.join(tmpdir(), `connlint-bench-large-${count}-`));
    try {
      const texts = Array.from({ length: count }, (_, i) => largeManifest(mb, `app${i}`));
      texts.forEach((text, i) => writeFileSync(path.join(root, `manifests-${i}.yaml`), text));
      // The server holds at most MAX_INDEXED_TEXT bytes read from disk: files past it are not read.
      const bytes = texts.map((text) => Buffer.byteLength(text)).reduce((sum, size) => (sum + size <= MAX_INDEXED_TEXT ? sum + size : sum), 0);
      const label = `${count} manifests of ${mb} MB`;
      const limit = (3 * bytes) / 1e6 + 60;
      const server = await measureIndex(CONNLINT, root);
      row(`peak RSS of the server, ${label}`, `${Math.round(server.rss)} MB`, `${(bytes / 1e6).toFixed(1)} MB of YAML held`, `${(server.rss / (bytes / 1e6)).toFixed(1)}× the bytes`, `≤ 3× bytes + 60 MB (${Math.round(limit)} MB)`);
      if (count !== 4) continue;
      const [rest, floor] = [await measureServerAtRest(CONNLINT), measureModelFloor(root)];
      const least = (model) => Math.round(rest + floor.texts + model);
      row(
        `… the least a model of JS objects would hold, ${label}`,
        `${least(floor.model)} MB; ${least(floor.places)} MB without messages`,
        `server at rest ${Math.round(rest)} MB + texts ${Math.round(floor.texts)} MB + ${floor.objects} objects and ${floor.findings} findings, one JS object each, ${Math.round(floor.model)} MB (${Math.round(floor.places)} MB without messages)`,
        '',
        `≤ ${Math.round(limit)} MB`,
      );
      const parse = measureParse(texts.map((text, i) => ({ path: `manifests-${i}.yaml`, text })), Math.min(runs, 3));
      row(`index at start-up and publish, ${label}`, ms(server.index), `yaml parseAllDocuments in process ${ms(parse)}`, ratio(parse, server.index), '≤ parseAllDocuments');
      const cli = measureCliProcess([root, '--format', 'json'], Math.min(runs, 3));
      row(`CLI whole process, ${label}`, ms(cli.wall), `yaml parseAllDocuments in process ${ms(parse)}`, ratio(parse, cli.wall), '≤ parseAllDocuments');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }
}

/**
 * Spawn → first diagnostics: with the code cache VS Code's client gives the server (written by
 * the first start), and without one (other editors), run after run alternating the two.
 */
async function coldStart() {
  const text = multiDocument(20);
  const cache = mkdtempSync(path.join(tmpdir(), 'connlint-bench-code-cache-'));
  try {
    const cached = { ...process.env, CONNLINT_CODE_CACHE: cache };
    const uncached = { ...process.env, CONNLINT_CODE_CACHE: '' };
    const first = await measureColdStart(CONNLINT, text, 1, cached);
    const samples = { cached: [], uncached: [] };
    for (let i = 0; i < runs; i++) {
      samples.cached.push(await measureColdStart(CONNLINT, text, 1, cached));
      samples.uncached.push(await measureColdStart(CONNLINT, text, 1, uncached));
    }
    const [ours, plain] = [median(samples.cached), median(samples.uncached)];
    const theirs = await measureColdStart(YAML_LS, text, Math.min(runs, 3)).catch(() => undefined);
    row('cold start: spawn → first diagnostics, with the code cache (VS Code)', ms(ours), `yaml-language-server ${ms(theirs)}`, ratio(theirs, ours), '≤ 150 ms');
    row('… without a code cache (other editors)', ms(plain), `the start that writes the cache ${ms(first)}`, '', '≤ 150 ms');
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
}

function printTable() {
  const header = ['Figure', 'Connlint', 'Compared with (same run)', 'Speed-up', 'Target'];
  console.log(`| ${header.join(' | ')} |`);
  console.log(`|${header.map(() => '---').join('|')}|`);
  for (const r of rows) console.log(`| ${r.figure} | ${r.connlint} | ${r.comparison} | ${r.ratio} | ${r.target} |`);
  console.log(`\nMachine: ${cpus().length} cores (${cpus()[0]?.model.trim()}), Node ${process.version}; median of ${runs} runs.`);
}

for (const [part, run] of [['cli', throughput], ['fix', fixes], ['editor', editor], ['scale', scale], ['large', largeFiles], ['cold', coldStart]]) {
  if (!wanted(part)) continue;
  console.error(`${part}…`);
  await run();
}
printTable();
// After the large-file rows, the process has been seen to stay alive with no active handle or
// request that Node reports (process.getActiveResourcesInfo()); the figures are printed and every
// server it started has exited, so it ends here.
process.exit(0);
