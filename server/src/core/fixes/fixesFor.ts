import { findingsOf, lint, type LintSettings } from '../lint';
import type { WorkspaceModel } from '../model/workspaceModel';
import { ruleById } from '../rules/registry';
import { type LineIndex, type Range, lineEnding } from '../text';
import type { Finding } from '../rules/rule';
import type { Diagnostic } from '../types';
import { overlaps, type Fix, type TextEdit } from './fix';

/** Which finding to fix: its rule and file, and its range or the offset where it starts. */
export type FixTarget = Pick<Diagnostic, 'rule' | 'file'> & ({ readonly range: Range } | { readonly start: number });

/**
 * The fixes of one diagnostic, found again by its rule, file and position (never its message):
 * the rule's own fixes, then "Disable <rule> for this line".
 */
export function fixesFor(model: WorkspaceModel, target: FixTarget): Fix[] {
  const rule = ruleById(target.rule);
  const file = model.file(target.file);
  if (rule === undefined || file === undefined) return [];
  const finding = findingsOf(model, rule).find((candidate) => candidate.file === target.file && isTarget(candidate, target, file.lineIndex));
  return finding === undefined ? [] : fixesOfFinding(model, rule.id, finding);
}

function isTarget(finding: Finding, target: FixTarget, lines: LineIndex): boolean {
  if ('start' in target) return finding.span.start === target.start;
  const range = lines.rangeOf(finding.span);
  return samePosition(range.start, target.range.start) && samePosition(range.end, target.range.end);
}

function fixesOfFinding(model: WorkspaceModel, rule: string, finding: Finding): Fix[] {
  const line = model.file(finding.file)!.lineIndex.positionAt(finding.span.start).line;
  return [...(finding.fixes?.() ?? []), disableLineFix(model, finding.file, line, rule)];
}

/** Inserts `# connlint-disable-next-line <rule>` above a line, at the line's indentation. */
export function disableLineFix(model: WorkspaceModel, path: string, line: number, rule: string): Fix {
  const file = model.file(path)!;
  const start = file.lineIndex.lineStart(line);
  const indent = /^[ \t]*/.exec(file.text.slice(start, file.lineIndex.lineEnd(line)))![0];
  const eol = lineEnding(file.text);
  return {
    title: `Disable ${rule} for this line`,
    edits: [{ file: path, span: { start, end: start }, newText: `${indent}# connlint-disable-next-line ${rule}${eol}` }],
    preferred: false,
  };
}

/**
 * The preferred fixes of every diagnostic (of one file, or all), without overlaps: what "fix
 * all" and `connlint --fix` apply in one pass. A finding can have several (one per workload that
 * relies on a default); all of them apply. For one file, only fixes that change nothing else
 * apply. Edits are grouped by the file they change. Linear in the findings (bar a log factor):
 * a file with thousands of them is fixed in one pass. Once `isCancelled` says so, it stops and
 * returns no edits at all.
 */
export function fixAllEdits(model: WorkspaceModel, settings: LintSettings, onlyFile?: string, isCancelled?: () => boolean): Map<string, TextEdit[]> {
  const chosen = new Map<string, EditSet>();
  const findings = new Map<string, Map<string, Finding>>();
  for (const diagnostic of lint(model, settings)) {
    if (isCancelled?.()) return new Map();
    if (onlyFile !== undefined && diagnostic.file !== onlyFile) continue;
    const finding = findingAt(model, findings, diagnostic);
    if (finding === undefined) continue;
    for (const fix of fixesOfFinding(model, diagnostic.rule, finding)) {
      if (!fix.preferred) continue;
      // Fixing one file (the editor's fix-all, on save) changes only that file.
      if (onlyFile !== undefined && fix.edits.some((edit) => edit.file !== onlyFile)) continue;
      if (fix.edits.some((edit) => chosen.get(edit.file)?.overlaps(edit))) continue;
      for (const edit of fix.edits) {
        let set = chosen.get(edit.file);
        if (set === undefined) chosen.set(edit.file, (set = new EditSet()));
        set.add(edit);
      }
    }
  }
  return new Map([...chosen].map(([file, set]) => [file, set.edits]));
}

/** The finding behind a diagnostic, through one index per rule built on first use. */
function findingAt(model: WorkspaceModel, indexes: Map<string, Map<string, Finding>>, diagnostic: Diagnostic): Finding | undefined {
  let index = indexes.get(diagnostic.rule);
  if (index === undefined) {
    index = new Map();
    const rule = ruleById(diagnostic.rule);
    for (const finding of rule === undefined ? [] : findingsOf(model, rule)) {
      const key = `${finding.file}\0${finding.span.start}\0${finding.span.end}`;
      if (!index.has(key)) index.set(key, finding);
    }
    indexes.set(diagnostic.rule, index);
  }
  const lines = model.file(diagnostic.file)?.lineIndex;
  if (lines === undefined) return undefined;
  return index.get(`${diagnostic.file}\0${lines.offsetAt(diagnostic.range.start)}\0${lines.offsetAt(diagnostic.range.end)}`);
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

function samePosition(a: { line: number; character: number }, b: { line: number; character: number }): boolean {
  return a.line === b.line && a.character === b.character;
}
