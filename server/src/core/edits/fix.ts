import type { Span } from '../text';

/** A replacement of one span of one file. */
export interface TextEdit {
  readonly file: string;
  readonly span: Span;
  readonly newText: string;
}

/** A change that resolves (or silences) a finding. */
export interface Fix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  /** The fix a user most likely wants: applied by "fix all" and `connlint --fix`. */
  readonly preferred: boolean;
}

/**
 * Applies edits to one file's text in one pass; edits must not overlap. Insertions at the same
 * place appear in the order of the array, as the Language Server Protocol specifies.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = edits.map((edit, index) => ({ edit, index })).sort((a, b) => a.edit.span.start - b.edit.span.start || a.edit.span.end - b.edit.span.end || a.index - b.index);
  const pieces: string[] = [];
  let copied = 0;
  for (const { edit } of sorted) {
    pieces.push(text.slice(copied, Math.max(copied, edit.span.start)), edit.newText);
    copied = Math.max(copied, edit.span.end);
  }
  pieces.push(text.slice(copied));
  return pieces.join('');
}

/** Whether two sets of edits touch overlapping text (then only one of them may be applied in a pass). */
export function overlaps(a: readonly TextEdit[], b: readonly TextEdit[]): boolean {
  return a.some((x) => b.some((y) => x.file === y.file && x.span.start < y.span.end + (x.span.start === y.span.start ? 1 : 0) && y.span.start < x.span.end + (x.span.start === y.span.start ? 1 : 0)));
}
