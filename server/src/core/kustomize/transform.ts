import { isWorkload, type HorizontalPodAutoscaler, type K8sObject, type Located, type PodTemplate, type Service, type Workload } from '../k8s/objects';
import type { PatchOperation } from './json6902';
import type { LabelEntry, PatchTarget, ReplicaEntry } from './kustomization';

/** A value a kustomization or a patch wrote, in a file other than its object's. */
export interface PatchedValue<T> extends Located<T> {
  readonly file: string;
}

/** Whether an emitted Service holds a value a patch or kustomization wrote: its spans are not in the Service's file. */
export function holdsPatchedValues(object: K8sObject): boolean {
  if (object.kind !== 'Service') return false;
  return [object.sessionAffinity, object.affinityTimeoutSeconds, object.affinityTimeoutText].some((value) => value !== undefined && fileOfValue(object, value) !== object.file);
}

/** The file a located value of `object` is written in: a patch's, or the object's own. */
export function fileOfValue(object: { readonly file: string }, value: Located<unknown>): string {
  return 'file' in value && typeof value.file === 'string' ? value.file : object.file;
}

/** An object as a build emits it, with the names kustomize matches patches and replicas against. */
export interface EmittedObject {
  readonly object: K8sObject;
  /** Every name the object had, from its file's to the current one. */
  readonly names: readonly string[];
}

/** Whether a patch written for `patch` (kind and name) applies to `emitted`. */
export function patchMatches(emitted: EmittedObject, kind: string, name: string | undefined): boolean {
  return emitted.object.kind === kind && name !== undefined && emitted.names.includes(name);
}

/** Whether a patch target selects `emitted`. */
export function targetMatches(emitted: EmittedObject, target: PatchTarget): boolean {
  const { object } = emitted;
  if (target.kind !== undefined && target.kind !== object.kind) return false;
  if (target.namespace !== undefined && !anchoredMatch(target.namespace, object.namespace)) return false;
  if (target.name !== undefined && !emitted.names.some((name) => anchoredMatch(target.name!, name))) return false;
  if (target.labelSelector !== undefined) {
    const labels = isWorkload(object) ? object.template?.labels : undefined;
    for (const [key, value] of target.labelSelector) if (labels?.get(key) !== value) return false;
  }
  return true;
}

function anchoredMatch(pattern: string, name: string): boolean {
  try {
    return new RegExp(`^(?:${pattern})$`).test(name);
  } catch {
    return pattern === name;
  }
}

/** A strategic-merge patch's fields over an object: maps merge, scalars replace, sysctls merge by name. */
export function mergePatch(object: K8sObject, patch: K8sObject): K8sObject {
  if (isWorkload(object) && isWorkload(patch)) return mergeWorkload(object, patch);
  if (object.kind === 'Service' && patch.kind === 'Service') return mergeService(object, patch);
  if (object.kind === 'HorizontalPodAutoscaler' && patch.kind === 'HorizontalPodAutoscaler') {
    return { ...object, target: patch.target ?? object.target, maxReplicas: sourced(patch.maxReplicas, patch.file) ?? object.maxReplicas };
  }
  return object;
}

/**
 * A workload patch's replicas and pod template labels. Its pod sysctls and hostNetwork are not
 * merged: the rules that read them point into the workload's own file.
 */
function mergeWorkload(object: Workload, patch: Workload): Workload {
  const template = patch.template === undefined ? object.template : mergeTemplate(object.template, patch.template);
  return { ...object, replicas: sourced(patch.replicas, patch.file) ?? object.replicas, template };
}

/** A pod template with nothing written, for patches and labels that add to a workload without one. */
const EMPTY_TEMPLATE: PodTemplate = { labels: new Map(), annotations: new Map(), hostNetwork: undefined, sysctls: [] };

/** A strategic-merge patch's pod template over the workload's: labels and annotations merge; pod sysctls and hostNetwork stay the workload's (rules place their edits in its file). */
function mergeTemplate(template: PodTemplate | undefined, patch: PodTemplate): PodTemplate {
  return {
    labels: new Map([...(template?.labels ?? []), ...patch.labels]),
    annotations: new Map([...(template?.annotations ?? []), ...patch.annotations]),
    hostNetwork: template?.hostNetwork,
    sysctls: template?.sysctls ?? [],
  };
}

function mergeService(object: Service, patch: Service): Service {
  const selector = patch.selector === undefined ? object.selector : new Map([...(object.selector ?? []), ...patch.selector]);
  return {
    ...object,
    selector,
    type: patch.type !== 'ClusterIP' ? patch.type : object.type,
    headless: object.headless || patch.headless,
    sessionAffinity: sourced(patch.sessionAffinity, patch.file) ?? object.sessionAffinity,
    affinityTimeoutSeconds: sourced(patch.affinityTimeoutSeconds, patch.file) ?? object.affinityTimeoutSeconds,
    affinityTimeoutText: sourced(patch.affinityTimeoutText, patch.file) ?? object.affinityTimeoutText,
  };
}

