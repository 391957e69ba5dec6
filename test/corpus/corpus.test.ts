import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { Workspace, fileRole, lint, type Diagnostic } from '@connlint/server';
import { corpusRoot, skipWithoutCorpus } from './location';

/**
 * Real-world configuration written by other projects, read where it lies (never copied here):
 * robustness over thousands of files. Each group is linted as its own workspace.
 */
const corpus = corpusRoot();

interface Group {
  readonly name: string;
  readonly root: string;
  /**
   * Every file is named explicitly, as on the command line: what is not YAML is read as sysctl.
   * For the sysctl groups, whose files are often named neither sysctl.conf nor sysctl.d/*.conf.
   */
  readonly explicit: boolean;
}

function subfolders(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

function groups(): Group[] {
  const found: Group[] = [];
  for (const repo of subfolders(path.join(corpus, 'k8s'))) found.push({ name: `k8s/${repo}`, root: path.join(corpus, 'k8s', repo), explicit: false });
  for (const repo of subfolders(path.join(corpus, 'sysctl'))) found.push({ name: `sysctl/${repo}`, root: path.join(corpus, 'sysctl', repo), explicit: true });
  found.push({ name: 'helm', root: path.join(corpus, 'helm'), explicit: false });
  for (const name of ['sysctl-bsd', 'sysctl-templated', 'tuned']) found.push({ name, root: path.join(corpus, name), explicit: true });
  return found.filter((group) => existsSync(group.root));
}

/** Files below `root`, relative with `/` separators, in a stable order. */
function listFiles(root: string, relative = ''): string[] {
  const files: string[] = [];
  const entries = readdirSync(path.join(root, relative), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const child = relative === '' ? entry.name : `${relative}/${entry.name}`;
    if (entry.isDirectory()) files.push(...listFiles(root, child));
    else if (entry.isFile()) files.push(child);
  }
  return files;
}

interface GroupResult {
  readonly files: number;
  readonly diagnostics: readonly Diagnostic[];
}

function lintGroup(group: Group): GroupResult {
  const fileExists = (file: string): boolean => existsSync(path.join(group.root, file));
  const workspace = new Workspace({}, fileExists);
  const texts = new Map<string, string>();
  for (const file of listFiles(group.root)) {
    if (fileRole(file, { explicit: group.explicit }) === undefined) continue;
    const text = readFileSync(path.join(group.root, file), 'utf8');
    texts.set(file, text);
    workspace.set(file, text, { explicit: group.explicit });
  }
  const diagnostics = lint(workspace.model());
  for (const diagnostic of diagnostics) {
    assertInside(texts, diagnostic.file, diagnostic.range, `${diagnostic.rule} in ${group.name}/${diagnostic.file}`);
    for (const related of diagnostic.related) assertInside(texts, related.file, related.range, `related place of ${diagnostic.rule} in ${group.name}/${diagnostic.file}`);
  }
  return { files: texts.size, diagnostics };
}

/** The range is ordered and lies inside the file's lines (a position may sit at a line's end). */
function assertInside(texts: ReadonlyMap<string, string>, file: string, range: Diagnostic['range'], what: string): void {
  const text = texts.get(file);
  assert.ok(text !== undefined, `${what}: unknown file`);
  const lines = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split('\n').map((line) => line.replace(/\r$/, ''));
  for (const position of [range.start, range.end]) {
    assert.ok(Number.isInteger(position.line) && position.line >= 0 && position.line < lines.length, `${what}: line ${position.line} outside ${lines.length} lines`);
    const length = lines[position.line]!.length;
    assert.ok(
      Number.isInteger(position.character) && position.character >= 0 && position.character <= length,
      `${what}: character ${position.character} outside line ${position.line} of length ${length}`,
    );
  }
  const ordered = range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character);
  assert.ok(ordered, `${what}: range ends before it starts`);
}

test('the real-world corpus lints without throwing, every range inside its file', (t) => {
  const skip = skipWithoutCorpus(corpus, `no corpus at ${corpus}: the shared real-world corpus is not checked out next to the repository`);
  if (skip) {
    t.skip(skip);
    return;
  }
  const all = groups();
  assert.ok(all.length > 0, `no groups found in ${corpus}`);
  const started = performance.now();
  let files = 0;
  const byRule = new Map<string, number>();
  for (const group of all) {
    const result = lintGroup(group);
    if (group.name === 'sysctl/RPi-Distro__raspberrypi-sys-mods') {
      // The corpus's one known malformed sysctl line: `echo 16384 > /proc/sys/vm/min_free_kbytes`.
      assert.deepEqual(
        result.diagnostics.map((d) => ({ file: d.file, rule: d.rule, range: d.range })),
        [{ file: 'etc/sysctl.d/98-rpi.conf', rule: 'sysctl-syntax', range: { start: { line: 1, character: 0 }, end: { line: 1, character: 41 } } }],
      );
    }
    files += result.files;
    for (const diagnostic of result.diagnostics) byRule.set(diagnostic.rule, (byRule.get(diagnostic.rule) ?? 0) + 1);
    const counts = [...new Set(result.diagnostics.map((d) => d.rule))].sort().map((rule) => `${rule} ${result.diagnostics.filter((d) => d.rule === rule).length}`);
    t.diagnostic(`${group.name}: ${result.files} files, ${result.diagnostics.length} findings${counts.length > 0 ? ` (${counts.join(', ')})` : ''}`);
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const perRule = [...byRule].sort(([a], [b]) => (a < b ? -1 : 1)).map(([rule, count]) => `${rule}: ${count}`);
  t.diagnostic(`corpus: ${all.length} groups, ${files} files, ${[...byRule.values()].reduce((a, b) => a + b, 0)} findings in ${seconds} s`);
  t.diagnostic(`findings per rule: ${perRule.join(', ') || 'none'}`);
  assert.ok(files > 0, 'the corpus holds files Connlint reads');
});
