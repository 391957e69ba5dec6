import { parseAllDocuments } from 'yaml';
import type { AnalyzedFile } from './analyze';
import type { Fix, TextEdit } from './edits/fix';
import { blankedDocumentsParse } from './k8s/unreadFields';
import { overlaps } from './edits/fix';
import { lintFindings, type LintedFinding, type LintSettings } from './lint';
import type { WorkspaceModel } from './model/workspaceModel';
import { ruleById } from './rules/registry';
import type { Finding } from './rules/rule';
import { type LineIndex, type Range, parsableText } from './text';
import type { Diagnostic } from './types';
import { splitDocuments } from './yaml/documents';

/** Which finding to fix: its rule and file, and its range or the offset where it starts. */
export type FixTarget = Pick<Diagnostic, 'rule' | 'file'> & ({ readonly range: Range } | { readonly start: number });

/**
 * The fixes of one diagnostic, found by its rule, file and position (never its message) among
 * the findings linted afresh: the rule's own fixes, then "Disable <rule> for this line". Front
 * ends that keep the linted findings they reported look the target up there (`findTarget`).
 */
export function fixesFor(model: WorkspaceModel, target: FixTarget): Fix[] {
  const rule = ruleById(target.rule);
  if (rule === undefined || model.file(target.file) === undefined) return [];
  const linted = findTarget(lintFindings(model, {}, [rule]), target);
  return linted === undefined ? [] : quickFixesOf(model, linted);
}

/** The linted finding a target names: same rule and file, and the same start offset or exact range. */
export function findTarget(linted: Iterable<LintedFinding>, target: FixTarget): LintedFinding | undefined {
  for (const candidate of linted) {
    const { diagnostic, finding } = candidate;
    if (diagnostic.rule !== target.rule || diagnostic.file !== target.file) continue;
    if ('start' in target ? finding.span.start === target.start : sameRange(diagnostic.range, target.range)) return candidate;
  }
  return undefined;
}

/** The quick fixes of a linted finding: the rule's own fixes, then "Disable <rule> for this line" where it keeps the file whole. */
export function quickFixesOf(model: WorkspaceModel, { diagnostic, finding }: LintedFinding): Fix[] {
  const disable = disableLineFix(model, diagnostic.file, diagnostic.range.start.line, diagnostic.rule);
  return [...rulesFixes(model, finding), ...(disable === undefined ? [] : [disable])];
}

/**
 * A finding's own fixes, less those that would edit a file with YAML syntax errors: where the
 * parser had to guess, an edit placed by its structure can make the file worse, and an error in
 * one document (an unclosed quote) can swallow the `---` that starts the next one. That includes
 * errors in the fields the analysis left unparsed (blankedDocumentsParse).
 */
function rulesFixes(model: WorkspaceModel, finding: Finding): readonly Fix[] {
  const fixes = finding.fixes?.() ?? [];
  return fixes.filter((fix) => fix.edits.every((edit) => parsesCleanly(model.file(edit.file))));
}

function parsesCleanly(file: AnalyzedFile | undefined): boolean {
  return file === undefined || (file.syntaxProblems.length === 0 && blankedDocumentsParse(file));
}

/**
 * Inserts `# connlint-disable-next-line <rule>` on a line of its own above a line, at the line's
 * indentation (in a sequence item `- name: x`, the dash's), where suppressions.ts reads it. In a
 * manifest, only when the document still parses as before: a comment line inside a construct
 * that cannot hold one is never offered.
 */
export function disableLineFix(model: WorkspaceModel, path: string, line: number, rule: string): Fix | undefined {
  const file = model.file(path)!;
  const start = file.lineIndex.lineStart(line);
  const indent = /^[ \t]*/.exec(file.text.slice(start, file.lineIndex.lineEnd(line)))![0];
  const edit = { file: path, span: { start, end: start }, newText: `${indent}# connlint-disable-next-line ${rule}${file.lineIndex.eol}` };
  if (file.role === 'manifest' && !keepsDocumentWhole(file.text, edit)) return undefined;
  return { title: `Disable ${rule} for this line`, edits: [edit], preferred: false };
}

/** Whether an insertion leaves the YAML document it lands in with the same errors and as one document. */
function keepsDocumentWhole(text: string, edit: TextEdit): boolean {
  const parsable = parsableText(text);
  const slice = splitDocuments(parsable).find((candidate) => candidate.start <= edit.span.start && edit.span.start <= candidate.end);
  if (slice === undefined) return true;
  const before = parsable.slice(slice.start, slice.end);
  const at = edit.span.start - slice.start;
  const after = parsableText(before.slice(0, at) + edit.newText + before.slice(at));
  const shape = (source: string): string => {
    const documents = parseAllDocuments(source);
    return Array.isArray(documents) ? `${documents.length}:${documents.reduce((sum, document) => sum + document.errors.length, 0)}` : '0:0';
  };
  return shape(after) === shape(before);
}