function sourced<T>(value: Located<T> | undefined, file: string): PatchedValue<T> | undefined {
  return value === undefined ? undefined : { value: value.value, span: value.span, file };
}

/** JSON 6902 operations over an object, for the fields Connlint reads. */
export function applyOperations(object: K8sObject, operations: readonly PatchOperation[]): K8sObject {
  let result = object;
  for (const operation of operations) result = applyOperation(result, operation);
  return result;
}

function applyOperation(object: K8sObject, operation: PatchOperation): K8sObject {
  const [first, second, ...rest] = operation.path;
  const scalar = typeof operation.value === 'string' ? operation.value : undefined;
  const at = (value: string): PatchedValue<string> => ({ value, span: operation.span, file: operation.file });
  if (first !== 'spec') return object;
  if (isWorkload(object)) {
    if (second === 'replicas' && rest.length === 0) {
      const count = scalar === undefined ? undefined : Number(scalar);
      return { ...object, replicas: operation.op === 'remove' || count === undefined || !Number.isInteger(count) ? undefined : { value: count, span: operation.span, file: operation.file } as PatchedValue<number> };
    }
    if (second === 'template' && rest[0] === 'metadata' && rest[1] === 'labels') return { ...object, template: withLabels(object.template, rest.slice(2), operation) };
    return object;
  }
  if (object.kind === 'Service') {
    if (second === 'sessionAffinity' && rest.length === 0) return { ...object, sessionAffinity: operation.op === 'remove' || scalar === undefined ? undefined : at(scalar) };
    if (second === 'selector') return { ...object, selector: nonEmpty(editMap(object.selector, rest, operation)) };
    return object;
  }
  if (object.kind === 'HorizontalPodAutoscaler' && second === 'maxReplicas' && scalar !== undefined && Number.isInteger(Number(scalar))) {
    return { ...object, maxReplicas: { value: Number(scalar), span: operation.span, file: operation.file } as PatchedValue<number> } as HorizontalPodAutoscaler;
  }
  return object;
}

function withLabels(template: PodTemplate | undefined, rest: readonly string[], operation: PatchOperation): PodTemplate {
  const base = template ?? EMPTY_TEMPLATE;
  return { ...base, labels: editMap(base.labels, rest, operation) };
}

/** A map of labels after one operation on it (`rest` empty) or on one of its keys. */
function editMap(map: ReadonlyMap<string, string> | undefined, rest: readonly string[], operation: PatchOperation): Map<string, string> {
  if (rest.length === 0) return operation.op === 'remove' || typeof operation.value !== 'object' ? new Map() : new Map(operation.value);
  const result = new Map(map ?? []);
  if (operation.op === 'remove') result.delete(rest[0]!);
  else if (typeof operation.value === 'string') result.set(rest[0]!, operation.value);
  return result;
}

function nonEmpty(map: Map<string, string>): Map<string, string> | undefined {
  return map.size > 0 ? map : undefined;
}

/** `namespace:` over every namespaced object of the build. */
export function setNamespace(object: K8sObject, namespace: string): K8sObject {
  return { ...object, namespace };
}

/** `commonLabels` and `labels` entries: Service selectors (made when absent, as kustomize makes them), pod template labels. */
export function addLabels(object: K8sObject, entry: LabelEntry): K8sObject {
  if (object.kind === 'Service' && entry.selectors) {
    return { ...object, selector: new Map([...(object.selector ?? []), ...entry.pairs]) };
  }
  if (isWorkload(object) && entry.templates) {
    const template = object.template ?? EMPTY_TEMPLATE;
    return { ...object, template: { ...template, labels: new Map([...template.labels, ...entry.pairs]) } };
  }
  return object;
}

/** Kinds the replicas field of a kustomization scales. */
const SCALABLE_KINDS = new Set(['Deployment', 'ReplicaSet', 'ReplicationController', 'StatefulSet']);

/** A `replicas` entry over a workload it names. */
export function setReplicas(emitted: EmittedObject, entry: ReplicaEntry): K8sObject {
  const { object } = emitted;
  if (!SCALABLE_KINDS.has(object.kind) || !emitted.names.includes(entry.name) || !isWorkload(object)) return object;
  const replicas: PatchedValue<number> = { value: entry.count, span: entry.span, file: entry.file };
  return { ...object, replicas };
}
