import type { AnalyzedFile } from './analyze';
import { pushTo } from './collections';
import { modelFindings, type ModelFindings, type Shard } from './findings';
import { diagnosticsFingerprint } from './fingerprint';
import { compareLinted, lintedFinding, shardFindings, type LintedFinding, type LintSettings } from './lint';
import type { WorkspaceModel } from './model/workspaceModel';
import { RULES } from './rules/registry';
import type { Finding } from './rules/rule';
import type { Diagnostic, Severity } from './types';

/**
 * Which of the outdated findings a call to `DiagnosticsTracker.changedFiles` (or `changes`) brings
 * up to date; the others wait for a later call.
 */
export interface TrackerOptions {
  /** Also the rules that weigh the whole workspace at once (default true). */
  readonly wholeWorkspace?: boolean;
  /** Only the files this accepts, and no whole-workspace rule. */
  readonly onlyFiles?: (file: string) => boolean;
}

/** A finding as a shard last showed it: what its diagnostic is made from again when asked for. */
interface ShownFinding {
  readonly finding: Finding;
  readonly rule: string;
  readonly severity: Severity;
}

/**
 * What a shard last showed in one file: its findings, the analyses of the files they point into
 * as they were then, and the fingerprint of their diagnostics, which the next showing is compared
 * with. The diagnostics themselves are not kept, but made again from these: with their ranges
 * and related locations they weigh about 400 bytes a finding, more than the finding itself. Two
 * different lists share a fingerprint with a chance of about 2⁻⁵³; the file's diagnostics would
 * then go out at its next change instead of this one.
 */
interface ShownInFile {
  readonly findings: readonly ShownFinding[];
  readonly analyses: readonly AnalyzedFile[];
  readonly fingerprint: number;
}

/**
 * Follows a model's diagnostics for a front end that shows them per file (the language server):
 * each call returns only the files whose diagnostics changed since the previous call, with their
 * whole list. After an edit that costs what the edit affects, not what the workspace holds. The
 * findings behind what it showed stay at hand for code actions.
 */
export class DiagnosticsTracker {
  private readonly findings: ModelFindings;
  private readonly shown = new Map<Shard, ReadonlyMap<string, ShownInFile>>();
  private readonly contributors = new Map<string, Set<Shard>>();
  private touched = new Set<Shard>();
  private settingsKey: string | undefined;

  constructor(private readonly model: WorkspaceModel) {
    this.findings = modelFindings(model);
    this.findings.listen((shard) => this.touched.add(shard));
  }

  /**
   * The files whose diagnostics changed since the last call (every file with any, the first
   * time), each with all its diagnostics (see `changedFiles`).
   */
  changes(settings: LintSettings, options: TrackerOptions = {}): Map<string, Diagnostic[]> {
    return new Map([...this.changedFiles(settings, options)].map((file) => [file, this.current(file).map((linted) => linted.diagnostic)]));
  }

  /**
   * The files whose diagnostics changed since the last call (every file with any, the first
   * time): `current` gives their diagnostics, one file at a time. With `wholeWorkspace: false`,
   * the rules that weigh the whole workspace at once are left for a later call: an editor shows
   * what an edit changes in the files it concerns first, and what it changes in aggregate
   * findings right after. With `onlyFiles`, only those files' findings are brought up to date
   * (the open ones, while the rest of the workspace is still being read).
   */
  changedFiles(settings: LintSettings, options: TrackerOptions = {}): Set<string> {
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
    // One pass, the rest left in place: while a scan runs, every batch asks for the open files
    // only, and the shards it leaves for later grow to one per file read so far.
    const shards: Shard[] = [];
    for (const shard of this.touched) if (due(shard)) shards.push(shard);
    for (const shard of shards) this.touched.delete(shard);
    for (const shard of shards) {
      this.show(shard, groupByFile(this.findings.has(shard) ? shardFindings(this.model, this.findings, shard, settings, RULES) : []), dirty);
    }
    return dirty;
  }

  /** The linted findings of a file as of the last call to `changedFiles` (or `changes`): what it last reported. */
  current(file: string): LintedFinding[] {
    const shards = [...(this.contributors.get(file) ?? [])];
    if (shards.length === 0) this.contributors.delete(file);
    return this.shownIn(file, shards);
  }

  /**
   * The linted findings of a file that the last call to `changedFiles` (or `changes`) reported
   * and that no change since has outdated: the ones whose fixes still apply to the file's text.
   */
  upToDate(file: string): LintedFinding[] {
    this.findings.refresh();
    return this.shownIn(file, [...(this.contributors.get(file) ?? [])].filter((shard) => !this.touched.has(shard)));
  }

  /** What the shards last showed in a file, their diagnostics made again in the texts they were shown in. */
  private shownIn(file: string, shards: Shard[]): LintedFinding[] {
    shards.sort((a, b) => a.order - b.order);
    const linted: LintedFinding[] = [];
    for (const shard of shards) {
      const shown = this.shown.get(shard)?.get(file);
      if (shown === undefined) continue;
      const analyses = new Map(shown.analyses.map((analysis) => [analysis.path, analysis]));
      const fileAt = (path: string) => analyses.get(path);
      for (const { finding, rule, severity } of shown.findings) {
        const item = lintedFinding(fileAt, rule, severity, finding);
        if (item !== undefined) linted.push(item);
      }
    }
    return linted.sort(compareLinted);
  }

  /** Records what a shard now shows, and which files' diagnostics that changes. */
  private show(shard: Shard, byFile: ReadonlyMap<string, LintedFinding[]>, dirty: Set<string>): void {
    const before = this.shown.get(shard);
    const now = new Map<string, ShownInFile>();
    for (const [file, linted] of byFile) {
      const fingerprint = diagnosticsFingerprint(linted.map((item) => item.diagnostic));
      if (before?.get(file)?.fingerprint !== fingerprint) dirty.add(file);
      const findings = linted.map(({ diagnostic, finding }) => ({ finding, rule: diagnostic.rule, severity: diagnostic.severity }));
      now.set(file, { findings, analyses: this.analysesOf(linted), fingerprint });
      let shards = this.contributors.get(file);
      if (shards === undefined) this.contributors.set(file, (shards = new Set()));
      shards.add(shard);
    }
    for (const file of before?.keys() ?? []) {
      if (now.has(file)) continue;
      dirty.add(file);
      this.contributors.get(file)?.delete(shard);
    }
    if (now.size === 0) this.shown.delete(shard);
    else this.shown.set(shard, now);
  }

  /** The analyses of the files that linted findings point into (most point into one or two). */
  private analysesOf(linted: readonly LintedFinding[]): AnalyzedFile[] {
    const paths = new Set<string>();
    for (const { diagnostic } of linted) {
      paths.add(diagnostic.file);
      for (const related of diagnostic.related) paths.add(related.file);
    }
    return [...paths].flatMap((path) => this.model.file(path) ?? []);
  }
}

function groupByFile(linted: readonly LintedFinding[]): Map<string, LintedFinding[]> {
  const byFile = new Map<string, LintedFinding[]>();
  for (const item of linted) pushTo(byFile, item.diagnostic.file, item);
  return byFile;
}
