import { Scalar } from 'yaml';
import type { Span } from '../text';
import { NodeReader } from './nodes';

/** Text held in a YAML string scalar, with a map from its offsets back to the file's. */
interface EmbeddedText {
  readonly text: string;
  /** The file offset where the character at `offset` of `text` is written. */
  toFileOffset(offset: number): number;
}

/**
 * Maps a string scalar's value back to its source. Literal block scalars (`|`, how kubeadm
 * and kubectl write embedded configuration) and single-line quoted or plain scalars map
 * character by character; other forms (folded, multi-line flow) map to the scalar's start.
 */
export function embeddedText(scalar: Scalar, fileText: string, offset: number): EmbeddedText | undefined {
  if (typeof scalar.value !== 'string' || !scalar.range) return undefined;
  const value = scalar.value;
  const start = scalar.range[0] + offset;
  const end = scalar.range[1] + offset;
  const source = fileText.slice(start, end);
  if (scalar.type === Scalar.BLOCK_LITERAL) return literalBlock(value, fileText, start, end);
  if (!source.includes('\n')) {
    const map = singleLineMap(source, scalar.type);
    if (map !== undefined && map.length === value.length) {
      return { text: value, toFileOffset: (o) => start + (o < map.length ? map[o]! : source.length) };
    }
  }
  return { text: value, toFileOffset: () => start };
}

function literalBlock(value: string, fileText: string, start: number, end: number): EmbeddedText {
  const headerEnd = fileText.indexOf('\n', start);
  const lineStarts: number[] = [];
  for (let line = headerEnd + 1; headerEnd !== -1 && line < end; ) {
    lineStarts.push(line);
    const next = fileText.indexOf('\n', line);
    if (next === -1) break;
    line = next + 1;
  }
  const indent = blockIndent(fileText, lineStarts, end);
  const valueLineStarts = [0];
  for (let i = value.indexOf('\n'); i !== -1; i = value.indexOf('\n', i + 1)) valueLineStarts.push(i + 1);
  return {
    text: value,
    toFileOffset(offset) {
      let line = valueLineStarts.length - 1;
      while (line > 0 && valueLineStarts[line]! > offset) line--;
      const lineStart = lineStarts[Math.min(line, lineStarts.length - 1)] ?? start;
      const lineEnd = fileText.indexOf('\n', lineStart);
      const limit = lineEnd === -1 ? fileText.length : lineEnd;
      return Math.min(lineStart + indent + (offset - valueLineStarts[line]!), Math.max(limit, lineStart));
    },
  };
}

/** The indentation of a block scalar's content: that of its first non-empty line. */
function blockIndent(fileText: string, lineStarts: readonly number[], end: number): number {
  for (const lineStart of lineStarts) {
    let i = lineStart;
    while (i < end && fileText[i] === ' ') i++;
    if (i < end && fileText[i] !== '\n' && fileText[i] !== '\r') return i - lineStart;
  }
  return 0;
}

/** For each character of the value, its offset in the scalar's source, or undefined for escapes it can't map. */
function singleLineMap(source: string, type: Scalar['type']): number[] | undefined {
  const map: number[] = [];
  if (type === Scalar.PLAIN) {
    for (let i = 0; i < source.length; i++) map.push(i);
    return map;
  }
  if (type === Scalar.QUOTE_SINGLE) {
    for (let i = 1; i < source.length - 1; i++) {
      map.push(i);
      if (source[i] === "'" && source[i + 1] === "'") i++;
    }
    return map;
  }
  if (type === Scalar.QUOTE_DOUBLE) {
    for (let i = 1; i < source.length - 1; i++) {
      map.push(i);
      if (source[i] !== '\\') continue;
      const escape = source[i + 1];
      const width = escape === 'x' ? 3 : escape === 'u' ? 5 : escape === 'U' ? 9 : 1;
      if (escape === 'U') return undefined;
      i += width;
    }
    return map;
  }
  return undefined;
}

/**
 * Reads YAML parsed from embedded text, with spans in the enclosing file. A span ends where the
 * character after its last non-blank one is written, so escapes and doubled quotes map whole.
 */
export class EmbeddedNodeReader extends NodeReader {
  constructor(
    document: ConstructorParameters<typeof NodeReader>[0],
    private readonly embedded: EmbeddedText,
  ) {
    super(document, 0);
  }

  override span(node: unknown): Span | undefined {
    const local = super.span(node);
    if (local === undefined) return undefined;
    let end = local.end;
    while (end > local.start && /\s/.test(this.embedded.text[end - 1]!)) end--;
    const start = this.embedded.toFileOffset(local.start);
    return { start, end: Math.max(start, this.embedded.toFileOffset(end)) };
  }
}
