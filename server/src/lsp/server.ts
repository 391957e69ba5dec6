import {
  CodeActionKind,
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  ResponseError,
  TextDocumentSyncKind,
  TextDocuments,
  WatchKind,
  type ClientCapabilities,
  type Connection,
  type DidChangeWatchedFilesParams,
  type Disposable,
  type FileSystemWatcher,
  type InitializeError,
  type InitializeResult,
  type ServerCapabilities,
  type WorkspaceFoldersChangeEvent,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { YAML_PARSE_CATEGORY } from '../core/rules/syntax';
import { connectionPath, ConnectionPathRequest } from './connectionPath';
import { codeActions, completion, effectiveNetworkSettings, FIX_ALL_KIND, hover, resolveCodeAction, resolvesEdits } from './features';
import { answer, guarded, type Lifecycle } from './guards';
import { FileEventQueue } from './fileEvents';
import { ModelChangeNotifier } from './modelChanges';
import { DiagnosticsPublisher } from './publisher';
import { SettingsSync } from './settingsSync';
import { normaliseUri, WorkspaceIndex } from './workspaceIndex';

/**
 * What the server follows on disk: the files it reads, and the creation and deletion of
 * anything, since the editor reports a folder deleted, renamed or checked out once, for itself.
 */
const WATCHERS: FileSystemWatcher[] = [
  { globPattern: '**/*.{yaml,yml,json}' },
  { globPattern: '**/sysctl.conf' },
  { globPattern: '**/sysctl.d/*.conf' },
  { globPattern: '**/*', kind: WatchKind.Create | WatchKind.Delete },
];

/** What the server offers the client: a new object each time, since the protocol library fills in its own. */
function serverCapabilities(): ServerCapabilities {
  return {
    textDocumentSync: TextDocumentSyncKind.Incremental,
    codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: true },
    hoverProvider: true,
    completionProvider: { triggerCharacters: ['.', '/'] },
    workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
  };
}

/**
 * What the server tells the client of its state, for a status bar: indexing (files read of those
 * found), then ready (files indexed, and how long the scan took).
 */
export type ServerStatus =
  | { readonly state: 'indexing'; readonly done: number; readonly total: number }
  | { readonly state: 'ready'; readonly files: number; readonly milliseconds: number };

/** The notification that carries ServerStatus. */
export const STATUS_NOTIFICATION = 'connlint/status';

/** The server's version, from the package it ships in. */
const SERVER_VERSION: string = (require('../../../package.json') as { version: string }).version;

/** What the handlers share: the connection, where the protocol stands, the index and who publishes from it. */
interface Server {
  readonly connection: Connection;
  readonly lifecycle: Lifecycle;
  readonly index: WorkspaceIndex;
  readonly publisher: DiagnosticsPublisher;
  readonly settings: SettingsSync;
  readonly fileEvents: FileEventQueue;
  capabilities: ClientCapabilities;
}

/**
 * Serves Connlint over a protocol connection: indexes the workspace folders in the background,
 * follows open documents and file events, and re-publishes the diagnostics of every file a
 * change affects (cross-file: a Deployment edited here can clear a Service's warning there).
 */
