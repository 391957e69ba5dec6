/** The Connlint extension: starts the bundled language server and adds the effective-settings view. */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, NotificationType, State, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { EffectiveSettingsView, ModelChangedNotification, SHOW_EFFECTIVE_SETTINGS } from './effectiveView';
import { registerPathView, SHOW_CONNECTION_PATH } from './pathView';
import { RESTART_COMMAND, StatusBar, type ServerStatus } from './status';
import { SERVER_ENVIRONMENT, SERVER_NODE_FLAGS } from './serverFlags';

/** The server's state, for the status bar. */
const StatusNotification = new NotificationType<ServerStatus>('connlint/status');

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const effectiveSettings = new EffectiveSettingsView(() => client);
  const status = new StatusBar();
  context.subscriptions.push(
    effectiveSettings,
    status,
    vscode.commands.registerCommand(SHOW_EFFECTIVE_SETTINGS, () => effectiveSettings.show()),
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
    started.onNotification(ModelChangedNotification, () => effectiveSettings.modelChanged()),
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

/**
 * The bundled server over IPC, started with SERVER_NODE_FLAGS and SERVER_ENVIRONMENT (a variable
 * the user has set wins); in development, with an inspector for "Attach to Server". Its compiled
 * code is cached in the extension's global storage (see server/src/lsp/launch.ts).
 */
function serverOptions(context: vscode.ExtensionContext): ServerOptions {
  const module = context.asAbsolutePath('dist/server.js');
  const env = { ...SERVER_ENVIRONMENT, ...process.env, CONNLINT_CODE_CACHE: path.join(context.globalStorageUri.fsPath, 'code-cache') };
  return {
    run: { module, transport: TransportKind.ipc, options: { env, execArgv: [...SERVER_NODE_FLAGS] } },
    debug: { module, transport: TransportKind.ipc, options: { env, execArgv: [...SERVER_NODE_FLAGS, '--nolazy', '--inspect=6009'] } },
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
