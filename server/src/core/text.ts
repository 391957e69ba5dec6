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
 * UTF-16, so offsets and characters are already in the protocol's default encoding. The lines
 * are found on first use: most files of a workspace never have a position asked of them.
 */
export class LineIndex {
  private starts: number[] | undefined;

  constructor(private readonly text: string) {}

  private get lineStarts(): number[] {
    if (this.starts === undefined) {
      const starts = [0];
      for (let i = this.text.indexOf('\n'); i !== -1; i = this.text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.starts = starts;
    }
    return this.starts;
  }

  /** Number of lines (a text that ends with a newline has an empty last line). */
  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** The position of an offset, clamped to the text. */
  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid]! <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - this.lineStarts[low]! };
  }

  /** The offset of a position, clamped to its line (a line's end excludes its `\r\n`). */
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

  /** Offset where a line's content ends, before `\n` or `\r\n`. */
  lineEnd(line: number): number {
    const next = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1]! - 1 : this.text.length;
    return next > this.lineStarts[line]! && this.text.charCodeAt(next - 1) === 13 ? next - 1 : next;
  }

  /** Offset where a line starts. */
  lineStart(line: number): number {
    return this.lineStarts[Math.max(0, Math.min(line, this.lineStarts.length - 1))]!;
  }
}

/** Removes a leading byte-order mark: editors and the protocol never count it. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The line ending a file uses, for lines an edit adds: CRLF when it has any, else LF. */
export function lineEnding(text: string): '\r\n' | '\n' {
  return text.includes('\r\n') ? '\r\n' : '\n';
}
