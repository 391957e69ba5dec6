import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inProcessServer } from '../helpers/inProcessServer';
import { spawnedServer, type ServerEnd } from '../helpers/lspClient';

/** A JSON-RPC message as the server writes it. */
type Message = { id?: number | string | null; method?: string; params?: unknown; result?: unknown; error?: { code: number; message: string } };

/** A server spoken to in raw bytes, Content-Length frames written by hand: by default the real binary over stdio. */
class RawServer {
  private buffer = Buffer.alloc(0);
  readonly received: Message[] = [];
  private readonly waiters: (() => void)[] = [];
  readonly exited: Promise<number | null>;

  constructor(private readonly server: ServerEnd = spawnedServer('ignore')) {
    this.exited = server.exited;
    server.fromServer.on('data', (chunk: Buffer) => this.read(chunk));
  }

  /** The server in this process, over in-memory streams. */
  static inProcess(): RawServer {
    return new RawServer(inProcessServer());
  }

  send(message: object): void {
    this.sendRaw(JSON.stringify({ jsonrpc: '2.0', ...message }));
  }

  sendRaw(body: string): void {
    const bytes = Buffer.from(body, 'utf8');
    this.server.toServer.write(Buffer.concat([Buffer.from(`Content-Length: ${bytes.length}\r\n\r\n`, 'ascii'), bytes]));
  }

  closeStdin(): void {
    this.server.toServer.end();
  }

  /** The response to request `id`, waiting for it. */
  async response(id: number, timeoutMs = 10_000): Promise<Message> {
    return this.waitFor((message) => message.id === id && message.method === undefined, timeoutMs);
  }

