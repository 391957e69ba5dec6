import { analyzeFile, type AnalyzedFile, type FileContext } from './analyze';
import { WorkspaceModel, type Assumptions } from './model/workspaceModel';

/**
 * The files of a workspace and their analyses. Each file is analysed once per text; the
 * cross-file model is rebuilt lazily after a change. Front ends own one instance each.
 */
export class Workspace {
  private readonly files = new Map<string, AnalyzedFile>();
  private cachedModel: WorkspaceModel | undefined;

  constructor(
    private assumptions: Assumptions = {},
    private readonly fileExists?: (path: string) => boolean,
  ) {}

  /** Replaces what is assumed about the cluster; the model is rebuilt on next use. */
  setAssumptions(assumptions: Assumptions): void {
    this.assumptions = assumptions;
    this.cachedModel = undefined;
  }

  /** Adds or replaces a file; unchanged text keeps its analysis. */
  set(path: string, text: string, context: Omit<FileContext, 'fileExists'> = {}): AnalyzedFile {
    const current = this.files.get(path);
    if (current !== undefined && current.text === text) return current;
    const analyzed = analyzeFile(path, text, { ...context, ...(this.fileExists ? { fileExists: this.fileExists } : {}) });
    this.files.set(path, analyzed);
    this.cachedModel = undefined;
    return analyzed;
  }

  /** Forgets a file. */
  delete(path: string): boolean {
    const deleted = this.files.delete(path);
    if (deleted) this.cachedModel = undefined;
    return deleted;
  }

  has(path: string): boolean {
    return this.files.has(path);
  }

  /** The paths of every file. */
  paths(): string[] {
    return [...this.files.keys()];
  }

  /** The current model of all files. */
  model(): WorkspaceModel {
    this.cachedModel ??= new WorkspaceModel(this.files.values(), this.assumptions);
    return this.cachedModel;
  }
}
