import { pushTo } from '../collections';
import type { AnalyzedFile } from '../analyze';
import type { Fix } from '../edits/fix';
import type { NodeSysctl, WorkspaceModel } from '../model/workspaceModel';
import type { Finding, Rule } from './rule';
import { baseName } from '../model/sources';
import { bootOrder, nodeRootOf } from '../sysctl/order';
import { kernelAccepts } from '../sysctl/values';

/**
 * A node sysctl assignment that a later one of another value overrides (later in the same file,
 * or in a file of the same node image applied later in sysctl.d order): it has no effect.
 * Assignments the kernel rejects never win; files of different images (see nodeRootOf) are not
 * compared, and repeating the winning value changes nothing, so it is not reported.
 */
export const sysctlDuplicate: Rule = {
  id: 'sysctl-duplicate',
  defaultSeverity: 'info',
  description: 'A node sysctl assignment that a later assignment of the same key overrides; it has no effect.',
  scope: 'workspace',
  check(model, report) {
    const keys = new Set(model.sysctlFiles.flatMap((file) => (file.sysctl?.assignments ?? []).map((assignment) => assignment.key)));
    for (const key of keys) {
      for (const assignments of byNodeRoot(model.nodeSysctlAssignments(key))) {
        const accepted = (entry: NodeSysctl): boolean => kernelAccepts(key, entry.assignment.value);
        const winner = findLastIndex(assignments, accepted);
        const atBoot = bootOrder(assignments);
        const bootWinner = atBoot[findLastIndex(atBoot, accepted)];
        for (let i = 0; i < winner; i++) {
          const overridden = assignments[i]!;
          // A value the kernel rejects is sysctl-value's finding: it was never in effect to be overridden.
          if (!accepted(overridden) || sameValue(overridden, assignments[winner]!) || overridden === bootWinner) continue;
          report(duplicateFinding(model, key, overridden, assignments[winner]!));
        }
        if (bootWinner !== undefined && winner !== -1 && !sameValue(bootWinner, assignments[winner]!)) report(appliersDisagree(key, bootWinner, assignments[winner]!));
      }
    }
  },
};

/**
 * systemd-sysctl at boot and `sysctl --system` end with different values: reported on the boot
 * winner, which is never removed (it is what the node boots with).
 */
function appliersDisagree(key: string, atBoot: NodeSysctl, bySystem: NodeSysctl): Finding {
  const line = (entry: NodeSysctl): string => `${baseName(entry.file)}:${entry.assignment.line + 1}`;
  return {
    file: atBoot.file,
    span: atBoot.assignment.lineSpan,
    message: `${key} = ${atBoot.assignment.value} applies at boot, but sysctl --system ends with ${bySystem.assignment.value} from ${line(bySystem)}, as it applies sysctl.conf last.`,
    related: [{ file: bySystem.file, span: bySystem.assignment.valueSpan, message: `sysctl --system applies this last: ${key} = ${bySystem.assignment.value}` }],
  };
}

function duplicateFinding(model: WorkspaceModel, key: string, overridden: NodeSysctl, winner: NodeSysctl): Finding {
  const where = model.describe({ kind: 'file', file: winner.file, span: winner.assignment.valueSpan, setting: `${key} = ${winner.assignment.value}` });
  const file = model.file(overridden.file)!;
  return {
    file: overridden.file,
    span: overridden.assignment.lineSpan,
    message: `${key} = ${overridden.assignment.value} has no effect: ${where} is applied later and wins`,
    related: [{ file: winner.file, span: winner.assignment.valueSpan, message: `The assignment of ${key} that wins: ${winner.assignment.value}` }],
    fixes: () => [removeLine(file, overridden)],
  };
}

/** Deletes the assignment's whole line with its line break: it has no effect on its node. */
function removeLine(file: AnalyzedFile, entry: NodeSysctl): Fix {
  const lines = file.lineIndex;
  const line = entry.assignment.line;
  const last = line + 1 >= lines.lineCount;
  const span = last ? { start: line === 0 ? 0 : lines.lineEnd(line - 1), end: file.text.length } : { start: lines.lineStart(line), end: lines.lineStart(line + 1) };
  return { title: 'Remove this assignment', edits: [{ file: file.path, span, newText: '' }], preferred: true };
}

/** The assignments of one key grouped by node image, each group in application order. */
function byNodeRoot(assignments: readonly NodeSysctl[]): NodeSysctl[][] {
  const groups = new Map<string, NodeSysctl[]>();
  for (const entry of assignments) pushTo(groups, nodeRootOf(entry.file), entry);
  return [...groups.values()];
}

/** Values that set the same thing: equal once blanks are folded (`1024  65000` and `1024 65000`). */
function sameValue(a: NodeSysctl, b: NodeSysctl): boolean {
  return a.assignment.value.split(/\s+/).join(' ') === b.assignment.value.split(/\s+/).join(' ');
}

function findLastIndex<T>(items: readonly T[], predicate: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (predicate(items[i]!)) return i;
  return -1;
}
