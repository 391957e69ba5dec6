import { Workspace, lint, type Assumptions, type Diagnostic, type LintSettings } from '@connlint/server';

/** Joins lines into a file's text: fixtures read as the file they stand for. */
export function lines(...content: string[]): string {
  return content.join('\n') + '\n';
}

/** Builds a workspace from in-memory files and lints it. */
export function lintFiles(
  files: Readonly<Record<string, string>>,
  options: LintFilesOptions = {},
): Diagnostic[] {
  const workspace = new Workspace(options.assumptions ?? {}, (path) => path in files);
  for (const [path, text] of Object.entries(files)) workspace.set(path, text, { explicit: options.explicit?.includes(path) ?? false });
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