  async waitFor(predicate: (message: Message) => boolean, timeoutMs = 10_000): Promise<Message> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.received.find(predicate);
      if (found !== undefined) return found;
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw new Error(`timed out; received ${JSON.stringify(this.received.map((message) => message.method ?? message.id))}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, remaining);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  kill(): void {
    this.server.stop();
  }

  private read(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd === -1) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString('ascii'))?.[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      this.received.push(JSON.parse(this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8')) as Message);
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      for (const wake of this.waiters.splice(0)) wake();
    }
  }
}

const SERVER_NOT_INITIALIZED = -32002;
const INVALID_REQUEST = -32600;
const METHOD_NOT_FOUND = -32601;

async function initialized(server: RawServer): Promise<void> {
  server.send({ id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {}, workspaceFolders: null } });
  const response = await server.response(1);
  assert.ok(response.result !== undefined, JSON.stringify(response));
  server.send({ method: 'initialized', params: {} });
}

test('before initialize: requests are refused with ServerNotInitialized, a notification does no harm; then it initialises normally', async () => {
  const server = new RawServer();
  try {
    server.send({ method: 'textDocument/didOpen', params: { textDocument: { uri: 'file:///early.yaml', languageId: 'yaml', version: 1, text: 'kind: Service\n' } } });
    server.send({ id: 'early', method: 'textDocument/hover', params: { textDocument: { uri: 'file:///early.yaml' }, position: { line: 0, character: 0 } } });
    const refused = await server.waitFor((message) => message.id === 'early');
    assert.equal(refused.error?.code, SERVER_NOT_INITIALIZED);
    await initialized(server);
    server.send({ id: 2, method: 'shutdown' });
    assert.equal((await server.response(2)).result, null);
    server.send({ method: 'exit' });
    assert.equal(await server.exited, 0);
  } finally {
    server.kill();
  }
});

test('unknown documents, out-of-range positions, a version gap, unknown methods and malformed JSON get answers, not a crash', async () => {
  const server = RawServer.inProcess();
  try {
    await initialized(server);
    const unknown = { uri: 'file:///nowhere/never-opened.yaml' };
    server.send({ id: 10, method: 'textDocument/hover', params: { textDocument: unknown, position: { line: 0, character: 0 } } });
    server.send({ id: 11, method: 'textDocument/completion', params: { textDocument: unknown, position: { line: 5, character: 5 } } });
    server.send({ id: 12, method: 'textDocument/codeAction', params: { textDocument: unknown, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } } });
    assert.equal((await server.response(10)).result, null);
    assert.deepEqual((await server.response(11)).result, []);
    assert.deepEqual((await server.response(12)).result, []);

    const uri = 'file:///outside/app.yaml';
    const text = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector: {app: web}\n';
    server.send({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'yaml', version: 1, text } } });
    for (const [id, position] of [
      [20, { line: 1_000_000, character: 0 }],
      [21, { line: 0, character: 1_000_000 }],
      [22, { line: -1, character: -1 }],
      [23, { line: 2 ** 31, character: 2 ** 31 }],
    ] as const) {
      server.send({ id, method: 'textDocument/hover', params: { textDocument: { uri }, position } });
      server.send({ id: id + 100, method: 'textDocument/completion', params: { textDocument: { uri }, position } });
      server.send({ id: id + 200, method: 'textDocument/codeAction', params: { textDocument: { uri }, range: { start: position, end: position }, context: { diagnostics: [], only: ['source.fixAll.connlint'] } } });
    }
    for (const id of [20, 21, 22, 23]) {
      for (const offset of [0, 100, 200]) assert.equal((await server.response(id + offset)).error, undefined, `request ${id + offset}`);
    }
    // A version gap and a change past the end: the document takes them as sent.
    server.send({ method: 'textDocument/didChange', params: { textDocument: { uri, version: 7 }, contentChanges: [{ range: { start: { line: 99, character: 0 }, end: { line: 120, character: 4 } }, text: 'x: 1\n' }] } });
    server.send({ method: 'textDocument/didChange', params: { textDocument: { uri: 'file:///never/opened.yaml', version: 3 }, contentChanges: [{ text: 'kind: Service\n' }] } });
    server.send({ method: 'textDocument/didClose', params: { textDocument: { uri: 'file:///never/opened.yaml' } } });
    server.send({ id: 30, method: 'textDocument/hover', params: { textDocument: { uri }, position: { line: 3, character: 8 } } });
    assert.equal((await server.response(30)).error, undefined);

    server.send({ id: 31, method: 'connlint/noSuchRequest', params: {} });
    assert.equal((await server.response(31)).error?.code, METHOD_NOT_FOUND);
    server.send({ method: '$/noSuchNotification', params: {} });
    server.sendRaw('{"jsonrpc":"2.0","id":32,"method":');
    server.sendRaw('[1, 2, 3]');
    server.send({ id: 33, method: 'textDocument/hover', params: { textDocument: { uri }, position: { line: 0, character: 0 } } });
    assert.equal((await server.response(33)).error, undefined, 'still answering after malformed messages');

    server.send({ id: 40, method: 'shutdown' });
    assert.equal((await server.response(40)).result, null);
    server.send({ id: 41, method: 'textDocument/hover', params: { textDocument: { uri }, position: { line: 0, character: 0 } } });
    assert.equal((await server.response(41)).error?.code, INVALID_REQUEST, 'requests after shutdown are invalid');
    server.send({ method: 'exit' });
    assert.equal(await server.exited, 0);
  } finally {
    server.kill();
  }
});

test('before initialize: shutdown and every other request are refused with ServerNotInitialized', async () => {
  const server = RawServer.inProcess();
  try {
    const document = { textDocument: { uri: 'file:///early.yaml' }, position: { line: 0, character: 0 } };
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    server.send({ id: 1, method: 'shutdown' });
    server.send({ id: 2, method: 'textDocument/completion', params: document });
    server.send({ id: 3, method: 'textDocument/codeAction', params: { textDocument: document.textDocument, range, context: { diagnostics: [] } } });
    server.send({ id: 4, method: 'connlint/effectiveNetworkSettings', params: {} });
    server.send({ id: 5, method: 'textDocument/definition', params: document });
    for (const id of [1, 2, 3, 4, 5]) assert.equal((await server.response(id)).error?.code, SERVER_NOT_INITIALIZED, `request ${id}`);
    // The refused shutdown did not count: exit still ends the server as without one.
    server.send({ method: 'exit' });
    assert.equal(await server.exited, 1);
  } finally {
    server.kill();
  }
});

test('a second initialize is refused with InvalidRequest, and the first one stays in force', async () => {
  const server = RawServer.inProcess();
  try {
    await initialized(server);
    server.send({ id: 2, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {}, workspaceFolders: null } });
    const refused = await server.response(2);
    assert.deepEqual(refused.error, { code: INVALID_REQUEST, message: 'The server is already initialized.', data: { retry: false } });
    server.send({ id: 3, method: 'textDocument/hover', params: { textDocument: { uri: 'file:///none.yaml' }, position: { line: 0, character: 0 } } });
    assert.deepEqual(await server.response(3), { jsonrpc: '2.0', id: 3, result: null });
    server.send({ id: 4, method: 'shutdown' });
    assert.equal((await server.response(4)).result, null);
    server.send({ method: 'exit' });
    assert.equal(await server.exited, 0);
  } finally {
    server.kill();
  }
});

test('exit without shutdown ends the server with code 1', async () => {
  const server = new RawServer();
  try {
    await initialized(server);
    server.send({ method: 'exit' });
    assert.equal(await server.exited, 1);
  } finally {
    server.kill();
  }
});

test('closing stdin ends the server', async () => {
  const server = new RawServer();
  try {
    await initialized(server);
    server.closeStdin();
    const code = await server.exited;
    assert.ok(code === 0 || code === 1, `exit code ${code}`);
  } finally {
    server.kill();
  }
});
