import { parseDocument } from 'yaml';
import type { AnalyzedFile } from '../analyze';
import type { K8sObject } from '../k8s/objects';
import { NodeReader } from '../yaml/nodes';
import { readJson6902, type PatchOperation } from './json6902';
import { deletionsIn, KUSTOMIZATION_FILE_NAMES, readKustomization, type Kustomization, type PatchContent, type PatchEntry, type SkippedInput } from './kustomization';
import { joinPath } from './paths';
import { mergePatch } from './strategicMerge';
import { addLabels, applyOperations, patchMatches, setNamespace, setReplicas, targetMatches, type EmittedObject } from './transform';

/** One kustomization that no other kustomization uses, and the objects it emits. */
export interface KustomizeBuild {
  /** Its directory, as messages name it: `overlays/prod`. */
  readonly name: string;
  readonly kustomization: string;
  /** The objects as the build emits them; each keeps the file and spans it was read from. */
  readonly objects: readonly K8sObject[];
  /** What the build uses that Connlint does not read (remote resources, generators, missing files). */
  readonly skipped: readonly SkippedInput[];
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
}

/** How a build reaches the workspace's analysed files. */
type FileLookup = (path: string) => AnalyzedFile | undefined;

/**
 * Evaluates every build of the workspace as kustomize would emit it, for the fields Connlint
 * reads: resources and components (local files and directories), patches, namespace, name
 * prefixes and suffixes (and the autoscaler references they rename), labels and replicas.
 */
export function kustomizeLayout(kustomizationPaths: Iterable<string>, fileAt: FileLookup, directoryName: (directory: string) => string): KustomizeLayout {
  const evaluator = new BuildEvaluator(kustomizationPaths, fileAt);
  const builds: KustomizeBuild[] = [];
  const owners = new WeakMap<K8sObject, KustomizeBuild>();
  for (const kustomization of evaluator.roots()) {
    const skipped = new Set<SkippedInput>();
    const emitted = evaluator.evaluate(kustomization, [], [], skipped);
    // A component nothing uses is an optional variant: its files belong to no build, nor to the rest.
    if (kustomization.component) continue;
    const objects = emitted.map((item) => ({ ...item.object }));
    const build = { name: directoryName(kustomization.directory), kustomization: kustomization.file, objects, skipped: [...skipped] };
    for (const object of objects) owners.set(object, build);
    builds.push(build);
  }
  const patchOnlyFiles = new Set([...evaluator.patches].filter((path) => !evaluator.resources.has(path)));
  return { builds, claimedFiles: evaluator.claimed, patchOnlyFiles, patchFiles: evaluator.patches, inputs: evaluator.inputs, buildOf: (object) => owners.get(object) };
}

class BuildEvaluator {
  readonly claimed = new Set<string>();
  readonly resources = new Set<string>();
  readonly patches = new Set<string>();
  readonly inputs = new Set<string>();
  private readonly byDirectory = new Map<string, Kustomization>();
  /** Each resource directory's output, evaluated once however many builds share it. */
  private readonly outputs = new Map<string, { objects: EmittedObject[]; skipped: Set<SkippedInput> }>();

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
  evaluate(kustomization: Kustomization, input: readonly EmittedObject[], stack: readonly string[], skipped: Set<SkippedInput>): EmittedObject[] {
    if (stack.includes(kustomization.directory)) {
      skipped.add({ file: kustomization.file, span: { start: 0, end: 0 }, reason: 'it is part of a cycle of kustomizations' });
      return [...input];
    }
    const inner = [...stack, kustomization.directory];
    for (const input of kustomization.skipped) skipped.add(input);
    let objects = [...input];
    // A resource listed twice (kustomize refuses it) is read once.
    const read = new Set(objects);
    for (const reference of kustomization.resources) {
      for (const item of this.resource(reference, inner, skipped)) if (!read.has(item)) objects.push(item), read.add(item);
    }
    for (const reference of kustomization.components) {
      const component = this.directory(reference.path);
      if (component === undefined) skipped.add({ file: kustomization.file, span: reference.span, reason: `the component ${reference.written} is not in the workspace` });
      else objects = this.evaluate(component, objects, inner, skipped);
    }
    return this.transform(kustomization, objects, skipped);
  }

