import { isMap, parseAllDocuments, parseDocument, type Scalar } from 'yaml';
import type { AnalyzedFile } from '../analyze';
import { extractObjects } from '../k8s/extract';
import type { K8sObject } from '../k8s/objects';
import { perAnalysis } from '../perAnalysis';
import type { Span } from '../text';
import { EmbeddedNodeReader, embeddedText } from '../yaml/embedded';
import { NodeReader, type YamlNode } from '../yaml/nodes';
import { readJson6902, type PatchOperation } from './json6902';
import { directoryOf, joinPath } from './paths';

/** The file names kustomize looks for in a directory, in its order. */
export const KUSTOMIZATION_FILE_NAMES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'] as const;

/** Whether a workspace path names a kustomization file. */
export function isKustomizationPath(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return (KUSTOMIZATION_FILE_NAMES as readonly string[]).includes(name);
}

/** A path a kustomization lists (`resources`, `components`, a patch's `path`), resolved against its directory. */
export interface PathReference {
  readonly path: string;
  readonly written: string;
  readonly span: Span;
}

/** Which objects a patch applies to (`patches[].target`). */
export interface PatchTarget {
  readonly kind?: string;
  /** A regular expression, anchored as kustomize anchors it (as is `namespace`). */
  readonly name?: string;
  readonly namespace?: string;
  readonly labelSelector?: ReadonlyMap<string, string>;
}

/** A patch: a strategic-merge patch's objects, or JSON 6902 operations; from a file or written inline. */
export interface PatchEntry {
  readonly span: Span;
  readonly target: PatchTarget | undefined;
  /** The file holding the patch, when it is not inline (resolved by the build). */
  readonly file: PathReference | undefined;
  /** An inline strategic-merge patch's objects, with spans in the kustomization. */
  readonly objects: readonly K8sObject[];
  /** An inline JSON 6902 patch's operations. */
  readonly operations: readonly PatchOperation[];
  /** Those of `objects` that delete what they patch (`$patch: delete` at their root). */
  readonly deletions: readonly K8sObject[];
  /** `patchesJson6902`: applied after names and labels, where kustomize applies it. */
  readonly late: boolean;
}

/** Labels a kustomization adds: `commonLabels` (selectors too) or one `labels` entry. */
export interface LabelEntry {
  readonly pairs: ReadonlyMap<string, string>;
  readonly selectors: boolean;
  readonly templates: boolean;
}

/** One `replicas` entry. */
export interface ReplicaEntry {
  readonly name: string;
  readonly count: number;
  readonly file: string;
  readonly span: Span;
}

/** A field of the kustomization that Connlint does not follow, and why. */
export interface SkippedInput {
  readonly file: string;
  readonly span: Span;
  readonly reason: string;
}

/** The fields of a kustomization that change what Connlint reasons about. */
export interface Kustomization {
  readonly file: string;
  readonly directory: string;
  /** `kind: Component`: applied by the kustomizations that list it, never built alone. */
  readonly component: boolean;
  readonly resources: readonly PathReference[];
  readonly components: readonly PathReference[];
  readonly namespace: string | undefined;
  readonly namePrefix: string;
  readonly nameSuffix: string;
  readonly labels: readonly LabelEntry[];
  readonly replicas: readonly ReplicaEntry[];
  readonly patches: readonly PatchEntry[];
  readonly skipped: readonly SkippedInput[];
}

const SKIPPED_FIELDS: Readonly<Record<string, string>> = {
  configMapGenerator: 'generators are not run',
  secretGenerator: 'generators are not run',
  generators: 'generator plugins are not run',
  transformers: 'transformer plugins are not run',
  validators: 'validator plugins are not run',
  helmCharts: 'Helm charts are not inflated',
  helmChartInflationGenerator: 'Helm charts are not inflated',
  replacements: 'replacements are not applied',
  vars: 'vars are not substituted',
};

/**
 * Reads a kustomization file's text, once per analysis (the builds are evaluated again after an
 * edit of any file they read); a malformed field is left out, never thrown on.
 */
export const readKustomization = perAnalysis(parseKustomization);

