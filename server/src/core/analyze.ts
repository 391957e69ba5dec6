import { parseDocument } from 'yaml';
import { DocumentReuse } from './analysisReuse';
import { extractObjects, firstLine, type SyntaxProblem } from './k8s/extract';
import { MODELLED_KINDS, type K8sObject } from './k8s/objects';
import { PATH_CONFIG_MAPS } from './k8s/pathObjects';
import { NO_SUPPRESSIONS, parseSuppressions, type Suppressions } from './suppressions';
import { parseSysctl, type ParsedSysctl } from './sysctl/parse';
import { LineIndex, parsableText } from './text';
import { NodeReader } from './yaml/nodes';
import { splitDocuments, type DocumentSlice } from './yaml/documents';

/** How a file is read: as Kubernetes manifests, as a sysctl file, or not at all. */
export type FileRole = 'manifest' | 'sysctl';

/** What the analysis needs to know about a file beyond its path and text. */
export interface FileContext {
  /** Read the file in this role whatever its name (standard input, say). */
  readonly role?: FileRole;
  /** The file's real location, when its path in the workspace is only a display name (relative to a directory). */
  readonly location?: string;
  /** The file was named explicitly (on the command line): a file that is not YAML is read as sysctl. */
  readonly explicit?: boolean;
  /** Whether another file exists, to recognise Helm charts; without it only `{{` in the text tells. */
  readonly fileExists?: (path: string) => boolean;
  /** An earlier analysis of the same file (an editor's previous version): its unchanged documents are not parsed again. */
  readonly previous?: AnalyzedFile;
}

/** A document of a manifest file that was parsed: where it is, and which of the file's objects and syntax problems are its. */
export interface ParsedDocument {
  readonly start: number;
  readonly end: number;
  readonly firstObject: number;
  readonly objectCount: number;
  readonly firstProblem: number;
  readonly problemCount: number;
}

/** Everything one file contributes to the workspace model. Pure: depends only on path, text and context. */
export interface AnalyzedFile {
  readonly path: string;
  readonly text: string;
  readonly role: FileRole | undefined;
  /** Why a file that looked relevant was not read (a Helm template, say). */
  readonly skipReason: string | undefined;
  readonly objects: readonly K8sObject[];
  readonly sysctl: ParsedSysctl | undefined;
  /** YAML errors of the documents that matter; sysctl problems live in `sysctl`. */
  readonly syntaxProblems: readonly SyntaxProblem[];
  /** The documents that were parsed, in order (the others' kinds do not matter). */
  readonly documents: readonly ParsedDocument[];
  readonly suppressions: Suppressions;
  readonly lineIndex: LineIndex;
}

/**
 * An analysis as it crosses between threads (structured clone): plain data, without what is
 * rebuilt from the text on arrival (`fromPortable`).
 */
export type PortableAnalysis = Omit<AnalyzedFile, 'suppressions' | 'lineIndex'>;

export function toPortable(file: AnalyzedFile): PortableAnalysis {
  const { suppressions: _suppressions, lineIndex: _lineIndex, ...portable } = file;
  return portable;
}

export function fromPortable(portable: PortableAnalysis): AnalyzedFile {
  const { path, text, role, skipReason, objects, sysctl, syntaxProblems, documents } = portable;
  return analyzed(path, text, role, skipReason, { objects, syntaxProblems, documents }, sysctl);
}

/**
 * An analysis with what is derived from its text alone: the suppression comments (of a file that
 * is read) and the line index. Every analysis is made here, with its fields in one order: the
 * objects then share one hidden class (spreading them apart gave each file its own, 1 KB apiece).
 */
function analyzed(
  path: string,
  text: string,
  role: FileRole | undefined,
  skipReason: string | undefined,
  { objects, syntaxProblems, documents }: Manifests,
  sysctl: ParsedSysctl | undefined,
): AnalyzedFile {
  const suppressions = skipReason === undefined ? parseSuppressions(text) : NO_SUPPRESSIONS;
  return { path, text, role, skipReason, objects, sysctl, syntaxProblems, documents, suppressions, lineIndex: new LineIndex(text) };
}

/** Files larger than this (in bytes on disk, in UTF-16 code units in memory) are skipped: 10 MiB. */
export const MAX_FILE_SIZE = 10 * 1024 * 1024;

/** Why a text is not read whatever its name: too large, or binary. */
export function contentSkipReason(text: string): string | undefined {
  if (text.length > MAX_FILE_SIZE) return `larger than ${MAX_FILE_SIZE / 1024 / 1024} MiB (Connlint's limit per file)`;
  if (text.includes('\0')) return 'a binary file: it holds a NUL byte';
  return undefined;
}

/** Decides from its path alone whether a file can matter. */
export function fileRole(path: string, context: FileContext = {}): FileRole | undefined {
  if (context.role !== undefined) return context.role;
  const normalised = (context.location ?? path).replace(/\\/g, '/');
  const segments = normalised.split('/');
  const name = segments[segments.length - 1]!.toLowerCase();
  if (name === '.connlint.yaml') return undefined;
  if (/\.(ya?ml|json)$/.test(name)) return 'manifest';
  if (name === 'sysctl.conf') return 'sysctl';
  if (name.endsWith('.conf') && segments[segments.length - 2] === 'sysctl.d') return 'sysctl';
  return context.explicit ? 'sysctl' : undefined;
}

