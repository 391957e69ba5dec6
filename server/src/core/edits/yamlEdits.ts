import { parseDocument, type YAMLMap, type YAMLSeq } from 'yaml';
import type { AnalyzedFile } from '../analyze';
import type { ObjectBase } from '../k8s/objects';
import { lineEnding, type LineIndex, type Span } from '../text';
import { splitDocuments } from '../yaml/documents';
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
  const slice = splitDocuments(file.text).find((candidate) => candidate.index === object.documentIndex);
  if (slice === undefined) return undefined;
  const document = parseDocument(file.text.slice(slice.start, slice.end), { prettyErrors: false });
  const reader = new NodeReader(document, slice.start);
  const root = object.itemIndex === undefined ? reader.get(document.contents) : reader.items(reader.get(document.contents, 'items'))[object.itemIndex];
  const map = reader.map(root);
  return map === undefined ? undefined : { map, reader, lines: file.lineIndex };
}

/** The child mapping under `key`, if it is one. */
export function childMap(target: MapTarget, key: string): MapTarget | undefined {
  const map = target.reader.map(target.reader.get(target.map, key));
  return map === undefined ? undefined : { map, reader: target.reader, lines: target.lines };
}

/**
 * Adds `key: value` pairs to a mapping without touching anything else: in a block mapping,
 * new lines after its last entry at its indentation (nested values indented by the file's
 * step); in a flow mapping, entries before its closing brace.
 */
export function addToMap(fileText: string, target: MapTarget, entries: readonly Entry[], file: string): TextEdit | undefined {
  const mapSpan = target.reader.span(target.map);
  if (mapSpan === undefined) return undefined;
  if (target.map.flow) {
    const close = fileText.lastIndexOf('}', mapSpan.end - 1);
    const separator = target.map.items.length > 0 ? ', ' : '';
    return { file, span: { start: close, end: close }, newText: `${separator}${entries.map(flowEntry).join(', ')}` };
  }
  const lines = target.lines;
  const firstKey = target.reader.span(target.map.items[0]?.key);
  const indent = firstKey === undefined ? 0 : lines.positionAt(firstKey.start).character;
  const step = indentStep(fileText);
  const eol = lineEnding(fileText);
  const at = lines.lineEnd(lastContentLine(fileText, lines, mapSpan, indent));
  const text = entries.flatMap((entry) => blockEntry(entry, step)).map((line) => eol + ' '.repeat(indent) + line).join('');
  return { file, span: { start: at, end: at }, newText: text };
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

/**
 * Gives a key whose value is empty (`sessionAffinityConfig:` and nothing) nested entries, on the
 * lines after it, one indentation step deeper. Only for block mappings.
 */
export function fillEmptyKey(fileText: string, target: MapTarget, key: string, entries: readonly Entry[], file: string): TextEdit | undefined {
  const keyNode = target.reader.keyNode(target.map, key);
  const keySpan = target.reader.span(keyNode);
  if (target.map.flow || keySpan === undefined) return undefined;
  const lines = target.lines;
  const position = lines.positionAt(keySpan.start);
  const step = indentStep(fileText);
  const eol = lineEnding(fileText);
  const at = lines.lineEnd(position.line);
  const text = entries.flatMap((entry) => blockEntry(entry, step)).map((line) => eol + ' '.repeat(position.character + step) + line).join('');
  return { file, span: { start: at, end: at }, newText: text };
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
  const value = entry.value;
  if (typeof value === 'string') return `${entry.key}: ${value}`;
  if ('list' in value) return `${entry.key}: [${value.list.map((item) => `{${item.map(flowEntry).join(', ')}}`).join(', ')}]`;
  return `${entry.key}: {${(value as readonly Entry[]).map(flowEntry).join(', ')}}`;
}

/** Appends a mapping to a list of mappings (`sysctls`) held by `target`, in the list's own style. */
export function appendToList(fileText: string, target: MapTarget, list: YAMLSeq<unknown>, item: readonly Entry[], file: string): TextEdit | undefined {
  const listSpan = target.reader.span(list);
  if (listSpan === undefined) return undefined;
  if (list.flow) {
    const close = fileText.lastIndexOf(']', listSpan.end - 1);
    return { file, span: { start: close, end: close }, newText: `${list.items.length > 0 ? ', ' : ''}{${item.map(flowEntry).join(', ')}}` };
  }
  const lines = target.lines;
  const dash = fileText.lastIndexOf('-', listSpan.start);
  const indent = lines.positionAt(dash).character;
  const eol = lineEnding(fileText);
  const at = lines.lineEnd(lines.positionAt(Math.max(listSpan.start, listSpan.end - 1)).line);
  const text = listItem(item, indentStep(fileText)).map((line) => eol + ' '.repeat(indent) + line).join('');
  return { file, span: { start: at, end: at }, newText: text };
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