function parseKustomization(file: AnalyzedFile): Kustomization {
  const directory = directoryOf(file.path);
  let document;
  try {
    document = parseDocument(file.text, { prettyErrors: false, merge: true });
  } catch {
    return emptyKustomization(file.path, directory);
  }
  const reader = new NodeReader(document, 0, file.text);
  const root = document.contents;
  const skipped: SkippedInput[] = [];
  const references = (field: string) => pathReferences(reader, root, field, directory, file.path, skipped);
  return {
    file: file.path,
    directory,
    component: reader.string(reader.get(root, 'kind')) === 'Component',
    resources: [...references('resources'), ...references('bases')],
    components: references('components'),
    namespace: reader.string(reader.get(root, 'namespace')) || undefined,
    namePrefix: reader.string(reader.get(root, 'namePrefix')) ?? '',
    nameSuffix: reader.string(reader.get(root, 'nameSuffix')) ?? '',
    labels: labelEntries(reader, root),
    replicas: replicaEntries(reader, root, file.path),
    patches: patchEntries(reader, root, file, directory),
    skipped: [...skipped, ...skippedFields(reader, root, file.path)],
  };
}

function emptyKustomization(file: string, directory: string): Kustomization {
  return { file, directory, component: false, resources: [], components: [], namespace: undefined, namePrefix: '', nameSuffix: '', labels: [], replicas: [], patches: [], skipped: [] };
}

function pathReferences(reader: NodeReader, root: unknown, field: string, directory: string, file: string, skipped: SkippedInput[]): PathReference[] {
  const references: PathReference[] = [];
  for (const item of reader.items(reader.get(root, field))) {
    const written = reader.string(item);
    const span = reader.span(item);
    if (written === undefined || span === undefined) continue;
    if (isRemote(written)) skipped.push({ file, span, reason: `the remote ${field === 'components' ? 'component' : 'resource'} ${written} is not fetched` });
    else references.push({ path: joinPath(directory, written), written, span });
  }
  return references;
}

/** A URL or a go-getter address (`github.com/org/repo//dir?ref=v1`): what kustomize fetches. */
function isRemote(written: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(written) || /^(git@|github\.com\/|gitlab\.com\/|bitbucket\.org\/)/.test(written) || written.includes('?ref=');
}

function labelEntries(reader: NodeReader, root: unknown): LabelEntry[] {
  const entries: LabelEntry[] = [];
  const common = reader.stringMap(reader.get(root, 'commonLabels'));
  if (common.size > 0) entries.push({ pairs: common, selectors: true, templates: true });
  for (const item of reader.items(reader.get(root, 'labels'))) {
    const pairs = reader.stringMap(reader.get(item, 'pairs'));
    const selectors = reader.string(reader.get(item, 'includeSelectors')) === 'true';
    const templates = selectors || reader.string(reader.get(item, 'includeTemplates')) === 'true';
    if (pairs.size > 0) entries.push({ pairs, selectors, templates });
  }
  return entries;
}

function replicaEntries(reader: NodeReader, root: unknown, file: string): ReplicaEntry[] {
  return reader.items(reader.get(root, 'replicas')).flatMap((item) => {
    const name = reader.string(reader.get(item, 'name'));
    const countNode = reader.get(item, 'count');
    const count = reader.int32(countNode);
    const span = reader.span(countNode);
    return name === undefined || count === undefined || span === undefined ? [] : [{ name, count, file, span }];
  });
}

function patchEntries(reader: NodeReader, root: unknown, file: AnalyzedFile, directory: string): PatchEntry[] {
  const entries: PatchEntry[] = [];
  const add = (item: YamlNode, late: boolean, target: PatchTarget | undefined, pathNode: unknown, inlineNode: unknown) => {
    const span = reader.span(item);
    if (span === undefined) return;
    const written = reader.string(pathNode);
    const pathSpan = reader.span(pathNode);
    const reference = written === undefined || pathSpan === undefined ? undefined : { path: joinPath(directory, written), written, span: pathSpan };
    const inline = reference === undefined ? inlinePatch(reader, inlineNode, file) : NO_INLINE;
    if (reference === undefined && inline.objects.length === 0 && inline.operations.length === 0) return;
    entries.push({ span, target, file: reference, objects: inline.objects, operations: inline.operations, deletions: inline.deletions, late });
  };
  for (const item of reader.items(reader.get(root, 'patchesStrategicMerge'))) {
    if (reader.string(item)?.includes('\n')) add(item, false, undefined, undefined, item);
    else add(item, false, undefined, item, undefined);
  }
  for (const item of reader.items(reader.get(root, 'patches'))) {
    add(item, false, patchTarget(reader, reader.get(item, 'target')), reader.get(item, 'path'), reader.get(item, 'patch'));
  }
  for (const item of reader.items(reader.get(root, 'patchesJson6902'))) {
    add(item, true, patchTarget(reader, reader.get(item, 'target')), reader.get(item, 'path'), reader.get(item, 'patch'));
  }
  return entries;
}

