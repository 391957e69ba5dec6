import { DiagnosticsTracker, type TrackerOptions } from '../core/diagnosticsTracker';
import type { LintedFinding, LintSettings } from '../core/lint';
import type { Workspace } from '../core/workspace';

/**
 * The diagnostics of the folders' workspace and of each document linted on its own, tracked
 * workspace by workspace so that only what changed is linted again.
 */
export class WorkspaceDiagnostics {
  private readonly trackers = new WeakMap<Workspace, DiagnosticsTracker>();
  /** Documents from outside the folders that were closed: their diagnostics are cleared on the next publish. */
  private readonly closedOutside = new Set<string>();

  constructor(
    private readonly folderWorkspace: Workspace,
    /** The workspace of each document opened from outside the folders. */
    private readonly outside: ReadonlyMap<string, Workspace>,
  ) {}

  /** Notes a document from outside the folders that was closed, so that its diagnostics are cleared. */
  closedOutsideFolders(uri: string): void {
    this.closedOutside.add(uri);
  }

  /**
   * The files whose diagnostics changed since the last call (`current` gives them);
   * `folderOptions` apply to the folders' workspace, `options` to the documents outside them.
   */
  changedFiles(settings: LintSettings, options: TrackerOptions, folderOptions: TrackerOptions): Set<string> {
    const changed = new Set<string>(this.closedOutside);
    this.closedOutside.clear();
    for (const workspace of this.workspaces()) {
      for (const uri of this.trackerOf(workspace).changedFiles(settings, workspace === this.folderWorkspace ? folderOptions : options)) changed.add(uri);
    }
    return changed;
  }

  /** The linted findings last published for a file, less those its model has changed since. */
  upToDate(uri: string): LintedFinding[] {
    const workspace = this.folderWorkspace.has(uri) ? this.folderWorkspace : this.outside.get(uri);
    return workspace === undefined ? [] : this.trackerOf(workspace).upToDate(uri);
  }

  /**
   * A file's linted findings as of the last call to `changedFiles`: a document can be in the
   * folders' model and in a model of its own (opened before its folder was added).
   */
  current(uri: string): LintedFinding[] {
    return this.workspaces().flatMap((workspace) => this.trackerOf(workspace).current(uri));
  }

  private workspaces(): Workspace[] {
    return [this.folderWorkspace, ...this.outside.values()];
  }

  private trackerOf(workspace: Workspace): DiagnosticsTracker {
    let tracker = this.trackers.get(workspace);
    if (tracker === undefined) this.trackers.set(workspace, (tracker = new DiagnosticsTracker(workspace.model())));
    return tracker;
  }
}
