import type { Connection } from 'vscode-languageserver';
import { toLspDiagnostic } from './convert';
import { guarded } from './guards';
import type { WorkspaceIndex } from './workspaceIndex';

/** How long edits must pause before the findings over the whole workspace are re-published. */
export const AGGREGATE_DELAY_MS = 100;

/**
 * Publishes the diagnostics of the files a change affects, in two passes: first, right away,
 * the findings of the files an edit concerns (a Service whose Deployment changed); then, once
 * edits pause for AGGREGATE_DELAY_MS, the aggregate findings that weigh every workload of the
 * workspace, whose cost grows with it, and the YAML errors in the fields of open documents that
 * the first pass left unparsed. While a scan runs, only open documents' diagnostics are
 * published, never a half-read workspace's. What changed is the index's to say (its tracker
 * compares each file's diagnostics with the last ones it handed out): each file it reports is
 * sent, and nothing else. `linted` runs after each whole-workspace pass made while no scan runs:
 * the workspace has settled and been linted again.
 */
export class DiagnosticsPublisher {
  private scheduled = false;
  private aggregateTimer: ReturnType<typeof setTimeout> | undefined;
  private scans = 0;
  private disposed = false;
  /** Documents edited since the last pass: their diagnostics go out again even where the tracker sees no change (see `publish`). */
  private readonly edited = new Set<string>();

  constructor(
    private readonly connection: Connection,
    private readonly index: WorkspaceIndex,
    private readonly linted: () => void = () => undefined,
  ) {}

  /** Publishes what changed on the next turn; calls until then add up to one pass. `editedUri`: a document whose text changed. */
  schedule(editedUri?: string): void {
    if (editedUri !== undefined) this.edited.add(editedUri);
    if (this.scheduled || this.disposed) return;
    this.scheduled = true;
    setImmediate(guarded(this.connection, 'publishing diagnostics', () => this.publish(false)));
  }

  /** Runs a scan of the workspace; until it ends, only open documents' diagnostics are published. */
  async duringScan(scan: () => Promise<void>): Promise<void> {
    this.scans++;
    try {
      await scan();
    } finally {
      this.scans--;
      this.schedule();
    }
  }

  /** Publishes nothing more. */
  dispose(): void {
    this.disposed = true;
    clearTimeout(this.aggregateTimer);
  }

  private publish(wholeWorkspace: boolean): void {
    if (this.disposed) return;
    if (!wholeWorkspace) {
      this.scheduled = false;
      clearTimeout(this.aggregateTimer);
      this.aggregateTimer = setTimeout(guarded(this.connection, 'publishing diagnostics', () => this.publish(true)), AGGREGATE_DELAY_MS);
    }
    if (wholeWorkspace) this.index.readOpenDocumentsWhole();
    const changed = this.index.diagnosticChanges({ wholeWorkspace, openOnly: this.scans > 0 });
    // Edited documents go out again even where the tracker sees no change: the same range can
    // start at another offset after an edit above it, and the offset in each diagnostic's data,
    // by which code actions find it again, must follow. One file at a time, so that only one
    // file's diagnostics are made at once, besides those the output holds until sent.
    for (const uri of new Set([...changed, ...this.edited])) {
      const found = this.index.diagnosticsOf(uri);
      if (!changed.has(uri) && found.length === 0) continue;
      const diagnostics = found.map(({ diagnostic, finding }) => toLspDiagnostic(diagnostic, finding.span.start));
      // A client that is gone cannot be told; the server goes on until its input ends.
      this.connection.sendDiagnostics({ uri, diagnostics }).catch(() => undefined);
    }
    this.edited.clear();
    if (wholeWorkspace && this.scans === 0) this.linted();
  }
}
