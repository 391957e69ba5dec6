// CLI throughput: Connlint's in-process lint of a set of files against `yaml` parsing every
// document of the same texts, and against the `yaml` Lexer alone, run after run side by side.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { median, repositoryRoot } from './util.mjs';

const require = createRequire(import.meta.url);
const core = require('../../server/out/index.js');
const { walk } = require('../../server/out/files/walk.js');
const { parseAllDocuments, Lexer } = require('yaml');

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

/** Wall time of the whole `connlint <dir>` process (start-up, walk, read, lint, report). */
export function measureCliProcess(root, runs) {
  const cli = `${repositoryRoot}/server/bin/connlint.js`;
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const result = spawnSync(process.execPath, [cli, root, '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 28 });
    samples.push(performance.now() - start);
    if (result.status !== 0 && result.status !== 1) throw new Error(`connlint exited ${result.status}: ${result.stderr}`);
  }
  return median(samples);
}
