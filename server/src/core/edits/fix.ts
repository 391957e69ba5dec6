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
 * Applies edits to one file's text; edits must not overlap. Insertions at the same place appear
 * in the order of the array, as the Language Server Protocol specifies.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = edits.map((edit, index) => ({ edit, index })).sort((a, b) => b.edit.span.start - a.edit.span.start || b.edit.span.end - a.edit.span.end || b.index - a.index);
  let result = text;
  for (const { edit } of sorted) result = result.slice(0, edit.span.start) + edit.newText + result.slice(edit.span.end);
  return result;
}

/** Whether two sets of edits touch overlapping text (then only one of them may be applied in a pass). */
export function overlaps(a: readonly TextEdit[], b: readonly TextEdit[]): boolean {
  return a.some((x) => b.some((y) => x.file === y.file && x.span.start < y.span.end + (x.span.start === y.span.start ? 1 : 0) && y.span.start < x.span.end + (x.span.start === y.span.start ? 1 : 0)));
}
