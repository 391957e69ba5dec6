import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { URI } from 'vscode-uri';
import { fileRole, type AnalyzedFile, type FileRole } from '../core/analyze';
import { DiagnosticsTracker } from '../core/diagnosticsTracker';
import type { LintedFinding, LintSettings } from '../core/lint';
import type { WorkspaceModel } from '../core/model/workspaceModel';
import { assumptionsOf, DEFAULT_SETTINGS, exclusionMatcher, lintSettingsOf, type ConnlintSettings } from '../core/settings';
import { skippedParts } from '../core/skipped';
import { Workspace } from '../core/workspace';
import { walk } from '../files/walk';
import { planFor } from '../analysis/parallel';
import { AnalysisPool } from './analysisPool';
import { analyzeFromDisk, uriExists, type DiskAnalysis } from './diskAnalysis';
import { IndexedTextBudget, MAX_INDEXED_TEXT } from './textBudget';

/** From this many files on (or a few large ones), a scan reads and analyses them on worker threads. */
const POOL_THRESHOLD = 200;

/** Analysis workers: the cores the server's own thread leaves, at most three. */
const POOL_SIZE = Math.min(3, Math.max(1, availableParallelism() - 1));

/** Normalises a URI the way every part of the server spells it. */
export function normaliseUri(uri: string): string {
  return URI.parse(uri).toString();
}

/**
 * The files the server knows: every relevant file of the workspace folders (from disk, or the
 * editor's text while a document is open), plus documents opened from outside the folders,
 * each linted on its own. The text held from disk has a ceiling (IndexedTextBudget).
 */
export class WorkspaceIndex {
  private folders: string[] = [];
  private readonly workspace: Workspace;
  private readonly outside = new Map<string, Workspace>();
  private readonly trackers = new WeakMap<Workspace, DiagnosticsTracker>();
  /** Documents from outside the folders that were closed: their diagnostics are cleared on the next publish. */
  private readonly closedOutside = new Set<string>();
  private readonly open = new Set<string>();
  /** The latest read or deletion of each file read from disk (see readFromDisk). */
  private readonly readGenerations = new Map<string, number>();
  private settings: ConnlintSettings = DEFAULT_SETTINGS;
  private isExcludedPath: (relativePath: string) => boolean = () => false;
  /** The lint settings of `settings` for the current folders, made when first needed. */
  private lintSettings: LintSettings | undefined;
  /** Finding categories another extension in the editor reports already. */
  private skipCategories: readonly string[] = [];
  private readonly budget: IndexedTextBudget;
  /** The parts of each file last logged as left unread (templates), so that an edit that keeps them logs nothing. */
  private readonly loggedSkips = new Map<string, string>();

  constructor(
    private readonly log: (message: string) => void,
    /** The most text held from disk, in UTF-16 code units. */
    maxIndexedText: number = MAX_INDEXED_TEXT,
  ) {
    this.workspace = new Workspace({}, uriExists);
    this.budget = new IndexedTextBudget(maxIndexedText);
  }

  /** How many files of the workspace folders the index holds. */
  get fileCount(): number {
    return this.workspace.paths().length;
  }

  /** The text held from disk, in UTF-16 code units (open documents are the editor's). */
  get indexedText(): number {
    return this.budget.used;
  }

  /** Applies new settings: assumptions reach every model, excluded files leave the index. */
  applySettings(settings: ConnlintSettings): void {
    this.settings = settings;
    this.lintSettings = undefined;
    this.isExcludedPath = exclusionMatcher(settings);
    const assumptions = assumptionsOf(settings, (uri) => this.relativeToFolder(uri));
    this.workspace.setAssumptions(assumptions);
    for (const single of this.outside.values()) single.setAssumptions(assumptions);
    for (const path of this.workspace.paths()) if (this.isExcluded(path)) this.forget(path);
  }

  /** The settings in force. */
  get currentSettings(): ConnlintSettings {
    return this.settings;
  }

  /** Leaves out categories of findings the editor shows from another source. */
  setSkippedCategories(categories: readonly string[]): void {
    this.skipCategories = categories;
  }

