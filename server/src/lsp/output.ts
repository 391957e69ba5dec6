import {
  PublishDiagnosticsNotification,
  type Event,
  type Message,
  type MessageWriter,
  type NotificationMessage,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver';

/** Messages written and not yet taken by the client from which the server stops reading requests. */
export const MAX_PENDING_MESSAGES = 64;

/**
 * The server's side of the output stream, bounded for a client that stops reading it. A write
 * is pending until the stream has taken it; while any is, diagnostics wait here, only the newest
 * per file kept, and go out once the stream has taken everything. Other messages (responses,
 * logs, progress) are written in order; past MAX_PENDING_MESSAGES pending, `onBackedUp(true)`
 * asks the caller to stop reading requests, and `onBackedUp(false)` to read again.
 */
export class CoalescingWriter implements MessageWriter {
  private pending = 0;
  private backedUp = false;
  private readonly waitingDiagnostics = new Map<string, NotificationMessage>();

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

  /** Messages handed to the stream and not yet taken, plus diagnostics waiting for them. */
  get queued(): number {
    return this.pending + this.waitingDiagnostics.size;
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
  }
}

/** The file a publishDiagnostics notification is for, or undefined for any other message. */
function diagnosticsUri(message: Message): string | undefined {
  const notification = message as Partial<NotificationMessage>;
  if (notification.method !== PublishDiagnosticsNotification.method) return undefined;
  const uri = (notification.params as Partial<PublishDiagnosticsParams> | undefined)?.uri;
  return typeof uri === 'string' ? uri : undefined;
}

