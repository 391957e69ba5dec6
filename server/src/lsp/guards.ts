import { ErrorCodes, LSPErrorCodes, ResponseError, type CancellationToken, type Connection, type InitializeError } from 'vscode-languageserver';

/**
 * Where the server is in the protocol's lifecycle, and the refusals the specification asks for:
 * a request before `initialize` (ServerNotInitialized), a second `initialize` or a request after
 * `shutdown` (InvalidRequest).
 */
export class Lifecycle {
  private initialized = false;
  private shutDown = false;

  /** Whether `shutdown` was accepted: `exit` then ends the server with code 0. */
  get isShutDown(): boolean {
    return this.shutDown;
  }

  /** Takes an `initialize` request: the first one is accepted (undefined), any other refused. */
  initialize(): ResponseError<InitializeError> | undefined {
    if (this.initialized) return new ResponseError(ErrorCodes.InvalidRequest, 'The server is already initialized.', { retry: false });
    this.initialized = true;
    return undefined;
  }

  /** Takes a `shutdown` request: refused before `initialize` and after an earlier `shutdown`. */
  shutdown(): ResponseError<void> | undefined {
    const refused = this.refusal();
    if (refused === undefined) this.shutDown = true;
    return refused;
  }

  /** The error for a request the server cannot take now, or undefined when it can. */
  refusal(): ResponseError<void> | undefined {
    if (!this.initialized) return new ResponseError(ErrorCodes.ServerNotInitialized, 'The server is not initialized yet.');
    if (this.shutDown) return new ResponseError(ErrorCodes.InvalidRequest, 'The server is shut down.');
    return undefined;
  }
}

/** The answer to a request the client cancelled. */
export function requestCancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
}

/**
 * Lets the connection read what arrived (a `$/cancelRequest` among it) before a request's next
 * stage, and throws RequestCancelled when the client cancelled the request.
 */
export async function checkpoint(token: CancellationToken): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  if (token.isCancellationRequested) throw requestCancelled();
}

/**
 * Answers a request: refused when the lifecycle says so, cancelled when the client cancels it
 * before or while `compute` runs (it gets an `isCancelled` to check between its own stages), and
 * `fallback` when `compute` fails, the failure logged instead of taking the server down.
 */
export async function answer<T>(
  connection: Connection,
  lifecycle: Lifecycle,
  token: CancellationToken,
  what: string,
  compute: (isCancelled: () => boolean) => T,
  fallback: T,
): Promise<T> {
  const refused = lifecycle.refusal();
  if (refused !== undefined) throw refused;
  await checkpoint(token);
  let result: T;
  try {
    result = compute(() => token.isCancellationRequested);
  } catch (error) {
    logFailure(connection, what, error);
    result = fallback;
  }
  if (token.isCancellationRequested) throw requestCancelled();
  return result;
}

/** Runs a handler so that a failure is logged and never takes the server down. */
export function guarded<A extends unknown[]>(connection: Connection, what: string, handler: (...args: A) => unknown): (...args: A) => void {
  return (...args: A) => {
    try {
      const result = handler(...args);
      if (result instanceof Promise) result.catch((error: unknown) => logFailure(connection, what, error));
    } catch (error) {
      logFailure(connection, what, error);
    }
  };
}

/** Logs a failure of the server's own work, with its stack. */
export function logFailure(connection: Connection, what: string, error: unknown): void {
  connection.console.error(`Connlint failed during ${what}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
}
