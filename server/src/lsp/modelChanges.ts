import type { Connection } from 'vscode-languageserver';

/**
 * The notification (no parameters) that the model of the workspace folders changed and has been
 * linted again: what a client shows of it, such as the effective network settings, is stale.
 */
export const MODEL_CHANGED_NOTIFICATION = 'connlint/modelChanged';

/**
 * Tells the client when the model of the workspace folders has changed since it was last told.
 * It is asked once the server has linted again after changes pause, so a burst of edits is one
 * notification, and a pass that finds the model as it was (a file saved unchanged, a document
 * from outside the folders) is none.
 */
export class ModelChangeNotifier {
  private toldGeneration: number;

  constructor(
    private readonly connection: Connection,
    /** The generation of the folders' model: it increases with every change to it. */
    private readonly generation: () => number,
  ) {
    this.toldGeneration = generation();
  }

  /** The server has linted the workspace again: tells the client if the model changed since it was last told. */
  linted(): void {
    const generation = this.generation();
    if (generation === this.toldGeneration) return;
    this.toldGeneration = generation;
    // A client that is gone cannot be told; the server goes on until its input ends.
    this.connection.sendNotification(MODEL_CHANGED_NOTIFICATION).catch(() => undefined);
  }
}
