/** The status bar item: indexing progress, then the number of findings; a warning when the server stopped. */
import * as vscode from 'vscode';

/** What the server says of its state on `connlint/status` (server/src/lsp/server.ts ServerStatus). */
export type ServerStatus =
  | { readonly state: 'indexing'; readonly done: number; readonly total: number }
  | { readonly state: 'ready'; readonly files: number; readonly milliseconds: number };

/** The command the item runs when the server stopped. */
export const RESTART_COMMAND = 'connlint.restartServer';

/** Shows Connlint's state in the status bar; a click opens the Problems panel, or restarts a stopped server. */
export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('connlint.status', vscode.StatusBarAlignment.Left, 10);
  private readonly listener: vscode.Disposable;
  private status: ServerStatus | 'starting' | 'stopped' = 'starting';

  constructor() {
    this.item.name = 'Connlint';
    this.listener = vscode.languages.onDidChangeDiagnostics(() => this.render());
    this.render();
    this.item.show();
  }

  /** The server's latest state, or that it is starting or stopped. */
  set(status: ServerStatus | 'starting' | 'stopped'): void {
    this.status = status;
    this.render();
  }

  dispose(): void {
    this.listener.dispose();
    this.item.dispose();
  }

  private render(): void {
    const status = this.status;
    this.item.backgroundColor = status === 'stopped' ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.command = status === 'stopped' ? RESTART_COMMAND : 'workbench.actions.view.problems';
    if (status === 'stopped') {
      this.item.text = '$(warning) Connlint: stopped';
      this.item.tooltip = 'The Connlint language server stopped (see the Connlint output). Click to restart it.';
    } else if (status === 'starting' || status.state === 'indexing') {
      const progress = status === 'starting' || status.total === 0 ? '' : ` ${status.done}/${status.total}`;
      this.item.text = `$(sync~spin) Connlint: indexing${progress}`;
      this.item.tooltip = 'Connlint is reading the workspace';
    } else {
      const findings = countFindings();
      this.item.text = findings === 0 ? '$(check) Connlint' : `$(warning) Connlint: ${findings}`;
      this.item.tooltip = `${findings === 1 ? '1 finding' : `${findings} findings`} in ${status.files === 1 ? '1 file' : `${status.files} files`} (indexed in ${status.milliseconds} ms). Click to open the Problems panel.`;
    }
  }
}

/** The diagnostics Connlint has published, over every file. */
function countFindings(): number {
  let count = 0;
  for (const [, diagnostics] of vscode.languages.getDiagnostics()) count += diagnostics.filter((diagnostic) => diagnostic.source === 'connlint').length;
  return count;
}
