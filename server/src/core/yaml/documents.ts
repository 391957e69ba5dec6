import type { Span } from '../text';

/** One YAML document of a stream, found without parsing it. */
export interface DocumentSlice extends Span {
  /** 0-based position of the document in its file. */
  readonly index: number;
  /**
   * The root mapping's `kind`, read from a `kind:` line at column 0; `null` when the document
   * is a block mapping without one (it cannot be a Kubernetes object); `undefined` when it
   * can't be told without parsing (flow style, JSON, tags, aliases).
   */
  readonly kind: string | null | undefined;
}

/**
 * Splits a YAML stream into documents at its `---` and `...` markers. Markers are recognised
 * at column 0 only, where YAML forbids them as content, so no parse is needed.
 */
export function splitDocuments(text: string): DocumentSlice[] {
  const slices: DocumentSlice[] = [];
  let docStart = 0;
  let hasContent = false;
  // A byte-order mark a client kept is not part of the first line's content.
  let lineStart = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const finish = (end: number): void => {
    if (hasContent) slices.push({ start: docStart, end, index: slices.length, kind: quickKind(text, docStart, end) });
    hasContent = false;
  };
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    const marker = documentMarker(text, lineStart, lineEnd);
    if (marker === '---') {
      if (hasContent) {
        finish(lineStart);
        docStart = lineStart;
      }
      // A start marker opens a document even when nothing follows it on the line.
      hasContent = true;
    } else if (marker === '...') {
      finish(lineEnd);
      docStart = newline === -1 ? text.length : newline + 1;
    } else if (!hasContent && isContentLine(text, lineStart, lineEnd)) {
      hasContent = true;
    }
    if (newline === -1) break;
    lineStart = newline + 1;
  }
  finish(text.length);
  return slices.filter((slice) => isContentSpan(text, slice.start, slice.end));
}

function documentMarker(text: string, start: number, end: number): '---' | '...' | undefined {
  if (end - start < 3) return undefined;
  const head = text.startsWith('---', start) ? '---' : text.startsWith('...', start) ? '...' : undefined;
  if (head === undefined) return undefined;
  const next = text.charCodeAt(start + 3);
  return start + 3 >= end || next === 32 || next === 9 || next === 13 ? head : undefined;
}

/** A line that holds something other than blanks, a comment or a directive. */
function isContentLine(text: string, start: number, end: number): boolean {
  let i = start;
  while (i < end && (text[i] === ' ' || text[i] === '\t' || text[i] === '\r' || text[i] === '\uFEFF')) i++;
  if (i >= end) return false;
  const first = text[i];
  if (first === '#') return false;
  return !(first === '%' && i === start);
}

function isContentSpan(text: string, start: number, end: number): boolean {
  for (let lineStart = start; lineStart < end; ) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 || newline > end ? end : newline;
    const marker = documentMarker(text, lineStart, lineEnd);
    const contentStart = marker === '---' ? lineStart + 3 : lineStart;
    if (marker !== '...' && isContentLine(text, contentStart, lineEnd)) return true;
    if (newline === -1) break;
    lineStart = newline + 1;
  }
  return false;
}

/** A `kind` key and its value, matched where a line starts (sticky). */
const KIND_LINE = /(?:kind|"kind"|'kind')[ \t]*:(?:[ \t]+(.*?))?[ \t]*\r?$/my;
const ROOT_KEY = /^[A-Za-z0-9_$/.-]/;

/** Reads the root `kind` of a document from its text, or says why it can't. */
function quickKind(text: string, start: number, end: number): string | null | undefined {
  // Searched within the document only: a search of the whole text would make a file of many documents quadratic.
  const document = text.slice(start, end);
  const first = kindLine(document, 0);
  if (first === null) return !document.includes('kind') || isBlockMappingRoot(text, start, end) ? null : undefined;
  if (kindLine(document, first.index + 4) !== null) return undefined;
  return plainKindValue(first[1] ?? '');
}

/**
 * The first `kind:` line at column 0 from `from` on. Each `kind` found by indexOf (a CRD holds
 * thousands, nested) is tried where it starts a line: faster than a multiline regular expression
 * over the whole document.
 */
function kindLine(document: string, from: number): RegExpExecArray | null {
  for (let at = document.indexOf('kind', from); at !== -1; at = document.indexOf('kind', at + 4)) {
    const quote = document[at - 1] === '"' || document[at - 1] === "'" ? 1 : 0;
    const lineStart = at - quote;
    if (lineStart !== 0 && document[lineStart - 1] !== '\n') continue;
    KIND_LINE.lastIndex = lineStart;
    const match = KIND_LINE.exec(document);
    if (match !== null) return match;
  }
  return null;
}

function plainKindValue(raw: string): string | undefined {
  const value = raw.replace(/[ \t]+#.*$/, '');
  const quoted = /^"([A-Za-z0-9]+)"$|^'([A-Za-z0-9]+)'$/.exec(value);
  if (quoted) return quoted[1] ?? quoted[2];
  return /^[A-Za-z0-9]+$/.test(value) ? value : undefined;
}

/** The document's first content line is a plain key at column 0: a block mapping root. */
function isBlockMappingRoot(text: string, start: number, end: number): boolean {
  for (let lineStart = start; lineStart < end; ) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 || newline > end ? end : newline;
    const marker = documentMarker(text, lineStart, lineEnd);
    if (marker === '---') {
      if (isContentLine(text, lineStart + 3, lineEnd)) return false;
    } else if (isContentLine(text, lineStart, lineEnd)) {
      const line = text.slice(lineStart, lineEnd);
      return ROOT_KEY.test(line) && /^[^#]*?:(?:[ \t]|\r?$)/.test(line) && !line.startsWith('- ') && line !== '-';
    }
    if (newline === -1) break;
    lineStart = newline + 1;
  }
  return false;
}
