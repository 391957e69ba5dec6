import {
  CodeActionKind,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  TextDocumentSyncKind,
  TextDocuments,
  ErrorCodes,
  ResponseError,
  type Connection,
  type DidChangeWatchedFilesParams,
  type InitializeParams,
  type InitializeResult,
  type WorkspaceFoldersChangeEvent,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { YAML_PARSE_CATEGORY } from '../core/rules/syntax';
import { parseSettings, type SettingsProblem } from '../core/settings';
import { toLspDiagnostic } from './convert';
import { codeActions, completion, effectiveNetworkSettings, FIX_ALL_KIND, hover, resolveCodeAction, resolvesEdits } from './features';
import { normaliseUri, WorkspaceIndex } from './workspaceIndex';

/** How long edits must pause before the findings over the whole workspace are re-published. */
const AGGREGATE_DELAY_MS = 100;

/** The files whose changes the server follows on disk. */
const WATCHED_GLOBS = ['**/*.{yaml,yml,json}', '**/sysctl.conf', '**/sysctl.d/*.conf'];

/**
 * Serves Connlint over a protocol connection: indexes the workspace folders in the background,
 * follows open documents and file events, and re-publishes the diagnostics of every file a
 * change affects (cross-file: a Deployment edited here can clear a Service's warning there).
 */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const lifecycle: Lifecycle = { initialized: false, shutDown: false };
  const index = new WorkspaceIndex((message) => connection.console.warn(message));
  const published = new Map<string, string>();
  let capabilities: InitializeParams['capabilities'] = {};
  let publishScheduled = false;
  /** Scans under way: until they end, only open documents' diagnostics are published, never a half-read workspace's. */
  let scanning = 0;

  let aggregateTimer: ReturnType<typeof setTimeout> | undefined;

  /**
   * Publishes what changed in two passes: first, right away, the findings of the files an edit
   * concerns (a Service whose Deployment changed); then, once edits pause for AGGREGATE_DELAY_MS,
   * the aggregate findings that weigh every workload of the workspace, whose cost grows with it.
   */
  const publish = (wholeWorkspace: boolean): void => {
    if (!wholeWorkspace) {
      publishScheduled = false;
      clearTimeout(aggregateTimer);
      aggregateTimer = setTimeout(guarded(connection, 'publishing diagnostics', () => publish(true)), AGGREGATE_DELAY_MS);
    }
    for (const [uri, found] of index.diagnosticChanges({ wholeWorkspace, openOnly: scanning > 0 })) {
      const diagnostics = found.map(({ diagnostic, finding }) => toLspDiagnostic(diagnostic, finding.span.start));
      const fingerprint = JSON.stringify(diagnostics);
      if (published.get(uri) === fingerprint || (diagnostics.length === 0 && !published.has(uri))) continue;
      if (diagnostics.length === 0) published.delete(uri);
      else published.set(uri, fingerprint);
      void connection.sendDiagnostics({ uri, diagnostics });
    }
  };
  const schedulePublish = (): void => {
    if (publishScheduled) return;
    publishScheduled = true;
    setImmediate(guarded(connection, 'publishing diagnostics', () => publish(false)));
  };

  connection.onShutdown(() => void (lifecycle.shutDown = true));
  connection.onInitialize((params): InitializeResult => {
    lifecycle.initialized = true;
    capabilities = params.capabilities;
    const folders = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
    index.setFolders(folders);
    index.setSkippedCategories(yamlSyntaxReportedByClient(params.initializationOptions) ? [YAML_PARSE_CATEGORY] : []);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: true },
        hoverProvider: true,
        completionProvider: { triggerCharacters: ['.', '/'] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'connlint', version: SERVER_VERSION },
    };
  });

  connection.onInitialized(
    guarded(connection, 'initialisation', async () => {
      if (capabilities.workspace?.workspaceFolders) connection.workspace.onDidChangeWorkspaceFolders(onFoldersChanged);
      if (capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
        await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: WATCHED_GLOBS.map((globPattern) => ({ globPattern })) });
      }
      await refreshSettings();
      await scanWithProgress();
    }),
  );

  const onFoldersChanged = guarded(connection, 'a workspace folder change', async (event: WorkspaceFoldersChangeEvent) => {
    index.removeFolders(event.removed.map((folder) => normaliseUri(folder.uri)));
    index.setFolders([...index.folderUris(), ...event.added.map((folder) => folder.uri)]);
    await scanWithProgress();
  });

  const refreshSettings = async (): Promise<void> => {
    if (!capabilities.workspace?.configuration) return;
    const { settings, problems } = parseSettings(await connection.workspace.getConfiguration('connlint'));
    reportSettingsProblems(problems);
    index.applySettings(settings);
  };
  const reportSettingsProblems = (problems: readonly SettingsProblem[]): void => {
    if (problems.length === 0) return;
    const list = problems.map((problem) => `connlint.${problem.key}: ${problem.message}`).join('; ');
    void connection.window.showWarningMessage(`Connlint ignored settings it does not understand: ${list}`);
  };

  const scanWithProgress = async (): Promise<void> => {
    const progress = capabilities.window?.workDoneProgress ? await connection.window.createWorkDoneProgress() : undefined;
    progress?.begin('Connlint: indexing the workspace', 0, undefined, false);
    scanning++;
    try {
      await index.scan((done, total) => {
        progress?.report(Math.round((done / total) * 100), `${done}/${total} files`);
        schedulePublish();
      });
    } finally {
      scanning--;
      progress?.done();
      schedulePublish();
    }
  };

  documents.onDidChangeContent((event) => {
    index.openDocument(normaliseUri(event.document.uri), event.document.getText());
    schedulePublish();
  });
  documents.onDidClose(
    guarded(connection, 'closing a document', (event: { document: TextDocument }) => {
      index.closeDocument(normaliseUri(event.document.uri));
      schedulePublish();
    }),
  );

  connection.onDidChangeWatchedFiles(
    guarded(connection, 'a file change', (params: DidChangeWatchedFilesParams) => {
      for (const change of params.changes) {
        const uri = normaliseUri(change.uri);
        if (change.type === FileChangeType.Deleted) index.fileDeleted(uri);
        else index.fileChanged(uri);
      }
      schedulePublish();
    }),
  );

  connection.onDidChangeConfiguration(
    guarded(connection, 'a settings change', async () => {
      await refreshSettings();
      await scanWithProgress();
    }),
  );

  connection.onCodeAction((params) => refusal(lifecycle) ?? answer(connection, 'code actions', () => codeActions(index, params, resolvesEdits(capabilities)), []));
  connection.onCodeActionResolve((action) => refusal(lifecycle) ?? answer(connection, 'resolving a code action', () => resolveCodeAction(index, action), action));
  connection.onHover((params) => refusal(lifecycle) ?? answer(connection, 'hover', () => hover(index, params), null));
  connection.onCompletion((params) => refusal(lifecycle) ?? answer(connection, 'completion', () => completion(index, params), []));
  connection.onRequest('connlint/effectiveNetworkSettings', () => refusal(lifecycle) ?? effectiveNetworkSettings(index));

  documents.listen(connection);
  connection.listen();
}

