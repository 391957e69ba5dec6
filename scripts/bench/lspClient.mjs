// A minimal language client over a server's stdio, the same for every server measured: it answers
// the server's requests with empty results and resolves a promise when diagnostics arrive.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  PublishDiagnosticsNotification,
} = require('vscode-languageserver-protocol/node');

/** A spawned language server with a protocol connection to it. */
export class BenchClient {
  /**
   * @param {string[]} command executable and arguments (stdio)
   * @param {NodeJS.ProcessEnv} env the server's environment
   */
  constructor(command, env = process.env) {
    this.spawnedAt = performance.now();
    this.process = spawn(command[0], command.slice(1), { stdio: ['pipe', 'pipe', 'ignore'], env });
    this.connection = createProtocolConnection(new StreamMessageReader(this.process.stdout), new StreamMessageWriter(this.process.stdin));
    /** @type {Map<string, {at: number, diagnostics: any[]}>} */
    this.latest = new Map();
    /** @type {((uri: string) => void)[]} */
    this.listeners = [];
    this.progressEnded = [];
    this.lastPublishAt = 0;
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      const at = performance.now();
      this.lastPublishAt = at;
      this.latest.set(params.uri, { at, diagnostics: params.diagnostics });
      for (const listener of [...this.listeners]) listener(params.uri);
    });
    this.connection.onNotification('$/progress', (params) => {
      if (params?.value?.kind === 'end') this.progressEnded.push(performance.now());
    });
    this.connection.onRequest('workspace/configuration', (params) => params.items.map(() => null));
    this.connection.onRequest((method) => (method === 'workspace/configuration' ? [] : null));
    this.connection.onNotification(() => undefined);
    this.connection.listen();
  }

  /** initialize + initialized; `rootUri` null for no workspace folder. */
  async start(rootUri, { progress = false, initializationOptions = undefined } = {}) {
    const folders = rootUri ? [{ uri: rootUri, name: 'bench' }] : null;
    const result = await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: folders,
      capabilities: {
        window: { workDoneProgress: progress },
        textDocument: { publishDiagnostics: { relatedInformation: true }, synchronization: { dynamicRegistration: false } },
        workspace: { workspaceFolders: true },
      },
      initializationOptions,
    });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  /** Resolves with the time diagnostics of `uri` arrive that satisfy `predicate` (after this call). */
  waitFor(uri, predicate = () => true, timeoutMs = 120_000) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.listeners = this.listeners.filter((candidate) => candidate !== listener);
        reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms`));
      }, timeoutMs);
      const listener = (published) => {
        if (published !== uri) return;
        const entry = this.latest.get(uri);
        if (!predicate(entry.diagnostics)) return;
        clearTimeout(timer);
        this.listeners = this.listeners.filter((candidate) => candidate !== listener);
        resolve(entry.at);
      };
      this.listeners.push(listener);
    });
  }

  /** Resolves once no diagnostics have arrived for `quietMs`; gives the time of the last ones. */
  async settle(quietMs = 500) {
    for (;;) {
      const before = this.lastPublishAt;
      await new Promise((resolve) => setTimeout(resolve, quietMs));
      if (this.lastPublishAt === before) return before;
    }
  }

  open(uri, text, languageId = 'yaml') {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  close(uri) {
    return this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  change(uri, version, contentChanges) {
    return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
  }

  /** Peak resident set of the server process, in MB (VmHWM). */
  async peakRssMb() {
    const { readFile } = await import('node:fs/promises');
    const status = await readFile(`/proc/${this.process.pid}/status`, 'utf8');
    const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? NaN);
    return kb / 1024;
  }

  async stop() {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((resolve) => setTimeout(resolve, 2000))]);
      this.connection.sendNotification('exit');
    } catch {
      // the server is gone already
    }
    setTimeout(() => this.process.kill(), 200).unref();
    await new Promise((resolve) => {
      if (this.process.exitCode !== null) resolve();
      else this.process.once('exit', resolve);
    });
    this.connection.dispose();
  }
}
