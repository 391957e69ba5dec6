import { pushTo } from './collections';
import type { AnalyzedFile, ParsedDocument } from './analyze';
import type { SyntaxProblem } from './k8s/extract';
import type { K8sObject } from './k8s/objects';
import type { DocumentSlice } from './yaml/documents';

/**
 * The documents of an earlier analysis of a file, for the next analysis to take over those whose
 * text has not changed instead of parsing them again: an edit in one document of a file of many
 * parses that document only. A document's objects and syntax problems depend only on its own
 * text, so an unchanged document's are the same, moved to where the document now starts. A
 * document parsed with its unread fields blanked is taken over only by an analysis that blanks
 * them too: one that reads documents whole parses it again, to know its YAML errors.
 */
export class DocumentReuse {
  /** The earlier documents by their text; a text written several times has several. */
  private byText: Map<string, ParsedDocument[]> | undefined;

  constructor(
    private readonly previous: AnalyzedFile,
    private readonly blanks: boolean,
  ) {}

  /**
   * Adds the objects and problems of the earlier document whose text is `slice`'s, moved to the
   * slice, and returns that document; returns undefined when no earlier document has that text.
   */
  take(text: string, slice: DocumentSlice, objects: K8sObject[], problems: SyntaxProblem[]): ParsedDocument | undefined {
    const candidates = this.documents().get(text.slice(slice.start, slice.end));
    const earlier = candidates?.shift();
    if (earlier === undefined) return undefined;
    const delta = slice.start - earlier.start;
    for (let i = earlier.firstObject; i < earlier.firstObject + earlier.objectCount; i++) {
      objects.push(Object.assign(moved(this.previous.objects[i]!, delta), { documentIndex: slice.index }));
    }
    for (let i = earlier.firstProblem; i < earlier.firstProblem + earlier.problemCount; i++) problems.push(moved(this.previous.syntaxProblems[i]!, delta));
    return earlier;
  }

  private documents(): Map<string, ParsedDocument[]> {
    if (this.byText === undefined) {
      this.byText = new Map();
      for (const document of this.previous.documents) {
        if (this.blanks || !document.blanked) pushTo(this.byText, this.previous.text.slice(document.start, document.end), document);
      }
    }
    return this.byText;
  }
}

/**
 * A copy of analysis data (plain objects, arrays, and maps) with every span, an object of
 * exactly `start` and `end` offsets, moved by `delta`. Maps of strings (labels, selectors) are
 * shared; maps of objects (annotations with their spans) are copied.
 */
function moved<T>(value: T, delta: number): T {
  if (Array.isArray(value)) return value.map((item: unknown) => moved(item, delta)) as T;
  if (value instanceof Map) return ([...value.values()].some((item) => typeof item === 'object') ? new Map([...value].map(([key, item]) => [key, moved(item, delta)])) : value) as T;
  if (typeof value !== 'object' || value === null) return value;
  if (isSpan(value)) return { start: value.start + delta, end: value.end + delta } as T;
  const copy: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) copy[key] = moved(field, delta);
  return copy as T;
}

function isSpan(value: object): value is { start: number; end: number } {
  const keys = Object.keys(value);
  return keys.length === 2 && typeof (value as { start?: unknown }).start === 'number' && typeof (value as { end?: unknown }).end === 'number';
}
