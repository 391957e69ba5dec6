import { FileChangeType, type FileEvent } from 'vscode-languageserver';
import type { WorkspaceIndex } from './workspaceIndex';
import { normaliseUri } from './workspaceIndex';

/** From this many file events in a row (a branch checkout, a large copy), the workspace is scanned again instead. */
export const RESCAN_BURST = 100;

/** How long file events gather before they are applied: the notifications of one checkout add up to one burst. */
const GATHER_MS = 50;

/** What applying file events leads to: re-publish the diagnostics, or scan the workspace again. */
export interface FileEventEffects {
  readonly changed: () => void;
  readonly rescan: () => Promise<void>;
}

/**
 * Applies the file events the client reports, in order and one batch at a time: a deleted
 * directory is the deletion of everything below it, a created one (renamed, checked out) is
 * walked, and a burst of RESCAN_BURST events or more is taken as one scan of the workspace.
 */
export class FileEventQueue {
  private pending: FileEvent[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private applying: Promise<void> = Promise.resolve();

  constructor(
    private readonly index: WorkspaceIndex,
    private readonly effects: FileEventEffects,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Takes in the events of one notification; they are applied once events pause for a moment. */
  add(events: readonly FileEvent[]): void {
    this.pending.push(...events);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), GATHER_MS);
  }

  /** Resolves once every event added so far has been applied. */
  async settled(): Promise<void> {
    if (this.timer !== undefined) this.flush();
    await this.applying;
  }

  /** Drops the events not yet applied. */
  dispose(): void {
    clearTimeout(this.timer);
    this.pending = [];
  }

  private flush(): void {
    this.timer = undefined;
    const batch = this.pending;
    this.pending = [];
    this.applying = this.applying.then(() => this.apply(batch)).catch(this.onError);
  }

  private async apply(events: readonly FileEvent[]): Promise<void> {
    if (events.length >= RESCAN_BURST) return this.effects.rescan();
    for (const event of events) {
      const uri = normaliseUri(event.uri);
      if (event.type === FileChangeType.Deleted) this.index.fileDeleted(uri);
      else if (event.type === FileChangeType.Created) await this.index.pathCreated(uri);
      else this.index.fileChanged(uri);
    }
    this.effects.changed();
  }
}
