import { Workspace, lint, LineIndex, type Diagnostic } from '@connlint/server';
import { applyEdits, fixAllEdits, fixesFor, parsableText, type Fix, type TextEdit } from '@connlint/server';
import { applyFixes } from '@connlint/server/cli';
import { parseAllDocuments } from 'yaml';

/** Files by path, as a workspace holds them. */
export type Files = Readonly<Record<string, string>>;

/** How much of a workspace the checks try: the first diagnostics, each with all its fixes. */
export interface CheckLimits {
  readonly maxDiagnostics?: number;
}

const SYNTAX_RULES = new Set(['yaml-syntax', 'sysctl-syntax']);

/**
 * Every property a fix must keep, checked on one workspace: each offered fix (every quick fix
 * of every diagnostic, then fix-all) has edits inside the file, on character boundaries and not
 * overlapping; leaves each file it edits with as many YAML documents and no more parse errors;
 * removes (or silences) its finding; and after `--fix`, a second `--fix` changes nothing.
 * Returns one line per broken property (none: all hold).
 */
export function fixViolations(files: Files, limits: CheckLimits = {}): string[] {
  const violations: string[] = [];
  const workspace = workspaceOf(files);
  const diagnostics = lint(workspace.model(), {});
  const before = { files, diagnostics };
  for (const diagnostic of diagnostics.slice(0, limits.maxDiagnostics ?? Infinity)) {
    for (const fix of fixesFor(workspace.model(), diagnostic)) {
      const where = `${diagnostic.rule} at ${diagnostic.file}:${diagnostic.range.start.line + 1}, fix "${fix.title}"`;
      for (const problem of fixProblems(before, diagnostic, fix)) violations.push(`${where}: ${problem}`);
    }
  }
  const fixedAll = linted(applyAll(files, [...fixAllEdits(workspace.model(), {}).values()].flat()));
  for (const problem of parseProblems(before, fixedAll)) violations.push(`fix-all: ${problem}`);
  const once = runFix(files);
  for (const problem of parseProblems(before, linted(once))) violations.push(`--fix: ${problem}`);
  const twice = runFix(once);
  for (const path of Object.keys(once).filter((path) => once[path] !== twice[path])) violations.push(`--fix: a second run changed ${path}`);
  return violations;
}

/** The workspace of some in-memory files. */
export function workspaceOf(files: Files): Workspace {
  const workspace = new Workspace({}, (path) => path in files);
  for (const [path, text] of Object.entries(files)) workspace.set(path, text);
  return workspace;
}

/** What `connlint --fix` makes of the files. */
export function runFix(files: Files): Record<string, string> {
  const result: Record<string, string> = { ...files };
  for (const fixed of applyFixes(workspaceOf(files), {}, new Set())) result[fixed.path] = fixed.after;
  return result;
}

/** Files and their diagnostics. */
interface Linted {
  readonly files: Files;
  readonly diagnostics: readonly Diagnostic[];
}

function linted(files: Files): Linted {
  return { files, diagnostics: lint(workspaceOf(files).model(), {}) };
}

function fixProblems(before: Linted, diagnostic: Diagnostic, fix: Fix): string[] {
  const problems = fix.edits.flatMap((edit) => editProblems(before.files, edit));
  if (problems.length > 0) return problems;
  const after = linted(applyAll(before.files, fix.edits));
  problems.push(...parseProblems(before, after));
  if (isStillThere(before, diagnostic, after)) problems.push('the finding is still there, unchanged');
  return problems;
}

/**
 * Whether a fix left its finding as it was. A finding about several workloads has one fix per
 * workload: each one changes the finding (it names fewer), all of them remove it.
 */
function isStillThere(before: Linted, diagnostic: Diagnostic, after: Linted): boolean {
  const identity = identityOf(before.files, diagnostic);
  const same = ({ files, diagnostics }: Linted) => diagnostics.filter((candidate) => identityOf(files, candidate) === identity && candidate.message === diagnostic.message).length;
  return same(after) >= same(before);
}

/** An edit of a file of the workspace, inside it, that splits neither a CRLF nor a surrogate pair. */
function editProblems(files: Files, edit: TextEdit): string[] {
  const text = files[edit.file];
  if (text === undefined) return [`edits ${edit.file}, which is not in the workspace`];
  const { start, end } = edit.span;
  if (!(0 <= start && start <= end && end <= text.length)) return [`edit ${start}-${end} outside the file (${text.length})`];
  const splits = (offset: number): boolean =>
    (text.charCodeAt(offset - 1) === 13 && text.charCodeAt(offset) === 10) || (isHighSurrogate(text.charCodeAt(offset - 1)) && isLowSurrogate(text.charCodeAt(offset)));
  return splits(start) || splits(end) ? [`edit ${start}-${end} splits a line break or a character`] : [];
}

/** Files an edit made unreadable: fewer or more YAML documents, or new parse errors (YAML, or sysctl syntax). */
function parseProblems(before: Linted, after: Linted): string[] {
  const problems: string[] = [];
  const syntaxBefore = syntaxCounts(before.diagnostics);
  const syntaxAfter = syntaxCounts(after.diagnostics);
  for (const path of Object.keys(after.files).filter((path) => after.files[path] !== before.files[path])) {
    if ((syntaxAfter.get(path) ?? 0) > (syntaxBefore.get(path) ?? 0)) problems.push(`${path} has new syntax findings`);
    if (!/\.(ya?ml|json)$/.test(path)) continue;
    const [documentsBefore, errorsBefore] = yamlShape(before.files[path]!);
    const [documentsAfter, errorsAfter] = yamlShape(after.files[path]!);
    if (documentsAfter !== documentsBefore) problems.push(`${path} has ${documentsAfter} YAML documents, not ${documentsBefore}`);
    if (errorsAfter > errorsBefore) problems.push(`${path} has ${errorsAfter} YAML errors, not ${errorsBefore}`);
  }
  return problems;
}

function syntaxCounts(diagnostics: readonly Diagnostic[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const diagnostic of diagnostics) {
    if (SYNTAX_RULES.has(diagnostic.rule)) counts.set(diagnostic.file, (counts.get(diagnostic.file) ?? 0) + 1);
  }
  return counts;
}

function yamlShape(text: string): [number, number] {
  const documents = parseAllDocuments(parsableText(text));
  const list = Array.isArray(documents) ? documents : [];
  return [list.length, list.reduce((sum, document) => sum + document.errors.length, 0)];
}

/** A diagnostic as fixes move it: its rule, file and the text of the line it starts on. */
function identityOf(files: Files, diagnostic: Diagnostic): string {
  const text = files[diagnostic.file] ?? '';
  const lines = new LineIndex(text);
  const line = diagnostic.range.start.line;
  return `${diagnostic.rule}\0${diagnostic.file}\0${text.slice(lines.lineStart(line), lines.lineEnd(line)).trim()}`;
}

function applyAll(files: Files, edits: readonly TextEdit[]): Record<string, string> {
  const result: Record<string, string> = { ...files };
  for (const path of new Set(edits.map((edit) => edit.file))) result[path] = applyEdits(files[path]!, edits.filter((edit) => edit.file === path));
  return result;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
