import { isMap, isScalar, isSeq, parseDocument, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import type { AnalyzedFile } from '../analyze';
import type { ObjectBase } from '../k8s/objects';
import { parsableText, type LineIndex, type Span } from '../text';
import { splitDocuments, type DocumentSlice } from '../yaml/documents';
import { NodeReader } from '../yaml/nodes';
import type { TextEdit } from './fix';

/** A mapping to add keys to, as written in the file: block or flow, at an indentation. */
export interface MapTarget {
  readonly map: YAMLMap<unknown, unknown>;
  readonly reader: NodeReader;
  /** The line index of the file the mapping is written in (the analysis built it already). */
  readonly lines: LineIndex;
}

/** An object's mapping in its file, parsed again for editing (analysis keeps no syntax trees). */
export function objectMap(file: AnalyzedFile, object: ObjectBase): MapTarget | undefined {
  const parsed = parsedDocument(file, object.documentIndex);
  if (parsed === undefined) return undefined;
  const { reader, contents } = parsed;
  const root = object.itemIndex === undefined ? reader.get(contents) : reader.items(reader.get(contents, 'items'))[object.itemIndex];
  const map = reader.map(root);
  return map === undefined ? undefined : { map, reader, lines: file.lineIndex };
}

/** A file's documents as parsed for editing: split once, each parsed on first use, kept while the analysis lives. */
interface EditableDocuments {
  readonly text: string;
  readonly slices: ReadonlyMap<number, DocumentSlice>;
  readonly parsed: Map<number, EditableDocument>;
}

/** A parsed document's root node and a reader over it. */
interface EditableDocument {
  readonly reader: NodeReader;
  readonly contents: unknown;
}

const editableDocuments = new WeakMap<AnalyzedFile, EditableDocuments>();

/** The reader of one document of a file: a file with many findings is split and each document parsed once, whatever the number of fixes. */
function parsedDocument(file: AnalyzedFile, index: number): EditableDocument | undefined {
  let documents = editableDocuments.get(file);
  if (documents === undefined) {
    const text = parsableText(file.text);
    documents = { text, slices: new Map(splitDocuments(text).map((slice) => [slice.index, slice])), parsed: new Map() };
    editableDocuments.set(file, documents);
  }
  let parsed = documents.parsed.get(index);
  const slice = documents.slices.get(index);
  if (parsed === undefined && slice !== undefined) {
    const source = documents.text.slice(slice.start, slice.end);
    const document = parseDocument(source, { prettyErrors: false });
    parsed = { reader: new NodeReader(document, slice.start, source), contents: document.contents };
    documents.parsed.set(index, parsed);
  }
  return parsed;
}

/** The child mapping under `key`, if it is one. */
export function childMap(target: MapTarget, key: string): MapTarget | undefined {
  const map = target.reader.map(target.reader.get(target.map, key));
  return map === undefined ? undefined : { map, reader: target.reader, lines: target.lines };
}

/**
 * Sets `key: value` pairs in a mapping without touching anything else. A key that is absent is
 * added: in a block mapping, on new lines after its last entry at its indentation (nested
 * values indented by the file's step); in a flow mapping, after its last entry. A key that is
 * there is never written twice: an empty or null value is filled, a mapping gets the nested
 * entries, a list the items, and a value of another type is replaced.
 */
export function addToMap(fileText: string, target: MapTarget, entries: readonly Entry[], file: string): TextEdit | undefined {
  const edits: TextEdit[] = [];
  const absent: Entry[] = [];
  for (const entry of entries) {
    const pair = pairOf(target, entry.key);
    if (pair === undefined) absent.push(entry);
    else {
      const edit = setValue(fileText, target, pair, entry, file);
      if (edit === undefined) return undefined;
      edits.push(edit);
    }
  }
  if (absent.length > 0) {
    const edit = appendEntries(fileText, target, absent, file);
    if (edit === undefined) return undefined;
    edits.push(edit);
  }
  return joinEdits(fileText, edits);
}

function pairOf(target: MapTarget, key: string): Pair<unknown, unknown> | undefined {
  const keyNode = target.reader.keyNode(target.map, key);
  return keyNode === undefined ? undefined : target.map.items.find((pair) => pair.key === keyNode);
}

/** Gives an existing key the entry's value: merged into a mapping or list it already holds, else written over what it holds. */
function setValue(fileText: string, target: MapTarget, pair: Pair<unknown, unknown>, entry: Entry, file: string): TextEdit | undefined {
  const value = entry.value;
  const current = target.reader.get(pair.value);
  if (typeof value !== 'string' && !('list' in value) && isMap(current)) {
    return addToMap(fileText, { map: current, reader: target.reader, lines: target.lines }, value, file);
  }
  if (typeof value !== 'string' && 'list' in value && isSeq(current)) {
    return joinEdits(fileText, value.list.map((item) => appendToList(fileText, target, current, item, file)));
  }
  return replaceValue(fileText, target, pair, entry, file);
}

/** Writes an entry's value over a key's value (or after its colon, when the value is empty). */
function replaceValue(fileText: string, target: MapTarget, pair: Pair<unknown, unknown>, entry: Entry, file: string): TextEdit | undefined {
  const keySpan = target.reader.span(pair.key);
  if (keySpan === undefined) return undefined;
  const colon = fileText.indexOf(':', keySpan.end);
  if (colon === -1) return undefined;
  const written = target.reader.span(pair.value);
  const isEmpty = written === undefined || written.end <= written.start || (isScalar(pair.value) && pair.value.value === null && fileText.slice(written.start, written.end).trim() === '');
  let end = isEmpty ? colon + 1 : written.end;
  while (end > colon + 1 && /\s/.test(fileText.charAt(end - 1))) end--;
  const value = entry.value;
  if (target.map.flow || typeof value === 'string') return { file, span: { start: colon + 1, end }, newText: ` ${flowValue(value)}` };
  const lines = target.lines;
  const position = lines.positionAt(keySpan.start);
  const step = indentStepOf(fileText, lines);
  const eol = lines.eol;
  const nested = blockEntry(entry, step).slice(1).map((line) => eol + ' '.repeat(position.character) + line).join('');
  // An empty value keeps a comment after the key: the nested lines go after it.
  const start = isEmpty ? lines.lineEnd(position.line) : colon + 1;
  return { file, span: { start, end: Math.max(start, end) }, newText: nested };
}

/** Several edits of one change as one replacement: from the first one's start to the last one's end. */
function joinEdits(fileText: string, edits: readonly (TextEdit | undefined)[]): TextEdit | undefined {
  if (edits.some((edit) => edit === undefined)) return undefined;
  const sorted = [...(edits as TextEdit[])].sort((a, b) => a.span.start - b.span.start);
  if (sorted.length <= 1) return sorted[0];
  let newText = '';
  for (const [index, edit] of sorted.entries()) {
    if (index > 0) newText += fileText.slice(sorted[index - 1]!.span.end, edit.span.start);
    newText += edit.newText;
  }
  return { file: sorted[0]!.file, span: { start: sorted[0]!.span.start, end: sorted[sorted.length - 1]!.span.end }, newText };
}

/** Adds keys the mapping does not have. */
function appendEntries(fileText: string, target: MapTarget, entries: readonly Entry[], file: string): TextEdit | undefined {
  const mapSpan = target.reader.span(target.map);
  if (mapSpan === undefined) return undefined;
  if (target.map.flow) {
    const text = entries.map(flowEntry).join(', ');
    return insertInFlow(fileText, target, target.map.items, mapSpan, '}', text, file);
  }
  const lines = target.lines;
  const indent = mappingIndent(fileText, lines, mapSpan.start);
  const step = indentStepOf(fileText, lines);
  const eol = lines.eol;
  const at = lines.lineEnd(lastContentLine(fileText, lines, mapSpan, indent));
  const text = entries.flatMap((entry) => blockEntry(entry, step)).map((line) => eol + ' '.repeat(indent) + line).join('');
  return { file, span: { start: at, end: at }, newText: text };
}

/**
 * The column of a block mapping's keys: where its first entry begins on its line, before that
 * key's anchor or tag and an explicit key's `?` (`  &a name: x`, `  ? >-`: column 2), after a
 * sequence item's `- `. The mapping's own range starts at the key, or at the `?`.
 */
function mappingIndent(fileText: string, lines: LineIndex, mapStart: number): number {
  const before = fileText.slice(lines.lineStart(lines.positionAt(mapStart).line), mapStart).replace(/^\uFEFF/, '');
  return /(?:(?:[&!]\S*|\?)[ \t]+)*$/.exec(before)!.index;
}

/**
 * Inserts an entry into a flow collection: right after its last item (a trailing comma and a
 * closing bracket on a line of its own stay where they are), or inside its brackets when empty.
 */
function insertInFlow(fileText: string, target: MapTarget, items: readonly unknown[], span: Span, close: string, text: string, file: string): TextEdit | undefined {
  const last = items[items.length - 1] as { key?: unknown; value?: unknown } | undefined;
  const lastEnd = last === undefined ? undefined : (target.reader.span(last.value ?? undefined)?.end ?? target.reader.span(last.key ?? last)?.end);
  if (lastEnd !== undefined) return { file, span: { start: lastEnd, end: lastEnd }, newText: `, ${text}` };
  const at = fileText.lastIndexOf(close, span.end - 1);
  return at < span.start ? undefined : { file, span: { start: at, end: at }, newText: text };
}

/**
 * The last line of a block mapping's own content: trailing blank lines and comments indented
 * less than its keys (they belong to what follows) are not its content.
 */
function lastContentLine(fileText: string, lines: LineIndex, span: Span, indent: number): number {
  const first = lines.positionAt(span.start).line;
  let last = lines.positionAt(Math.max(span.start, span.end - 1)).line;
  while (last > first) {
    const text = fileText.slice(lines.lineStart(last), lines.lineEnd(last));
    const content = text.trimStart();
    if (content !== '' && !(content.startsWith('#') && text.length - content.length < indent)) break;
    last--;
  }
  return last;
}

/** A key and its value: a scalar written as is, nested entries, or a list of mappings. */
export interface Entry {
  readonly key: string;
  readonly value: string | readonly Entry[] | { readonly list: readonly (readonly Entry[])[] };
}

function blockEntry(entry: Entry, step: number): string[] {
  const value = entry.value;
  if (typeof value === 'string') return [`${entry.key}: ${value}`];
  const pad = ' '.repeat(step);
  if ('list' in value) return [`${entry.key}:`, ...value.list.flatMap((item) => listItem(item, step)).map((line) => pad + line)];
  return [`${entry.key}:`, ...(value as readonly Entry[]).flatMap((child) => blockEntry(child, step)).map((line) => pad + line)];
}

/** One mapping as a block list item: `- first: …` then the other keys aligned under it. */
export function listItem(entries: readonly Entry[], step: number): string[] {
  const lines = entries.flatMap((entry) => blockEntry(entry, step));
  return lines.map((line, index) => (index === 0 ? '- ' : '  ') + line);
}

function flowEntry(entry: Entry): string {
  return `${entry.key}: ${flowValue(entry.value)}`;
}

function flowValue(value: Entry['value']): string {
  if (typeof value === 'string') return value;
  if ('list' in value) return `[${value.list.map((item) => `{${item.map(flowEntry).join(', ')}}`).join(', ')}]`;
  return `{${(value as readonly Entry[]).map(flowEntry).join(', ')}}`;
}

/** Appends a mapping to a list of mappings (`sysctls`) held by `target`, in the list's own style. */
export function appendToList(fileText: string, target: MapTarget, list: YAMLSeq<unknown>, item: readonly Entry[], file: string): TextEdit | undefined {
  const listSpan = target.reader.span(list);
  if (listSpan === undefined) return undefined;
  if (list.flow) {
    const items = list.items.map((node) => (isMap(node) || isScalar(node) || isSeq(node) ? { value: node } : node));
    return insertInFlow(fileText, target, items, listSpan, ']', `{${item.map(flowEntry).join(', ')}}`, file);
  }
  const lines = target.lines;
  const dash = fileText.lastIndexOf('-', listSpan.start);
  const indent = lines.positionAt(dash).character;
  const eol = lines.eol;
  const at = lines.lineEnd(lines.positionAt(Math.max(listSpan.start, listSpan.end - 1)).line);
  const text = listItem(item, indentStepOf(fileText, lines)).map((line) => eol + ' '.repeat(indent) + line).join('');
  return { file, span: { start: at, end: at }, newText: text };
}

/** Each file's indentation step, found once per text (its line index stands for it). */
const indentSteps = new WeakMap<LineIndex, number>();

function indentStepOf(fileText: string, lines: LineIndex): number {
  let step = indentSteps.get(lines);
  if (step === undefined) indentSteps.set(lines, (step = indentStep(fileText)));
  return step;
}

/** The file's indentation step: the smallest positive indentation of a mapping key line, else 2. */
export function indentStep(fileText: string): number {
  let step = Infinity;
  for (const match of fileText.matchAll(/^( +)[^ \r\n#-]/gm)) step = Math.min(step, match[1]!.length);
  return Number.isFinite(step) && step <= 8 ? step : 2;
}

/**
 * Removes `key` and its whole value from a mapping, leaving every other byte as it is: in a
 * block mapping, the lines from the key's to the last line of its value, with the comments on
 * them and those indented deeper than the key; in a flow mapping, the entry and one separating
 * comma. Undefined when the key is absent or shares its line with something before it (`- key:`).
 */
export function removeKey(fileText: string, target: MapTarget, key: string, file: string): TextEdit | undefined {
  const keyNode = target.reader.keyNode(target.map, key);
  const index = keyNode === undefined ? -1 : target.map.items.findIndex((pair) => pair.key === keyNode);
  const pair = target.map.items[index];
  const keySpan = target.reader.span(keyNode);
  if (pair === undefined || keySpan === undefined) return undefined;
  const valueEnd = target.reader.span(pair.value)?.end ?? keySpan.end;
  if (target.map.flow) return removeFlowEntry(fileText, target, index, keySpan.start, valueEnd, file);
  const lines = target.lines;
  const first = lines.positionAt(keySpan.start);
  if (fileText.slice(lines.lineStart(first.line), keySpan.start).trim() !== '') return undefined;
  // A block value's range runs up to the next key: blank lines and comments at the key's indentation are not its own.
  let end = Math.max(keySpan.end, valueEnd);
  while (end > keySpan.end && /\s/.test(fileText.charAt(end - 1))) end--;
  const last = lastContentLine(fileText, lines, { start: keySpan.start, end }, first.character + 1);
  const start = lines.lineStart(first.line);
  if (last + 1 < lines.lineCount) return { file, span: { start, end: lines.lineStart(last + 1) }, newText: '' };
  // The last line of a file without a final newline: take the line break before it instead.
  return { file, span: { start: first.line === 0 ? 0 : lines.lineEnd(first.line - 1), end: fileText.length }, newText: '' };
}

function removeFlowEntry(fileText: string, target: MapTarget, index: number, start: number, end: number, file: string): TextEdit {
  const next = target.reader.span(target.map.items[index + 1]?.key);
  if (next !== undefined) return { file, span: { start, end: next.start }, newText: '' };
  const previous = target.map.items[index - 1];
  const previousEnd = target.reader.span(previous?.value)?.end ?? target.reader.span(previous?.key)?.end;
  if (previousEnd !== undefined) return { file, span: { start: previousEnd, end }, newText: '' };
  const after = /^[ \t]*/.exec(fileText.slice(end))![0].length;
  return { file, span: { start, end: end + after }, newText: '' };
}

/** Replaces a scalar's written text. */
export function replaceSpan(file: string, span: Span, newText: string): TextEdit {
  return { file, span, newText };
}
