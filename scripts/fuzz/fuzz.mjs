#!/usr/bin/env node
// Mutation fuzzer: `npm run fuzz -- --seconds N --seed S`. Mutates the examples and the corpus
// files at byte, line and YAML-structure level and checks that no exception escapes, every range
// lies inside its file, the CLI never exits 2 on a readable file, linting is deterministic, and
// every fix keeps its file whole (same YAML documents, no new parse errors), removes its finding,
// and leaves nothing for a second --fix (test/robustness/fixChecks.ts, built by tsc -b). With YAML
// syntax left to the editor (the unread fields of workloads blanked), a file that parses gets the
// same diagnostics, and every finding the same fixes, as when it is parsed whole. As an editor's
// document (its unread fields left for later, after a version it replaces), once read whole it
// gets the same diagnostics as when it is parsed whole from the start.
// Every failing input is written to test/fixtures/fuzz-regressions/ with the seed that found it.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { mutate } from './mutations.mjs';
import { random } from './random.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const { Workspace, lint } = require(path.join(root, 'server/out/index.js'));
const { fixAllEdits, fixesFor } = require(path.join(root, 'server/out/core/quickFixes.js'));
const { applyEdits } = require(path.join(root, 'server/out/core/edits/fix.js'));
const { hoverAt } = require(path.join(root, 'server/out/core/hover.js'));
const { completionsAt } = require(path.join(root, 'server/out/core/completion.js'));
const { main } = require(path.join(root, 'server/out/cli/main.js'));
const { fixViolations } = require(path.join(root, 'test/out/robustness/fixChecks.js'));

