import { parseDocument, type Document } from 'yaml';
import type { AnalyzedFile } from '../analyze';
import { perAnalysis } from '../perAnalysis';
import { parsableText, type Span } from '../text';
import { NodeReader } from '../yaml/nodes';

/** A mapping key written on a line of its own block, as the scan found it: its path from the root and its offset. */
export interface BlankedField {
  readonly path: readonly string[];
  /** Offset of the key in the text. */
  readonly keyAt: number;
}

/** A document's text with the values of some fields blanked out, and the fields whose values were. */
export interface BlankedText {
  readonly text: string;
  readonly fields: readonly BlankedField[];
}

/** Fields of a pod spec that no rule reads: the containers, volumes and scheduling constraints. */
const UNREAD_IN_POD_SPEC = ['containers', 'initContainers', 'ephemeralContainers', 'volumes', 'affinity', 'tolerations', 'topologySpreadConstraints'];

const podSpecFields = (podSpec: readonly string[], except: readonly string[] = []): string[][] =>
  UNREAD_IN_POD_SPEC.filter((field) => !except.includes(field)).map((field) => [...podSpec, field]);

/**
 * The fields of each workload kind that no rule reads, by path from the document's root. In public
 * repositories' manifests they are half the text the analysis parses (the containers alone 44%),
 * and parsing is most of the analysis' time. A DaemonSet keeps its
 * containers, where kube-proxy's flags and image are read. A reader that comes to read one of
 * these fields takes it off this list; a test compares the objects read with and without them.
 */
const UNREAD_FIELDS: ReadonlyMap<string, readonly (readonly string[])[]> = new Map([
  ['Pod', podSpecFields(['spec'])],
  ['Deployment', podSpecFields(['spec', 'template', 'spec'])],
  ['ReplicaSet', podSpecFields(['spec', 'template', 'spec'])],
  ['ReplicationController', podSpecFields(['spec', 'template', 'spec'])],
  ['Rollout', podSpecFields(['spec', 'template', 'spec'])],
  ['StatefulSet', [...podSpecFields(['spec', 'template', 'spec']), ['spec', 'volumeClaimTemplates']]],
  ['DaemonSet', podSpecFields(['spec', 'template', 'spec'], ['containers', 'initContainers'])],
]);

/** A document of a manifest, parsed, with the reader of its nodes. */
export interface ParsedSlice {
  readonly document: Document.Parsed;
  readonly reader: NodeReader;
  /** Whether the fields no rule reads were blanked before parsing. */
  readonly blanked: boolean;
}

/**
 * Parses the document `text[slice]` for the analysis. Given its kind, the fields of that kind no
 * rule reads are blanked (blankUnreadFields) when that parse is clean and has each blanked key
 * where the scan found it; otherwise, and without a kind, the document is parsed whole, so that
 * its YAML errors are all there. A YAML error inside a blanked field is not reported.
 */
export function parseForAnalysis(text: string, slice: Span, blankUnreadOf: string | null | undefined): ParsedSlice {
  const blanked = blankUnreadFields(text, slice, blankUnreadOf);
  if (blanked !== undefined) {
    const parsed = parse(blanked.text, slice.start, true);
    if (parsed.document.errors.length === 0 && blanked.fields.every((field) => keyOffset(parsed, field.path) === field.keyAt)) return parsed;
  }
  return parse(text.slice(slice.start, slice.end), slice.start, false);
}

/** How the analysis parses a document (as `readDocument` did before blanking). */
const PARSE_OPTIONS = { prettyErrors: false, merge: true } as const;

function parse(source: string, offset: number, blanked: boolean): ParsedSlice {
  const document = parseDocument(source, PARSE_OPTIONS);
  return { document, reader: new NodeReader(document, offset, source), blanked };
}

/**
 * Whether the documents of a file that were parsed with fields blanked parse whole without a
 * YAML error, asked before a fix edits the file (a fix placed by a structure the parser had to
 * guess can make a file worse). Parsed once per analysis of the file.
 */
export const blankedDocumentsParse = perAnalysis((file: AnalyzedFile): boolean => {
  const text = parsableText(file.text);
  return file.documents.every((document) => !document.blanked || parseDocument(text.slice(document.start, document.end), PARSE_OPTIONS).errors.length === 0);
});

/** Where the key at the end of `path` is written, in the file. */
function keyOffset({ document, reader }: ParsedSlice, path: readonly string[]): number | undefined {
  const parent = reader.get(document.contents, ...path.slice(0, -1));
  return reader.span(reader.keyNode(parent, path.at(-1)!))?.start;
}

