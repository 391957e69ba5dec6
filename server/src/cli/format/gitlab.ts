import { existsSync } from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic, Severity } from '../../core/types';
import { inertJson } from './escape';
import { Fingerprints } from './sarif';

/** GitLab's Code Quality severities, from least to most severe. */
export type CodeQualitySeverity = 'info' | 'minor' | 'major' | 'critical' | 'blocker';

/**
 * Connlint's severities on GitLab's scale: `error` → `critical`, `warning` → `minor`, `info` and
 * `hint` → `info`. An error is a value the kernel or the API server rejects, or a file that does
 * not parse: the configuration fails outright, which is more than the "probable bug" `major`
 * says; `blocker` stays free for tools that stop a release. A warning is a connection that can be
 * reset under conditions (idle long enough), hence `minor`, below every error in the widget.
 */
export function codeQualitySeverity(severity: Severity): CodeQualitySeverity {
  return severity === 'error' ? 'critical' : severity === 'warning' ? 'minor' : 'info';
}

/** What the Code Quality report needs beyond the findings. */
export interface GitlabContext {
  /** A file's text as linted, for fingerprints; `undefined` when unknown. */
  readonly textOf: (file: string) => string | undefined;
  /** A report path (relative to the current directory) as a path relative to the repository root. */
  readonly repositoryPath: (file: string) => string;
}

/**
 * GitLab's Code Quality report (`artifacts:reports:codequality`): a JSON array with one issue per
 * finding, with the documented fields only. Fingerprints are those of the SARIF report, so an
 * issue keeps its identity across edits elsewhere in the file and GitLab shows it as unchanged.
 */
export function formatGitlab(diagnostics: readonly Diagnostic[], context: GitlabContext): string {
  const fingerprints = new Fingerprints(context.textOf);
  const issues = diagnostics.map((diagnostic) => ({
    description: diagnostic.message,
    check_name: diagnostic.rule,
    fingerprint: fingerprints.next(diagnostic),
    severity: codeQualitySeverity(diagnostic.severity),
    location: { path: context.repositoryPath(diagnostic.file), lines: { begin: diagnostic.range.start.line + 1 } },
  }));
  return inertJson(issues);
}

/**
 * The repository's root as GitLab sees it: `CI_PROJECT_DIR` in a GitLab job, else the nearest
 * directory at or above `cwd` that holds `.git`, else `cwd` itself.
 */
export function repositoryRoot(cwd: string, env: Readonly<Record<string, string | undefined>>, exists: (file: string) => boolean = existsSync): string {
  const projectDirectory = env['CI_PROJECT_DIR'];
  if (projectDirectory !== undefined && projectDirectory !== '') return path.resolve(cwd, projectDirectory);
  for (let directory = path.resolve(cwd); ; directory = path.dirname(directory)) {
    if (exists(path.join(directory, '.git'))) return directory;
    if (path.dirname(directory) === directory) return path.resolve(cwd);
  }
}

/**
 * A path relative to `cwd` (with `/` separators) as a path relative to `root`, with `/`
 * separators; a name that is not a file path (standard input) or lies outside the root stays as it is.
 */
export function pathFromRoot(file: string, cwd: string, root: string, isFilePath: (file: string) => boolean): string {
  if (!isFilePath(file)) return file;
  const relative = path.relative(root, path.resolve(cwd, file)).split(path.sep).join('/');
  return relative === '' || relative.startsWith('../') || path.isAbsolute(relative) ? file : relative;
}