const args = parseArgs(process.argv.slice(2));
const regressions = path.join(root, 'test', 'fixtures', 'fuzz-regressions');
const seeds = loadSeeds();
const rng = random(args.seed);
const scratch = mkdtempSync(path.join(tmpdir(), 'connlint-fuzz-'));
const deadline = Date.now() + args.seconds * 1000;
let iterations = 0;
let failures = 0;
console.log(`connlint fuzz: seed ${args.seed}, ${args.seconds} s, ${seeds.length} seed files`);
try {
  while (Date.now() < deadline && (args.iterations === undefined || iterations < args.iterations)) {
    const iterationSeed = rng.int(2 ** 31);
    const iteration = random(iterationSeed);
    const base = iteration.pick(seeds);
    const text = mutate(base.text, iteration, seeds);
    const name = base.name;
    const problem = await check(name, text, iteration, base.text);
    iterations++;
    if (problem !== undefined) {
      failures++;
      const saved = save(name, text);
      console.log(`FAIL seed ${args.seed} iteration ${iterations} (iteration seed ${iterationSeed}) on a mutation of ${base.source}: ${problem}\n  input saved as ${path.relative(root, saved)}`);
    }
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
console.log(`connlint fuzz: seed ${args.seed}: ${iterations} iterations, ${failures} failures`);
process.exitCode = failures > 0 ? 1 : 0;

/** Runs every check on one input; returns what went wrong, or undefined. */
async function check(name, text, iteration, before) {
  try {
    const started = Date.now();
    const first = lintOnce(name, text);
    const second = lintOnce(name, text);
    if (first.json !== second.json) return 'linting the same input twice gave different diagnostics';
    const blanked = blankedMismatch(name, text, first);
    if (blanked !== undefined) return blanked;
    if (readLaterMismatches(name, before, text, first)) return 'an edited document read whole after its first answer has other diagnostics than when parsed whole';
    const outside = first.diagnostics.flatMap((diagnostic) => [diagnostic, ...diagnostic.related]).find((place) => !inside(place.range, text));
    if (outside !== undefined) return `a range outside the file: ${JSON.stringify(outside.range)}`;
    const model = first.workspace.model();
    for (const [file, edits] of fixAllEdits(model, {})) {
      const target = model.file(file).text;
      for (const edit of edits) if (edit.span.start < 0 || edit.span.end > target.length || edit.span.start > edit.span.end) return `a fix edit outside ${file}: ${JSON.stringify(edit.span)}`;
      applyEdits(target, edits);
    }
    for (let probe = 0; probe < 5; probe++) {
      const offset = iteration.int(text.length + 1);
      hoverAt(model, name, offset);
      completionsAt(model, name, offset);
    }
    if (iteration.int(8) === 0) {
      const code = await cliExitCode(name, text);
      if (code !== 0 && code !== 1) return `the CLI exited with ${code} on a readable file`;
    }
    const elapsed = Date.now() - started;
    if (elapsed > 10_000) return `took ${elapsed} ms`;
    // The fix checks lint the input again for every fix they try: they have no time limit of their own.
    const broken = fixViolations({ [name]: text }, { maxDiagnostics: 5 });
    return broken.length > 0 ? `a fix broke a property: ${broken.join('; ')}` : undefined;
  } catch (error) {
    return `exception: ${error?.stack ?? error}`;
  }
}

function lintOnce(name, text, analysisOptions = {}) {
  const workspace = new Workspace({}, () => false);
  workspace.setAnalysisOptions(analysisOptions);
  workspace.set(name, text);
  const diagnostics = lint(workspace.model());
  return { workspace, diagnostics, json: JSON.stringify(diagnostics) };
}

/**
 * How the lint with unread fields blanked (YAML syntax reported elsewhere) departs from `whole`:
 * other diagnostics for a file that parses, or other fixes for a finding both have.
 */
function blankedMismatch(name, text, whole) {
  const blanked = lintOnce(name, text, { syntaxReportedElsewhere: true });
  const parses = !whole.diagnostics.some((diagnostic) => diagnostic.rule === 'yaml-syntax');
  if (parses && blanked.json !== whole.json) return 'blanking the unread fields changed the diagnostics of a file that parses';
  const titles = (run, diagnostic) => JSON.stringify(fixesFor(run.workspace.model(), diagnostic).map((fix) => fix.title));
  const wholeByKey = new Map(whole.diagnostics.map((diagnostic) => [JSON.stringify(diagnostic), diagnostic]));
  for (const diagnostic of blanked.diagnostics.slice(0, 5)) {
    const same = wholeByKey.get(JSON.stringify(diagnostic));
    if (same !== undefined && titles(blanked, diagnostic) !== titles(whole, same)) return `blanking the unread fields changed the fixes of ${diagnostic.rule}: ${titles(blanked, diagnostic)}`;
  }
  return undefined;
}

/**
 * Whether `text`, set as an editor sets a document it edits (after `before`, with the unread fields
 * left for later) and then read whole, has other diagnostics than `whole`.
 */
function readLaterMismatches(name, before, text, whole) {
  const workspace = new Workspace({}, () => false);
  workspace.set(name, before, { unreadFieldsLater: true });
  workspace.set(name, text, { unreadFieldsLater: true });
  workspace.readWhole(name);
  return JSON.stringify(lint(workspace.model())) !== whole.json;
}

/** Whether a range lies inside the text: lines exist (ended by LF, CRLF or a lone CR, as clients count them) and characters are within their line. */
function inside(range, text) {
  const lines = text.split(/\r\n|\r|\n/);
  const ok = (position) => position.line >= 0 && position.line < lines.length && position.character >= 0 && position.character <= lines[position.line].length;
  return ok(range.start) && ok(range.end) && (range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character));
}

async function cliExitCode(name, text) {
  const directory = mkdtempSync(path.join(scratch, 'run-'));
  const file = path.join(directory, name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  const sink = { write: () => true };
  try {
    return await main(['--format', 'json', directory], { cwd: directory, stdout: sink, stderr: sink, env: {}, readStdin: async () => '' });
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

function save(name, text) {
  mkdirSync(regressions, { recursive: true });
  const hash = createHash('sha256').update(text).digest('hex').slice(0, 12);
  const saved = path.join(regressions, `${hash}-${name.replace(/[\\/]/g, '_')}`);
  writeFileSync(saved, text);
  return saved;
}

/** The files mutations start from: the examples, the corpus's manifests and sysctl files, the YAML test suite. */
function loadSeeds() {
  const found = [];
  const add = (file, name) => {
    if (statSync(file).size > 200_000) return;
    found.push({ source: path.relative(root, file), name, text: readFileSync(file, 'utf8') });
  };
  const walkFiles = (directory, visit) => {
    let entries;
    try {
      entries = readdirSync(directory, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(directory, entry.name);
      if (entry.isDirectory()) walkFiles(full, visit);
      else if (entry.isFile()) visit(full);
    }
  };
  const nameOf = (file) => (/\.ya?ml$|\.json$/.test(file) ? 'manifest.yaml' : 'sysctl.d/99-fuzz.conf');
  walkFiles(path.join(root, 'examples'), (file) => /\.(ya?ml|conf)$/.test(file) && add(file, nameOf(file)));
  const corpus = path.join(root, '..', 'shared', 'corpus');
  for (const part of ['k8s', 'sysctl', 'helm']) walkFiles(path.join(corpus, part), (file) => /\.(ya?ml|conf)$/.test(file) && add(file, nameOf(file)));
  walkFiles(path.join(corpus, 'yaml-test-suite', 'data'), (file) => file.endsWith('in.yaml') && add(file, 'manifest.yaml'));
  return found;
}

function parseArgs(argv) {
  const options = { seconds: 60, seed: Date.now() % 2 ** 31, iterations: undefined };
  for (let i = 0; i < argv.length; i += 2) {
    const value = Number(argv[i + 1]);
    if (!Number.isFinite(value)) throw new Error(`${argv[i]} needs a number`);
    if (argv[i] === '--seconds') options.seconds = value;
    else if (argv[i] === '--seed') options.seed = value;
    else if (argv[i] === '--iterations') options.iterations = value;
    else throw new Error(`unknown option ${argv[i]} (use --seconds N --seed S [--iterations N])`);
  }
  return options;
}
