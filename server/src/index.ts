/** Connlint's analysis core: pure functions over file texts and a workspace snapshot. */
export { analyzeFile, fileRole, type AnalyzedFile, type FileContext, type FileRole } from './core/analyze';
export { lint, compareDiagnostics, type LintSettings } from './core/lint';
export { backendsOf, type Backends, type BackendSource } from './core/model/backends';
export { effectiveConntrackTimeout, nodeKeepaliveTime, podKeepaliveTime, DEFAULTS } from './core/model/effective';
export type { Effective, ValueSource } from './core/model/sources';
export { WorkspaceModel, type Assumptions } from './core/model/workspaceModel';
export { RULES, ruleById } from './core/rules/registry';
export { ruleDocsUrl, type Rule, type Finding } from './core/rules/rule';
export { LineIndex, type Position, type Range, type Span } from './core/text';
export type { Diagnostic, RelatedLocation, Location, Severity, SeverityLevel } from './core/types';
export { Workspace } from './core/workspace';