/** A block mapping key, plain, and what follows its colon. */
const PLAIN_KEY = /^([A-Za-z_][A-Za-z0-9_.\/-]*)[ \t]*:(?:[ \t]+(.*?))?[ \t]*\r?$/;
/** A value that is only an anchor or a tag (`spec: &pod`), or nothing but a comment: the node is on the lines below. */
const BLOCK_VALUE = /^(?:(?:[&!][^ \t]*)(?:[ \t]+|$))*(?:#.*)?$/;

/** An open block mapping key: the column of its key, its path; no path for a sequence item or a value the scan does not look into. */
interface OpenKey {
  readonly indent: number;
  readonly path: readonly string[] | undefined;
}

/**
 * Blanks out the values of the fields no rule reads in a document of `kind` (UNREAD_FIELDS), so
 * that parsing skips them at the cost of reading one blank line: a value's lines but the last
 * become spaces (see blanked). Offsets and every other byte stay as they are. A field is blanked
 * only where the scan is sure of the block structure: a plain key alone on its line, reached
 * through plain keys of block mappings from the root. The value is the lines indented more than
 * the key (and the `- ` items of a sequence at its column), which YAML requires of a block value.
 * A tab in indentation, or any line the scan does not understand on the way, leaves the document
 * as it is. Callers check the parse of the result (`fields`): each key must be where the scan
 * found it.
 */
export function blankUnreadFields(text: string, span: Span, kind: string | null | undefined): BlankedText | undefined {
  const unread = kind === null || kind === undefined ? undefined : UNREAD_FIELDS.get(kind);
  if (unread === undefined) return undefined;
  const blanks: Span[] = [];
  const fields: BlankedField[] = [];
  const open: OpenKey[] = [];
  for (let lineStart = span.start; lineStart < span.end; ) {
    const line = lineAt(text, lineStart, span.end);
    if (line.indent < 0) return undefined;
    if (line.content === undefined || (line.content === line.start && (text.startsWith('---', line.start) || text.startsWith('...', line.start) || text[line.start] === '%'))) {
      if (line.content !== undefined && text.slice(line.start + 3, line.end).trim() !== '') return undefined;
      lineStart = line.next;
      continue;
    }
    const isItem = startsItem(text, line.content, line.end);
    while (open.length > 0 && (open.at(-1)!.indent > line.indent || (open.at(-1)!.indent === line.indent && !(isItem && open.at(-1)!.path !== undefined)))) open.pop();
    const parent = open.at(-1);
    if (parent !== undefined && parent.path === undefined) {
      lineStart = line.next;
      continue;
    }
    const key = isItem ? null : PLAIN_KEY.exec(text.slice(line.content, line.end));
    const path = key === null ? undefined : [...(parent?.path ?? []), key[1]!];
    const opensBlock = key !== null && BLOCK_VALUE.test(key[2] ?? '');
    if (path !== undefined && opensBlock && unread.some((field) => samePath(field, path))) {
      const value = blockValue(text, line, span.end);
      if (value === undefined) return undefined;
      if (value.end > value.start) blanks.push(value);
      fields.push({ path, keyAt: line.content });
      lineStart = value.next;
      continue;
    }
    open.push({ indent: line.indent, path: opensBlock ? path : undefined });
    lineStart = line.next;
  }
  return fields.length === 0 ? undefined : { text: blanked(text, span, blanks), fields };
}

interface Line {
  readonly start: number;
  /** The end of its content: before `\n`, with any `\r` kept. */
  readonly end: number;
  readonly next: number;
  /** Its first character that is not a space, undefined for a blank or comment line. */
  readonly content: number | undefined;
  /** Columns of indentation; -1 when the indentation holds a tab. */
  readonly indent: number;
}

function lineAt(text: string, start: number, limit: number): Line {
  const newline = text.indexOf('\n', start);
  const end = newline === -1 || newline >= limit ? limit : newline;
  let at = start;
  while (at < end && text[at] === ' ') at++;
  const next = end === limit ? limit : end + 1;
  if (text[at] === '\t') return { start, end, next, content: undefined, indent: -1 };
  const blank = at === end || text[at] === '#' || (text[at] === '\r' && at + 1 === end);
  return { start, end, next, content: blank ? undefined : at, indent: at - start };
}

/** The lines of a block value below the key on `keyLine`: from its next line to the end of the last line that belongs to it. */
function blockValue(text: string, keyLine: Line, limit: number): (Span & { readonly next: number }) | undefined {
  const start = keyLine.next;
  let end = start;
  let next = start;
  for (let lineStart = start; lineStart < limit; ) {
    const line = lineAt(text, lineStart, limit);
    if (line.indent < 0) return undefined;
    if (line.content !== undefined) {
      const inside = line.indent > keyLine.indent || (line.indent === keyLine.indent && startsItem(text, line.content, line.end));
      if (!inside) break;
      end = line.end;
      next = line.next;
    }
    lineStart = line.next;
  }
  return { start, end: Math.max(start, end), next };
}

/** Whether the content at `content` starts a block sequence item: a `-` followed by a space or the line's end (`end`, before any `\r`). */
function startsItem(text: string, content: number, end: number): boolean {
  const after = content + 1;
  return text[content] === '-' && (after === end || text[after] === ' ' || text[after] === '\r');
}

function samePath(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((part, index) => part === b[index]);
}

/**
 * The document's text, `span` of `text`, with each value of `blanks` made one blank line and its
 * last line: every character before the line break that starts the last line becomes a space, line
 * breaks included (the parser reads one long blank line faster than many). The last line stands
 * for the value, so that the mappings around it keep their extent.
 */
function blanked(text: string, span: Span, blanks: readonly Span[]): string {
  let result = '';
  let at = span.start;
  for (const blank of blanks) {
    const lastLine = text.lastIndexOf('\n', blank.end - 1) + 1;
    if (lastLine <= blank.start) continue;
    const lastBreak = Math.max(blank.start, text[lastLine - 2] === '\r' ? lastLine - 2 : lastLine - 1);
    result += text.slice(at, blank.start) + ' '.repeat(lastBreak - blank.start);
    at = lastBreak;
  }
  return result + text.slice(at, span.end);
}
