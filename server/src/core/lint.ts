import type { AnalyzedFile } from './analyze';
import { modelFindings, type ModelFindings, type Shard } from './findings';
import type { WorkspaceModel } from './model/workspaceModel';
import { RULES } from './rules/registry';
import type { Finding, Rule } from './rules/rule';
import type { FileSeverities } from './settings';
import type { Diagnostic, Severity, SeverityLevel } from './types';

/** How the rules run: per-rule severities over the rules' defaults. */
export interface LintSettings {
  readonly severities?: Readonly<Record<string, SeverityLevel>>;
  /** Severities for the findings of some files, over `severities` (the settings' `overrides`). */
  readonly fileSeverities?: FileSeverities;
  /** Finding categories to leave out, because another tool in the same editor reports them. */
  readonly skipCategories?: readonly string[];
}

/** A rule's finding together with the diagnostic lint reports for it: what quick fixes and fix-all start from. */
export interface LintedFinding {
  readonly diagnostic: Diagnostic;
  readonly finding: Finding;
}

/**
 * Runs every enabled rule over the workspace model and returns its diagnostics, without the
 * ones a suppression silences, sorted by file, line and column. A severity an override sets for
 * the finding's file, else one set in settings, applies to every finding of its rule; otherwise a
 * finding's own severity, else the rule's default.
 * Findings are kept between calls and recomputed only where the model changed (see findings.ts).
 */
export function lint(model: WorkspaceModel, settings: LintSettings = {}, rules: readonly Rule[] = RULES): Diagnostic[] {
  return lintFindings(model, settings, rules).map((linted) => linted.diagnostic);
}

/** What `lint` reports, each diagnostic with the finding behind it, in the same order. */
export function lintFindings(model: WorkspaceModel, settings: LintSettings = {}, rules: readonly Rule[] = RULES): LintedFinding[] {
  const findings = modelFindings(model);
  const linted: LintedFinding[] = [];
  for (const shard of findings.shardsFor(rules)) {
    // One at a time: push(...list) overflows the call stack on a file of very many findings.
    for (const item of shardFindings(model, findings, shard, settings, rules)) linted.push(item);
  }
  return linted.sort(compareLinted);
}

/** A shard's linted findings under `settings`, of the rules among `rules` that are not off. */
export function shardFindings(model: WorkspaceModel, findings: ModelFindings, shard: Shard, settings: LintSettings, rules: readonly Rule[]): LintedFinding[] {
  const linted: LintedFinding[] = [];
  for (const rule of shard.rules) {
    if ((settings.severities?.[rule.id] === 'off' && settings.fileSeverities?.enables(rule.id) !== true) || !rules.includes(rule)) continue;
    for (const item of lintedFindingsOf(model, findings.findingsOf(shard, rule), rule, settings)) linted.push(item);
  }
  return linted;
}

function lintedFindingsOf(model: WorkspaceModel, findings: readonly Finding[], rule: Rule, settings: LintSettings): LintedFinding[] {
  const linted: LintedFinding[] = [];
  for (const finding of findings) {
    if (finding.category !== undefined && settings.skipCategories?.includes(finding.category)) continue;
    const configured = settings.fileSeverities?.forFile(finding.file)?.[rule.id] ?? settings.severities?.[rule.id];
    const item = configured === 'off' ? undefined : lintedFinding((path) => model.file(path), rule.id, configured ?? finding.severity ?? rule.defaultSeverity, finding);
    if (item !== undefined) linted.push(item);
  }
  return linted;
}

/**
 * A finding of `rule` reported at `severity`, with its diagnostic in the analyses `fileAt` gives
 * (the model's, or those a finding was shown in); none when an annotation or a suppression
 * comment silences it, or its file is gone.
 */
export function lintedFinding(fileAt: (path: string) => AnalyzedFile | undefined, rule: string, severity: Severity, finding: Finding): LintedFinding | undefined {
  const diagnostic = toDiagnostic(fileAt, rule, severity, finding);
  return diagnostic === undefined ? undefined : { diagnostic, finding };
}

function toDiagnostic(fileAt: (path: string) => AnalyzedFile | undefined, rule: string, severity: Severity, finding: Finding): Diagnostic | undefined {
  const file = fileAt(finding.file);
  if (file === undefined || finding.subject?.ignoredRules.includes(rule)) return undefined;
  const range = file.lineIndex.rangeOf(finding.span);
  if (file.suppressions.isSuppressed(rule, range.start.line)) return undefined;
  const related = (finding.related ?? []).flatMap((item) => {
    const relatedFile = fileAt(item.file);
    return relatedFile === undefined ? [] : [{ file: item.file, range: relatedFile.lineIndex.rangeOf(item.span), message: item.message }];
  });
  return { file: finding.file, range, rule, severity, message: finding.message, related };
}

/** Orders linted findings as their diagnostics. */
export function compareLinted(a: LintedFinding, b: LintedFinding): number {
  return compareDiagnostics(a.diagnostic, b.diagnostic);
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
