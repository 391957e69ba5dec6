import { modelFindings, type ModelFindings, type Shard } from './findings';
import type { WorkspaceModel } from './model/workspaceModel';
import { RULES } from './rules/registry';
import type { Finding, Rule } from './rules/rule';
import type { Diagnostic, Location, Severity, SeverityLevel } from './types';

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
 * Findings are kept between calls and recomputed only where the model changed (see findings.ts).
 */
export function lint(model: WorkspaceModel, settings: LintSettings = {}, rules: readonly Rule[] = RULES): Diagnostic[] {
  const findings = modelFindings(model);
  const diagnostics: Diagnostic[] = [];
  for (const shard of findings.shardsFor(rules)) {
    // One at a time: push(...list) overflows the call stack on a file of very many findings.
    for (const diagnostic of shardDiagnostics(model, findings, shard, settings, rules)) diagnostics.push(diagnostic);
  }
  return diagnostics.sort(compareDiagnostics);
}

/** A rule's findings over a model, computed once per state of the model. */
export function findingsOf(model: WorkspaceModel, rule: Rule): readonly Finding[] {
  const findings = modelFindings(model);
  return findings.shardsFor([rule]).flatMap((shard) => findings.findingsOf(shard, rule));
}

/** Which of the outdated findings a call to `DiagnosticsTracker.changes` brings up to date; the others wait for a later call. */
export interface TrackerOptions {
  /** Also the rules that weigh the whole workspace at once (default true). */
  readonly wholeWorkspace?: boolean;
  /** Only the files this accepts, and no whole-workspace rule. */
  readonly onlyFiles?: (file: string) => boolean;
}

/**
 * Follows a model's diagnostics for a front end that shows them per file (the language server):
 * each call returns only the files whose diagnostics changed since the previous call, with their
 * whole list. After an edit that costs what the edit affects, not what the workspace holds.
 */
export class DiagnosticsTracker {
  private readonly findings: ModelFindings;
  private readonly shown = new Map<Shard, ReadonlyMap<string, Diagnostic[]>>();
  private readonly contributors = new Map<string, Set<Shard>>();
  private touched = new Set<Shard>();
  private settingsKey: string | undefined;

  constructor(private readonly model: WorkspaceModel) {
    this.findings = modelFindings(model);
    this.findings.listen((shard) => this.touched.add(shard));
  }

  /**
   * The files whose diagnostics changed since the last call (every file with any, the first
   * time), each with all its diagnostics. With `wholeWorkspace: false`, the rules that weigh the
   * whole workspace at once are left for a later call: an editor shows what an edit changes in
   * the files it concerns first, and what it changes in aggregate findings right after. With
   * `onlyFiles`, only those files' findings are brought up to date (the open ones, while the
   * rest of the workspace is still being read).
   */
  changes(settings: LintSettings, options: TrackerOptions = {}): Map<string, Diagnostic[]> {
    this.findings.refresh();
    const dirty = new Set<string>();
    const key = JSON.stringify([settings.severities ?? {}, settings.skipCategories ?? []]);
    if (key !== this.settingsKey) {
      // New settings change what every finding shows: all of them are due again.
      this.settingsKey = key;
      for (const shard of [...this.shown.keys()]) this.show(shard, new Map(), dirty);
      this.touched = new Set(this.findings.shardsFor(RULES));
    }
    const wholeWorkspace = (options.wholeWorkspace ?? true) && options.onlyFiles === undefined;
    const due = (shard: Shard): boolean => (shard.key === '' ? wholeWorkspace : (options.onlyFiles?.(shard.key) ?? true));
    const shards = [...this.touched].filter(due);
    this.touched = new Set([...this.touched].filter((shard) => !due(shard)));
    for (const shard of shards) {
      this.show(shard, groupByFile(this.findings.has(shard) ? shardDiagnostics(this.model, this.findings, shard, settings, RULES) : []), dirty);
    }
    const changed = new Map<string, Diagnostic[]>();
    for (const file of dirty) changed.set(file, this.current(file));
    return changed;
  }