  private resource(reference: { path: string; written: string; span: { start: number; end: number } }, stack: readonly string[], skipped: Set<SkippedInput>): EmittedObject[] {
    this.inputs.add(reference.path);
    const file = this.fileAt(reference.path);
    if (file !== undefined) {
      this.claimed.add(file.path);
      this.resources.add(file.path);
      return file.objects.map((object) => ({ object, names: object.name === undefined ? [] : [object.name] }));
    }
    const kustomization = this.directory(reference.path);
    if (kustomization !== undefined) {
      if (stack.includes(kustomization.directory)) return this.evaluate(kustomization, [], stack, skipped);
      let output = this.outputs.get(kustomization.directory);
      if (output === undefined) {
        const own = new Set<SkippedInput>();
        output = { objects: this.evaluate(kustomization, [], stack, own), skipped: own };
        this.outputs.set(kustomization.directory, output);
      }
      for (const input of output.skipped) skipped.add(input);
      return output.objects;
    }
    const owner = stack[stack.length - 1];
    skipped.add({ file: this.byDirectory.get(owner ?? '')?.file ?? reference.path, span: reference.span, reason: `the resource ${reference.written} is not in the workspace` });
    return [];
  }

  private directory(path: string): Kustomization | undefined {
    for (const name of KUSTOMIZATION_FILE_NAMES) this.inputs.add(joinPath(path, name));
    return this.byDirectory.get(path);
  }

  /** The kustomization's own transformers, in kustomize's order. */
  private transform(kustomization: Kustomization, input: EmittedObject[], skipped: Set<SkippedInput>): EmittedObject[] {
    let objects = input;
    for (const patch of kustomization.patches) if (!patch.late) objects = this.patch(objects, patch, kustomization, skipped);
    if (kustomization.namespace !== undefined) objects = mapObjects(objects, (object) => setNamespace(object, kustomization.namespace!));
    if (kustomization.namePrefix !== '' || kustomization.nameSuffix !== '') objects = rename(objects, kustomization.namePrefix, kustomization.nameSuffix);
    for (const entry of kustomization.labels) objects = mapObjects(objects, (object) => addLabels(object, entry));
    for (const patch of kustomization.patches) if (patch.late) objects = this.patch(objects, patch, kustomization, skipped);
    for (const entry of kustomization.replicas) objects = objects.map((item) => ({ object: setReplicas(item, entry), names: item.names }));
    return objects;
  }

  private patch(objects: EmittedObject[], patch: PatchEntry, kustomization: Kustomization, skipped: Set<SkippedInput>): EmittedObject[] {
    const content = this.patchContent(patch);
    if (content === undefined) {
      skipped.add({ file: kustomization.file, span: patch.file?.span ?? patch.span, reason: `the patch ${patch.file?.written ?? ''} is not in the workspace` });
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

  private patchContent(patch: PatchEntry): PatchContent | undefined {
    if (patch.file === undefined) return patch;
    this.inputs.add(patch.file.path);
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

function mapObjects(objects: readonly EmittedObject[], change: (object: K8sObject) => K8sObject): EmittedObject[] {
  return objects.map((item) => {
    const object = change(item.object);
    return object === item.object ? item : { object, names: item.names };
  });
}

/** Adds a prefix and suffix to every name, and renames the autoscaler references to the renamed workloads. */
function rename(objects: readonly EmittedObject[], prefix: string, suffix: string): EmittedObject[] {
  const renamed = new Map<string, string>();
  const named = objects.map((item) => {
    if (item.object.name === undefined) return item;
    const name = `${prefix}${item.object.name}${suffix}`;
    renamed.set(`${item.object.kind}/${item.object.name}`, name);
    return { object: { ...item.object, name }, names: [...item.names, name] };
  });
  return named.map((item) => {
    const { object } = item;
    if (object.kind !== 'HorizontalPodAutoscaler' || object.target === undefined) return item;
    const name = renamed.get(`${object.target.kind}/${object.target.name}`);
    return name === undefined ? item : { object: { ...object, target: { ...object.target, name } }, names: item.names };
  });
}
