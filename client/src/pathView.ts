/** The connection-path view: a webview that shows the SVG the server draws for a Service, redrawn as documents change. */
import * as vscode from 'vscode';
import { RequestType, type LanguageClient } from 'vscode-languageclient/node';

/** What the view asks the server: the Service at a position of a document, or named (`namespace/name`). */
interface ConnectionPathParams {
  readonly uri: string;
  readonly position?: { readonly line: number; readonly character: number };
  readonly service?: string;
}

/** The server's answer: the drawing, or why there is none. */
type ConnectionPathResult = { readonly service: string; readonly svg: string } | { readonly error: string };

const ConnectionPathRequest = new RequestType<ConnectionPathParams, ConnectionPathResult, void>('connlint/connectionPath');

/** How long the view waits after the last edit before it asks again. */
const REDRAW_DELAY_MS = 300;

/** The command that opens the view; the Service hover links to it with a document URI and position. */
export const SHOW_CONNECTION_PATH = 'connlint.showConnectionPath';

/** Registers the command; `client` gives the running language client, if any. */
export function registerPathView(context: vscode.ExtensionContext, client: () => LanguageClient | undefined): void {
  const view = new PathView(client);
  context.subscriptions.push(
    view,
    vscode.commands.registerCommand(SHOW_CONNECTION_PATH, (uri?: string, position?: { line: number; character: number }) => view.show(uri, position)),
  );
}

class PathView implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private params: ConnectionPathParams | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly client: () => LanguageClient | undefined) {
    this.subscriptions.push(
      vscode.workspace.onDidChangeTextDocument(() => this.redrawSoon()),
      vscode.workspace.onDidSaveTextDocument(() => this.redrawSoon()),
    );
  }

  async show(uri?: string, position?: { line: number; character: number }): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    const target = uri ?? editor?.document.uri.toString();
    if (target === undefined) {
      void vscode.window.showInformationMessage('Connlint: open a manifest with a Service to show its connection path.');
      return;
    }
    const at = position ?? (uri === undefined && editor !== undefined ? { line: editor.selection.active.line, character: editor.selection.active.character } : undefined);
    this.params = { uri: target, ...(at === undefined ? {} : { position: at }) };
    this.panel ??= this.createPanel();
    this.panel.reveal(vscode.ViewColumn.Beside, true);
    await this.redraw();
  }

  private createPanel(): vscode.WebviewPanel {
    const panel = vscode.window.createWebviewPanel('connlint.connectionPath', 'Connection path', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, { enableScripts: false, localResourceRoots: [] });
    panel.onDidDispose(() => (this.panel = undefined), undefined, this.subscriptions);
    return panel;
  }

  private redrawSoon(): void {
    if (this.panel === undefined) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.redraw(), REDRAW_DELAY_MS);
  }

  private async redraw(): Promise<void> {
    const client = this.client();
    const panel = this.panel;
    if (panel === undefined || this.params === undefined) return;
    if (client === undefined || !client.isRunning()) {
      panel.webview.html = page(panel.webview, '<p class="error">The Connlint language server is not running.</p>');
      return;
    }
    let result: ConnectionPathResult;
    try {
      result = await client.sendRequest(ConnectionPathRequest, this.params);
    } catch (error) {
      result = { error: `The server could not draw the path: ${error instanceof Error ? error.message : String(error)}` };
    }
    if ('error' in result) {
      panel.webview.html = page(panel.webview, `<p class="error">${escapeHtml(result.error)}</p>`);
      return;
    }
    // Once drawn, the view follows the Service by name: edits that move it keep it in view.
    this.params = { uri: this.params.uri, service: result.service };
    panel.title = `Connection path: ${result.service}`;
    panel.webview.html = page(panel.webview, result.svg);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.panel?.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}

/** The webview's document: no script, nothing fetched, styles only from its own nonce'd sheet in the theme's colours. */
function page(webview: vscode.Webview, body: string): string {
  const nonce = [...crypto.getRandomValues(new Uint8Array(16))].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  const policy = `default-src 'none'; style-src 'nonce-${nonce}'; img-src ${webview.cspSource} data:; font-src 'none'; script-src 'none'; frame-src 'none'; connect-src 'none'`;
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${policy}">
<meta name="viewport" content="width=device-width, initial-scale=1"><style nonce="${nonce}">${STYLE}</style></head>
<body>${body}</body></html>`;
}

const STYLE = `
body { color: var(--vscode-editor-foreground); background: var(--vscode-editor-background); font-family: var(--vscode-font-family); padding: 8px 12px; }
svg { width: 100%; min-width: 560px; max-width: 1100px; height: auto; font-family: var(--vscode-font-family); font-size: 13px; }
svg text { fill: var(--vscode-editor-foreground); }
svg .heading { font-size: 16px; font-weight: 600; }
svg .title { font-weight: 600; }
svg .muted, svg .keepalive.muted { fill: var(--vscode-descriptionForeground); }
svg .small { font-size: 11px; }
svg .hop rect { fill: var(--vscode-editorWidget-background); stroke: var(--vscode-editorWidget-border, var(--vscode-contrastBorder, var(--vscode-descriptionForeground))); stroke-width: 1; }
svg .hop.first rect { stroke: var(--vscode-editorError-foreground); stroke-width: 2.5; }
svg .first-text, svg .timer.first text { fill: var(--vscode-editorError-foreground); font-weight: 600; }
svg .value { fill: var(--vscode-editor-foreground); }
svg .verdict { font-weight: 600; }
svg .arrow, svg .axis { stroke: var(--vscode-descriptionForeground); stroke-width: 1.2; }
svg .arrowhead { fill: var(--vscode-descriptionForeground); }
svg .timer line { stroke: var(--vscode-editorWarning-foreground); stroke-width: 2; }
svg .timer.first line { stroke: var(--vscode-editorError-foreground); stroke-width: 3; }
svg .timer text { font-size: 11px; }
svg .keepalive line { stroke: var(--vscode-charts-green, var(--vscode-terminal-ansiGreen)); stroke-width: 2; stroke-dasharray: 4 3; }
svg .keepalive path { fill: var(--vscode-charts-green, var(--vscode-terminal-ansiGreen)); }
svg .keepalive text { fill: var(--vscode-charts-green, var(--vscode-terminal-ansiGreen)); font-size: 11px; }
.error { color: var(--vscode-errorForeground); }
`;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
