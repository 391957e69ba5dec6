import assert from 'node:assert/strict';
import type { Diagnostic, Range } from '@connlint/server';

/** Asserts that a range lies inside a text: its lines exist, its characters lie within them, and it does not end before it starts. */
export function assertRangeInside(range: Range, text: string, what: string): void {
  const lines = linesOf(text);
  for (const position of [range.start, range.end]) {
    assert.ok(position.line >= 0 && position.line < lines.length, `${what}: line ${position.line} of ${lines.length}`);
    assert.ok(position.character >= 0 && position.character <= lines[position.line]!.length, `${what}: character ${position.character} past its line`);
  }
  const ordered = range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character);
  assert.ok(ordered, `${what}: ends before it starts`);
}

/** Asserts that a diagnostic's range lies inside its file's text. */
export function assertInside(diagnostic: Diagnostic, text: string): void {
  assertRangeInside(diagnostic.range, text, `${diagnostic.rule} in ${diagnostic.file}`);
}

let lastText: string | undefined;
let lastLines: string[] = [];

/** The lines of a text, kept for the next call: a file's diagnostics are checked one after another. */
function linesOf(text: string): string[] {
  if (text !== lastText) [lastText, lastLines] = [text, text.split(/\r\n|\r|\n/)];
  return lastLines;
}
