import { parseDocument } from 'yaml';
import type { AnalyzedFile } from '../analyze';
import type { K8sObject } from '../k8s/objects';
import { pushTo, someIn } from '../collections';
import { NodeReader } from '../yaml/nodes';
import { readJson6902, type PatchOperation } from './json6902';
import { deletionsIn, KUSTOMIZATION_FILE_NAMES, readKustomization, type Kustomization, type PatchContent, type PatchEntry, type SkippedInput } from './kustomization';
import { joinPath } from './paths';
import { mergePatch } from './strategicMerge';
import { addLabels, applyOperations, mapObjects, patchMatches, rename, setNamespace, setReplicas, targetMatches, type EmittedObject } from './transform';

/** One kustomization that no other kustomization uses, and the objects it emits. */
export interface KustomizeBuild {
  /** Its directory, as messages name it: `overlays/prod`. */
  readonly name: string;
  readonly kustomization: string;
  /** The objects as the build emits them; each keeps the file and spans it was read from. */
  readonly objects: readonly K8sObject[];
  /** What the build uses that Connlint does not read (remote resources, generators, missing files). */
  readonly skipped: readonly SkippedInput[];
  /** Every path the build read or looked for, through its bases and components too. */
  readonly inputs: ReadonlySet<string>;
}

/** Every build of a workspace, and which files they read. */
export interface KustomizeLayout {
  readonly builds: readonly KustomizeBuild[];
  /** Files read by a build (resources, patches, kustomizations): the builds emit their objects. */
  readonly claimedFiles: ReadonlySet<string>;
  /** Files read only as patches: they define no object at all. */
  readonly patchOnlyFiles: ReadonlySet<string>;
  /** Files read as patches (some of them resources too). */
  readonly patchFiles: ReadonlySet<string>;
  /** Every path a build read or looked for: a change to one of them changes the builds. */
  readonly inputs: ReadonlySet<string>;
  /** The build an emitted object belongs to. */
  buildOf(object: K8sObject): KustomizeBuild | undefined;
  /** The builds that read or looked for a path. */
  buildsReading(path: string): readonly KustomizeBuild[];
}

/**
 * A layout computed before, and the files whose text changed since: no file a build reads or
 * looks for appeared or disappeared, and no kustomization changed.
 */
export interface LayoutChange {
  readonly layout: KustomizeLayout;
  readonly changed: ReadonlySet<string>;
}

/** How a build reaches the workspace's analysed files. */
type FileLookup = (path: string) => AnalyzedFile | undefined;

/**
 * Evaluates every build of the workspace as kustomize would emit it, for the fields Connlint
 * reads: resources and components (local files and directories), patches, namespace, name
 * prefixes and suffixes (and the autoscaler references they rename), labels and replicas. After a
 * change of text only (`since`), only the builds that read a changed file are evaluated again: the
 * others, their objects included, are the previous layout's.
 */
export function kustomizeLayout(kustomizationPaths: Iterable<string>, fileAt: FileLookup, directoryName: (directory: string) => string, since?: LayoutChange): KustomizeLayout {
  const evaluator = new BuildEvaluator(kustomizationPaths, fileAt);
  const previous = since?.layout instanceof Layout ? since.layout : undefined;
  const kept = new Map(previous?.builds.map((build) => [build.kustomization, build]));
  const changed = since?.changed ?? new Set<string>();
  const builds: KustomizeBuild[] = [];
  const owners = previous?.owners ?? new WeakMap<K8sObject, KustomizeBuild>();
  for (const kustomization of evaluator.roots()) {
    // After a change of text, which files each build reads is the same: an unused component emits
    // nothing, and a build that read no changed file emits what it did.
    if (previous !== undefined && kustomization.component) continue;
    const build = kept.get(kustomization.file);
    if (build !== undefined && !someIn(changed, build.inputs)) {
      builds.push(build);
      continue;
    }
    const trace: Trace = { skipped: new Set(), inputs: new Set() };
    const emitted = evaluator.evaluate(kustomization, [], [], trace);
    // A component nothing uses is an optional variant: its files belong to no build, nor to the rest.
    if (kustomization.component) continue;
    const objects = emitted.map((item) => ({ ...item.object }));
    const evaluated = { name: directoryName(kustomization.directory), kustomization: kustomization.file, objects, skipped: [...trace.skipped], inputs: trace.inputs };
    for (const object of objects) owners.set(object, evaluated);
    builds.push(evaluated);
  }
  if (previous !== undefined) return new Layout(builds, previous, owners);
  const patchOnlyFiles = new Set([...evaluator.patches].filter((path) => !evaluator.resources.has(path)));
  return new Layout(builds, { claimedFiles: evaluator.claimed, patchOnlyFiles, patchFiles: evaluator.patches, inputs: evaluator.inputs }, owners);
}

