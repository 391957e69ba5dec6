import type { WorkspaceModel } from './model/workspaceModel';
import { RULES } from './rules/registry';
import type { Finding, Rule } from './rules/rule';
import type { Diagnostic, Severity, SeverityLevel } from './types';

/** How the rules run: per-rule severities over the rules' defaults. */
export interface LintSettings {
  readonly severities?: Readonly<Record<string, SeverityLevel>>;
  /** Finding categories to leave out, because another tool in the same editor reports them. */
  readonly skipCategories?: readonly string[];
}

/**
 * Runs every enabled rule over the workspace model and returns its diagnostics, without the
 * ones a suppression silences, sorted by file, line and column. A severity set in settings
 * applies to every finding of its rule; otherwise a finding's own severity, else the rule's default.
 */
export function lint(model: WorkspaceModel, settings: LintSettings = {}, rules: readonly Rule[] = RULES): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const rule of rules) {
    const configured = settings.severities?.[rule.id];
    if (configured === 'off') continue;
    for (const finding of findingsOf(model, rule)) {
      if (finding.category !== undefined && settings.skipCategories?.includes(finding.category)) continue;
      const diagnostic = toDiagnostic(model, rule.id, configured ?? finding.severity ?? rule.defaultSeverity, finding);
      if (diagnostic !== undefined) diagnostics.push(diagnostic);
    }
  }
  return diagnostics.sort(compareDiagnostics);
}

const findingsByModel = new WeakMap<WorkspaceModel, Map<string, readonly Finding[]>>();

/** A rule's findings over a model, computed once per model (the model is immutable). */
export function findingsOf(model: WorkspaceModel, rule: Rule): readonly Finding[] {
  let byRule = findingsByModel.get(model);
  if (byRule === undefined) findingsByModel.set(model, (byRule = new Map()));
  let findings = byRule.get(rule.id);
  if (findings === undefined) {
    const collected: Finding[] = [];
    rule.check(model, (finding) => collected.push(finding));
    byRule.set(rule.id, (findings = collected));
  }
  return findings;
}

function toDiagnostic(model: WorkspaceModel, rule: string, severity: Severity, finding: Finding): Diagnostic | undefined {
  const file = model.file(finding.file);
  if (file === undefined || finding.subject?.ignoredRules.has(rule)) return undefined;
  const range = file.lineIndex.rangeOf(finding.span);
  if (file.suppressions.isSuppressed(rule, range.start.line)) return undefined;
  const related = (finding.related ?? []).flatMap((item) => {
    const relatedFile = model.file(item.file);
    return relatedFile === undefined ? [] : [{ file: item.file, range: relatedFile.lineIndex.rangeOf(item.span), message: item.message }];
  });
  return { file: finding.file, range, rule, severity, message: finding.message, related };
}

/** Orders diagnostics by file, then position, then rule. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    compareText(a.file, b.file) ||
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    compareText(a.rule, b.rule)
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