/** What fix-all may change: one file only (the editor's fix-all, on save), files it must leave alone, findings it may fix. */
export interface FixAllScope {
  readonly onlyFile?: string;
  readonly readOnly?: ReadonlySet<string>;
  /** Stops fix-all, which then returns no edits at all (a request the client cancelled). */
  readonly isCancelled?: () => boolean;
  /** Fixes only the findings whose identity (see `findingIdentity`) this accepts. */
  readonly accept?: (identity: string) => boolean;
}

/** The edits of fix-all, and the findings it fixed and those whose fixes overlapped another's and wait for a later pass. */
export interface FixAllPlan {
  readonly edits: Map<string, TextEdit[]>;
  readonly fixed: readonly string[];
  readonly deferred: readonly string[];
}

/**
 * The preferred fixes of every diagnostic (of one file, or all), without overlaps: what "fix
 * all" and `connlint --fix` apply in one pass. A finding can have several (one per workload that
 * relies on a default); all of them apply. For one file, only fixes that change nothing else
 * apply. Edits are grouped by the file they change. Linear in the findings (bar a log factor):
 * each file's documents are split and parsed once, whatever the number of fixes. Once
 * `isCancelled` says so, it stops and returns no edits at all.
 */
export function fixAllEdits(model: WorkspaceModel, settings: LintSettings, onlyFile?: string, isCancelled?: () => boolean): Map<string, TextEdit[]> {
  return planFixAll(model, settings, { ...(onlyFile === undefined ? {} : { onlyFile }), ...(isCancelled === undefined ? {} : { isCancelled }) }).edits;
}

/** Fix-all over a scope, telling which findings it fixed and which wait for another pass. */
export function planFixAll(model: WorkspaceModel, settings: LintSettings, scope: FixAllScope = {}): FixAllPlan {
  const chosen = new Map<string, EditSet>();
  const fixed: string[] = [];
  const deferred: string[] = [];
  for (const { diagnostic, finding } of lintFindings(model, settings)) {
    if (scope.isCancelled?.()) return { edits: new Map(), fixed: [], deferred: [] };
    if (scope.onlyFile !== undefined && diagnostic.file !== scope.onlyFile) continue;
    const identity = findingIdentity(model, diagnostic.rule, finding);
    if (scope.accept !== undefined && !scope.accept(identity)) continue;
    // "Disable … for this line" is never preferred: fix-all needs only the rule's own fixes.
    for (const fix of rulesFixes(model, finding)) {
      // Fixing one file (the editor's fix-all, on save) changes only that file.
      if (!fix.preferred || !fitsScope(fix, scope)) continue;
      if (fix.edits.some((edit) => chosen.get(edit.file)?.overlaps(edit))) {
        deferred.push(identity);
        continue;
      }
      fixed.push(identity);
      for (const edit of fix.edits) {
        let set = chosen.get(edit.file);
        if (set === undefined) chosen.set(edit.file, (set = new EditSet()));
        set.add(edit);
      }
    }
  }
  return { edits: new Map([...chosen].map(([file, set]) => [file, set.edits])), fixed, deferred };
}

function fitsScope(fix: Fix, scope: FixAllScope): boolean {
  return fix.edits.every((edit) => (scope.onlyFile === undefined || edit.file === scope.onlyFile) && !scope.readOnly?.has(edit.file));
}

/**
 * What stays of a finding when other fixes move it: its rule, file, the object it is about and
 * the text of the line it starts on. Passes of `--fix` after the first fix only findings known from the start.
 */
export function findingIdentity(model: WorkspaceModel, rule: string, finding: Finding): string {
  const file = model.file(finding.file);
  const line = file === undefined ? '' : lineText(file.text, file.lineIndex, file.lineIndex.positionAt(finding.span.start).line).trim();
  const subject = finding.subject as { kind?: string; namespace?: string; name?: string } | undefined;
  const about = subject === undefined ? '' : `${subject.kind ?? ''}/${subject.namespace ?? ''}/${subject.name ?? ''}`;
  return `${rule}\0${finding.file}\0${about}\0${line}`;
}

function lineText(text: string, lines: LineIndex, line: number): string {
  return text.slice(lines.lineStart(line), lines.lineEnd(line));
}

/** The edits chosen for one file, sorted by start, with the overlap test of fix.ts in log time. */
class EditSet {
  readonly edits: TextEdit[] = [];
  private readonly sorted: TextEdit[] = [];

  overlaps(edit: TextEdit): boolean {
    const at = this.insertionPoint(edit.span.start);
    // Neighbours on both sides are enough: chosen edits never overlap each other.
    return [this.sorted[at - 1], this.sorted[at]].some((other) => other !== undefined && overlaps([edit], [other]));
  }

  add(edit: TextEdit): void {
    this.sorted.splice(this.insertionPoint(edit.span.start), 0, edit);
    this.edits.push(edit);
  }

  private insertionPoint(start: number): number {
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.sorted[mid]!.span.start <= start) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}
