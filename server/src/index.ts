/**
 * Connlint's analysis core, its one public entry: pure functions over file texts and a workspace
 * snapshot, which the command line, the language server and the tests build on.
 */

// Files, the workspace and its model.
export { analyzeFile, contentSkipReason, fileRole, fromPortable, toPortable, MAX_FILE_SIZE, type AnalyzedFile, type FileContext, type FileRole, type PortableAnalysis } from './core/analyze';
export { type SkippedDocument, type TemplateCause } from './core/analyze';
export { countByLabel, coverageOf, isSkippedFile, skippedParts, type Coverage, type SkippedPart } from './core/skipped';
export { Workspace } from './core/workspace';
export { WorkspaceModel, type Assumptions } from './core/model/workspaceModel';
export { backendsOf, nearest, type Backends, type BackendSource } from './core/model/backends';
export { NearestIndex } from './core/model/nearestIndex';
export { kustomizeLayout, type KustomizeBuild, type KustomizeLayout } from './core/kustomize/build';
export { isKustomizationPath, type SkippedInput } from './core/kustomize/kustomization';
export { effectiveConntrackTimeout, nodeKeepaliveTime, podKeepaliveTime, DEFAULTS } from './core/model/effective';
export { effectiveIpvsTcpTimeout, effectiveProxyMode } from './core/model/proxy';
export { effectiveKubernetesVersion, imageTagVersion, parseKubernetesVersion, type KubernetesVersion } from './core/model/kubernetesVersion';
export type { Effective, ValueSource } from './core/model/sources';

// Rules, lint and settings.
export { RULES, ruleById } from './core/rules/registry';
export { fittingMessage, MAX_MESSAGE_LENGTH, ruleDocsUrl, type Rule, type Finding } from './core/rules/rule';
export { YAML_PARSE_CATEGORY } from './core/rules/syntax';
export { lint, lintFindings, compareDiagnostics, type LintedFinding, type LintSettings } from './core/lint';
export { DiagnosticsTracker, type TrackerOptions } from './core/diagnosticsTracker';
export { diagnosticsFingerprint } from './core/fingerprint';
export { parseSuppressions, type Suppressions } from './core/suppressions';
export {
  parseSettings,
  lintSettingsOf,
  FileSeverities,
  type Override,
  assumptionsOf,
  exclusionMatcher,
  DEFAULT_SETTINGS,
  SEVERITY_LEVELS,
  type ConnlintSettings,
  type SettingsProblem,
} from './core/settings';
export type { Diagnostic, RelatedLocation, Location, Severity, SeverityLevel } from './core/types';

// Fixes.
export { applyEdits, overlaps, type Fix, type TextEdit } from './core/edits/fix';
export { fixesFor, findTarget, quickFixesOf, fixAllEdits, planFixAll, findingIdentity, disableLineFix, type FixTarget, type FixAllScope, type FixAllPlan } from './core/quickFixes';

// Editor features.
export { hoverAt } from './core/hover';
export { completionsAt, type CompletionItem } from './core/completion';
export { effectiveSettingsReport } from './core/effectiveReport';

// Text, YAML and sysctl helpers.
export { LineIndex, lineEnding, stripBom, parsableText, type Position, type Range, type Span } from './core/text';
export { editDistance } from './core/editDistance';
export { parseGoDuration } from './core/yaml/duration';
export { formatGoDuration } from './core/edits/kubeProxyEdits';
export { splitDocuments, type DocumentSlice } from './core/yaml/documents';
export { blankUnreadFields, parseForAnalysis, type BlankedField, type BlankedText, type ParsedSlice } from './core/k8s/unreadFields';
export { extractObjects } from './core/k8s/extract';
export { parseSysctl, normaliseSysctlKey, type ParsedSysctl, type SysctlAssignment } from './core/sysctl/parse';
export { sysctlApplicationOrder } from './core/sysctl/order';
export { SYSCTL_CATALOG, SYSCTL_FAMILIES, rangeBounds, sysctlFamilyOf, takesSingleInteger, type SysctlInfo } from './core/sysctl/catalog';
export { closestKeys, suggestionThreshold } from './core/rules/sysctlUnknownKey';
export { INT32_MAX, INT32_MIN, kubernetesInt32 } from './core/yaml/int32';
export { connectionPaths, firstToFire, type ConnectionPath, type Hop, type PathContext, type PathKeepalive, type AssumedIdleTimer, type CloudAssumption } from './core/model/path';
export type { IdleTimer, TimerKind } from './core/model/idleTimers';
export { findService, serviceAt, servicePathsReport, pathsReportText, formatSeconds, type ServicePathsReport, type PathReport, type HopReport, type TimerReport } from './core/pathReport';
export { pathsSvg, escapeXml } from './core/pathSvg';
