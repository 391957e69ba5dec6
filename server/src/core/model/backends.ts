import { type Autoscaler, type K8sObject, type Service, type Workload, objectLabel } from '../k8s/objects';
import { directoryOf } from '../kustomize/paths';
import { fileOfValue } from '../kustomize/strategicMerge';
import type { Span } from '../text';
import type { WorkspaceModel } from './workspaceModel';

/** One object that gives a Service backends, and how many. */
export interface BackendSource {
  readonly object: K8sObject;
  /** Pods it contributes; `Infinity` for a DaemonSet (one per node). */
  readonly count: number;
  /** Why, for messages: `Deployment "server" has replicas: 2`. */
  readonly reason: string;
  /** Where the count is written (replicas, maxReplicas), else the object's name. */
  readonly file: string;
  readonly span: Span;
  /** The workload whose pod template the pods run; undefined for hand-written Endpoints. */
  readonly workload: Workload | undefined;
  /** Whether an autoscaler decides the count: it is a most, `up to` it. */
  readonly autoscaled: boolean;
}

/** The pods a Service can send a connection to. */
export interface Backends {
  /** Total pods; `Infinity` when a DaemonSet is among them. */
  readonly count: number;
  readonly sources: readonly BackendSource[];
  /** Whether an autoscaler decides part of the count: it is a most. */
  readonly upTo: boolean;
}

/**
 * The backends of a Service in this workspace: pods whose labels hold its whole selector in
 * its namespace, or, without a selector, the addresses of its hand-written Endpoints.
 */
export function backendsOf(service: Service, model: WorkspaceModel): Backends {
  const sources = service.selector === undefined ? endpointSources(service, model) : selectedSources(service, service.selector, model);
  const contributing = sources.filter((source) => source.count > 0);
  return {
    count: contributing.reduce((sum, source) => sum + source.count, 0),
    sources: contributing,
    upTo: contributing.some((source) => source.autoscaled),
  };
}

function selectedSources(service: Service, selector: ReadonlyMap<string, string>, model: WorkspaceModel): BackendSource[] {
  const build = model.buildOf(service);
  const matching = model.workloadsSelectedBy(service.namespace, selector, build);
  const identities = new Set<string>();
  const near = nearest(service.file, matching);
  return (build === undefined && definedElsewhereBeside(service, model) ? sameVariant(service.file, near) : near)
    .filter((workload) => {
      const identity = `${workload.kind}/${workload.name ?? ''}`;
      const first = !identities.has(identity);
      identities.add(identity);
      return first;
    })
    .flatMap((workload) => {
      const rollouts = model.rolloutsReferencing(workload);
      if (rollouts.length === 0) return [workloadSource(workload, workload, model)];
      // Argo Rollouts runs the referenced workload's template in the Rollout's own ReplicaSets.
      return nearest(workload.file, rollouts).map((rollout) => workloadSource(rollout, workload, model));
    });
}

/**
 * The objects defined nearest to `file`: those in the file itself when there are any (a file
 * that defines a Service with its workloads is taken as complete), else those sharing its
 * deepest common directory, fewest levels below it. A repository often holds several
 * applications or environments that reuse labels and names; the manifests beside a Service are
 * the ones deployed with it.
 */
export function nearest<T extends { readonly file: string }>(file: string, objects: readonly T[]): T[] {
  const sameFile = objects.filter((object) => object.file === file);
  if (sameFile.length > 0) return sameFile;
  const distances = objects.map((object) => directoryDistance(file, object.file));
  const best = distances.reduce((min, distance) => Math.min(min, distance), Infinity);
  return objects.filter((_, index) => distances[index] === best);
}

/**
 * Whether `to` lies where files written for `from` usually are: its directory, its parent, or a
 * child of either (`app/deployment.yaml` with `app/hpa.yaml`, `deploy/hpa/hpa.yaml` or
 * `hpa.yaml` beside `app/`). Objects further away belong to another application or variant.
 */
export function isNearby(from: string, to: string): boolean {
  const distance = directoryDistance(from, to);
  return Math.floor(distance / 1000) <= 1 && distance % 1000 <= 1;
}

/**
 * Whether another file in the Service's folder defines a Service of the same namespace and name:
 * one cluster can hold only one, so the folder holds variants of an application
 * (`minio-standalone-service.yaml` beside `minio-distributed-service.yaml`).
 */
function definedElsewhereBeside(service: Service, model: WorkspaceModel): boolean {
  if (service.name === undefined) return false;
  const folder = directoryOf(service.file);
  return model.servicesNamed(service.namespace, service.name).some((other) => other.file !== service.file && directoryOf(other.file) === folder);
}

/**
 * Among the workloads found for a Service, those of the variant its file belongs to: the files
 * whose names share the most leading words with the Service's file name (`minio-standalone` of
 * `minio-standalone-service.yaml` for `minio-standalone-deployment.yaml`, not
 * `minio-distributed-statefulset.yaml`); all of them when none shares more than the others.
 */
