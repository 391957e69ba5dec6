import { Workspace, lint, type Assumptions, type Diagnostic, type LintSettings, type WorkspaceModel, applyEdits, type Fix, type TextEdit } from '@connlint/server';

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

/** One rule's view of in-memory workspaces: its diagnostics, and their places as `file line:col-line:col`. */
export function ruleLinter(rule: string) {
  const diagnostics = (files: Readonly<Record<string, string>>, assumptions: Assumptions = {}): Diagnostic[] =>
    lint(workspaceOf(files, assumptions).model(), {}).filter((diagnostic) => diagnostic.rule === rule);
  const where = (files: Readonly<Record<string, string>>, assumptions: Assumptions = {}): string[] =>
    diagnostics(files, assumptions).map(({ file, range: { start, end } }) => `${file} ${start.line}:${start.character}-${end.line}:${end.character}`);
  return { diagnostics, where };
}
