/**
 * Text that comes from the files linted (their names, the values of their YAML, `metadata.name`
 * in a message) is printed so that nothing in it acts on what reads the output: a newline that
 * would start a GitHub Actions workflow command (`::error::`, `::add-mask::`), an escape sequence
 * a terminal would run, a carriage return that hides what precedes it, a bidirectional override
 * that reorders what is shown. Every report format goes through this module.
 */

/**
 * What a terminal, a log viewer or a line-based reader may act on: the C0 controls, DEL, the C1
 * controls (U+0085 is a line break, U+009B an escape sequence for some terminals), the Unicode
 * line and paragraph separators, and the bidirectional embeddings, overrides and isolates.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** The same, without the C0 controls: JSON.stringify escapes those itself. */
const UNSAFE_IN_JSON = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const SHORT_ESCAPES: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** A character as a JavaScript/JSON escape: `\u001b`. */
function unicodeEscape(character: string): string {
  return `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/**
 * Text from a linted file as one inert line: each control, separator or bidirectional character
 * written as an escape (`\n`, `\r`, `\t`, `\u001b`, `\u2028`). Other text is unchanged.
 */
export function escapeControl(text: string): string {
  return text.replace(UNSAFE, (character) => SHORT_ESCAPES[character] ?? unicodeEscape(character));
}

/**
 * A value as indented JSON with no character that acts on a terminal or log: JSON.stringify
 * escapes the C0 controls and lone surrogates but leaves DEL, the C1 controls, U+2028, U+2029
 * and the bidirectional controls as they are; they are written as `\uXXXX` here. The values
 * read back are the same.
 */
export function inertJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2).replace(UNSAFE_IN_JSON, unicodeEscape)}\n`;
}

/** Every string in a plain value (objects, arrays) passed through escapeControl, for output that is read, not parsed. */
export function escapeStrings<T>(value: T): T {
  if (typeof value === 'string') return escapeControl(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => escapeStrings(item)) as T;
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [escapeControl(key), escapeStrings(item)])) as T;
  }
  return value;
}

/**
 * A stream each write to which is one message ending in a line break (connlint's warnings and
 * errors on standard error): the message is escaped with escapeControl, so that a file name
 * holding a line break cannot start a line of its own; the final break is kept.
 */
export function escapingMessages(stream: { write(text: string): unknown }): { write(text: string): unknown } {
  return {
    write: (text: string) => stream.write(text.endsWith('\n') ? `${escapeControl(text.slice(0, -1))}\n` : escapeControl(text)),
  };
}
