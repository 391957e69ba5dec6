import { DocumentReuse } from './analysisReuse';
import { extractObjects, firstLine, type SyntaxProblem } from './k8s/extract';
import { MODELLED_KINDS, type K8sObject } from './k8s/objects';
import { mayHoldPathTimers } from './k8s/pathObjects';
import { parseForAnalysis } from './k8s/unreadFields';
import { NO_SUPPRESSIONS, parseSuppressions, type Suppressions } from './suppressions';
import { parseSysctl, type ParsedSysctl } from './sysctl/parse';
import { LineIndex, indexWithin, parsableText, type Span } from './text';
import { splitDocuments, type DocumentSlice } from './yaml/documents';
import { firstGoTemplate, templateInStructure, templateInSysctl } from './yaml/templates';

/** How a file is read: as Kubernetes manifests, as a sysctl file, as a modules-load.d list, or not at all. */
export type FileRole = 'manifest' | 'sysctl' | 'modules-load';

/** How the analysis reads every file of a workspace. */
export interface AnalysisOptions {
  /**
   * YAML syntax errors are reported by another tool (an editor's YAML extension): the fields of
   * workloads that no rule reads are not parsed, and their YAML errors go unreported (see
   * parseForAnalysis). Without it, every document read is parsed whole.
   */
  readonly syntaxReportedElsewhere?: boolean;
}

/** What the analysis needs to know about a file beyond its path and text. */
export interface FileContext extends AnalysisOptions {
  /** Read the file in this role whatever its name (standard input, say). */
  readonly role?: FileRole;
  /** The file's real location, when its path in the workspace is only a display name (relative to a directory). */
  readonly location?: string;
  /** The file was named explicitly (on the command line): a file that is not YAML is read as sysctl. */
  readonly explicit?: boolean;
  /** Whether another file exists, to recognise Helm charts; without it only where template syntax stands tells. */
  readonly fileExists?: (path: string) => boolean;
  /** An earlier analysis of the same file (an editor's previous version): its unchanged documents are not parsed again. */
  readonly previous?: AnalyzedFile;
  /**
   * Leave the fields no rule reads unparsed, as with `syntaxReportedElsewhere`, for an editor's
   * first answer on a document: whether they hold YAML errors stays unknown until the file is read
   * whole (Workspace.readWhole), when edits pause.
   */
  readonly unreadFieldsLater?: boolean;
}

/** A document of a manifest file that was parsed: where it is, and which of the file's objects and syntax problems are its. */
export interface ParsedDocument {
  readonly start: number;
  readonly end: number;
  readonly firstObject: number;
  readonly objectCount: number;
  readonly firstProblem: number;
  readonly problemCount: number;
  /** Parsed with the fields no rule reads blanked (AnalysisOptions): whether they hold YAML errors is not known. */
  readonly blanked: boolean;
}

/** Why a document is a template: its syntax stands where YAML structure is, or it is part of a Helm chart's templates. */
export type TemplateCause = 'template' | 'helm-chart-template';

/** A document that is not read because it is a template (a sysctl template is one document). */
export interface SkippedDocument {
  readonly start: number;
  readonly end: number;
  /** 0-based position of the document in its file. */
  readonly index: number;
  /** The template syntax that decided it (for a Helm document that is not YAML on its own, the first YAML error). */
  readonly evidence: Span;
  readonly cause: TemplateCause;
}

/** Everything one file contributes to the workspace model. Pure: depends only on path, text and context. */
export interface AnalyzedFile {
  readonly path: string;
  readonly text: string;
  readonly role: FileRole | undefined;
  /** Why a file that looked relevant was not read at all (too large, binary). */
  readonly skipReason: string | undefined;
  readonly objects: readonly K8sObject[];
  readonly sysctl: ParsedSysctl | undefined;
  /** For a modules-load.d file: the kernel modules it loads at boot (`-` and `_` alike, as `_`). */
  readonly modules: readonly string[] | undefined;
  /** YAML errors of the documents that matter; sysctl problems live in `sysctl`. */
  readonly syntaxProblems: readonly SyntaxProblem[];
  /** The documents that were parsed, in order (the others' kinds do not matter). */
  readonly documents: readonly ParsedDocument[];
  /** The documents left unread as templates, in order. */
  readonly skippedDocuments: readonly SkippedDocument[];
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
  const { path, text, role, skipReason, objects, sysctl, modules, syntaxProblems, documents, skippedDocuments } = portable;
  return analyzed(path, text, role, skipReason, { objects, syntaxProblems, documents, skippedDocuments }, sysctl, modules);
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
  { objects, syntaxProblems, documents, skippedDocuments }: Manifests,
  sysctl: ParsedSysctl | undefined,
  modules: readonly string[] | undefined,
): AnalyzedFile {
  const suppressions = skipReason === undefined ? parseSuppressions(text) : NO_SUPPRESSIONS;
  return { path, text, role, skipReason, objects, sysctl, modules, syntaxProblems, documents, skippedDocuments, suppressions, lineIndex: new LineIndex(text) };
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
  if (/\.(ya?ml|json)$/.test(name) || segments[segments.length - 1] === 'Kustomization') return 'manifest';
  if (name === 'sysctl.conf') return 'sysctl';
  if (name.endsWith('.conf') && segments[segments.length - 2] === 'sysctl.d') return 'sysctl';
  if (name.endsWith('.conf') && segments[segments.length - 2] === 'modules-load.d') return 'modules-load';
  return context.explicit ? 'sysctl' : undefined;
}