/** Parses one file into its part of the model: objects, sysctl assignments, syntax problems, suppressions. */
export function analyzeFile(path: string, text: string, context: FileContext = {}): AnalyzedFile {
  const role = fileRole(path, context);
  const skipReason = role === undefined ? undefined : (contentSkipReason(text) ?? templateReason(path, text, role, context));
  const read = skipReason === undefined ? role : undefined;
  const previous = context.previous?.path === path && context.previous.role === 'manifest' ? context.previous : undefined;
  // Offsets into the parsers' text are offsets into the text as the client counts it.
  const parsable = read === undefined ? text : parsableText(text);
  const manifests = read === 'manifest' ? readManifests(path, parsable, previous) : NO_MANIFESTS;
  return analyzed(path, text, read, skipReason, manifests, read === 'sysctl' ? parseSysctl(parsable.replace(/^\uFEFF/, ' ')) : undefined);
}

/** What a manifest file holds. */
interface Manifests {
  readonly objects: readonly K8sObject[];
  readonly syntaxProblems: readonly SyntaxProblem[];
  readonly documents: readonly ParsedDocument[];
}

const NO_MANIFESTS: Manifests = { objects: [], syntaxProblems: [], documents: [] };

function readManifests(path: string, text: string, previous: AnalyzedFile | undefined): Manifests {
  const objects: K8sObject[] = [];
  const syntaxProblems: SyntaxProblem[] = [];
  const documents: ParsedDocument[] = [];
  const reuse = previous === undefined ? undefined : new DocumentReuse(previous);
  for (const slice of splitDocuments(text)) {
    if (!mayMatter(text, slice)) continue;
    const [firstObject, firstProblem] = [objects.length, syntaxProblems.length];
    if (reuse?.take(text, slice, objects, syntaxProblems) !== true) {
      try {
        readDocument(path, text, slice, objects, syntaxProblems);
      } catch (error) {
        // The parser's limits (stack depth on pathological nesting, say) end this document only.
        const why = error instanceof RangeError ? 'it is nested too deeply' : (error as Error).message;
        syntaxProblems.push({ span: { start: slice.start, end: slice.start }, message: `This document could not be read: ${why}.` });
      }
    }
    documents.push({ start: slice.start, end: slice.end, firstObject, objectCount: objects.length - firstObject, firstProblem, problemCount: syntaxProblems.length - firstProblem });
  }
  return { objects, syntaxProblems, documents };
}

/** Parses one document whose kind may matter and adds its objects and YAML errors. */
function readDocument(path: string, text: string, slice: DocumentSlice, objects: K8sObject[], syntaxProblems: SyntaxProblem[]): void {
  const source = text.slice(slice.start, slice.end);
  const document = parseDocument(source, { prettyErrors: false, merge: true });
  const reader = new NodeReader(document, slice.start, source);
  const kind = reader.string(reader.get(document.contents, 'kind'));
  if (kind === undefined || !isModelledKind(kind)) return;
  const seen = new Set<string>();
  for (const error of document.errors) {
    const start = slice.start + error.pos[0];
    const problem = { span: { start, end: Math.max(start, slice.start + error.pos[1]) }, message: firstLine(error.message) };
    const key = `${problem.span.start}:${problem.span.end}:${problem.message}`;
    if (!seen.has(key)) syntaxProblems.push(problem);
    seen.add(key);
  }
  const origin = { file: path, fileText: text, documentIndex: slice.index };
  for (const object of extractObjects(reader, document.contents, origin, syntaxProblems)) objects.push(object);
}

/** Whether a document must be parsed: its kind is modelled, or can't be told without parsing. */
function mayMatter(text: string, slice: DocumentSlice): boolean {
  if (slice.kind === null) return false;
  if (slice.kind === undefined) return true;
  if (slice.kind === 'ConfigMap') {
    return (includesWithin(text, 'kube-proxy', slice) && includesWithin(text, 'config.conf', slice)) || PATH_CONFIG_MAPS.some((name) => includesWithin(text, name, slice));
  }
  return isModelledKind(slice.kind);
}

/** A kind the model reads, or a typed list of objects (`ServiceList`, as the API returns them). */
function isModelledKind(kind: string): boolean {
  return MODELLED_KINDS.has(kind) || (kind.endsWith('List') && MODELLED_KINDS.has(kind.slice(0, -4)));
}

function includesWithin(text: string, needle: string, slice: DocumentSlice): boolean {
  const at = text.indexOf(needle, slice.start);
  return at !== -1 && at < slice.end;
}

/** Templates are not configuration yet: Helm chart templates and Jinja/Go-templated files are skipped. */
function templateReason(path: string, text: string, role: FileRole, context: FileContext): string | undefined {
  if (role === 'manifest' && isInHelmTemplates(context.location ?? path, context)) return 'a Helm chart template (lint the rendered output: helm template … | connlint -)';
  if (text.includes('{{') || (role === 'sysctl' && text.includes('{%'))) return 'a template: it holds {{ … }} placeholders';
  return undefined;
}

function isInHelmTemplates(path: string, context: FileContext): boolean {
  if (context.fileExists === undefined) return false;
  const segments = path.replace(/\\/g, '/').split('/');
  for (let i = segments.length - 2; i >= 0; i--) {
    if (segments[i] === 'templates' && context.fileExists([...segments.slice(0, i), 'Chart.yaml'].join('/'))) return true;
  }
  return false;
}