  setFolders(folderUris: readonly string[]): void {
    this.folders = folderUris.map((uri) => withSlash(normaliseUri(uri)));
    this.lintSettings = undefined;
  }

  /** The folders, as normalised URIs ending in `/`. */
  folderUris(): string[] {
    return [...this.folders];
  }

  /** Forgets removed folders and the files in them that are not open. */
  removeFolders(folderUris: readonly string[]): void {
    const removed = folderUris.map(withSlash);
    this.folders = this.folders.filter((folder) => !removed.includes(folder));
    this.lintSettings = undefined;
    for (const folder of removed) this.fileDeleted(folder);
  }

  /**
   * Reads every relevant file of the folders from disk; `onBatch` reports progress between
   * batches. A large workspace is read and analysed on worker threads (AnalysisPool) as well as
   * on this thread, batch by batch, while this thread takes in the results; a batch whose worker
   * fails is done here. Files past the budget of text held are not read.
   */
  async scan(onBatch: (done: number, total: number) => void): Promise<void> {
    const listed: string[] = [];
    for (const folder of this.folders) {
      const root = URI.parse(folder).fsPath;
      const files = await walk(root, (file) => fileRole(file) !== undefined && !this.isExcluded(URI.file(file).toString()), this.log);
      for (const file of files) listed.push(URI.file(file).toString());
    }
    const onDisk = new Set(listed);
    for (const path of this.workspace.paths()) if (!onDisk.has(path) && !this.open.has(path)) this.fileDeleted(path);
    const found = this.budget.plan(listed, this.log);
    const plan = planFor(found.map((uri) => ({ location: URI.parse(uri).fsPath })), POOL_SIZE, POOL_THRESHOLD);
    const pool = plan.workers > 0 ? AnalysisPool.start(plan.workers, this.log) : undefined;
    let done = 0;
    const take = (batch: readonly string[], generations: readonly number[], results: readonly DiskAnalysis[]): void => {
      results.forEach((result, i) => this.accept(result, generations[i]!));
      done += batch.length;
      onBatch(done, found.length);
    };
    let failure: { readonly error: unknown } | undefined;
    try {
      const inFlight = new Set<Promise<void>>();
      for (let i = 0; i < found.length; i += plan.batchSize) {
        const batch = found.slice(i, i + plan.batchSize);
        const generations = batch.map((uri) => this.nextGeneration(uri));
        // Two batches per worker keep every worker busy without queueing the whole workspace;
        // past that, this thread analyses the next batch itself and then takes in what came back.
        if (pool === undefined || inFlight.size >= 2 * pool.size) {
          take(batch, generations, batch.map(analyzeFromDisk));
          await new Promise((resolve) => setImmediate(resolve));
          continue;
        }
        // Never rejected: a failure to take results in is kept and thrown once the batches are in.
        const analysed: Promise<void> = pool
          .analyze(batch)
          .catch(() => batch.map(analyzeFromDisk))
          .then((results) => take(batch, generations, results))
          .catch((error: unknown) => void (failure ??= { error }))
          .finally(() => inFlight.delete(analysed));
        inFlight.add(analysed);
      }
      await Promise.all(inFlight);
    } finally {
      await pool?.close();
    }
    if (failure !== undefined) throw failure.error;
  }

  /**
   * The editor's text of an open document wins over the disk. A document whose name says
   * nothing (an untitled buffer) is read as its language says: YAML or JSON as a manifest.
   */
  openDocument(uri: string, text: string, languageId?: string): void {
    this.open.add(uri);
    this.budget.release(uri);
    if (this.isExcluded(uri)) return;
    const role = fileRole(uri) === undefined ? roleOfLanguage(languageId) : undefined;
    this.logSkipped(this.workspaceFor(uri).set(uri, text, role === undefined ? {} : { role }));
  }

  /** A closed document goes back to its text on disk, or away when it has none. */
  closeDocument(uri: string): void {
    this.open.delete(uri);
    if (!this.isInFolders(uri)) {
      if (this.outside.delete(uri)) this.closedOutside.add(uri);
      return;
    }
    this.readFromDisk(uri);
  }