type FileSets = Pick<KustomizeLayout, 'claimedFiles' | 'patchOnlyFiles' | 'patchFiles' | 'inputs'>;

class Layout implements KustomizeLayout {
  readonly claimedFiles: ReadonlySet<string>;
  readonly patchOnlyFiles: ReadonlySet<string>;
  readonly patchFiles: ReadonlySet<string>;
  readonly inputs: ReadonlySet<string>;
  private readers: Map<string, KustomizeBuild[]> | undefined;

  constructor(
    readonly builds: readonly KustomizeBuild[],
    files: FileSets,
    /** Shared with the layouts evaluated from this one: a build kept keeps its objects' entries. */
    readonly owners: WeakMap<K8sObject, KustomizeBuild>,
  ) {
    ({ claimedFiles: this.claimedFiles, patchOnlyFiles: this.patchOnlyFiles, patchFiles: this.patchFiles, inputs: this.inputs } = files);
  }

  buildOf(object: K8sObject): KustomizeBuild | undefined {
    return this.owners.get(object);
  }

  buildsReading(path: string): readonly KustomizeBuild[] {
    if (this.readers === undefined) {
      this.readers = new Map();
      for (const build of this.builds) for (const input of build.inputs) pushTo(this.readers, input, build);
    }
    return this.readers.get(path) ?? [];
  }
}

/** What one evaluation read or looked for, and what it uses that Connlint does not read. */
interface Trace {
  readonly skipped: Set<SkippedInput>;
  readonly inputs: Set<string>;
}

class BuildEvaluator {
  readonly claimed = new Set<string>();
  readonly resources = new Set<string>();
  readonly patches = new Set<string>();
  readonly inputs = new Set<string>();
  private readonly byDirectory = new Map<string, Kustomization>();
  /** Each resource directory's output, evaluated once however many builds share it. */
  private readonly outputs = new Map<string, { objects: EmittedObject[]; trace: Trace }>();

  constructor(
    paths: Iterable<string>,
    private readonly fileAt: FileLookup,
  ) {
    const sorted = [...paths].sort((a, b) => rank(a) - rank(b));
    for (const path of sorted) {
      const file = fileAt(path);
      if (file === undefined) continue;
      const kustomization = readKustomization(file);
      if (!this.byDirectory.has(kustomization.directory)) this.byDirectory.set(kustomization.directory, kustomization);
      this.inputs.add(path);
      this.claimed.add(path);
    }
  }

  /** Kustomizations that no other one uses as a resource or component, in path order (unused components too). */
  roots(): Kustomization[] {
    const used = new Set<string>();
    for (const kustomization of this.byDirectory.values()) {
      for (const reference of [...kustomization.resources, ...kustomization.components]) {
        const isOther = reference.path !== kustomization.directory;
        if (isOther && this.fileAt(reference.path) === undefined && this.byDirectory.has(reference.path)) used.add(reference.path);
      }
    }
    return [...this.byDirectory.values()].filter((kustomization) => !used.has(kustomization.directory)).sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  }

  /** A kustomization's output over `input` (what its parent accumulated, for a component). */
  evaluate(kustomization: Kustomization, input: readonly EmittedObject[], stack: readonly string[], trace: Trace): EmittedObject[] {
    trace.inputs.add(kustomization.file);
    if (stack.includes(kustomization.directory)) {
      trace.skipped.add({ file: kustomization.file, span: { start: 0, end: 0 }, reason: 'it is part of a cycle of kustomizations' });
      return [...input];
    }
    const inner = [...stack, kustomization.directory];
    for (const input of kustomization.skipped) trace.skipped.add(input);
    let objects = [...input];
    // A resource listed twice (kustomize refuses it) is read once.
    const read = new Set(objects);
    for (const reference of kustomization.resources) {
      for (const item of this.resource(reference, inner, trace)) if (!read.has(item)) objects.push(item), read.add(item);
    }
    for (const reference of kustomization.components) {
      const component = this.directory(reference.path, trace);
      if (component === undefined) trace.skipped.add({ file: kustomization.file, span: reference.span, reason: `the component ${reference.written} is not in the workspace` });
      else objects = this.evaluate(component, objects, inner, trace);
    }
    return this.transform(kustomization, objects, trace);
  }

