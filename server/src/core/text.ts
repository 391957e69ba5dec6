/**
 * Where `needle` first occurs in `text` between `start` and `end`, or -1. The search stops at `end`:
 * `text.indexOf(needle, start)` would run on to the end of the file, once per document of a file
 * of thousands.
 */
export function indexWithin(text: string, needle: string, start: number, end: number): number {
  const at = text.slice(start, end).indexOf(needle);
  return at === -1 ? -1 : start + at;
}

/** Positions and ranges in the shape of the Language Server Protocol: 0-based, columns in UTF-16 code units. */
export interface Position {
  readonly line: number;
  readonly character: number;
}

/** A half-open range between two positions. */
export interface Range {
  readonly start: Position;
  readonly end: Position;
}

/** A half-open span of UTF-16 offsets into a file's text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/**
 * Converts offsets of one text into line/character positions. JavaScript strings are
 * UTF-16, so offsets and characters are already in the protocol's default encoding. Lines end
 * at `\n`, `\r\n` or a lone `\r`, as the protocol counts them. The text is counted as given:
 * a byte-order mark a client kept is a character of the first line. The lines are found on
 * first use: most files of a workspace never have a position asked of them.
 */
export class LineIndex {
  /** Each line's start offset: a typed array, 4 bytes a line (a workspace's large files have hundreds of thousands of lines). */
  private starts: Uint32Array | undefined;
  private ending: ReturnType<typeof lineEnding> | undefined;

  constructor(private readonly text: string) {}

  private get lineStarts(): Uint32Array {
    if (this.starts === undefined) {
      const starts = [0];
      const text = this.text;
      if (!text.includes('\r')) {
        for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
      } else {
        for (let i = 0; i < text.length; i++) {
          const code = text.charCodeAt(i);
          if (code === 13 && text.charCodeAt(i + 1) === 10) i++;
          if (code === 10 || code === 13) starts.push(i + 1);
        }
      }
      this.starts = Uint32Array.from(starts);
    }
    return this.starts;
  }

  /** Number of lines (a text that ends with a line break has an empty last line). */
  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** The position of an offset, clamped to the text; an offset between a CR and its LF is the line's end. */
  positionAt(offset: number): Position {
    let clamped = Math.max(0, Math.min(offset, this.text.length));
    if (this.text.charCodeAt(clamped) === 10 && this.text.charCodeAt(clamped - 1) === 13) clamped--;
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid]! <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - this.lineStarts[low]! };
  }

  /** The offset of a position, clamped to its line (a line's end excludes its line break). */
  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[position.line]!;
    return Math.min(start + Math.max(0, position.character), this.lineEnd(position.line));
  }

  /** The range of a span. */
  rangeOf(span: Span): Range {
    return { start: this.positionAt(span.start), end: this.positionAt(span.end) };
  }

  /** Offset where a line's content ends, before its `\n`, `\r\n` or `\r`. */
  lineEnd(line: number): number {
    const starts = this.lineStarts;
    const index = Math.max(0, Math.min(line, starts.length - 1));
    if (index + 1 >= starts.length) return this.text.length;
    const next = starts[index + 1]!;
    return next - 1 > starts[index]! && this.text.charCodeAt(next - 2) === 13 && this.text.charCodeAt(next - 1) === 10 ? next - 2 : next - 1;
  }

  /** The line ending of the text (see `lineEnding`), found once. */
  get eol(): '\r\n' | '\n' | '\r' {
    return (this.ending ??= lineEnding(this.text));
  }

  /** Offset where a line starts. */
  lineStart(line: number): number {
    return this.lineStarts[Math.max(0, Math.min(line, this.lineStarts.length - 1))]!;
  }
}

/** Removes a leading byte-order mark (what a file's reader does: editors never count it). */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * The text the parsers read: a lone `\r` (a line break for editors and for YAML) becomes `\n`.
 * Same length, so every offset into it is an offset into the text.
 */
export function parsableText(text: string): string {
  return text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
}

/** The line ending a file uses, for lines an edit adds: CRLF when it has any, a lone CR when it has no LF, else LF. */
export function lineEnding(text: string): '\r\n' | '\n' | '\r' {
  if (text.includes('\r\n')) return '\r\n';
  return text.includes('\r') && !text.includes('\n') ? '\r' : '\n';
}
