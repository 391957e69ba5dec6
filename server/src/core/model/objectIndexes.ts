import {
  isWorkload,
  type Autoscaler,
  type DataPlaneConfiguration,
  type EndpointSet,
  type K8sObject,
  type KubeProxyConfiguration,
  type Namespace,
  type Service,
  type Workload,
} from '../k8s/objects';
import type { PathObject } from '../k8s/pathObjects';
import { OrderedIndex } from './orderedIndex';

/** The key under which DaemonSets that run kube-proxy are listed too (in `workloads`). */
export const KUBE_PROXY = 'kube-proxy';

/** Kinds indexed by `pathObjectsByKind`. */
const PATH_OBJECT_KINDS: ReadonlySet<string> = new Set<PathObject['kind']>(['Ingress', 'DestinationRule', 'MeshConfig']);

/**
 * The workspace's Kubernetes objects indexed for the relations rules follow, each index a list
 * per key in workspace order; the whole workspace's lists are under the key ''.
 */
export class ObjectIndexes {
  readonly services = new OrderedIndex<Service>();
  /** Every workload under '', and those that run kube-proxy under KUBE_PROXY too. */
  readonly workloads = new OrderedIndex<Workload>();
  readonly kubeProxyConfigurations = new OrderedIndex<KubeProxyConfiguration>();
  readonly dataPlaneConfigurations = new OrderedIndex<DataPlaneConfiguration>();
  readonly namespacesByName = new OrderedIndex<Namespace>();
  /** Services by `namespace/name`: a folder that defines one Service twice holds variants of an application. */
  readonly servicesByName = new OrderedIndex<Service>();
  /** Argo Rollouts by the target key (see targetKey) of the workload their `workloadRef` names. */
  readonly rolloutsByWorkloadRef = new OrderedIndex<Workload>();
  readonly workloadsByNamespace = new OrderedIndex<Workload>();
  /** Workloads by each label pair of their pod template (see labelIndexKey). */
  readonly workloadsByLabel = new OrderedIndex<Workload>();
  /** Autoscalers by the target key of their `scaleTargetRef`. */
  readonly autoscalersByTarget = new OrderedIndex<Autoscaler>();
  /** Endpoints and EndpointSlices by `namespace/service`. */
  readonly endpointSetsByService = new OrderedIndex<EndpointSet>();
  readonly pathObjectsByKind = new OrderedIndex<PathObject>();

  /** Replaces file `path`'s objects, `before` by `after`, calling `changed` with every model facet whose list changed. */
  replaceFile(path: string, before: readonly K8sObject[], after: readonly K8sObject[], changed: (facet: string) => void): void {
    const update = <T extends K8sObject>(index: OrderedIndex<T>, keysOf: (object: K8sObject) => string[], facet: (key: string) => string) =>
      index.replaceFile(path, entries<T>(before, keysOf), entries<T>(after, keysOf), (key) => changed(facet(key)));
    update(this.services, (object) => (object.kind === 'Service' ? [''] : []), () => 'services');
    update(this.workloads, globalWorkloadKeys, (key) => (key === KUBE_PROXY ? 'kubeProxyDaemonSets' : 'workloads'));
    update(this.kubeProxyConfigurations, (object) => (object.kind === 'KubeProxyConfiguration' ? [''] : []), () => 'kubeProxyConfigurations');
    update(this.workloadsByNamespace, (object) => (isWorkload(object) ? [object.namespace] : []), (key) => `workloadsIn:${key}`);
    update(this.workloadsByLabel, labelKeys, (key) => `label:${key}`);
    update(this.autoscalersByTarget, autoscalerKeys, (key) => `autoscalers:${key}`);
    update(this.endpointSetsByService, endpointKeys, (key) => `endpoints:${key}`);
    update(this.dataPlaneConfigurations, (object) => (object.kind === 'DataPlaneConfiguration' ? [''] : []), () => 'dataPlaneConfigurations');
    update(this.namespacesByName, (object) => (object.kind === 'Namespace' && object.name !== undefined ? [object.name] : []), (key) => `namespace:${key}`);
    update(this.servicesByName, (object) => (object.kind === 'Service' && object.name !== undefined ? [`${object.namespace}/${object.name}`] : []), (key) => `servicesNamed:${key}`);
    update(this.rolloutsByWorkloadRef, rolloutKeys, (key) => `rollouts:${key}`);
    update(this.pathObjectsByKind, (object) => (PATH_OBJECT_KINDS.has(object.kind) ? [object.kind] : []), (key) => `kind:${key}`);
  }

  /**
   * The fewest workloads of a namespace that can match `selector`: those under its rarest label
   * pair (all of the namespace's for an empty selector), with the facet of the model they are.
   */
  selectorCandidates(namespace: string, selector: ReadonlyMap<string, string>): { facet: string; candidates: readonly Workload[] } {
    let candidates: readonly Workload[] | undefined;
    let facet = `workloadsIn:${namespace}`;
    for (const [key, value] of selector) {
      const labelKey = labelIndexKey(namespace, key, value);
      const list = this.workloadsByLabel.get(labelKey);
      if (candidates === undefined || list.length < candidates.length) [candidates, facet] = [list, `label:${labelKey}`];
    }
    return { facet, candidates: candidates ?? this.workloadsByNamespace.get(namespace) };
  }

  /** Whether the indexes hold any Kubernetes object the analysis models. */
  holdsManifests(): boolean {
    return this.services.get('').length > 0 || this.workloads.get('').length > 0 || this.kubeProxyConfigurations.get('').length > 0;
  }
}

/** The key of a workload pod template's label pair in `workloadsByLabel`. */
export function labelIndexKey(namespace: string, key: string, value: string): string {
  return `${namespace}\u0000${key}=${value}`;
}

/** The key of the object a reference names (`scaleTargetRef`, `workloadRef`) in a namespace. */
export function targetKey(namespace: string, kind: string, name: string | undefined): string {
  return `${namespace}/${kind}/${name ?? ''}`;
}

function globalWorkloadKeys(object: K8sObject): string[] {
  if (!isWorkload(object)) return [];
  return object.kubeProxyFlags.length > 0 || object.kubeProxyImage !== undefined ? ['', KUBE_PROXY] : [''];
}

function labelKeys(object: K8sObject): string[] {
  if (!isWorkload(object) || object.template === undefined) return [];
  return [...object.template.labels].map(([key, value]) => labelIndexKey(object.namespace, key, value));
}

function rolloutKeys(object: K8sObject): string[] {
  if (object.kind !== 'Rollout' || object.workloadRef === undefined) return [];
  return [targetKey(object.namespace, object.workloadRef.kind, object.workloadRef.name)];
}

function autoscalerKeys(object: K8sObject): string[] {
  if ((object.kind !== 'HorizontalPodAutoscaler' && object.kind !== 'ScaledObject') || object.target === undefined) return [];
  return [targetKey(object.namespace, object.target.kind, object.target.name)];
}

function endpointKeys(object: K8sObject): string[] {
  if ((object.kind !== 'Endpoints' && object.kind !== 'EndpointSlice') || object.serviceName === undefined) return [];
  return [`${object.namespace}/${object.serviceName}`];
}

function entries<T>(objects: readonly K8sObject[], keysOf: (object: K8sObject) => string[]): (readonly [string, T])[] {
  return objects.flatMap((object) => keysOf(object).map((key) => [key, object as unknown as T] as const));
}
