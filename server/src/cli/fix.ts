import { createTwoFilesPatch } from 'diff';
import { applyEdits } from '../core/edits/fix';
import { fixAllEdits } from '../core/quickFixes';
import type { LintSettings } from '../core/lint';
import type { Workspace } from '../core/workspace';

/** Fixing can make further fixes possible (or needed); passes stop when nothing changes. */
const MAX_PASSES = 5;

/** A file the fixes changed: its text before and after. */
export interface FixedFile {
  readonly path: string;
  readonly before: string;
  readonly after: string;
}

/**
 * Applies the preferred fix of every finding to the workspace's texts, pass after pass, and
 * returns what changed. Files named in `readOnly` (standard input) are left alone.
 */
export function applyFixes(workspace: Workspace, settings: LintSettings, readOnly: ReadonlySet<string>): FixedFile[] {
  const before = new Map<string, string>();
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const model = workspace.model();
    const edits = [...fixAllEdits(model, settings)].filter(([path]) => !readOnly.has(path));
    if (edits.length === 0) break;
    for (const [path, fileEdits] of edits) {
      const text = model.file(path)!.text;
      if (!before.has(path)) before.set(path, text);
      workspace.set(path, applyEdits(text, fileEdits));
    }
  }
  return [...before].map(([path, text]) => ({ path, before: text, after: workspace.model().file(path)!.text })).filter((file) => file.before !== file.after);
}

/** A unified diff of the fixes, as `git diff` shows one. */
export function formatDiff(files: readonly FixedFile[]): string {
  return files.map((file) => createTwoFilesPatch(`a/${file.path}`, `b/${file.path}`, file.before, file.after, undefined, undefined, { context: 3 }).replace(/^=+\n/m, '')).join('');
}
