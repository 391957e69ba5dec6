/** The effective-settings view: the server's report as a read-only Markdown document, shown rendered and kept up to date. */
import * as vscode from 'vscode';
import { NotificationType0, RequestType, type LanguageClient } from 'vscode-languageclient/node';
import { previewFileLinks } from './previewLinks';

/** The server's answer to `connlint/effectiveNetworkSettings`: a report of the values in force. */
interface EffectiveNetworkSettings {
  readonly markdown: string;
}

/** Asks the server which conntrack and keepalive values are in force in the workspace, and why. */
const EffectiveNetworkSettingsRequest = new RequestType<Record<string, never>, EffectiveNetworkSettings, void>('connlint/effectiveNetworkSettings');

/** The server has linted a changed workspace again (server/src/lsp/modelChanges.ts): the report may be stale. */
export const ModelChangedNotification = new NotificationType0('connlint/modelChanged');

/** The command that shows the report. */
export const SHOW_EFFECTIVE_SETTINGS = 'connlint.showEffectiveSettings';

/** The read-only document the report is shown from. */
const EFFECTIVE_SCHEME = 'connlint-effective';
const REPORT_NAME = 'Effective network settings.md';
const REPORT_URI = vscode.Uri.from({ scheme: EFFECTIVE_SCHEME, path: `/${REPORT_NAME}` });

/**
 * Shows the report, and asks for it again each time the server says the workspace changed, for
 * as long as it is shown: the Markdown preview re-renders when the document's text changes.
 */
export class EffectiveSettingsView implements vscode.Disposable {
  private readonly reports = new ReportProvider();
  private readonly registration = vscode.workspace.registerTextDocumentContentProvider(EFFECTIVE_SCHEME, this.reports);
  /** Whether a refresh is under way; `refreshAgain` when the workspace changed since it last asked. */
  private refreshing = false;
  private refreshAgain = false;

  constructor(private readonly client: () => LanguageClient | undefined) {}

  /** Runs the request and shows its answer as a rendered, read-only Markdown document. */
  async show(): Promise<void> {
    const client = this.client();
    if (client === undefined || !client.isRunning()) {
      void vscode.window.showErrorMessage('Connlint: the language server is not running.');
      return;
    }
    let markdown: string;
    try {
      markdown = await requestReport(client);
    } catch (error) {
      void vscode.window.showErrorMessage(`Connlint could not compute the effective network settings: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    this.reports.set(REPORT_URI, markdown);
    try {
      await vscode.commands.executeCommand('markdown.showPreview', REPORT_URI);
    } catch {
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(REPORT_URI), { preview: true });
    }
  }

  /** The workspace changed: while the report is shown, asks for it again; changes during a request add up to one more. */
  modelChanged(): void {
    if (!isReportShown()) return;
    this.refreshAgain = true;
    if (!this.refreshing) void this.refreshWhileChanging();
  }

  dispose(): void {
    this.registration.dispose();
    this.reports.dispose();
  }

  private async refreshWhileChanging(): Promise<void> {
    this.refreshing = true;
    try {
      while (this.refreshAgain && isReportShown()) {
        this.refreshAgain = false;
        await this.refresh();
      }
    } catch (error) {
      this.client()?.warn('Connlint could not show the refreshed effective network settings', error, false);
    } finally {
      this.refreshing = false;
    }
  }

  private async refresh(): Promise<void> {
    const client = this.client();
    if (client === undefined || !client.isRunning()) return;
    let markdown: string;
    try {
      markdown = await requestReport(client);
    } catch (error) {
      // The report shown stays; the next change asks again.
      client.warn('Connlint could not refresh the effective network settings', error, false);
      return;
    }
    if (!this.reports.set(REPORT_URI, markdown) || isReportLoaded()) return;
    // The editor let go of the document while its preview stayed open: the preview renders
    // again when the document is opened again.
    await vscode.workspace.openTextDocument(REPORT_URI);
  }
}

/**
 * The report's Markdown, its file references as links the preview opens at the line; rejects when
 * the request fails or the answer has none.
 */
async function requestReport(client: LanguageClient): Promise<string> {
  const result: unknown = await client.sendRequest(EffectiveNetworkSettingsRequest, {});
  if (typeof result !== 'object' || result === null || typeof (result as { markdown?: unknown }).markdown !== 'string') throw new Error('the server sent no report.');
  return previewFileLinks((result as EffectiveNetworkSettings).markdown, vscode.workspace.workspaceFolders?.[0]?.uri.toString());
}

/** Whether the editor holds the report's document: in an editor, or read by its preview. */
function isReportLoaded(): boolean {
  return vscode.workspace.textDocuments.some((document) => document.uri.toString() === REPORT_URI.toString());
}

/**
 * Whether the report is shown. The editor holds the document while a preview shows it, but lets go
 * of it a few minutes after the preview last read it; the preview's tab is still there, titled
 * with the document's name (in every display language).
 */
function isReportShown(): boolean {
  if (isReportLoaded()) return true;
  return vscode.window.tabGroups.all.some((group) =>
    group.tabs.some((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('markdown.preview') && tab.label.includes(REPORT_NAME)),
  );
}

/** Serves the text of the `connlint-effective:` documents, and tells the editor when it changes. */
class ReportProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  /** Sets a document's text; returns whether it changed (the editor is told only then). */
  set(uri: vscode.Uri, text: string): boolean {
    if (this.texts.get(uri.toString()) === text) return false;
    this.texts.set(uri.toString(), text);
    this.changed.fire(uri);
    return true;
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }

  dispose(): void {
    this.changed.dispose();
  }
}