/** What a patch holds: strategic-merge objects (some deleting their target), or JSON 6902 operations. */
export interface PatchContent {
  readonly objects: readonly K8sObject[];
  readonly operations: readonly PatchOperation[];
  readonly deletions: readonly K8sObject[];
}

const NO_INLINE: PatchContent = { objects: [], operations: [], deletions: [] };

/**
 * The objects of a strategic-merge patch file that delete what they patch: the documents whose
 * root holds `$patch: delete` (kustomize removes the matching object from the build). Read once
 * per analysis of the file: every build that uses the patch asks again.
 */
export const deletionsIn = perAnalysis((file): readonly K8sObject[] => readDeletions(file.text, file.objects));

function readDeletions(text: string, objects: readonly K8sObject[]): readonly K8sObject[] {
  if (!text.includes('$patch')) return [];
  const deleting = new Set<number>();
  parseAllDocuments(text, { prettyErrors: false }).forEach((document, index) => {
    if (isDeletion(document.contents)) deleting.add(index);
  });
  return objects.filter((object) => object.itemIndex === undefined && deleting.has(object.documentIndex));
}

function isDeletion(root: unknown): boolean {
  return isMap(root) && root.get('$patch') === 'delete';
}

/** An inline patch (a string holding YAML): its objects, or its JSON 6902 operations. */
function inlinePatch(reader: NodeReader, node: unknown, file: AnalyzedFile): PatchContent {
  const scalar = reader.scalar(node);
  const embedded = scalar && embeddedText(scalar as Scalar, file.text, reader.offset);
  if (embedded === undefined) return NO_INLINE;
  const document = parseDocument(embedded.text, { prettyErrors: false, merge: true });
  const embeddedReader = new EmbeddedNodeReader(document, embedded);
  const operations = readJson6902(embeddedReader, document.contents, file.path);
  if (operations.length > 0) return { objects: [], operations, deletions: [] };
  const objects = extractObjects(embeddedReader, document.contents, { file: file.path, fileText: file.text, documentIndex: 0 }, []);
  return { objects, operations: [], deletions: isDeletion(document.contents) ? objects : [] };
}

function patchTarget(reader: NodeReader, node: unknown): PatchTarget | undefined {
  if (reader.map(node) === undefined) return undefined;
  const text = (key: string) => reader.string(reader.get(node, key));
  const selector = text('labelSelector');
  return { kind: text('kind'), name: text('name'), namespace: text('namespace'), labelSelector: selector === undefined ? undefined : parseLabelSelector(selector) };
}

/** An equality-based label selector (`app=web,tier=front`); other forms select nothing Connlint can tell. */
function parseLabelSelector(selector: string): Map<string, string> {
  const pairs = new Map<string, string>();
  for (const term of selector.split(',')) {
    const match = /^\s*([^=!\s]+)\s*==?\s*(\S*)\s*$/.exec(term);
    if (match !== null) pairs.set(match[1]!, match[2]!);
    else if (term.trim() !== '') pairs.set(`\u0000${term.trim()}`, '\u0000');
  }
  return pairs;
}

function skippedFields(reader: NodeReader, root: unknown, file: string): SkippedInput[] {
  return Object.entries(SKIPPED_FIELDS).flatMap(([field, reason]) => {
    const key = reader.keyNode(reader.map(root), field);
    const span = reader.span(key);
    return key === undefined || span === undefined ? [] : [{ file, span, reason: `${field}: ${reason}` }];
  });
}
