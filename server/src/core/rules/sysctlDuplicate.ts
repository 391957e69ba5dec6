import type { AnalyzedFile } from '../analyze';
import type { Fix } from '../fixes/fix';
import type { NodeSysctl, WorkspaceModel } from '../model/workspaceModel';
import type { Finding, Rule } from './rule';
import { kernelAccepts } from './sysctlValue';

/**
 * A node sysctl assignment that a later one overrides (later in the same file, or in a file
 * applied later in sysctl.d order): it has no effect. Assignments the kernel rejects never win.
 */
export const sysctlDuplicate: Rule = {
  id: 'sysctl-duplicate',
  defaultSeverity: 'info',
  description: 'A node sysctl assignment that a later assignment of the same key overrides; it has no effect.',
  check(model, report) {
    const keys = new Set(model.sysctlFiles.flatMap((file) => (file.sysctl?.assignments ?? []).map((assignment) => assignment.key)));
    for (const key of keys) {
      const assignments = model.nodeSysctlAssignments(key);
      const winner = findLastIndex(assignments, (entry) => kernelAccepts(key, entry.assignment.value));
      for (let i = 0; i < winner; i++) {
        const overridden = assignments[i]!;
        // A value the kernel rejects is sysctl-value's finding: it was never in effect to be overridden.
        if (kernelAccepts(key, overridden.assignment.value)) report(duplicateFinding(model, key, overridden, assignments[winner]!));
      }
    }
  },
};

function duplicateFinding(model: WorkspaceModel, key: string, overridden: NodeSysctl, winner: NodeSysctl): Finding {
  const where = model.describe({ kind: 'file', file: winner.file, span: winner.assignment.valueSpan, setting: `${key} = ${winner.assignment.value}` });
  const file = model.file(overridden.file)!;
  return {
    file: overridden.file,
    span: overridden.assignment.lineSpan,
    message: `${key} = ${overridden.assignment.value} is overridden by ${where}, which is applied later and wins: this assignment has no effect.`,
    related: [{ file: winner.file, span: winner.assignment.valueSpan, message: `The assignment of ${key} that wins: ${winner.assignment.value}` }],
    fixes: () => [removeLine(file, overridden, sameDirectory(overridden.file, winner.file))],
  };
}

/** Deletes the assignment's whole line with its line break. */
function removeLine(file: AnalyzedFile, entry: NodeSysctl, preferred: boolean): Fix {
  const lines = file.lineIndex;
  const line = entry.assignment.line;
  const last = line + 1 >= lines.lineCount;
  const span = last ? { start: line === 0 ? 0 : lines.lineEnd(line - 1), end: file.text.length } : { start: lines.lineStart(line), end: lines.lineStart(line + 1) };
  return { title: 'Remove this assignment', edits: [{ file: file.path, span, newText: '' }], preferred };
}

/**
 * Files of one directory are deployed together; files of different directories may go to
 * different nodes, so deleting a line because of another directory's file is left to the user.
 */
function sameDirectory(a: string, b: string): boolean {
  const directory = (path: string) => path.replace(/\\/g, '/').replace(/[^/]*$/, '');
  return directory(a) === directory(b);
}

function findLastIndex<T>(items: readonly T[], predicate: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (predicate(items[i]!)) return i;
  return -1;
}