  /** Records what a shard now shows, and which files' diagnostics that changes. */
  private show(shard: Shard, byFile: ReadonlyMap<string, Diagnostic[]>, dirty: Set<string>): void {
    const before = this.shown.get(shard) ?? new Map<string, Diagnostic[]>();
    for (const [file, diagnostics] of before) {
      if (!sameDiagnostics(diagnostics, byFile.get(file))) dirty.add(file);
      if (!byFile.has(file)) this.contributors.get(file)?.delete(shard);
    }
    for (const [file, diagnostics] of byFile) {
      if (!sameDiagnostics(before.get(file), diagnostics)) dirty.add(file);
      let shards = this.contributors.get(file);
      if (shards === undefined) this.contributors.set(file, (shards = new Set()));
      shards.add(shard);
    }
    if (byFile.size === 0) this.shown.delete(shard);
    else this.shown.set(shard, byFile);
  }

  /** The diagnostics of a file as of the last call to `changes`. */
  current(file: string): Diagnostic[] {
    const shards = [...(this.contributors.get(file) ?? [])];
    if (shards.length === 0) this.contributors.delete(file);
    shards.sort((a, b) => a.order - b.order);
    return shards.flatMap((shard) => this.shown.get(shard)?.get(file) ?? []).sort(compareDiagnostics);
  }
}

/** A shard's diagnostics under `settings`, of the rules among `rules` that are not off. */
function shardDiagnostics(model: WorkspaceModel, findings: ModelFindings, shard: Shard, settings: LintSettings, rules: readonly Rule[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const rule of shard.rules) {
    if (settings.severities?.[rule.id] === 'off' || !rules.includes(rule)) continue;
    for (const diagnostic of diagnosticsOf(model, findings.findingsOf(shard, rule), rule, settings)) diagnostics.push(diagnostic);
  }
  return diagnostics;
}

function diagnosticsOf(model: WorkspaceModel, findings: readonly Finding[], rule: Rule, settings: LintSettings): Diagnostic[] {
  const configured = settings.severities?.[rule.id];
  const diagnostics: Diagnostic[] = [];
  for (const finding of findings) {
    if (finding.category !== undefined && settings.skipCategories?.includes(finding.category)) continue;
    const diagnostic = toDiagnostic(model, rule.id, configured === 'off' ? undefined : (configured ?? finding.severity ?? rule.defaultSeverity), finding);
    if (diagnostic !== undefined) diagnostics.push(diagnostic);
  }
  return diagnostics;
}

function toDiagnostic(model: WorkspaceModel, rule: string, severity: Severity | undefined, finding: Finding): Diagnostic | undefined {
  const file = model.file(finding.file);
  if (severity === undefined || file === undefined || finding.subject?.ignoredRules.includes(rule)) return undefined;
  const range = file.lineIndex.rangeOf(finding.span);
  if (file.suppressions.isSuppressed(rule, range.start.line)) return undefined;
  const related = (finding.related ?? []).flatMap((item) => {
    const relatedFile = model.file(item.file);
    return relatedFile === undefined ? [] : [{ file: item.file, range: relatedFile.lineIndex.rangeOf(item.span), message: item.message }];
  });
  return { file: finding.file, range, rule, severity, message: finding.message, related };
}

function groupByFile(diagnostics: readonly Diagnostic[]): Map<string, Diagnostic[]> {
  const byFile = new Map<string, Diagnostic[]>();
  for (const diagnostic of diagnostics) {
    const list = byFile.get(diagnostic.file);
    if (list === undefined) byFile.set(diagnostic.file, [diagnostic]);
    else list.push(diagnostic);
  }
  return byFile;
}

function sameDiagnostics(a: readonly Diagnostic[] | undefined, b: readonly Diagnostic[] | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.length === b.length && a.every((diagnostic, i) => sameDiagnostic(diagnostic, b[i]!));
}

function sameDiagnostic(a: Diagnostic, b: Diagnostic): boolean {
  return (
    a.rule === b.rule &&
    a.severity === b.severity &&
    a.message === b.message &&
    sameLocation(a, b) &&
    a.related.length === b.related.length &&
    a.related.every((item, i) => item.message === b.related[i]!.message && sameLocation(item, b.related[i]!))
  );
}

function sameLocation(a: Location, b: Location): boolean {
  const [x, y] = [a.range, b.range];
  return a.file === b.file && x.start.line === y.start.line && x.start.character === y.start.character && x.end.line === y.end.line && x.end.character === y.end.character;
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
