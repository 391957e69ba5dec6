import { fileRole, type AnalysisOptions, type FileRole } from '../core/analyze';
import type { LintedFinding, LintSettings } from '../core/lint';
import { YAML_PARSE_CATEGORY } from '../core/rules/syntax';
import type { Assumptions, WorkspaceModel } from '../core/model/workspaceModel';
import { assumptionsOf, DEFAULT_SETTINGS, exclusionMatcher, lintSettingsOf, type ConnlintSettings } from '../core/settings';
import { Workspace } from '../core/workspace';
import { analyzeFromDisk, uriExists, type DiskAnalysis } from './diskAnalysis';
import { SkippedPartsLog } from './skippedPartsLog';
import { WorkspaceDiagnostics } from './workspaceDiagnostics';
import { IndexedTextBudget, MAX_INDEXED_TEXT } from './textBudget';
import { isDirectory, isInSkippedDirectory, withSlash, WorkspaceFolders } from './workspaceFolders';
import { analyseInBatches, relevantFilesBelow, type BatchTaker } from './workspaceScan';

/** Normalises a URI the way every part of the server spells it. */
export { normaliseUri } from './workspaceFolders';

/**
 * The files the server knows: every relevant file of the workspace folders (from disk, or the
 * editor's text while a document is open), plus documents opened from outside the folders,
 * each linted on its own. The text held from disk has a ceiling (IndexedTextBudget).
 */
export class WorkspaceIndex {
  private readonly folders = new WorkspaceFolders();
  private readonly workspace: Workspace;
  private readonly outside = new Map<string, Workspace>();
  private readonly diagnostics: WorkspaceDiagnostics;
  private readonly open = new Set<string>();
  /** The latest read or deletion of each file read from disk (see readFromDisk). */
  private readonly readGenerations = new Map<string, number>();
  private settings: ConnlintSettings = DEFAULT_SETTINGS;
  private isExcludedPath: (relativePath: string) => boolean = () => false;
  /** The lint settings of `settings` for the current folders, made when first needed. */
  private lintSettings: LintSettings | undefined;
  /** Finding categories another extension in the editor reports already. */
  private skipCategories: readonly string[] = [];
  /** How files are read: set with the skipped categories, before any file is. */
  private analysisOptions: AnalysisOptions = {};
  private readonly budget: IndexedTextBudget;
  private readonly skippedParts: SkippedPartsLog;

  constructor(
    private readonly log: (message: string) => void,
    /** The most text held from disk, in UTF-16 code units. */
    maxIndexedText: number = MAX_INDEXED_TEXT,
  ) {
    this.workspace = this.newWorkspace({});
    this.diagnostics = new WorkspaceDiagnostics(this.workspace, this.outside);
    this.budget = new IndexedTextBudget(maxIndexedText);
    this.skippedParts = new SkippedPartsLog(log);
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
    const assumptions = assumptionsOf(settings, (uri) => this.folders.relativePath(uri) ?? uri);
    this.workspace.setAssumptions(assumptions);
    for (const single of this.outside.values()) single.setAssumptions(assumptions);
    for (const path of this.workspace.paths()) if (this.isExcluded(path)) this.forget(path);
  }

  /** The settings in force. */
  get currentSettings(): ConnlintSettings {
    return this.settings;
  }

  /**
   * Leaves out categories of findings the editor shows from another source. When that is YAML
   * syntax, the files read from then on leave unparsed the fields no rule reads (AnalysisOptions).
   */
  setSkippedCategories(categories: readonly string[]): void {
    this.skipCategories = categories;
    this.analysisOptions = { syntaxReportedElsewhere: categories.includes(YAML_PARSE_CATEGORY) };
    this.workspace.setAnalysisOptions(this.analysisOptions);
    for (const single of this.outside.values()) single.setAnalysisOptions(this.analysisOptions);
  }

  /** Sets the workspace folders (any spelling of their URIs). */
  setFolders(folderUris: readonly string[]): void {
    this.folders.set(folderUris);
    this.lintSettings = undefined;
  }

  /** The folders, as normalised URIs ending in `/`. */
  folderUris(): string[] {
    return this.folders.list();
  }

  /** Forgets removed folders and the files in them that are not open. */
  removeFolders(folderUris: readonly string[]): void {
    const removed = this.folders.remove(folderUris);
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
    for (const folder of this.folders.list()) {
      for (const uri of await relevantFilesBelow(folder, (file) => this.isExcluded(file), this.log)) listed.push(uri);
    }
    const onDisk = new Set(listed);
    for (const path of this.workspace.paths()) if (!onDisk.has(path) && !this.open.has(path)) this.fileDeleted(path);
    const beginBatch = (batch: readonly string[]): BatchTaker => {
      const generations = batch.map((uri) => this.nextGeneration(uri));
      return (results) => results.forEach((result, i) => this.accept(result, generations[i]!));
    };
    await analyseInBatches(this.budget.plan(listed, this.log), beginBatch, onBatch, this.log, this.analysisOptions);
  }