  /** A file changed or appeared on disk; open documents keep the editor's text. */
  fileChanged(uri: string): void {
    if (!this.open.has(uri) && this.isInFolders(uri) && fileRole(uri) !== undefined && !this.isExcluded(uri)) this.readFromDisk(uri);
  }

  /**
   * A file or directory appeared on disk (created, renamed into place, checked out): a file is
   * read, a directory walked and every relevant file below it read.
   */
  async pathCreated(uri: string): Promise<void> {
    if (!this.isInFolders(uri) || this.isExcluded(uri) || isInSkippedDirectory(uri)) return;
    if (!isDirectory(uri)) return this.fileChanged(uri);
    const files = await walk(URI.parse(uri).fsPath, (file) => fileRole(file) !== undefined && !this.isExcluded(URI.file(file).toString()), this.log);
    for (const file of files) this.fileChanged(URI.file(file).toString());
  }

  /** A file or directory was deleted on disk: forget it and everything below it. */
  fileDeleted(uri: string): void {
    if (this.open.has(uri)) return;
    this.nextGeneration(uri);
    this.forget(uri);
    const prefix = withSlash(uri);
    for (const path of this.workspace.paths()) if (path.startsWith(prefix) && !this.open.has(path)) this.forget(path);
  }

  /** The model a file belongs to, if the index holds the file. */
  modelFor(uri: string): WorkspaceModel | undefined {
    if (this.workspace.has(uri)) return this.workspace.model();
    const single = this.outside.get(uri);
    return single?.has(uri) ? single.model() : undefined;
  }

  /** The model of the workspace folders. */
  folderModel(): WorkspaceModel {
    return this.workspace.model();
  }

  /**
   * The files whose diagnostics changed since the last call, each with all its linted findings (an
   * empty list clears them): only what the changes since then affect is linted again. With
   * `wholeWorkspace: false`, aggregate findings over the whole workspace wait for the next call;
   * with `openOnly`, so do the findings of the folders' files that are not open.
   */
  diagnosticChanges(options: { readonly wholeWorkspace?: boolean; readonly openOnly?: boolean } = {}): Map<string, LintedFinding[]> {
    // The overrides' patterns, like `exclude`'s, are relative to the folder of each file.
    this.lintSettings ??= lintSettingsOf(this.settings, (uri) => this.folderRelative(uri), this.folders.join('\n'));
    const settings = { ...this.lintSettings, skipCategories: this.skipCategories };
    const workspaces = [this.workspace, ...this.outside.values()];
    const changed = new Set<string>(this.closedOutside);
    this.closedOutside.clear();
    const folderOptions = options.openOnly ? { ...options, onlyFiles: (uri: string) => this.open.has(uri) } : options;
    for (const workspace of workspaces) {
      for (const uri of this.trackerOf(workspace).changes(settings, workspace === this.workspace ? folderOptions : options).keys()) changed.add(uri);
    }
    const byFile = new Map<string, LintedFinding[]>();
    // A document can be in the folders' model and in a model of its own (opened before its folder was added).
    for (const uri of changed) byFile.set(uri, this.diagnosticsOf(uri));
    return byFile;
  }

  /** The linted findings last published for a file, less those its model has changed since: what its code actions fix. */
  publishedFindings(uri: string): LintedFinding[] {
    const workspace = this.workspace.has(uri) ? this.workspace : this.outside.get(uri);
    return workspace === undefined ? [] : this.trackerOf(workspace).upToDate(uri);
  }

  /** A file's linted findings as of the last call to `diagnosticChanges`. */
  diagnosticsOf(uri: string): LintedFinding[] {
    return [this.workspace, ...this.outside.values()].flatMap((workspace) => this.trackerOf(workspace).current(uri));
  }

  private trackerOf(workspace: Workspace): DiagnosticsTracker {
    let tracker = this.trackers.get(workspace);
    if (tracker === undefined) this.trackers.set(workspace, (tracker = new DiagnosticsTracker(workspace.model())));
    return tracker;
  }

  /** Reads a file into the index (see `accept`). */
  private readFromDisk(uri: string): void {
    this.accept(analyzeFromDisk(uri), this.nextGeneration(uri));
  }

