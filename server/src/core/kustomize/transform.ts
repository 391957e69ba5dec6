import { isWorkload, type HorizontalPodAutoscaler, type K8sObject, type PodTemplate, type Service, type Workload } from '../k8s/objects';
import type { Annotation } from '../k8s/pathObjects';
import type { PatchOperation } from './json6902';
import { EMPTY_TEMPLATE, isPatched, type PatchedValue } from './strategicMerge';
import type { LabelEntry, PatchTarget, ReplicaEntry } from './kustomization';

/** Whether an emitted Service holds a value a patch or kustomization wrote: its spans are not in the Service's file. */
export function holdsPatchedValues(object: K8sObject): boolean {
  if (object.kind !== 'Service') return false;
  return [object.sessionAffinity, object.affinityTimeoutSeconds, object.affinityTimeoutText].some((value) => isPatched(object, value));
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
  if (target.kind !== undefined && target.kind !== writtenKind(object)) return false;
  if (target.namespace !== undefined && !anchoredMatch(target.namespace, object.namespace)) return false;
  if (target.name !== undefined && !emitted.names.some((name) => anchoredMatch(target.name!, name))) return false;
  if (target.labelSelector !== undefined) {
    const labels = isWorkload(object) ? object.template?.labels : undefined;
    for (const [key, value] of target.labelSelector) if (labels?.get(key) !== value) return false;
  }
  return true;
}

/** The kind an object is written as: a kube-proxy configuration read from a ConfigMap's data is a ConfigMap. */
function writtenKind(object: K8sObject): string {
  return object.kind === 'KubeProxyConfiguration' && object.embeddedKey !== undefined ? 'ConfigMap' : object.kind;
}

function anchoredMatch(pattern: string, name: string): boolean {
  try {
    return new RegExp(`^(?:${pattern})$`).test(name);
  } catch {
    return pattern === name;
  }
}

/** JSON 6902 operations over an object, for the fields Connlint reads. */
export function applyOperations(object: K8sObject, operations: readonly PatchOperation[]): K8sObject {
  let result = object;
  for (const operation of operations) result = applyOperation(result, operation);
  return result;
}

function applyOperation(object: K8sObject, operation: PatchOperation): K8sObject {
  const [first, second, ...rest] = operation.path;
  if (first === 'metadata' && second === 'annotations' && object.kind === 'Service') return { ...object, annotations: editAnnotations(object.annotations, rest, operation) };
  if (first !== 'spec') return object;
  if (isWorkload(object)) return workloadOperation(object, second, rest, operation);
  if (object.kind === 'Service') return serviceOperation(object, second, rest, operation);
  const scalar = scalarOf(operation);
  if (object.kind === 'HorizontalPodAutoscaler' && second === 'maxReplicas' && scalar !== undefined && Number.isInteger(Number(scalar))) {
    return { ...object, maxReplicas: { value: Number(scalar), span: operation.span, file: operation.file } as PatchedValue<number> } as HorizontalPodAutoscaler;
  }
  return object;
}

function workloadOperation(object: Workload, field: string | undefined, rest: readonly string[], operation: PatchOperation): Workload {
  const scalar = scalarOf(operation);
  if (field === 'replicas' && rest.length === 0) {
    const count = scalar === undefined ? undefined : Number(scalar);
    return { ...object, replicas: count === undefined || !Number.isInteger(count) ? undefined : ({ value: count, span: operation.span, file: operation.file } as PatchedValue<number>) };
  }
  if (field !== 'template') return object;
  if (rest[0] === 'metadata' && rest[1] === 'labels') return { ...object, template: withLabels(object.template, rest.slice(2), operation) };
  if (rest[0] === 'spec' && rest[1] === 'hostNetwork' && rest.length === 2) {
    const hostNetwork = scalar === 'true' || scalar === 'false' ? { value: scalar === 'true', span: operation.span, file: operation.file } : undefined;
    return { ...object, template: { ...(object.template ?? EMPTY_TEMPLATE), hostNetwork } };
  }
  return object;
}

function serviceOperation(object: Service, field: string | undefined, rest: readonly string[], operation: PatchOperation): Service {
  const scalar = scalarOf(operation);
  const at = scalar === undefined ? undefined : { value: scalar, span: operation.span, file: operation.file };
  if (field === 'selector') return { ...object, selector: nonEmpty(editMap(object.selector, rest, operation)) };
  if (rest.length > 0) return object;
  if (field === 'sessionAffinity') return { ...object, sessionAffinity: at };
  if (field === 'internalTrafficPolicy') return { ...object, internalTrafficPolicy: at };
  if (field === 'externalTrafficPolicy') return { ...object, externalTrafficPolicy: at };
  if (field === 'loadBalancerClass') return { ...object, loadBalancerClass: scalar };
  return object;
}

/** A scalar operation's value; undefined for `remove` and for maps. */
function scalarOf(operation: PatchOperation): string | undefined {
  return operation.op !== 'remove' && typeof operation.value === 'string' ? operation.value : undefined;
}

/** Annotations after one operation on them all (`rest` empty) or on one key; the value's span stands for the key's too. */
function editAnnotations(annotations: ReadonlyMap<string, Annotation>, rest: readonly string[], operation: PatchOperation): ReadonlyMap<string, Annotation> {
  const written = (value: string) => ({ value, keySpan: operation.span, valueSpan: operation.span, file: operation.file });
  if (rest.length === 0) {
    const map = operation.op !== 'remove' && typeof operation.value === 'object' ? operation.value : new Map<string, string>();
    return new Map([...map].map(([key, value]) => [key, written(value)]));
  }
  const result = new Map(annotations);
  const scalar = scalarOf(operation);
  if (scalar === undefined) result.delete(rest[0]!);
  else result.set(rest[0]!, written(scalar));
  return result;
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

/** Each object changed by `change`, keeping the names it was written with. */
export function mapObjects(objects: readonly EmittedObject[], change: (object: K8sObject) => K8sObject): EmittedObject[] {
  return objects.map((item) => {
    const object = change(item.object);
    return object === item.object ? item : { object, names: item.names };
  });
}

/** Adds a prefix and suffix to every name, and renames the autoscaler references to the renamed workloads. */
export function rename(objects: readonly EmittedObject[], prefix: string, suffix: string): EmittedObject[] {
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
