import type { Readable, Writable } from 'node:stream';
import { createConnection, createProtocolConnection, type Connection, type Disposable, type InitializeParams, type WatchDog } from 'vscode-languageserver';
import { ProposedFeatures, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import { Lifecycle } from './guards';
import { CoalescingWriter, type OutputBacklog } from './output';
import { startServer } from './server';

/** How often the server checks that the client process named in `initialize` is still alive. */
const CLIENT_CHECK_INTERVAL_MS = 3000;

/** A server running in this process over a pair of streams. */
export interface InProcessServer {
  /** Resolves with the exit code the server would end with (0 after `shutdown`, else 1) on `exit` or when its input ends. */
  readonly exited: Promise<number>;
  /** What waits to reach the client. */
  outputBacklog(): OutputBacklog;
  /** Stops the server without the protocol's goodbye. */
  dispose(): void;
}

/**
 * Starts the server over a pair of streams in this process: what protocol tests use instead of
 * a child process. `exit` and the end of `input` resolve `exited` instead of ending the process.
 */
export function startInProcess(input: Readable, output: Writable): InProcessServer {
  let resolveExit: (code: number) => void = () => undefined;
  const exited = new Promise<number>((resolve) => (resolveExit = resolve));
  let stop = (): void => undefined;
  const served = serveOverStreams(input, output, (code) => {
    resolveExit(code);
    stop();
  });
  stop = () => {
    served.server.dispose();
    served.connection.dispose();
  };
  return { exited, outputBacklog: () => served.writer.backlog, dispose: () => stop() };
}

/** Serves the protocol over the process's stdin and stdout; `exit` ends the process. */
export function serveOverStdio(): void {
  // Stdout carries the protocol: whatever a library prints goes to stderr instead.
  for (const method of ['log', 'info', 'debug', 'warn'] as const) console[method] = console.error;
  serveOverStreams(process.stdin, process.stdout, (code) => process.exit(code), watchClientProcess);
}

/**
 * Serves the protocol over a pair of streams, with output bounded for a client that stops
 * reading it (see CoalescingWriter): past the bound, the input is paused until it drains.
 */
function serveOverStreams(
  input: Readable,
  output: Writable,
  exit: (code: number) => void,
  onInitialize: (params: InitializeParams, end: () => void) => void = () => undefined,
): { connection: Connection; writer: CoalescingWriter; server: Disposable } {
  const lifecycle = new Lifecycle();
  const exitOnce = onlyOnce((code: number) => exit(code));
  const end = (): void => exitOnce(lifecycle.isShutDown ? 0 : 1);
  const writer = new CoalescingWriter(new StreamMessageWriter(output), (backedUp) => (backedUp ? input.pause() : input.resume()));
  const watchDog: WatchDog = {
    initialize: onlyOnce((params: InitializeParams) => onInitialize(params, end)),
    get shutdownReceived() {
      return lifecycle.isShutDown;
    },
    set shutdownReceived(_ignored: boolean) {
      // The lifecycle decides: a `shutdown` before `initialize` is refused and does not count.
    },
    exit: exitOnce,
  };
  const connection = createConnection((logger) => createProtocolConnection(new StreamMessageReader(input), writer, logger, { messageStrategy: writer.requestsWhileBackedUp }), watchDog, ProposedFeatures.all);
  input.once('end', end);
  input.once('close', end);
  const server = startServer(connection, lifecycle);
  return { connection, writer, server };
}

/** Ends the server when the client process named in `initialize` is gone. */
function watchClientProcess(params: InitializeParams, end: () => void): void {
  const processId = params.processId;
  if (typeof processId !== 'number') return;
  setInterval(() => {
    try {
      process.kill(processId, 0);
    } catch {
      end();
    }
  }, CLIENT_CHECK_INTERVAL_MS).unref();
}

function onlyOnce<A extends unknown[]>(action: (...args: A) => void): (...args: A) => void {
  let done = false;
  return (...args: A) => {
    if (done) return;
    done = true;
    action(...args);
  };
}
