import type { Range } from './text';

/** How loudly a finding is reported, as in the Language Server Protocol. */
export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** A severity, or `off` to turn a rule off. */
export type SeverityLevel = Severity | 'off';

/** A place in a file of the workspace. */
export interface Location {
  /** The file's path as the workspace knows it (a path for the CLI, a URI for editors). */
  readonly file: string;
  readonly range: Range;
}

/** The other side of a cross-file finding. */
export interface RelatedLocation extends Location {
  readonly message: string;
}

/** One finding of one rule, ready for an editor or a report. */
export interface Diagnostic extends Location {
  readonly rule: string;
  readonly severity: Severity;
  readonly message: string;
  readonly related: readonly RelatedLocation[];
}
