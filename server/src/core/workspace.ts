import { analyzeFile, type AnalysisOptions, type AnalyzedFile, type FileContext } from './analyze';
import { WorkspaceModel, type Assumptions } from './model/workspaceModel';

/**
 * The files of a workspace and their analyses. Each file is analysed once per text, and the
 * cross-file model is updated with that file's part only. Front ends own one instance each.
 */
export class Workspace {
  private readonly files = new Map<string, AnalyzedFile>();
  private readonly current: WorkspaceModel;
  private options: AnalysisOptions = {};

  /**
   * `directoryName` names a directory in messages (a kustomize build's): the language server's
   * paths are URIs, which it names relative to their workspace folder.
   */
  constructor(
    assumptions: Assumptions = {},
    private readonly fileExists?: (path: string) => boolean,
    directoryName?: (directory: string) => string,
  ) {
    this.current = new WorkspaceModel([], assumptions, directoryName);
  }

  /** Replaces what is assumed about the cluster. */
  setAssumptions(assumptions: Assumptions): void {
    this.current.setAssumptions(assumptions);
  }

  /** How the files set from now on are read; an analysis made elsewhere (setAnalyzed) must be made with the same options. */
  setAnalysisOptions(options: AnalysisOptions): void {
    this.options = options;
  }

  /** Adds or replaces a file; unchanged text keeps its analysis. */
  set(path: string, text: string, context: Omit<FileContext, 'fileExists' | 'previous'> = {}): AnalyzedFile {
    const current = this.files.get(path);
    if (current !== undefined && current.text === text) return current;
    return this.analyze(path, text, context, current);
  }

  /**
   * Reads whole the documents of a file that its analysis left with unread fields blanked
   * (`unreadFieldsLater`), so that their YAML errors are known, and takes over its other
   * documents as they are. Returns whether the file had any such document.
   */
  readWhole(path: string): boolean {
    const current = this.files.get(path);
    if (current === undefined || this.options.syntaxReportedElsewhere === true || !current.documents.some((document) => document.blanked)) return false;
    this.analyze(path, current.text, current.role === undefined ? {} : { role: current.role }, current);
    return true;
  }

  private analyze(path: string, text: string, context: Omit<FileContext, 'fileExists' | 'previous'>, previous: AnalyzedFile | undefined): AnalyzedFile {
    const analyzed = analyzeFile(path, text, { ...this.options, ...context, ...(this.fileExists ? { fileExists: this.fileExists } : {}), ...(previous ? { previous } : {}) });
    this.files.set(path, analyzed);
    this.current.setFile(analyzed);
    return analyzed;
  }

  /**
   * Adds or replaces a file with an analysis made elsewhere (on a worker thread) by `analyzeFile`
   * with this workspace's context and options; unchanged text keeps the analysis in place.
   */
  setAnalyzed(analyzed: AnalyzedFile): AnalyzedFile {
    const current = this.files.get(analyzed.path);
    if (current !== undefined && current.text === analyzed.text) return current;
    this.files.set(analyzed.path, analyzed);
    this.current.setFile(analyzed);
    return analyzed;
  }

  /** Forgets a file. */
  delete(path: string): boolean {
    const deleted = this.files.delete(path);
    if (deleted) this.current.deleteFile(path);
    return deleted;
  }

  has(path: string): boolean {
    return this.files.has(path);
  }

  /** The paths of every file. */
  paths(): string[] {
    return [...this.files.keys()];
  }

  /** The model of all files, kept up to date as files change (the same object for the workspace's life). */
  model(): WorkspaceModel {
    return this.current;
  }
}
