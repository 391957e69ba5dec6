import { modelFindings, type ModelFindings, type Shard } from './findings';
import { compareLinted, shardFindings, type LintedFinding, type LintSettings } from './lint';
import type { WorkspaceModel } from './model/workspaceModel';
import { RULES } from './rules/registry';
import type { Diagnostic, Location } from './types';

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
 * whole list. After an edit that costs what the edit affects, not what the workspace holds. The
 * findings behind what it showed stay at hand for code actions.
 */
export class DiagnosticsTracker {
  private readonly findings: ModelFindings;
  private readonly shown = new Map<Shard, ReadonlyMap<string, LintedFinding[]>>();
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
    const key = JSON.stringify([settings.severities ?? {}, settings.skipCategories ?? [], settings.fileSeverities?.key ?? '']);
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
      this.show(shard, groupByFile(this.findings.has(shard) ? shardFindings(this.model, this.findings, shard, settings, RULES) : []), dirty);
    }
    const changed = new Map<string, Diagnostic[]>();
    for (const file of dirty) changed.set(file, this.current(file).map((linted) => linted.diagnostic));
    return changed;
  }

  /** The linted findings of a file as of the last call to `changes`: what it last reported for the file. */
  current(file: string): LintedFinding[] {
    const shards = [...(this.contributors.get(file) ?? [])];
    if (shards.length === 0) this.contributors.delete(file);
    return this.shownIn(file, shards);
  }

  /**
   * The linted findings of a file that the last call to `changes` reported and that no change
   * since has outdated: the ones whose fixes still apply to the file's text.
   */
  upToDate(file: string): LintedFinding[] {
    this.findings.refresh();
    return this.shownIn(file, [...(this.contributors.get(file) ?? [])].filter((shard) => !this.touched.has(shard)));
  }

  private shownIn(file: string, shards: Shard[]): LintedFinding[] {
    shards.sort((a, b) => a.order - b.order);
    return shards.flatMap((shard) => this.shown.get(shard)?.get(file) ?? []).sort(compareLinted);
  }

  /** Records what a shard now shows, and which files' diagnostics that changes. */
  private show(shard: Shard, byFile: ReadonlyMap<string, LintedFinding[]>, dirty: Set<string>): void {
    const before = this.shown.get(shard) ?? new Map<string, LintedFinding[]>();
    for (const [file, linted] of before) {
      if (!sameDiagnostics(linted, byFile.get(file))) dirty.add(file);
      if (!byFile.has(file)) this.contributors.get(file)?.delete(shard);
    }
    for (const [file, linted] of byFile) {
      if (!sameDiagnostics(before.get(file), linted)) dirty.add(file);
      let shards = this.contributors.get(file);
      if (shards === undefined) this.contributors.set(file, (shards = new Set()));
      shards.add(shard);
    }
    if (byFile.size === 0) this.shown.delete(shard);
    else this.shown.set(shard, byFile);
  }
}

function groupByFile(linted: readonly LintedFinding[]): Map<string, LintedFinding[]> {
  const byFile = new Map<string, LintedFinding[]>();
  for (const item of linted) {
    const list = byFile.get(item.diagnostic.file);
    if (list === undefined) byFile.set(item.diagnostic.file, [item]);
    else list.push(item);
  }
  return byFile;
}

function sameDiagnostics(a: readonly LintedFinding[] | undefined, b: readonly LintedFinding[] | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.length === b.length && a.every((item, i) => sameDiagnostic(item.diagnostic, b[i]!.diagnostic));
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