  /**
   * The editor's text of an open document wins over the disk. A document whose name says
   * nothing (an untitled buffer) is read as its language says: YAML or JSON as a manifest. The
   * fields no rule reads are left unparsed for the first answer (readOpenDocumentsWhole).
   */
  openDocument(uri: string, text: string, languageId?: string): void {
    this.open.add(uri);
    this.budget.release(uri);
    if (this.isExcluded(uri)) return;
    const role = fileRole(uri) === undefined ? roleOfLanguage(languageId) : undefined;
    this.skippedParts.note(this.workspaceFor(uri).set(uri, text, { unreadFieldsLater: true, ...(role === undefined ? {} : { role }) }));
  }

  /**
   * Reads whole the documents that open documents' analyses left with unread fields blanked,
   * once edits pause: their YAML errors are then reported too, unless another tool reports them.
   */
  readOpenDocumentsWhole(): void {
    for (const uri of this.open) this.workspaceHolding(uri)?.readWhole(uri);
  }

  /** A closed document goes back to its text on disk, or away when it has none. */
  closeDocument(uri: string): void {
    this.open.delete(uri);
    if (!this.isInFolders(uri)) {
      if (this.outside.delete(uri)) this.diagnostics.closedOutsideFolders(uri);
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
    for (const file of await relevantFilesBelow(uri, (path) => this.isExcluded(path), this.log)) this.fileChanged(file);
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
   * The files whose diagnostics changed since the last call (`diagnosticsOf` gives them; none
   * clears them): only what the changes since then affect is linted again. With
   * `wholeWorkspace: false`, aggregate findings over the whole workspace wait for the next call;
   * with `openOnly`, so do the findings of the folders' files that are not open.
   */
  diagnosticChanges(options: { readonly wholeWorkspace?: boolean; readonly openOnly?: boolean } = {}): Set<string> {
    // The overrides' patterns, like `exclude`'s, are relative to the folder of each file.
    this.lintSettings ??= lintSettingsOf(this.settings, (uri) => this.folders.relativePath(uri), this.folders.scope());
    const settings = { ...this.lintSettings, skipCategories: this.skipCategories };
    const folderOptions = options.openOnly ? { ...options, onlyFiles: (uri: string) => this.open.has(uri) } : options;
    return this.diagnostics.changedFiles(settings, options, folderOptions);
  }

  /** The linted findings last published for a file, less those its model has changed since: what its code actions fix. */
  publishedFindings(uri: string): LintedFinding[] {
    return this.diagnostics.upToDate(uri);
  }

  /** A file's linted findings as of the last call to `diagnosticChanges`, made when asked for. */
  diagnosticsOf(uri: string): LintedFinding[] {
    return this.diagnostics.current(uri);
  }

  /** Reads a file into the index (see `accept`). */
  private readFromDisk(uri: string): void {
    this.accept(analyzeFromDisk(uri, this.analysisOptions), this.nextGeneration(uri));
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
      this.skippedParts.note(this.workspace.setAnalyzed(result.analyzed));
      this.budget.hold(uri, result.analyzed.text.length);
      return;
    }
    this.forget(uri);
    if ('analyzed' in result) this.log(this.budget.skipMessage(uri));
    else if ('skipped' in result) this.log(`Skipped ${uri}: ${result.skipped}`);
    else if (result.failed !== 'ENOENT' && result.failed !== 'EISDIR') this.log(`Cannot read ${uri}: ${result.failed}`);
  }

  /** Drops a file read from disk from the index. */
  private forget(uri: string): void {
    this.skippedParts.forget(uri);
    this.workspace.delete(uri);
    this.budget.release(uri);
  }

  /** Counts the reads and deletions of a file, so that a read that finishes late is dropped. */
  private nextGeneration(uri: string): number {
    const generation = (this.readGenerations.get(uri) ?? 0) + 1;
    this.readGenerations.set(uri, generation);
    return generation;
  }

  /** The workspace a document belongs to: the folders', or its own outside them, made when first needed. */
  private workspaceFor(uri: string): Workspace {
    let workspace = this.workspaceHolding(uri);
    if (workspace === undefined) {
      workspace = this.newWorkspace(assumptionsOf(this.settings));
      this.outside.set(uri, workspace);
    }
    return workspace;
  }

  /** The workspace a document belongs to, if there is one yet. */
  private workspaceHolding(uri: string): Workspace | undefined {
    return this.isInFolders(uri) ? this.workspace : this.outside.get(uri);
  }

  /** A workspace read as this index reads files, which names directories relative to their folder. */
  private newWorkspace(assumptions: Assumptions): Workspace {
    const workspace = new Workspace(assumptions, uriExists, (directory) => this.folders.directoryName(directory));
    workspace.setAnalysisOptions(this.analysisOptions);
    return workspace;
  }

  private isInFolders(uri: string): boolean {
    return this.folders.contain(uri);
  }

  /** Whether the settings exclude a file of a workspace folder (matched relative to its folder). */
  private isExcluded(uri: string): boolean {
    const relative = this.folders.relativePath(uri);
    return relative !== undefined && this.isExcludedPath(relative);
  }
}

/** The role of an untitled document, from its language. */
function roleOfLanguage(languageId: string | undefined): FileRole | undefined {
  if (languageId === 'yaml' || languageId === 'json') return 'manifest';
  return languageId === 'sysctl' ? 'sysctl' : undefined;
}