  private resource(reference: { path: string; written: string; span: { start: number; end: number } }, stack: readonly string[], trace: Trace): EmittedObject[] {
    this.look(reference.path, trace);
    const file = this.fileAt(reference.path);
    if (file !== undefined) {
      this.claimed.add(file.path);
      this.resources.add(file.path);
      return file.objects.map((object) => ({ object, names: object.name === undefined ? [] : [object.name] }));
    }
    const kustomization = this.directory(reference.path, trace);
    if (kustomization !== undefined) {
      if (stack.includes(kustomization.directory)) return this.evaluate(kustomization, [], stack, trace);
      let output = this.outputs.get(kustomization.directory);
      if (output === undefined) {
        const own: Trace = { skipped: new Set(), inputs: new Set() };
        output = { objects: this.evaluate(kustomization, [], stack, own), trace: own };
        this.outputs.set(kustomization.directory, output);
      }
      // A base's output is shared by the builds that use it, and so is what it read.
      for (const input of output.trace.skipped) trace.skipped.add(input);
      for (const path of output.trace.inputs) trace.inputs.add(path);
      return output.objects;
    }
    const owner = stack[stack.length - 1];
    trace.skipped.add({ file: this.byDirectory.get(owner ?? '')?.file ?? reference.path, span: reference.span, reason: `the resource ${reference.written} is not in the workspace` });
    return [];
  }

  private directory(path: string, trace: Trace): Kustomization | undefined {
    for (const name of KUSTOMIZATION_FILE_NAMES) this.look(joinPath(path, name), trace);
    return this.byDirectory.get(path);
  }

  /** Notes a path read or looked for: a change to it changes the build. */
  private look(path: string, trace: Trace): void {
    this.inputs.add(path);
    trace.inputs.add(path);
  }

  /** The kustomization's own transformers, in kustomize's order. */
  private transform(kustomization: Kustomization, input: EmittedObject[], trace: Trace): EmittedObject[] {
    let objects = input;
    for (const patch of kustomization.patches) if (!patch.late) objects = this.patch(objects, patch, kustomization, trace);
    if (kustomization.namespace !== undefined) objects = mapObjects(objects, (object) => setNamespace(object, kustomization.namespace!));
    if (kustomization.namePrefix !== '' || kustomization.nameSuffix !== '') objects = rename(objects, kustomization.namePrefix, kustomization.nameSuffix);
    for (const entry of kustomization.labels) objects = mapObjects(objects, (object) => addLabels(object, entry));
    for (const patch of kustomization.patches) if (patch.late) objects = this.patch(objects, patch, kustomization, trace);
    for (const entry of kustomization.replicas) objects = objects.map((item) => ({ object: setReplicas(item, entry), names: item.names }));
    return objects;
  }

  private patch(objects: EmittedObject[], patch: PatchEntry, kustomization: Kustomization, trace: Trace): EmittedObject[] {
    const content = this.patchContent(patch, trace);
    if (content === undefined) {
      trace.skipped.add({ file: kustomization.file, span: patch.file?.span ?? patch.span, reason: `the patch ${patch.file?.written ?? ''} is not in the workspace` });
      return objects;
    }
    return objects.flatMap((item) => {
      let object = item.object;
      if (content.operations.length > 0 && patch.target !== undefined && targetMatches(item, patch.target)) object = applyOperations(object, content.operations);
      for (const patchObject of content.objects) {
        const applies = patch.target !== undefined ? targetMatches(item, patch.target) : patchMatches(item, patchObject.kind, patchObject.name);
        if (applies && content.deletions.includes(patchObject)) return [];
        if (applies) object = mergePatch(object, patchObject);
      }
      return [object === item.object ? item : { object, names: item.names }];
    });
  }

  private patchContent(patch: PatchEntry, trace: Trace): PatchContent | undefined {
    if (patch.file === undefined) return patch;
    this.look(patch.file.path, trace);
    const file = this.fileAt(patch.file.path);
    if (file === undefined) return undefined;
    this.claimed.add(file.path);
    this.patches.add(file.path);
    if (file.objects.length > 0) return { objects: file.objects, operations: [], deletions: deletionsIn(file) };
    return { objects: [], operations: operationsOf(file), deletions: [] };
  }
}

/** A kustomization file's preference when a directory holds several: kustomize's order of names. */
function rank(path: string): number {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return (KUSTOMIZATION_FILE_NAMES as readonly string[]).indexOf(name);
}

function operationsOf(file: AnalyzedFile): PatchOperation[] {
  try {
    const document = parseDocument(file.text, { prettyErrors: false });
    return readJson6902(new NodeReader(document, 0, file.text), document.contents, file.path);
  } catch {
    return [];
  }
}
