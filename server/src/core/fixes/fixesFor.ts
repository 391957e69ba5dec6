import { findingsOf, lint, type LintSettings } from '../lint';
import type { WorkspaceModel } from '../model/workspaceModel';
import { ruleById } from '../rules/registry';
import type { Diagnostic } from '../types';
import { overlaps, type Fix, type TextEdit } from './fix';

/**
 * The fixes of one diagnostic, found again by its rule, file and range (never its message):
 * the rule's own fixes, then "Disable <rule> for this line".
 */
export function fixesFor(model: WorkspaceModel, diagnostic: Pick<Diagnostic, 'rule' | 'file' | 'range'>): Fix[] {
  const rule = ruleById(diagnostic.rule);
  const file = model.file(diagnostic.file);
  if (rule === undefined || file === undefined) return [];
  const finding = findingsOf(model, rule).find((candidate) => {
    if (candidate.file !== diagnostic.file) return false;
    const range = file.lineIndex.rangeOf(candidate.span);
    return samePosition(range.start, diagnostic.range.start) && samePosition(range.end, diagnostic.range.end);
  });
  if (finding === undefined) return [];
  return [...(finding.fixes?.() ?? []), disableLineFix(model, diagnostic.file, diagnostic.range.start.line, rule.id)];
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
 * all" and `connlint --fix` apply in one pass. Edits are grouped by the file they change.
 */
export function fixAllEdits(model: WorkspaceModel, settings: LintSettings, onlyFile?: string): Map<string, TextEdit[]> {
  const chosen: TextEdit[] = [];
  for (const diagnostic of lint(model, settings)) {
    if (onlyFile !== undefined && diagnostic.file !== onlyFile) continue;
    for (const fix of fixesFor(model, diagnostic)) {
      if (!fix.preferred || overlaps(fix.edits, chosen)) continue;
      chosen.push(...fix.edits);
      break;
    }
  }
  const byFile = new Map<string, TextEdit[]>();
  for (const edit of chosen) byFile.set(edit.file, [...(byFile.get(edit.file) ?? []), edit]);
  return byFile;
}

function samePosition(a: { line: number; character: number }, b: { line: number; character: number }): boolean {
  return a.line === b.line && a.character === b.character;
}
