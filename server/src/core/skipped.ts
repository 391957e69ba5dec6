import type { AnalyzedFile, SkippedDocument } from './analyze';
import type { Location } from './types';

/** A part of a file left unread (a template document, a whole file), placed and explained for a report. */
export interface SkippedPart extends Location {
  /** What the part is, for counts: `template`, `Helm chart template`, `unreadable`. */
  readonly label: string;
  /** The fact first, then what to do. */
  readonly reason: string;
}

/** How much of the files a run read: files checked (wholly or in part), files left wholly unread, and every part left unread. */
export interface Coverage {
  readonly filesChecked: number;
  /** Files of which nothing was read, each as its first part left unread. */
  readonly filesSkipped: readonly SkippedPart[];
  /** Sorted by file, then position. */
  readonly skipped: readonly SkippedPart[];
}

/** Longest template expression quoted in a reason. */
const MAX_QUOTED = 40;

/** The parts of a file left unread; none for a file read in full. */
export function skippedParts(file: AnalyzedFile): SkippedPart[] {
  if (file.skipReason !== undefined) {
    const start = { line: 0, character: 0 };
    return [{ file: file.path, range: { start, end: start }, label: 'unreadable', reason: `Not linted: ${file.skipReason}.` }];
  }
  return file.skippedDocuments.map((document) => ({
    file: file.path,
    range: file.lineIndex.rangeOf(document.evidence),
    label: document.cause === 'helm-chart-template' ? 'Helm chart template' : 'template',
    reason: skippedDocumentReason(file, document),
  }));
}

/** Why a template document is not linted, and how to lint what it makes. */
export function skippedDocumentReason(file: AnalyzedFile, document: SkippedDocument): string {
  const which = document.start === 0 && document.end === file.text.length ? 'Not linted' : `Document ${document.index + 1} not linted`;
  if (document.cause === 'helm-chart-template') return `${which}: a Helm chart template; lint the rendered chart (helm template … | connlint -).`;
  const expression = file.text.slice(document.evidence.start, document.evidence.end);
  const quoted = expression.length > MAX_QUOTED ? `${expression.slice(0, MAX_QUOTED - 1)}…` : expression;
  const where = file.role === undefined ? 'a sysctl assignment' : 'YAML structure';
  return `${which}: a template, ${quoted} stands where ${where} is; lint the rendered output.`;
}

/** Whether nothing of the file was read: too large or binary, or every document that could matter is a template. */
export function isSkippedFile(file: AnalyzedFile): boolean {
  return file.skipReason !== undefined || (file.skippedDocuments.length > 0 && file.documents.length === 0 && file.sysctl === undefined);
}

/** What a run over these files read and left unread. */
export function coverageOf(files: Iterable<AnalyzedFile>): Coverage {
  let filesChecked = 0;
  const filesSkipped: SkippedPart[] = [];
  const skipped: SkippedPart[] = [];
  for (const file of files) {
    const parts = skippedParts(file);
    for (const part of parts) skipped.push(part);
    if (!isSkippedFile(file)) filesChecked++;
    else filesSkipped.push(parts[0]!);
  }
  skipped.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character));
  return { filesChecked, filesSkipped, skipped };
}

/** How many of the parts have each label, labels in alphabetical order. */
export function countByLabel(parts: readonly SkippedPart[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const label of parts.map((part) => part.label).sort()) counts[label] = (counts[label] ?? 0) + 1;
  return counts;
}