/** Parses one file into its part of the model: objects, sysctl assignments, syntax problems, suppressions. */
export function analyzeFile(path: string, text: string, context: FileContext = {}): AnalyzedFile {
  const role = fileRole(path, context);
  const skipReason = role === undefined ? undefined : contentSkipReason(text);
  const read = skipReason === undefined ? role : undefined;
  if (read === 'sysctl') return analyzeSysctl(path, text);
  const previous = context.previous?.path === path && context.previous.role === 'manifest' ? context.previous : undefined;
  // Offsets into the parsers' text are offsets into the text as the client counts it.
  const parsable = read === undefined ? text : parsableText(text);
  const helmChart = read === 'manifest' && text.includes('{{') && isInHelmTemplates(context.location ?? path, context);
  const skipUnread = context.syntaxReportedElsewhere === true || context.unreadFieldsLater === true;
  const manifests = read === 'manifest' ? readManifests(path, parsable, previous, helmChart, skipUnread) : NO_MANIFESTS;
  return analyzed(path, text, read, skipReason, manifests, undefined, read === 'modules-load' ? parseModulesLoad(parsable) : undefined);
}

/** The modules a modules-load.d(5) file lists: one per line, `#` and `;` comment lines. */
export function parseModulesLoad(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#') && !line.startsWith(';'))
    .map((module) => module.replace(/-/g, '_'));
}

/** A sysctl file, read unless template syntax stands in its assignments (its comments do not count): a template is not read as sysctl. */
function analyzeSysctl(path: string, text: string): AnalyzedFile {
  const parsable = parsableText(text);
  const evidence = templateInSysctl(parsable);
  if (evidence === undefined) return analyzed(path, text, 'sysctl', undefined, NO_MANIFESTS, parseSysctl(parsable.replace(/^\uFEFF/, ' ')), undefined);
  const whole: SkippedDocument = { start: 0, end: text.length, index: 0, evidence, cause: 'template' };
  return analyzed(path, text, undefined, undefined, { ...NO_MANIFESTS, skippedDocuments: [whole] }, undefined, undefined);
}

/** What a manifest file holds. */
interface Manifests {
  readonly objects: readonly K8sObject[];
  readonly syntaxProblems: readonly SyntaxProblem[];
  readonly documents: readonly ParsedDocument[];
  readonly skippedDocuments: readonly SkippedDocument[];
}

const NO_MANIFESTS: Manifests = { objects: [], syntaxProblems: [], documents: [], skippedDocuments: [] };

/**
 * Reads the documents that may matter, each on its own: a document is left unread as a template
 * when template syntax stands where its structure is (templateInStructure), or, in a Helm chart's
 * templates, when it holds `{{` at all or is not YAML on its own (Helm renders every `{{`, in
 * strings and comments too, and its blocks span documents).
 */
function readManifests(path: string, text: string, previous: AnalyzedFile | undefined, helmChart: boolean, skipUnread: boolean): Manifests {
  const objects: K8sObject[] = [];
  const syntaxProblems: SyntaxProblem[] = [];
  const documents: ParsedDocument[] = [];
  const skippedDocuments: SkippedDocument[] = [];
  const reuse = previous === undefined ? undefined : new DocumentReuse(previous, skipUnread);
  for (const slice of splitDocuments(text)) {
    const template = templateDocument(path, text, slice, helmChart);
    if (template !== undefined) skippedDocuments.push(template);
    if (template !== undefined || !mayMatter(path, text, slice)) continue;
    const [firstObject, firstProblem] = [objects.length, syntaxProblems.length];
    const earlier = reuse?.take(text, slice, objects, syntaxProblems);
    let blanked = earlier?.blanked ?? false;
    if (earlier === undefined) {
      try {
        blanked = readDocument(path, text, slice, skipUnread, objects, syntaxProblems);
      } catch (error) {
        // The parser's limits (stack depth on pathological nesting, say) end this document only.
        const why = error instanceof RangeError ? 'it is nested too deeply' : (error as Error).message;
        syntaxProblems.push({ span: { start: slice.start, end: slice.start }, message: `This document could not be read: ${why}.` });
      }
    }
    if (helmChart && syntaxProblems.length > firstProblem) {
      skippedDocuments.push({ start: slice.start, end: slice.end, index: slice.index, evidence: syntaxProblems[firstProblem]!.span, cause: 'helm-chart-template' });
      objects.length = firstObject;
      syntaxProblems.length = firstProblem;
      continue;
    }
    documents.push({ start: slice.start, end: slice.end, firstObject, objectCount: objects.length - firstObject, firstProblem, problemCount: syntaxProblems.length - firstProblem, blanked });
  }
  return { objects, syntaxProblems, documents, skippedDocuments };
}

