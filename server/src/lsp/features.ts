import {
  CodeActionKind,
  MarkupKind,
  type CodeAction,
  type CodeActionParams,
  type ClientCapabilities,
  type Diagnostic as LspDiagnostic,
  type CompletionItem,
  type CompletionParams,
  type Hover,
  type HoverParams,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { completionsAt } from '../core/completion';
import { effectiveSettingsReport } from '../core/effectiveReport';
import type { TextEdit } from '../core/edits/fix';
import { findTarget, fixAllEdits, quickFixesOf } from '../core/quickFixes';
import { hoverAt } from '../core/hover';
import { lintSettingsOf } from '../core/settings';
import { baseName } from '../core/model/sources';
import type { WorkspaceModel } from '../core/model/workspaceModel';
import { diagnosticData } from './convert';
import { normaliseUri, type WorkspaceIndex } from './workspaceIndex';

/** The code action kind of "fix everything Connlint can in this file". */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.connlint`;

/**
 * Quick fixes for the Connlint diagnostics in the request's context, each matched (by rule, and
 * the start offset its data carries, else its range) to a finding published for the file; and
 * fix-all. Fix-all's edit costs a pass over the whole file: it is computed when `only` asks for
 * it (on save, or from the source action menu). Otherwise (the lightbulb, asked on every cursor
 * move) fix-all is offered beside a preferred quick fix, its edit left to `codeAction/resolve`
 * when the client can resolve edits.
 */
export function codeActions(index: WorkspaceIndex, params: CodeActionParams, clientResolvesEdits: boolean, isCancelled: () => boolean = () => false): CodeAction[] {
  const uri = normaliseUri(params.textDocument.uri);
  const model = index.modelFor(uri);
  if (model === undefined) return [];
  const { only } = params.context;
  const wants = (kind: string): boolean => only === undefined || only.some((asked) => kind === asked || kind.startsWith(`${asked}.`));
  const actions = wants(CodeActionKind.QuickFix) ? quickFixActions(index, model, uri, params.context.diagnostics) : [];
  if (only !== undefined) {
    if (wants(FIX_ALL_KIND) && !isCancelled()) {
      const fixAll = fixAllAction(index, model, uri, isCancelled);
      if (fixAll.edit !== undefined) actions.push(fixAll);
    }
  } else if (actions.some((action) => action.isPreferred)) {
    actions.push(clientResolvesEdits ? { title: FIX_ALL_TITLE, kind: FIX_ALL_KIND, data: { uri } satisfies FixAllData } : fixAllAction(index, model, uri));
  }
  return actions;
}

/** Fills in the edit of a fix-all action offered unresolved; other actions come back as they are. */
export function resolveCodeAction(index: WorkspaceIndex, action: CodeAction, isCancelled: () => boolean = () => false): CodeAction {
  const data = action.data as Partial<FixAllData> | undefined;
  if (action.kind !== FIX_ALL_KIND || action.edit !== undefined || typeof data?.uri !== 'string') return action;
  const uri = normaliseUri(data.uri);
  const model = index.modelFor(uri);
  if (model === undefined) return action;
  return { ...action, edit: fixAllAction(index, model, uri, isCancelled).edit ?? { changes: {} } };
}

/** Whether a client can take a code action without its edit and fill it in with `codeAction/resolve`. */
export function resolvesEdits(capabilities: ClientCapabilities): boolean {
  const codeAction = capabilities.textDocument?.codeAction;
  return codeAction?.dataSupport === true && (codeAction.resolveSupport?.properties.includes('edit') ?? false);
}

/** What an unresolved fix-all action carries to be resolved. */
interface FixAllData {
  readonly uri: string;
}

const FIX_ALL_TITLE = 'Fix all Connlint problems in this file';

function quickFixActions(index: WorkspaceIndex, model: WorkspaceModel, uri: string, diagnostics: readonly LspDiagnostic[]): CodeAction[] {
  const published = index.publishedFindings(uri);
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== 'connlint' || typeof diagnostic.code !== 'string') continue;
    const data = diagnosticData(diagnostic.data);
    const target = data?.rule === diagnostic.code ? { rule: data.rule, file: uri, start: data.start } : { rule: diagnostic.code, file: uri, range: diagnostic.range };
    const linted = findTarget(published, target);
    for (const fix of linted === undefined ? [] : quickFixesOf(model, linted)) {
      actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: fix.preferred, edit: workspaceEdit(model, fix.edits) });
    }
  }
  return actions;
}

/** The fix-all action of a file, with its edit when there is anything to fix. */
function fixAllAction(index: WorkspaceIndex, model: WorkspaceModel, uri: string, isCancelled?: () => boolean): CodeAction {
  const edits = fixAllEdits(model, lintSettingsOf(index.currentSettings), uri, isCancelled).get(uri) ?? [];
  return { title: FIX_ALL_TITLE, kind: FIX_ALL_KIND, ...(edits.length > 0 ? { edit: workspaceEdit(model, edits) } : {}) };
}

/** Hover Markdown at a position, or null where Connlint has nothing to say (or the position is outside the file). */
export function hover(index: WorkspaceIndex, params: HoverParams): Hover | null {
  const uri = normaliseUri(params.textDocument.uri);
  const model = index.modelFor(uri);
  const file = model?.file(uri);
  if (model === undefined || file === undefined) return null;
  const { line, character } = params.position;
  if (line < 0 || line >= file.lineIndex.lineCount || character < 0) return null;
  const markdown = hoverAt(model, uri, file.lineIndex.offsetAt(params.position));
  return markdown === undefined ? null : { contents: { kind: MarkupKind.Markdown, value: linkFileReferences(markdown, model) } };
}

/**
 * Turns the file references of Markdown (`deploy.yaml:6`) into links that open the file at that
 * line (`file:///…/deploy.yaml#L6`), where one file of the model has that name; others stay text.
 */
export function linkFileReferences(markdown: string, model: WorkspaceModel): string {
  const byName = new Map<string, string | undefined>();
  for (const file of model.files) {
    const name = baseName(file.path);
    byName.set(name, byName.has(name) ? undefined : file.path);
  }
  return markdown.replace(/(?<![\w./`[-])([\w.-]+\.(?:ya?ml|json|conf)):(\d+)\b/g, (reference: string, name: string, line: string) => {
    const uri = byName.get(name);
    return uri === undefined ? reference : `[${reference}](${uri}#L${line})`;
  });
}

/** Completion proposals at a position: sysctl keys and sessionAffinity values, each replacing what is typed. */
export function completion(index: WorkspaceIndex, params: CompletionParams): CompletionItem[] {
  const uri = normaliseUri(params.textDocument.uri);
  const model = index.modelFor(uri);
  const file = model?.file(uri);
  if (model === undefined || file === undefined || params.position.line >= file.lineIndex.lineCount) return [];
  return completionsAt(model, uri, file.lineIndex.offsetAt(params.position)).map((item) => ({
    label: item.label,
    detail: item.detail,
    documentation: { kind: MarkupKind.Markdown, value: item.documentation },
    textEdit: { range: file.lineIndex.rangeOf(item.replace), newText: item.insertText ?? item.label },
  }));
}

/** The `connlint/effectiveNetworkSettings` request: the values that decide idle connections' fate, as Markdown. */
export function effectiveNetworkSettings(index: WorkspaceIndex): { markdown: string } {
  const model = index.folderModel();
  return { markdown: linkFileReferences(effectiveSettingsReport(model), model) };
}

function workspaceEdit(model: WorkspaceModel, edits: readonly TextEdit[]): WorkspaceEdit {
  const changes: NonNullable<WorkspaceEdit['changes']> = {};
  for (const edit of edits) {
    const file = model.file(edit.file);
    if (file === undefined) continue;
    (changes[edit.file] ??= []).push({ range: file.lineIndex.rangeOf(edit.span), newText: edit.newText });
  }
  return { changes };
}
