import * as path from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { escapeControl } from './format/escape';
import { applyEdits } from '../core/edits/fix';
import { planFixAll } from '../core/quickFixes';
import type { LintSettings } from '../core/lint';
import type { Workspace } from '../core/workspace';
import { replaceFiles } from '../files/write';

/** Fixes that overlapped others wait for the next pass; passes stop when none waits. */
const MAX_PASSES = 5;

/** A file the fixes changed: its text before and after. */
export interface FixedFile {
  readonly path: string;
  readonly before: string;
  readonly after: string;
}

/**
 * Applies the preferred fix of every finding to the workspace's texts and returns what changed.
 * Only findings of the workspace as it was read are fixed: a later pass applies the fixes that
 * overlapped another's in the pass before, never the fixes of findings that fixing brought up
 * (a line left "overridden" by a lowered value is not deleted). Files named in `readOnly`
 * (standard input, files not valid UTF-8) are left alone, and so are fixes that would change them.
 */
export function applyFixes(workspace: Workspace, settings: LintSettings, readOnly: ReadonlySet<string>): FixedFile[] {
  const before = new Map<string, string>();
  let waiting: ReadonlySet<string> | undefined;
  for (let pass = 0; pass < MAX_PASSES && waiting?.size !== 0; pass++) {
    const model = workspace.model();
    const pending = waiting;
    const plan = planFixAll(model, settings, { readOnly, ...(pending === undefined ? {} : { accept: (identity: string) => pending.has(identity) }) });
    for (const [path, fileEdits] of plan.edits) {
      const text = model.file(path)!.text;
      if (!before.has(path)) before.set(path, text);
      workspace.set(path, applyEdits(text, fileEdits));
    }
    waiting = new Set(plan.deferred);
    if (plan.edits.size === 0) break;
  }
  return [...before].map(([path, text]) => ({ path, before: text, after: workspace.model().file(path)!.text })).filter((file) => file.before !== file.after);
}

/** A unified diff of the fixes, as `git diff` shows one. */
export function formatDiff(files: readonly FixedFile[]): string {
  return files
    .map((file) => {
      const name = escapeControl(file.path);
      return inertDiff(createTwoFilesPatch(`a/${name}`, `b/${name}`, file.before, file.after, undefined, undefined, { context: 3 }).replace(/^=+\n/m, ''));
    })
    .join('');
}

/** A unified diff with each line's controls escaped (see escape.ts), a CRLF file's line-ending CR kept: no line of it can act on a terminal or a CI runner. */
function inertDiff(diff: string): string {
  return diff
    .split('\n')
    .map((line) => (line.endsWith('\r') ? `${escapeControl(line.slice(0, -1))}\r` : escapeControl(line)))
    .join('\n');
}

/** Where fixed files are written: paths are relative to `cwd`; only below `roots` (the linted paths); `bomFiles` get their byte-order mark back. */
export interface FixDestination {
  readonly cwd: string;
  readonly roots: readonly string[];
  readonly bomFiles: ReadonlySet<string>;
}

/**
 * Writes the fixed files safely (see replaceFiles) and reports each one that was not written on
 * `warn`. Returns how many were not written.
 */
export async function writeFixes(files: readonly FixedFile[], destination: FixDestination, warn: (message: string) => void): Promise<number> {
  const encode = (file: FixedFile, text: string): Buffer => Buffer.from((destination.bomFiles.has(file.path) ? '\uFEFF' : '') + text, 'utf8');
  const replacements = files.map((file) => ({ path: path.resolve(destination.cwd, file.path), before: encode(file, file.before), after: encode(file, file.after) }));
  const outcomes = await replaceFiles(replacements, { roots: destination.roots.map((root) => path.resolve(destination.cwd, root)) });
  let unwritten = 0;
  outcomes.forEach((outcome, index) => {
    if ('written' in outcome) return;
    unwritten++;
    warn('skipped' in outcome ? `did not write the fixes of ${files[index]!.path}: ${outcome.skipped}` : `cannot write the fixes of ${files[index]!.path}: ${outcome.failed}`);
  });
  return unwritten;
}