/** The document as a template left unread, or undefined when it is read (see readManifests). */
function templateDocument(path: string, text: string, slice: DocumentSlice, helmChart: boolean): SkippedDocument | undefined {
  const place = { start: slice.start, end: slice.end, index: slice.index };
  if (helmChart) {
    const evidence = firstGoTemplate(text, slice);
    return evidence === undefined ? undefined : { ...place, evidence, cause: 'helm-chart-template' };
  }
  // A document without a kind can still be a template that makes one (`{{ include "service" . }}`).
  if (slice.kind !== null && !mayMatter(path, text, slice)) return undefined;
  const evidence = templateInStructure(text, slice);
  return evidence === undefined ? undefined : { ...place, evidence, cause: 'template' };
}

/** Parses one document whose kind may matter and adds its objects and YAML errors; true when its unread fields were blanked. */
function readDocument(path: string, text: string, slice: DocumentSlice, skipUnread: boolean, objects: K8sObject[], syntaxProblems: SyntaxProblem[]): boolean {
  const { document, reader, blanked } = parseForAnalysis(text, slice, skipUnread ? slice.kind : undefined);
  const kind = reader.string(reader.get(document.contents, 'kind'));
  const origin = { file: path, fileText: text, documentIndex: slice.index };
  // A Helm values file has no kind; its YAML errors are the chart's business.
  if (kind === undefined && isHelmValuesFile(path)) for (const object of extractObjects(reader, document.contents, origin, [])) objects.push(object);
  if (kind === undefined || !isModelledKind(kind)) return blanked;
  const seen = new Set<string>();
  for (const error of document.errors) {
    const start = slice.start + error.pos[0];
    const problem = { span: { start, end: Math.max(start, slice.start + error.pos[1]) }, message: firstLine(error.message) };
    const key = `${problem.span.start}:${problem.span.end}:${problem.message}`;
    if (!seen.has(key)) syntaxProblems.push(problem);
    seen.add(key);
  }
  for (const object of extractObjects(reader, document.contents, origin, syntaxProblems)) objects.push(object);
  return blanked;
}

/** Whether a document must be parsed: its kind is modelled, or can't be told without parsing. */
function mayMatter(path: string, text: string, slice: DocumentSlice): boolean {
  if (slice.kind === null) return isHelmValuesFile(path) && (includesWithin(text, 'kubeProxyReplacement', slice) || includesWithin(text, 'socketLB', slice));
  if (slice.kind === undefined) return true;
  // A ConfigMap matters only when one of its values is kube-proxy's configuration, or when it holds Cilium's or Istio's configuration.
  if (slice.kind === 'ConfigMap') return includesWithin(text, 'KubeProxyConfiguration', slice) || mayHoldPathTimers(text.slice(slice.start, slice.end));
  return isModelledKind(slice.kind);
}

/** A Helm values file (`values.yaml`, `values-prod.yaml`), read for a data plane's settings. */
function isHelmValuesFile(path: string): boolean {
  return /(^|[\\/])values[^\\/]*\.ya?ml$/i.test(path);
}

/** A kind the model reads, or a typed list of objects (`ServiceList`, as the API returns them). */
function isModelledKind(kind: string): boolean {
  return MODELLED_KINDS.has(kind) || (kind.endsWith('List') && MODELLED_KINDS.has(kind.slice(0, -4)));
}

function includesWithin(text: string, needle: string, slice: DocumentSlice): boolean {
  return indexWithin(text, needle, slice.start, slice.end) !== -1;
}

/** Whether the file is in the `templates` directory (or below it) of a Helm chart: a directory with a Chart.yaml. */
function isInHelmTemplates(path: string, context: FileContext): boolean {
  if (context.fileExists === undefined) return false;
  const segments = path.replace(/\\/g, '/').split('/');
  for (let i = segments.length - 2; i >= 0; i--) {
    if (segments[i] === 'templates' && context.fileExists([...segments.slice(0, i), 'Chart.yaml'].join('/'))) return true;
  }
  return false;
}