/** The server's version, from the package it ships in. */
const SERVER_VERSION: string = (require('../../../package.json') as { version: string }).version;

/**
 * Whether the client says another extension (Red Hat's YAML) validates YAML already:
 * `initializationOptions.yamlSyntaxReportedElsewhere`. Connlint then reports only the syntax
 * errors that extension cannot see, inside kube-proxy's embedded config.conf.
 */
function yamlSyntaxReportedByClient(options: unknown): boolean {
  return typeof options === 'object' && options !== null && (options as Record<string, unknown>)['yamlSyntaxReportedElsewhere'] === true;
}

/** Where the server is in the protocol's lifecycle. */
interface Lifecycle {
  initialized: boolean;
  shutDown: boolean;
}

/** The error the specification asks for a request before initialize (ServerNotInitialized) or after shutdown (InvalidRequest). */
function refusal(lifecycle: Lifecycle): ResponseError<void> | undefined {
  if (!lifecycle.initialized) return new ResponseError(ErrorCodes.ServerNotInitialized, 'The server is not initialized yet.');
  if (lifecycle.shutDown) return new ResponseError(ErrorCodes.InvalidRequest, 'The server is shut down.');
  return undefined;
}

/** Answers a request; a failure is logged and answered with `fallback` instead of taking the server down. */
function answer<T>(connection: Connection, what: string, compute: () => T, fallback: T): T {
  try {
    return compute();
  } catch (error) {
    connection.console.error(`Connlint failed during ${what}: ${describe(error)}`);
    return fallback;
  }
}

/** Runs a handler so that a failure is logged and never takes the server down. */
function guarded<A extends unknown[]>(connection: Connection, what: string, handler: (...args: A) => unknown): (...args: A) => void {
  return (...args: A) => {
    try {
      const result = handler(...args);
      if (result instanceof Promise) result.catch((error: unknown) => connection.console.error(`Connlint failed during ${what}: ${describe(error)}`));
    } catch (error) {
      connection.console.error(`Connlint failed during ${what}: ${describe(error)}`);
    }
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
