import { lintFindings, type LintedFinding, type LintSettings } from './lint';
import type { WorkspaceModel } from './model/workspaceModel';
import { ruleById } from './rules/registry';
import { type Range, lineEnding } from './text';
import type { Diagnostic } from './types';
import { overlaps, type Fix, type TextEdit } from './edits/fix';

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

/** The quick fixes of a linted finding: the rule's own fixes, then "Disable <rule> for this line". */
export function quickFixesOf(model: WorkspaceModel, { diagnostic, finding }: LintedFinding): Fix[] {
  return [...(finding.fixes?.() ?? []), disableLineFix(model, diagnostic.file, diagnostic.range.start.line, diagnostic.rule)];
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
 * a file with thousands of them is fixed in one pass.
 */
export function fixAllEdits(model: WorkspaceModel, settings: LintSettings, onlyFile?: string): Map<string, TextEdit[]> {
  const chosen = new Map<string, EditSet>();
  for (const linted of lintFindings(model, settings)) {
    if (onlyFile !== undefined && linted.diagnostic.file !== onlyFile) continue;
    for (const fix of quickFixesOf(model, linted)) {
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
