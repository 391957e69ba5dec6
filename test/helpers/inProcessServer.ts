import { PassThrough, Transform, type TransformCallback } from 'node:stream';
import { startInProcess, type InProcessServer } from '@connlint/server/lsp';
import { LspTestClient, type ServerEnd } from './lspClient';

/** The language server in this process, and the ends of the in-memory streams a client talks to it over. */
export interface InProcessEnd extends ServerEnd {
  readonly server: InProcessServer;
  /** The server's output on its way to the client: closed, the client reads nothing more. */
  readonly fromServer: Valve;
}

/** Starts the language server in this process, over in-memory streams. */
export function inProcessServer(): InProcessEnd {
  const toServer = new PassThrough();
  const fromServer = new Valve();
  const server = startInProcess(toServer, fromServer);
  return {
    server,
    fromServer,
    toServer,
    exited: server.exited,
    stop: () => {
      server.dispose();
      toServer.end();
    },
  };
}

/** A test client and the server it talks to, in this process over in-memory streams. */
export interface InProcessPair {
  readonly client: LspTestClient;
  readonly server: InProcessServer;
  /** The server's output on its way to the client: closed, the client reads nothing more. */
  readonly output: Valve;
}

/** Starts the language server in this process and a test client connected to it. */
export function inProcessPair(): InProcessPair {
  const end = inProcessServer();
  return { client: new LspTestClient(end), server: end.server, output: end.fromServer };
}

/** A test client of a server in this process (see inProcessPair). */
export function inProcessClient(): LspTestClient {
  return inProcessPair().client;
}

/**
 * A stream that passes what is written through while open; closed, it takes nothing more (the
 * writer's callbacks wait) until it is opened again: a client that stops reading.
 */
export class Valve extends Transform {
  private isOpen = true;
  private held: (() => void)[] = [];

  close(): void {
    this.isOpen = false;
  }

  open(): void {
    this.isOpen = true;
    for (const release of this.held.splice(0)) release();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    if (this.isOpen) callback(null, chunk);
    else this.held.push(() => callback(null, chunk));
  }
}
