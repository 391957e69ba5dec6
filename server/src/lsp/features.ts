import {
  CodeActionKind,
  MarkupKind,
  type CodeAction,
  type CodeActionParams,
  type CompletionItem,
  type CompletionParams,
  type Hover,
  type HoverParams,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { completionsAt } from '../core/completion';
import { effectiveSettingsReport } from '../core/effectiveReport';
import type { TextEdit } from '../core/fixes/fix';
import { fixAllEdits, fixesFor } from '../core/fixes/fixesFor';
import { hoverAt } from '../core/hover';
import { lintSettingsOf } from '../core/settings';
import type { WorkspaceModel } from '../core/model/workspaceModel';
import { diagnosticData } from './convert';
import { normaliseUri, type WorkspaceIndex } from './workspaceIndex';

/** The code action kind of "fix everything Connlint can in this file". */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.connlint`;

/** Quick fixes for the Connlint diagnostics in the request's context, and fix-all when asked; nothing once `isCancelled`. */
export function codeActions(index: WorkspaceIndex, params: CodeActionParams, isCancelled: () => boolean = () => false): CodeAction[] {
  const uri = normaliseUri(params.textDocument.uri);
  const model = index.modelFor(uri);
  if (model === undefined) return [];
  const wants = (kind: string): boolean => params.context.only === undefined || params.context.only.some((only) => kind === only || kind.startsWith(`${only}.`));
  const actions: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) {
    for (const diagnostic of params.context.diagnostics) {
      if (diagnostic.source !== 'connlint' || typeof diagnostic.code !== 'string') continue;
      const data = diagnosticData(diagnostic.data);
      const target = data?.rule === diagnostic.code ? { rule: data.rule, file: uri, start: data.start } : { rule: diagnostic.code, file: uri, range: diagnostic.range };
      for (const fix of fixesFor(model, target)) {
        actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: fix.preferred, edit: workspaceEdit(model, fix.edits) });
      }
    }
  }
  if (wants(FIX_ALL_KIND) && !isCancelled()) {
    const edits = fixAllEdits(model, lintSettingsOf(index.currentSettings), uri, isCancelled).get(uri) ?? [];
    if (edits.length > 0) actions.push({ title: 'Fix all Connlint problems in this file', kind: FIX_ALL_KIND, edit: workspaceEdit(model, edits) });
  }
  return actions;
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
  return markdown === undefined ? null : { contents: { kind: MarkupKind.Markdown, value: markdown } };
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
  return { markdown: effectiveSettingsReport(index.folderModel()) };
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
