// CLI throughput: Connlint's in-process lint of a set of files against `yaml` parsing every
// document of the same texts, and against the `yaml` Lexer alone, run after run side by side.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { median, repositoryRoot } from './util.mjs';

const require = createRequire(import.meta.url);
const core = require('../../server/out/index.js');
const { walk } = require('../../server/out/files/walk.js');
const { parseAllDocuments, Lexer } = require('yaml');
const PEAK_RSS = `${repositoryRoot}/scripts/bench/peakRss.cjs`;

/** The files Connlint reads under `root`, with their texts. */
export async function readTexts(root) {
  const paths = await walk(root, (file) => core.fileRole(file) !== undefined, () => undefined);
  return paths.map((path) => ({ path, text: readFileSync(path, 'utf8') }));
}

function lintAll(files) {
  const workspace = new core.Workspace({}, (path) => existsSync(path));
  for (const file of files) workspace.set(file.path, file.text);
  return core.lint(workspace.model()).length;
}

function parseAll(files) {
  let documents = 0;
  for (const file of files) documents += parseAllDocuments(file.text).length ?? 1;
  return documents;
}

function lexAll(files) {
  let tokens = 0;
  for (const file of files) for (const _ of new Lexer().lex(file.text)) tokens++;
  return tokens;
}

function time(run, files) {
  const start = performance.now();
  run(files);
  return performance.now() - start;
}

/** Medians over `runs` rounds, each round timing the three side by side. */
export function measureThroughput(files, runs) {
  for (const run of [lintAll, parseAll, lexAll]) run(files); // warm-up
  const samples = { connlint: [], parse: [], lexer: [] };
  for (let i = 0; i < runs; i++) {
    samples.connlint.push(time(lintAll, files));
    samples.parse.push(time(parseAll, files));
    samples.lexer.push(time(lexAll, files));
  }
  return { connlint: median(samples.connlint), parse: median(samples.parse), lexer: median(samples.lexer) };
}

/** Median time of parseAllDocuments over the texts, after one warm-up round. */
export function measureParse(files, runs) {
  parseAll(files);
  return median(Array.from({ length: runs }, () => time(parseAll, files)));
}

/** Wall times (median of `runs`) and the largest peak RSS in MB of a whole `connlint ARGS…` process (start-up, walk, read, lint, report). */
export function measureCliProcess(args, runs) {
  const cli = `${repositoryRoot}/server/bin/connlint.js`;
  const scratch = mkdtempSync(path.join(tmpdir(), 'connlint-bench-rss-'));
  const rssFile = path.join(scratch, 'rss');
  const samples = [];
  let rss = 0;
  try {
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      const result = spawnSync(process.execPath, ['-r', PEAK_RSS, cli, ...args], { encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, CONNLINT_BENCH_RSS: rssFile } });
      samples.push(performance.now() - start);
      if (result.status !== 0 && result.status !== 1) throw new Error(`connlint exited ${result.status}: ${result.stderr}`);
      rss = Math.max(rss, Number(readFileSync(rssFile, 'utf8')) / 1024);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return { wall: median(samples), rss };
}

/** Wall time of a Node.js process that does nothing: the floor of any start-up. */
export function measureNodeStart(runs) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    spawnSync(process.execPath, ['-e', '0']);
    samples.push(performance.now() - start);
  }
  return median(samples);
}