  /**
   * Takes in a file read from disk. What happened since the read began wins: a newer read, an
   * edit in the editor, a deletion, its folder removed. Files over the limits (their own, the
   * budget of text held) are left out and logged.
   */
  private accept(result: DiskAnalysis, generation: number): void {
    const uri = result.uri;
    if (this.readGenerations.get(uri) !== generation || this.open.has(uri) || !this.isInFolders(uri)) return;
    if ('analyzed' in result && this.budget.fits(uri, result.analyzed.text.length)) {
      this.logSkipped(this.workspace.setAnalyzed(result.analyzed));
      this.budget.hold(uri, result.analyzed.text.length);
      return;
    }
    this.forget(uri);
    if ('analyzed' in result) this.log(this.budget.skipMessage(uri));
    else if ('skipped' in result) this.log(`Skipped ${uri}: ${result.skipped}`);
    else if (result.failed !== 'ENOENT' && result.failed !== 'EISDIR') this.log(`Cannot read ${uri}: ${result.failed}`);
  }

  /** Logs the parts of a file left unread (its template documents) when they differ from those last logged for it. */
  private logSkipped(analyzed: AnalyzedFile): void {
    const lines = skippedParts(analyzed).map((part) => `Skipped ${part.file}:${part.range.start.line + 1}:${part.range.start.character + 1}: ${part.reason}`);
    if ((this.loggedSkips.get(analyzed.path) ?? '') === lines.join('\n')) return;
    if (lines.length === 0) this.loggedSkips.delete(analyzed.path);
    else this.loggedSkips.set(analyzed.path, lines.join('\n'));
    for (const line of lines) this.log(line);
  }

  /** Drops a file read from disk from the index. */
  private forget(uri: string): void {
    this.loggedSkips.delete(uri);
    this.workspace.delete(uri);
    this.budget.release(uri);
  }

  /** Counts the reads and deletions of a file, so that a read that finishes late is dropped. */
  private nextGeneration(uri: string): number {
    const generation = (this.readGenerations.get(uri) ?? 0) + 1;
    this.readGenerations.set(uri, generation);
    return generation;
  }

  private workspaceFor(uri: string): Workspace {
    if (this.isInFolders(uri)) return this.workspace;
    let single = this.outside.get(uri);
    if (single === undefined) {
      single = new Workspace(assumptionsOf(this.settings), uriExists);
      this.outside.set(uri, single);
    }
    return single;
  }

  private isInFolders(uri: string): boolean {
    return this.folders.some((folder) => uri.startsWith(folder));
  }

  /** Whether the settings exclude a file of a workspace folder (matched relative to its folder). */
  private isExcluded(uri: string): boolean {
    const relative = this.folderRelative(uri);
    return relative !== undefined && this.isExcludedPath(relative);
  }

  /** A file's path relative to its workspace folder, `/`-separated; undefined outside the folders. */
  private folderRelative(uri: string): string | undefined {
    const folder = this.folders.find((candidate) => uri.startsWith(candidate));
    return folder === undefined ? undefined : decodeURIComponent(uri.slice(folder.length));
  }

  /** A document's path relative to its workspace folder (what settings' globs match), or its URI outside them. */
  private relativeToFolder(uri: string): string {
    const folder = this.folders.find((candidate) => uri.startsWith(candidate));
    return folder === undefined ? uri : decodeURIComponent(uri.slice(folder.length));
  }
}

/** The role of an untitled document, from its language. */
function roleOfLanguage(languageId: string | undefined): FileRole | undefined {
  if (languageId === 'yaml' || languageId === 'json') return 'manifest';
  return languageId === 'sysctl' ? 'sysctl' : undefined;
}

/** Whether a `file:` URI names a directory (false when it names nothing). */
function isDirectory(uri: string): boolean {
  try {
    return statSync(URI.parse(uri).fsPath).isDirectory();
  } catch {
    return false;
  }
}

/** Whether a URI lies in a directory no scan walks into. */
function isInSkippedDirectory(uri: string): boolean {
  return /\/(?:\.git|node_modules)(?:\/|$)/.test(uri);
}

function withSlash(uri: string): string {
  return uri.endsWith('/') ? uri : `${uri}/`;
}
