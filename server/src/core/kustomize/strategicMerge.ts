import type { Annotation } from '../k8s/pathObjects';
import { isWorkload, type K8sObject, type KubeProxyConfiguration, type Located, type PodSysctl, type PodTemplate, type Service, type ServicePort, type Workload } from '../k8s/objects';

/** A value a kustomization or a patch wrote, in a file other than its object's. */
export interface PatchedValue<T> extends Located<T> {
  readonly file: string;
}

/** A sysctl, annotation or port a patch wrote: its spans are in `file`, not in its object's. */
type Patched<T> = T & { readonly file: string };

/** The file a value of `object` with spans (a located value, sysctl, annotation, port) is written in: a patch's, or the object's own. */
export function fileOfValue(object: { readonly file: string }, value: object): string {
  return 'file' in value && typeof value.file === 'string' ? value.file : object.file;
}

/** Whether a value of `object` was written by a patch, in another file. */
export function isPatched(object: { readonly file: string }, value: object | undefined): boolean {
  return value !== undefined && fileOfValue(object, value) !== object.file;
}

/** A pod template with nothing written, for patches and labels that add to a workload without one. */
export const EMPTY_TEMPLATE: PodTemplate = { labels: new Map(), annotations: new Map(), hostNetwork: undefined, sysctls: [] };

/**
 * A strategic-merge patch's fields over an object, as kustomize merges them: maps merge, scalars
 * replace, lists with a merge key (pod sysctls by `name`, Service ports by `port` and `protocol`)
 * merge entry by entry, and a ConfigMap's data value is replaced as a whole.
 */
export function mergePatch(object: K8sObject, patch: K8sObject): K8sObject {
  if (isWorkload(object) && isWorkload(patch)) return mergeWorkload(object, patch);
  if (object.kind === 'Service' && patch.kind === 'Service') return mergeService(object, patch);
  if (object.kind === 'HorizontalPodAutoscaler' && patch.kind === 'HorizontalPodAutoscaler') {
    return { ...object, target: patch.target ?? object.target, maxReplicas: sourced(patch.maxReplicas, patch.file) ?? object.maxReplicas };
  }
  if (object.kind === 'KubeProxyConfiguration' && patch.kind === 'KubeProxyConfiguration') return mergeKubeProxyConfigMap(object, patch);
  return object;
}

function mergeWorkload(object: Workload, patch: Workload): Workload {
  const template = patch.template === undefined ? object.template : mergeTemplate(object.template, patch.template, patch.file);
  return { ...object, replicas: sourced(patch.replicas, patch.file) ?? object.replicas, template };
}

/** A patch's pod template over the workload's: labels and annotations merge, hostNetwork replaces, sysctls merge by name. */
function mergeTemplate(template: PodTemplate | undefined, patch: PodTemplate, file: string): PodTemplate {
  const base = template ?? EMPTY_TEMPLATE;
  return {
    labels: new Map([...base.labels, ...patch.labels]),
    annotations: new Map([...base.annotations, ...patch.annotations]),
    hostNetwork: sourced(patch.hostNetwork, file) ?? base.hostNetwork,
    sysctls: mergeSysctls(base.sysctls, patch.sysctls, file),
  };
}

/** `securityContext.sysctls` merged by `name` (`patchMergeKey:"name"`): a patched entry without a value keeps the workload's. */
function mergeSysctls(sysctls: readonly PodSysctl[], patch: readonly PodSysctl[], file: string): readonly PodSysctl[] {
  if (patch.length === 0) return sysctls;
  const merged = [...sysctls];
  for (const entry of patch) {
    const index = merged.findIndex((existing) => existing.name === entry.name);
    if (index === -1) merged.push(patchedEntry(entry, file));
    else if (entry.valueSpan !== undefined) merged[index] = patchedEntry(entry, file);
  }
  return merged;
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
    ports: mergePorts(object.ports, patch.ports, patch.file),
    internalTrafficPolicy: sourced(patch.internalTrafficPolicy, patch.file) ?? object.internalTrafficPolicy,
    externalTrafficPolicy: sourced(patch.externalTrafficPolicy, patch.file) ?? object.externalTrafficPolicy,
    annotations: mergeAnnotations(object.annotations, patch.annotations, patch.file),
    loadBalancerClass: patch.loadBalancerClass ?? object.loadBalancerClass,
  };
}

/**
 * `spec.ports` merged entry by entry. The API's `patchMergeKey` is `port`; kustomize merges by the
 * list's map keys, `port` and `protocol` (`PatchStrategyAndKeyList` in kyaml), `TCP` when unset.
 */
function mergePorts(ports: readonly ServicePort[], patch: readonly ServicePort[], file: string): readonly ServicePort[] {
  if (patch.length === 0) return ports;
  const merged = [...ports];
  for (const entry of patch) {
    const index = entry.port === undefined ? -1 : merged.findIndex((existing) => existing.port === entry.port && existing.protocol === entry.protocol);
    if (index === -1) merged.push(patchedEntry(entry, file));
    else merged[index] = patchedEntry({ ...entry, name: entry.name ?? merged[index]!.name }, file);
  }
  return merged;
}

function mergeAnnotations(annotations: ReadonlyMap<string, Annotation>, patch: ReadonlyMap<string, Annotation>, file: string): ReadonlyMap<string, Annotation> {
  if (patch.size === 0) return annotations;
  const merged = new Map(annotations);
  for (const [key, annotation] of patch) merged.set(key, patchedEntry(annotation, file));
  return merged;
}

/**
 * The kube-proxy ConfigMap patched: a patch that writes the data key holding the configuration
 * replaces its text, so the build emits the patch's configuration under the ConfigMap's name.
 */
function mergeKubeProxyConfigMap(object: KubeProxyConfiguration, patch: KubeProxyConfiguration): KubeProxyConfiguration {
  if (object.embeddedKey === undefined || patch.embeddedKey !== object.embeddedKey) return object;
  return { ...patch, name: object.name, namespace: object.namespace, ignoredRules: [...object.ignoredRules, ...patch.ignoredRules] };
}

function patchedEntry<T extends object>(entry: T, file: string): Patched<T> {
  return { ...entry, file };
}

/** A patch's located value, marked with the patch's file. */
export function sourced<T>(value: Located<T> | undefined, file: string): PatchedValue<T> | undefined {
  return value === undefined ? undefined : { value: value.value, span: value.span, file };
}
