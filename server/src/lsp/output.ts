import {
  Message,
  PublishDiagnosticsNotification,
  type Event,
  type MessageStrategy,
  type MessageWriter,
  type NotificationMessage,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver';

/** Messages written and not yet taken by the client from which the server takes no new request. */
export const MAX_PENDING_MESSAGES = 64;

/** What waits to reach the client (see CoalescingWriter). */
export interface OutputBacklog {
  /** Messages handed to the stream and not yet taken by it. */
  readonly written: number;
  /** publishDiagnostics held back until the stream has taken those: at most one per file. */
  readonly waitingDiagnostics: number;
}

/**
 * The server's side of the output stream, bounded for a client that stops reading it. A write
 * is pending until the stream has taken it; while any is, diagnostics wait here, only the newest
 * per file kept, and go out once the stream has taken everything. Other messages (responses,
 * logs, progress) are written in order; at MAX_PENDING_MESSAGES pending, requests wait (see
 * `requestsWhileBackedUp`), and `onBackedUp(true)` asks the caller to stop reading input until
 * `onBackedUp(false)`.
 */
export class CoalescingWriter implements MessageWriter {
  private pending = 0;
  private backedUp = false;
  private readonly waitingDiagnostics = new Map<string, NotificationMessage>();
  private readonly waitingRequests: (() => void)[] = [];

  constructor(
    private readonly inner: MessageWriter,
    private readonly onBackedUp: (backedUp: boolean) => void = () => undefined,
  ) {}

  get onError(): Event<[Error, Message | undefined, number | undefined]> {
    return this.inner.onError;
  }

  get onClose(): Event<void> {
    return this.inner.onClose;
  }

  /** What waits to reach the client: messages handed to the stream and not yet taken, and diagnostics held back until it has. */
  get backlog(): OutputBacklog {
    return { written: this.pending, waitingDiagnostics: this.waitingDiagnostics.size };
  }

  /**
   * How the connection takes messages in: a request that comes while the output is backed up
   * waits until it is not, so that its answer does not add to it. Notifications (edits, exit)
   * are taken at once.
   */
  get requestsWhileBackedUp(): MessageStrategy {
    return {
      handleMessage: (message, next) => {
        if (!this.backedUp || !Message.isRequest(message)) return next(message);
        this.waitingRequests.push(() => next(message));
      },
    };
  }

  write(message: Message): Promise<void> {
    const uri = diagnosticsUri(message);
    if (uri !== undefined && this.pending > 0) {
      this.waitingDiagnostics.delete(uri);
      this.waitingDiagnostics.set(uri, message as NotificationMessage);
      return Promise.resolve();
    }
    return this.send(message);
  }

  end(): void {
    this.waitingDiagnostics.clear();
    this.inner.end();
  }

  dispose(): void {
    this.waitingDiagnostics.clear();
    this.inner.dispose();
  }

  private send(message: Message): Promise<void> {
    this.pending++;
    this.updateBackedUp();
    return this.inner.write(message).finally(() => {
      this.pending--;
      this.updateBackedUp();
      if (this.pending === 0) this.flushDiagnostics();
    });
  }

  private flushDiagnostics(): void {
    const waiting = [...this.waitingDiagnostics.values()];
    this.waitingDiagnostics.clear();
    for (const message of waiting) this.send(message).catch(() => undefined);
  }

  private updateBackedUp(): void {
    const backedUp = this.pending >= MAX_PENDING_MESSAGES;
    if (backedUp === this.backedUp) return;
    this.backedUp = backedUp;
    this.onBackedUp(backedUp);
    while (!this.backedUp && this.waitingRequests.length > 0) this.waitingRequests.shift()!();
  }
}

/** The file a publishDiagnostics notification is for, or undefined for any other message. */
function diagnosticsUri(message: Message): string | undefined {
  const notification = message as Partial<NotificationMessage>;
  if (notification.method !== PublishDiagnosticsNotification.method) return undefined;
  const uri = (notification.params as Partial<PublishDiagnosticsParams> | undefined)?.uri;
  return typeof uri === 'string' ? uri : undefined;
}