export function startServer(connection: Connection, lifecycle: Lifecycle): Disposable {
  const index = new WorkspaceIndex((message) => connection.console.warn(message));
  connection.console.info(`Connlint ${SERVER_VERSION} (Node.js ${process.versions.node})`);
  const modelChanges = new ModelChangeNotifier(connection, () => index.folderModel().generation);
  const publisher = new DiagnosticsPublisher(connection, index, () => modelChanges.linted());
  const server: Server = {
    connection,
    lifecycle,
    index,
    publisher,
    settings: new SettingsSync(connection, () => index.currentSettings, async (settings) => {
      index.applySettings(settings);
      await scanWithProgress(server);
    }),
    fileEvents: new FileEventQueue(
      index,
      { changed: () => publisher.schedule(), rescan: () => scanWithProgress(server) },
      (error) => connection.console.error(`Connlint failed on a file change: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
    ),
    capabilities: {},
  };
  handleLifecycle(server);
  handleDocuments(server);
  handleRequests(server);
  const stop: Disposable = {
    dispose: () => {
      publisher.dispose();
      server.settings.dispose();
      server.fileEvents.dispose();
    },
  };
  connection.onExit(() => stop.dispose());
  connection.listen();
  return stop;
}

function handleLifecycle(server: Server): void {
  const { connection, lifecycle, index } = server;
  connection.onInitialize((params): InitializeResult | ResponseError<InitializeError> => {
    const refused = lifecycle.initialize();
    if (refused !== undefined) return refused;
    server.capabilities = params.capabilities;
    const folders = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
    index.setFolders(folders);
    connection.console.info(`Workspace folders: ${folders.length === 0 ? '(none)' : folders.join(', ')}`);
    index.setSkippedCategories(yamlSyntaxReportedByClient(params.initializationOptions) ? [YAML_PARSE_CATEGORY] : []);
    return { capabilities: serverCapabilities(), serverInfo: { name: 'connlint', version: SERVER_VERSION } };
  });
  connection.onInitialized(
    guarded(connection, 'initialisation', async () => {
      const workspace = server.capabilities.workspace;
      if (workspace?.workspaceFolders) connection.workspace.onDidChangeWorkspaceFolders(guarded(connection, 'a workspace folder change', (event) => foldersChanged(server, event)));
      if (workspace?.didChangeWatchedFiles?.dynamicRegistration) {
        await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: WATCHERS });
      }
      if (workspace?.configuration) await server.settings.refresh();
      await scanWithProgress(server);
    }),
  );
  connection.onShutdown(() => lifecycle.shutdown());
}

async function foldersChanged(server: Server, event: WorkspaceFoldersChangeEvent): Promise<void> {
  server.index.removeFolders(event.removed.map((folder) => normaliseUri(folder.uri)));
  server.index.setFolders([...server.index.folderUris(), ...event.added.map((folder) => folder.uri)]);
  await scanWithProgress(server);
}

/** Reads the workspace folders from disk, with progress shown when the client can show it. */
async function scanWithProgress(server: Server): Promise<void> {
  const { connection, index, publisher } = server;
  const progress = server.capabilities.window?.workDoneProgress ? await connection.window.createWorkDoneProgress() : undefined;
  progress?.begin('Connlint: indexing the workspace', 0, undefined, false);
  const started = performance.now();
  const status = (value: ServerStatus): void => void connection.sendNotification(STATUS_NOTIFICATION, value).catch(() => undefined);
  status({ state: 'indexing', done: 0, total: 0 });
  try {
    await publisher.duringScan(() =>
      index.scan((done, total) => {
        progress?.report(Math.round((done / total) * 100), `${done}/${total} files`);
        status({ state: 'indexing', done, total });
        publisher.schedule();
      }),
    );
  } finally {
    progress?.done();
    const milliseconds = Math.round(performance.now() - started);
    connection.console.info(`Indexed ${index.fileCount} files in ${milliseconds} ms`);
    status({ state: 'ready', files: index.fileCount, milliseconds });
  }
}

function handleDocuments(server: Server): void {
  const { connection, index, publisher } = server;
  const documents = new TextDocuments(TextDocument);
  documents.onDidChangeContent((event) => {
    const uri = normaliseUri(event.document.uri);
    index.openDocument(uri, event.document.getText(), event.document.languageId);
    publisher.schedule(uri);
  });
  documents.onDidClose(
    guarded(connection, 'closing a document', (event: { document: TextDocument }) => {
      index.closeDocument(normaliseUri(event.document.uri));
      publisher.schedule();
    }),
  );
  connection.onDidChangeWatchedFiles(guarded(connection, 'a file change', (params: DidChangeWatchedFilesParams) => server.fileEvents.add(params.changes)));
  connection.onDidChangeConfiguration(() => {
    if (server.capabilities.workspace?.configuration) server.settings.changed();
  });
  documents.listen(connection);
}

function handleRequests(server: Server): void {
  const { connection, lifecycle, index } = server;
  connection.onCodeAction((params, token) =>
    answer(connection, lifecycle, token, 'code actions', (isCancelled) => codeActions(index, params, resolvesEdits(server.capabilities), isCancelled), []),
  );
  connection.onCodeActionResolve((action, token) => answer(connection, lifecycle, token, 'resolving a code action', (isCancelled) => resolveCodeAction(index, action, isCancelled), action));
  connection.onHover((params, token) => answer(connection, lifecycle, token, 'hover', () => hover(index, params), null));
  connection.onCompletion((params, token) => answer(connection, lifecycle, token, 'completion', () => completion(index, params), []));
  connection.onRequest('connlint/effectiveNetworkSettings', () => lifecycle.refusal() ?? effectiveNetworkSettings(index));
  connection.onRequest(ConnectionPathRequest, (params) => lifecycle.refusal() ?? connectionPath(index, params));
  connection.onRequest((method) => lifecycle.refusal() ?? new ResponseError(ErrorCodes.MethodNotFound, `Unhandled method ${method}`));
}

/**
 * Whether the client says another extension (Red Hat's YAML) validates YAML already:
 * `initializationOptions.yamlSyntaxReportedElsewhere`. Connlint then reports only the syntax
 * errors that extension cannot see, inside kube-proxy's embedded config.conf.
 */
function yamlSyntaxReportedByClient(options: unknown): boolean {
  return typeof options === 'object' && options !== null && (options as Record<string, unknown>)['yamlSyntaxReportedElsewhere'] === true;
}