function sameVariant<T extends { readonly file: string }>(serviceFile: string, workloads: readonly T[]): T[] {
  const words = nameWords(serviceFile);
  const shared = workloads.map((workload) => (workload.file === serviceFile ? Infinity : commonWords(words, nameWords(workload.file))));
  const best = Math.max(...shared);
  return workloads.filter((_, index) => shared[index] === best);
}

/** The words of a file's name without its extension: `minio-standalone-service.yaml` → minio, standalone, service. */
function nameWords(file: string): string[] {
  return file.slice(file.lastIndexOf('/') + 1).replace(/\.[^.]*$/, '').split(/[-_.]/);
}

function commonWords(a: readonly string[], b: readonly string[]): number {
  let count = 0;
  while (count < a.length && count < b.length && a[count] === b[count]) count++;
  return count;
}

/**
 * Ranks how far apart two files' directories are: a shallower common directory costs more than
 * extra levels below it. A file's directories are the parts of its path before each `/`; they are
 * compared in place, without splitting the paths (a scan compares every Service with many files).
 */
function directoryDistance(from: string, to: string): number {
  const limit = Math.min(from.lastIndexOf('/'), to.lastIndexOf('/'));
  let common = 0;
  for (let i = 0; i <= limit && from.charCodeAt(i) === to.charCodeAt(i); i++) if (from.charCodeAt(i) === SLASH) common++;
  return (slashes(from) - common) * 1000 + (slashes(to) - common);
}

const SLASH = 0x2f;

function slashes(path: string): number {
  let count = 0;
  for (let at = path.indexOf('/'); at !== -1; at = path.indexOf('/', at + 1)) count++;
  return count;
}

/** The pods of `workload`, running the pod template of `template` (itself, or the workload an Argo Rollout references). */
function workloadSource(workload: Workload, template: Workload, model: WorkspaceModel): BackendSource {
  const build = model.buildOf(workload);
  const label = build === undefined ? objectLabel(workload) : `${objectLabel(workload)} of ${build.name}`;
  const name = workload === template ? label : `${label} (the pods of ${objectLabel(template)})`;
  const place = workload.replicas === undefined ? { file: workload.file, span: workload.nameSpan } : { file: fileOfValue(workload, workload.replicas), span: workload.replicas.span };
  const at = { ...place, workload: template, autoscaled: false };
  if (workload.kind === 'Pod') return { object: workload, count: 1, reason: objectLabel(workload), ...at };
  if (workload.kind === 'DaemonSet') return { object: workload, count: Infinity, reason: `${name} runs a pod on every node`, ...at };
  const replicas = workload.replicas?.value ?? 1;
  const written = workload.replicas === undefined ? 'leaves replicas unset (1)' : `has replicas: ${replicas}`;
  // The autoscaler controller leaves a workload scaled to 0 alone (autoscaling is disabled).
  const autoscaler = replicas === 0 ? undefined : largestAutoscaler(workload, model);
  if (autoscaler?.maxReplicas !== undefined && autoscaler.maxReplicas.value > replicas) {
    return {
      object: autoscaler,
      count: autoscaler.maxReplicas.value,
      reason: `${name} ${written} and ${objectLabel(autoscaler)} scales it up to ${maxReplicasText(autoscaler)}`,
      file: fileOfValue(autoscaler, autoscaler.maxReplicas),
      span: autoscaler.maxReplicas.span,
      workload: template,
      autoscaled: true,
    };
  }
  return { object: workload, count: Math.max(replicas, 0), reason: `${name} ${written}`, ...at };
}

/** `maxReplicas: 5`, `maxReplicaCount: 10`, or `maxReplicaCount: 100 (KEDA's default)`. */
function maxReplicasText(autoscaler: Autoscaler): string {
  const value = autoscaler.maxReplicas?.value;
  if (autoscaler.kind === 'HorizontalPodAutoscaler') return `maxReplicas: ${value}`;
  return autoscaler.maxReplicasWritten ? `maxReplicaCount: ${value}` : `maxReplicaCount: ${value} (KEDA's default)`;
}

function largestAutoscaler(workload: Workload, model: WorkspaceModel): Autoscaler | undefined {
  let largest: Autoscaler | undefined;
  for (const autoscaler of nearest(workload.file, model.autoscalersOf(workload))) {
    if ((autoscaler.maxReplicas?.value ?? 0) > (largest?.maxReplicas?.value ?? 0)) largest = autoscaler;
  }
  return largest;
}

function endpointSources(service: Service, model: WorkspaceModel): BackendSource[] {
  return nearest(service.file, model.endpointSetsOf(service)).map((set) => ({
    object: set,
    count: set.addressCount,
    reason: `${objectLabel(set)} lists ${set.addressCount} address${set.addressCount === 1 ? '' : 'es'}`,
    file: set.file,
    span: set.nameSpan,
    workload: undefined,
    autoscaled: false,
  }));
}

/** A backend count for messages: `2 backends`, `up to 5 backends` when an autoscaler decides it, or `one backend per node` for a DaemonSet. */
export function formatCount(count: number, upTo = false): string {
  if (!Number.isFinite(count)) return 'one backend per node';
  return `${upTo ? 'up to ' : ''}${count} backend${count === 1 ? '' : 's'}`;
}
