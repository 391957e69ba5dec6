import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import {
  createProtocolConnection,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';

/** The repository root: the nearest directory above that holds the root package.json. */
export function repositoryRoot(from: string = __dirname): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'server', 'bin'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no repository root above ${from}`);
  }
}

/** Where a test client talks to a server: the streams from and to it, how it ends, and how to stop it. */
export interface ServerEnd {
  readonly fromServer: Readable;
  readonly toServer: Writable;
  readonly exited: Promise<number | null>;
  stop(): void;
}

/** The real server binary over stdio, in a child process; its stderr shown or not. */
export function spawnedServer(stderr: 'inherit' | 'ignore' = 'inherit'): ServerEnd {
  const server = path.join(repositoryRoot(), 'server', 'bin', 'connlint-language-server.js');
  const child = spawn(process.execPath, [server, '--stdio'], { stdio: ['pipe', 'pipe', stderr] });
  return {
    fromServer: child.stdout!,
    toServer: child.stdin!,
    exited: new Promise((resolve) => child.on('exit', (code) => resolve(code))),
    stop: () => child.kill(),
  };
}

/** A language client that records published diagnostics and waits for them; by default over the real server's stdio. */
export class LspTestClient {
  readonly connection: ProtocolConnection;
  readonly diagnostics = new Map<string, Diagnostic[]>();
  /** How many publishDiagnostics notifications have arrived. */
  publishes = 0;
  readonly exited: Promise<number | null>;
  private readonly waiters: (() => void)[] = [];
  private readonly server: ServerEnd;

  constructor(server: ServerEnd = spawnedServer()) {
    this.server = server;
    this.exited = server.exited;
    this.connection = createProtocolConnection(new StreamMessageReader(server.fromServer), new StreamMessageWriter(server.toServer));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.diagnostics.set(params.uri, params.diagnostics);
      this.publishes++;
      for (const wake of this.waiters.splice(0)) wake();
    });
    this.connection.onRequest(RegistrationRequest.type, () => undefined);
    this.connection.listen();
  }

  /** Resolves when the diagnostics published for `uri` satisfy `predicate`; rejects after `timeoutMs`. */
  async waitForDiagnostics(uri: string, predicate: (diagnostics: Diagnostic[] | undefined) => boolean, timeoutMs = 10_000): Promise<Diagnostic[]> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this.diagnostics.get(uri))) {
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw new Error(`timed out waiting for diagnostics of ${uri}; last: ${JSON.stringify(this.diagnostics.get(uri))}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, remaining);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.diagnostics.get(uri) ?? [];
  }

  /** Resolves once nothing has been published for `quietMs`. */
  async settled(quietMs = 500): Promise<void> {
    for (let before = -1; this.publishes !== before; ) {
      before = this.publishes;
      await new Promise((resolve) => setTimeout(resolve, quietMs));
    }
  }

  kill(): void {
    this.connection.dispose();
    this.server.stop();
  }
}
