import { findingsOf, lint, type LintSettings } from '../lint';
import type { WorkspaceModel } from '../model/workspaceModel';
import { ruleById } from '../rules/registry';
import type { Range } from '../text';
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
  const finding = findingsOf(model, rule).find((candidate) => {
    if (candidate.file !== target.file) return false;
    if ('start' in target) return candidate.span.start === target.start;
    const range = file.lineIndex.rangeOf(candidate.span);
    return samePosition(range.start, target.range.start) && samePosition(range.end, target.range.end);
  });
  if (finding === undefined) return [];
  const line = file.lineIndex.positionAt(finding.span.start).line;
  return [...(finding.fixes?.() ?? []), disableLineFix(model, target.file, line, rule.id)];
}

/** Inserts `# connlint-disable-next-line <rule>` above a line, at the line's indentation. */
export function disableLineFix(model: WorkspaceModel, path: string, line: number, rule: string): Fix {
  const file = model.file(path)!;
  const start = file.lineIndex.lineStart(line);
  const indent = /^[ \t]*/.exec(file.text.slice(start, file.lineIndex.lineEnd(line)))![0];
  const eol = file.text.includes('\r\n') ? '\r\n' : '\n';
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
 * apply. Edits are grouped by the file they change.
 */
export function fixAllEdits(model: WorkspaceModel, settings: LintSettings, onlyFile?: string): Map<string, TextEdit[]> {
  const chosen: TextEdit[] = [];
  for (const diagnostic of lint(model, settings)) {
    if (onlyFile !== undefined && diagnostic.file !== onlyFile) continue;
    for (const fix of fixesFor(model, diagnostic)) {
      if (!fix.preferred || overlaps(fix.edits, chosen)) continue;
      // Fixing one file (the editor's fix-all, on save) changes only that file.
      if (onlyFile !== undefined && fix.edits.some((edit) => edit.file !== onlyFile)) continue;
      chosen.push(...fix.edits);
    }
  }
  const byFile = new Map<string, TextEdit[]>();
  for (const edit of chosen) byFile.set(edit.file, [...(byFile.get(edit.file) ?? []), edit]);
  return byFile;
}

function samePosition(a: { line: number; character: number }, b: { line: number; character: number }): boolean {
  return a.line === b.line && a.character === b.character;
}
