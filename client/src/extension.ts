/** The Connlint extension: starts the bundled language server and adds the effective-settings view. */
import * as vscode from 'vscode';
import { LanguageClient, NotificationType, RequestType, State, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerPathView, SHOW_CONNECTION_PATH } from './pathView';
import { RESTART_COMMAND, StatusBar, type ServerStatus } from './status';

/** The server's answer to `connlint/effectiveNetworkSettings`: a report of the values in force. */
interface EffectiveNetworkSettings {
  readonly markdown: string;
}

/** Asks the server which conntrack and keepalive values are in force in the workspace, and why. */
const EffectiveNetworkSettingsRequest = new RequestType<Record<string, never>, EffectiveNetworkSettings, void>('connlint/effectiveNetworkSettings');

/** The read-only documents the extension shows; each URI's text is set before it is opened. */
const EFFECTIVE_SCHEME = 'connlint-effective';
const EFFECTIVE_URI = vscode.Uri.from({ scheme: EFFECTIVE_SCHEME, path: '/Effective network settings.md' });

/** The server's state, for the status bar. */
const StatusNotification = new NotificationType<ServerStatus>('connlint/status');

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const reports = new ReportProvider();
  const status = new StatusBar();
  context.subscriptions.push(
    reports,
    status,
    vscode.workspace.registerTextDocumentContentProvider(EFFECTIVE_SCHEME, reports),
    vscode.commands.registerCommand('connlint.showEffectiveSettings', () => showEffectiveSettings(reports)),
    vscode.commands.registerCommand(RESTART_COMMAND, () => restartServer(status)),
  );
  registerPathView(context, () => client);
  const started = new LanguageClient('connlint', 'Connlint', serverOptions(context), clientOptions());
  client = started;
  context.subscriptions.push(
    started.onDidChangeState(({ newState }) => {
      if (newState === State.Stopped) status.set('stopped');
      else if (newState === State.Starting) status.set('starting');
    }),
    started.onNotification(StatusNotification, (value) => status.set(value)),
  );
  await started.start().catch((error: unknown) => {
    status.set('stopped');
    started.error('The Connlint language server did not start', error, 'force');
  });
}

/** Stops the language server and starts it again: it reads the workspace anew. */
async function restartServer(status: StatusBar): Promise<void> {
  if (client === undefined) return;
  status.set('starting');
  try {
    await (client.isRunning() ? client.restart() : client.start());
  } catch (error) {
    status.set('stopped');
    void vscode.window.showErrorMessage(`Connlint: the language server did not restart: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

/** The bundled server over IPC; in development, with an inspector for "Attach to Server". */
function serverOptions(context: vscode.ExtensionContext): ServerOptions {
  const module = context.asAbsolutePath('dist/server.js');
  return {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
}

function clientOptions(): LanguageClientOptions {
  return {
    documentSelector: [
      { scheme: 'file', language: 'yaml' },
      { scheme: 'file', language: 'json' },
      { scheme: 'file', language: 'sysctl' },
      { scheme: 'untitled', language: 'yaml' },
      { scheme: 'untitled', language: 'json' },
      { scheme: 'untitled', language: 'sysctl' },
    ],
    synchronize: { configurationSection: 'connlint' },
    // The Service hover links to the connection-path view.
    markdown: { isTrusted: { enabledCommands: [SHOW_CONNECTION_PATH] } },
    // Red Hat's YAML extension reports YAML syntax errors already; Connlint then keeps only those
    // inside kube-proxy's embedded config.conf, which that extension cannot see.
    initializationOptions: { yamlSyntaxReportedElsewhere: vscode.extensions.getExtension(RED_HAT_YAML) !== undefined },
  };
}

/** The identifier of Red Hat's YAML extension. */
const RED_HAT_YAML = 'redhat.vscode-yaml';

/** Runs the request and shows its answer as a rendered, read-only Markdown document. */
async function showEffectiveSettings(reports: ReportProvider): Promise<void> {
  if (client === undefined || !client.isRunning()) {
    void vscode.window.showErrorMessage('Connlint: the language server is not running.');
    return;
  }
  let result: unknown;
  try {
    result = await client.sendRequest(EffectiveNetworkSettingsRequest, {});
  } catch (error) {
    void vscode.window.showErrorMessage(`Connlint could not compute the effective network settings: ${error instanceof Error ? error.message : String(error)}`);
    return;
  }
  if (!isEffectiveNetworkSettings(result)) {
    void vscode.window.showErrorMessage('Connlint could not compute the effective network settings: the server sent no report.');
    return;
  }
  reports.set(EFFECTIVE_URI, result.markdown);
  try {
    await vscode.commands.executeCommand('markdown.showPreview', EFFECTIVE_URI);
  } catch {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(EFFECTIVE_URI), { preview: true });
  }
}

function isEffectiveNetworkSettings(value: unknown): value is EffectiveNetworkSettings {
  return typeof value === 'object' && value !== null && typeof (value as { markdown?: unknown }).markdown === 'string';
}

/** Serves the text of the `connlint-effective:` documents, and tells the editor when it changes. */
class ReportProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  set(uri: vscode.Uri, text: string): void {
    this.texts.set(uri.toString(), text);
    this.changed.fire(uri);
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }

  dispose(): void {
    this.changed.dispose();
  }
}
