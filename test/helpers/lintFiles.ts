import assert from 'node:assert/strict';
import { Workspace, lint, fixesFor, type Assumptions, type Diagnostic, type LintSettings, type WorkspaceModel, applyEdits, type Fix, type TextEdit } from '@connlint/server';

/** Joins lines into a file's text: fixtures read as the file they stand for. */
export function lines(...content: string[]): string {
  return content.join('\n') + '\n';
}

/** A workspace of in-memory files (a Helm chart's Chart.yaml exists when it is one of them). */
export function workspaceOf(files: Readonly<Record<string, string>>, assumptions: Assumptions = {}, explicit: readonly string[] = []): Workspace {
  const workspace = new Workspace(assumptions, (path) => path in files);
  for (const [path, text] of Object.entries(files)) workspace.set(path, text, { explicit: explicit.includes(path) });
  return workspace;
}

/** The model of a workspace of in-memory files. */
export function modelOf(files: Readonly<Record<string, string>>, assumptions: Assumptions = {}): WorkspaceModel {
  return workspaceOf(files, assumptions).model();
}

/** The files after applying edits (to any of them); files no edit touches are returned as they are. */
export function applyAll(files: Readonly<Record<string, string>>, edits: readonly TextEdit[]): Record<string, string> {
  const result: Record<string, string> = { ...files };
  for (const path of new Set(edits.map((edit) => edit.file))) result[path] = applyEdits(files[path]!, edits.filter((edit) => edit.file === path));
  return result;
}

/** The files after applying one fix. */
export function applyFix(files: Readonly<Record<string, string>>, fix: Fix): Record<string, string> {
  return applyAll(files, fix.edits);
}

/** Builds a workspace from in-memory files and lints it. */
export function lintFiles(
  files: Readonly<Record<string, string>>,
  options: LintFilesOptions = {},
): Diagnostic[] {
  const workspace = workspaceOf(files, options.assumptions, options.explicit);
  const diagnostics = lint(workspace.model(), options.settings ?? {});
  return options.only === undefined ? diagnostics : diagnostics.filter((diagnostic) => options.only!.includes(diagnostic.rule));
}

/** Where each service-affinity finding's conntrack timeout comes from, as its related location says: `file: source-file value, how it was chosen`. */
export function conntrackSources(files: Readonly<Record<string, string>>): string[] {
  const prefix = 'The conntrack established timeout: ';
  return lintFiles(files, { only: ['service-affinity'] }).map((diagnostic) => {
    const conntrack = diagnostic.related.find((place) => place.message.startsWith(prefix));
    return `${diagnostic.file}: ${conntrack?.file} ${conntrack?.message.slice(prefix.length)}`;
  });
}

export interface LintFilesOptions {
  readonly assumptions?: Assumptions;
  readonly settings?: LintSettings;
  /** Files read as named on the command line (a file that is not YAML is read as sysctl). */
  readonly explicit?: readonly string[];
  /** Keep only these rules' diagnostics: a rule's tests are not about the findings of others. */
  readonly only?: readonly string[];
}

/** lintFiles and lintBrief restricted to some rules. */
export function lintersFor(...rules: string[]) {
  return {
    lintFiles: (files: Readonly<Record<string, string>>, options: LintFilesOptions = {}) => lintFiles(files, { ...options, only: rules }),
    lintBrief: (files: Readonly<Record<string, string>>, options: LintFilesOptions = {}) => lintBrief(files, { ...options, only: rules }),
  };
}

/** A diagnostic reduced to what tests compare: rule, severity, file and range as `line:col-line:col` (0-based). */
export interface Brief {
  readonly rule: string;
  readonly severity: string;
  readonly file: string;
  readonly range: string;
}

export function brief(diagnostic: Diagnostic): Brief {
  const { start, end } = diagnostic.range;
  return {
    rule: diagnostic.rule,
    severity: diagnostic.severity,
    file: diagnostic.file,
    range: `${start.line}:${start.character}-${end.line}:${end.character}`,
  };
}

/** Lints and reduces every diagnostic to its brief. */
export function lintBrief(files: Readonly<Record<string, string>>, options?: Parameters<typeof lintFiles>[1]): Brief[] {
  return lintFiles(files, options).map(brief);
}

/** Which of a rule's findings: the first in `file` (any file if absent) starting on `line` (any line if absent). */
export interface FindingPick {
  readonly file?: string;
  readonly line?: number;
  /** The `index`-th of the matching findings (default the first). */
  readonly index?: number;
  /** Assert that exactly one finding matches. */
  readonly only?: boolean;
  readonly assumptions?: Assumptions;
}

/**
 * One rule's view of in-memory workspaces: its diagnostics (`diagnostics` with assumptions,
 * `diagnosticsOf` with settings), their places as `file line:col-line:col`, the fixes of one of
 * its findings, and `assertFix`, which applies a fix and compares the whole texts.
 */
export function ruleLinter(rule: string) {
  const diagnostics = (files: Readonly<Record<string, string>>, assumptions: Assumptions = {}): Diagnostic[] =>
    lint(workspaceOf(files, assumptions).model(), {}).filter((diagnostic) => diagnostic.rule === rule);
  const diagnosticsOf = (files: Readonly<Record<string, string>>, settings: LintSettings = {}): Diagnostic[] =>
    lint(workspaceOf(files).model(), settings).filter((diagnostic) => diagnostic.rule === rule);
  const where = (files: Readonly<Record<string, string>>, assumptions: Assumptions = {}): string[] =>
    diagnostics(files, assumptions).map(({ file, range: { start, end } }) => `${file} ${start.line}:${start.character}-${end.line}:${end.character}`);
  const fixesOf = (files: Readonly<Record<string, string>>, pick: FindingPick = {}): Fix[] => {
    const model = workspaceOf(files, pick.assumptions).model();
    const found = lint(model, {}).filter(
      (diagnostic) => diagnostic.rule === rule && (pick.file === undefined || diagnostic.file === pick.file) && (pick.line === undefined || diagnostic.range.start.line === pick.line),
    );
    if (pick.only) assert.equal(found.length, 1, `one ${rule} diagnostic expected, got ${found.map(brief).map((item) => `${item.file} ${item.range}`).join(', ')}`);
    const diagnostic = found[pick.index ?? 0];
    assert.ok(diagnostic, `no ${rule} diagnostic${pick.file === undefined ? '' : ` in ${pick.file}`}${pick.line === undefined ? '' : ` on line ${pick.line}`}`);
    return fixesFor(model, diagnostic);
  };
  /** Applies the fix titled `title` of the rule's only finding, compares every file's whole text with `expected` (unlisted files unchanged), and with `clean` checks the finding is gone. */
  const assertFix = (files: Readonly<Record<string, string>>, title: string, expected: Readonly<Record<string, string>>, clean = true): void => {
    const fix = fixesOf(files, { only: true }).find((candidate) => candidate.title === title);
    assert.ok(fix, `no fix "${title}"`);
    const fixed: Record<string, string> = { ...files };
    for (const path of Object.keys(files)) fixed[path] = applyEdits(files[path]!, fix.edits.filter((edit) => edit.file === path));
    assert.deepEqual(fixed, { ...files, ...expected });
    if (clean) assert.deepEqual(diagnosticsOf(fixed), [], 'the finding is gone');
  };
  return { diagnostics, diagnosticsOf, where, fixesOf, assertFix };
}
