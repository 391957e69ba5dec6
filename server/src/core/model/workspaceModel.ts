import type { AnalyzedFile } from '../analyze';
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
import type { KustomizeBuild, KustomizeLayout } from '../kustomize/build';
import { modulesLoadRootOf, sysctlApplicationOrder } from '../sysctl/order';
import type { AssumedIdleTimer, CloudAssumption } from './path';
import type { SysctlAssignment } from '../sysctl/parse';
import { isNearby, nearest } from './backends';
import { OrderedIndex } from './orderedIndex';
import { baseName, type ValueSource } from './sources';
import { autoscalersIn, endpointSetsIn, isKubeProxyConfiguration, isService, selects, workloadsSelectedIn, WorkspaceBuilds } from './workspaceBuilds';

/** What the user tells Connlint about the cluster that the workspace cannot show. */
export interface Assumptions {
  /** The conntrack established timeout on the nodes, in seconds. */
  readonly conntrackEstablishedTimeout?: number;
  /** Whether kube-proxy runs (it sets the conntrack timeout at start-up); assumed when manifests are present. */
  readonly kubeProxy?: boolean;
  /** kube-proxy's mode (`iptables`, `ipvs`, `nftables`), over what the workspace says. */
  readonly proxyMode?: string;
  /** The cluster's Kubernetes version (`1.30`), over a kube-proxy image's tag. */
  readonly kubernetesVersion?: string;
  /** Clusters the files cannot show apart, each with its own assumptions; the first that contains a file is its. */
  readonly clusters?: readonly ClusterAssumptions[];
  /** The cloud the cluster runs in, over what the annotations tell. */
  readonly cloud?: CloudAssumption;
  /** Idle timers of middleboxes the workspace cannot show. */
  readonly idleTimers?: readonly AssumedIdleTimer[];
}

/** A cluster of `clusters:` in the settings: which files it holds, and what is assumed about it. */
export interface ClusterAssumptions {
  /** How reports name it: its globs. */
  readonly name: string;
  readonly assumptions: Assumptions;
  contains(path: string): boolean;
}

/** A sysctl assignment that applies on the node, with its file. */
export interface NodeSysctl {
  readonly file: string;
  readonly assignment: SysctlAssignment;
}

/** Everything changed: what `takeChanges` returns after new assumptions, or after too many changes to list. */
export const EVERYTHING = 'everything';

/** More changed facets than this are reported as EVERYTHING (a workspace scan, say). */
const MAX_LISTED_CHANGES = 50_000;

/**
 * The whole workspace as one model: its Kubernetes objects indexed for the relations rules
 * follow (selector → pods, autoscaler → workload, Service → Endpoints), and the node's sysctl
 * files in the order the node applies them. A Workspace updates its model file by file: each
 * update changes only the index entries of that file's objects, and records which facets of the
 * model changed (`file:<path>`, `workloadsIn:<namespace>`, …) so that results computed from
 * the facets they read can be kept when none of those changed (see lint.ts).
 */
export class WorkspaceModel {
  private readonly filesByPath = new Map<string, AnalyzedFile>();
  private readonly all = {
    services: new OrderedIndex<Service>(),
    workloads: new OrderedIndex<Workload>(),
    kubeProxyConfigurations: new OrderedIndex<KubeProxyConfiguration>(),
    dataPlaneConfigurations: new OrderedIndex<DataPlaneConfiguration>(),
  };
  private readonly namespacesByName = new OrderedIndex<Namespace>();
  private readonly rolloutsByWorkloadRef = new OrderedIndex<Workload>();
  private readonly workloadsByNamespace = new OrderedIndex<Workload>();
  private readonly workloadsByLabel = new OrderedIndex<Workload>();
  private readonly autoscalersByTarget = new OrderedIndex<Autoscaler>();
  private readonly endpointSetsByService = new OrderedIndex<EndpointSet>();
  private readonly pathObjectsByKind = new OrderedIndex<PathObject>();
  private sysctlOrder: readonly AnalyzedFile[] = [];
  private nodeSysctls = new Map<string, NodeSysctl[]>();
  private modulesByRoot = new Map<string, Set<string>>();
  private readonly kustomize = new WorkspaceBuilds((path) => this.filesByPath.get(path));
  private changes: Set<string> | typeof EVERYTHING = new Set();
  private reads: Set<string> | undefined;
  /** What every view made by `scopedTo` inherits from (made once: views differ only in their path). */
  private scopePrototype: WorkspaceModel | undefined;
  /** Counts every update; a result computed at one generation is current while it stays the same. */
  private updates = 0;

  constructor(
    files: Iterable<AnalyzedFile> = [],
    private currentAssumptions: Assumptions = {},
  ) {
    for (const file of files) this.setFile(file);
  }

  /** What is assumed about the cluster: in a model scoped to a file, about that file's cluster. */
  get assumptions(): Assumptions {
    const scopePath = (this as Partial<ScopedView>).scopePath;
    return (scopePath === undefined ? undefined : this.clusterOf(scopePath)?.assumptions) ?? this.currentAssumptions;
  }

  /** The cluster of `clusters:` that holds a file, if any. */
  clusterOf(path: string): ClusterAssumptions | undefined {
    return this.currentAssumptions.clusters?.find((cluster) => cluster.contains(path));
  }

  /** Increases with every change to the model. */
  get generation(): number {
    return this.updates;
  }

  /** Kubernetes Services, in workspace order. */
  get services(): readonly Service[] {
    return this.read('services', this.withBuilds('Service', this.all.services.get(''), isService));
  }

  /** Workloads and Pods, in workspace order. */
  get workloads(): readonly Workload[] {
    return this.read('workloads', this.withBuilds('Workload', this.all.workloads.get(''), isWorkload));
  }

  get kubeProxyConfigurations(): readonly KubeProxyConfiguration[] {
    return this.read('kubeProxyConfigurations', this.withBuilds('KubeProxyConfiguration', this.all.kubeProxyConfigurations.get(''), isKubeProxyConfiguration));
  }

  /** The kustomize builds of the workspace (none without a kustomization file). */
  get builds(): readonly KustomizeBuild[] {
    return this.kustomizeLayout()?.builds ?? [];
  }

  /** The build an object belongs to, when it is one a build emits. */
  buildOf(object: K8sObject): KustomizeBuild | undefined {
    return this.kustomizeLayout()?.buildOf(object);
  }

  /**
   * A file's objects as the analysis sees them: as each build emits them when builds read the
   * file (none for a file used only as a patch), else as the file defines them.
   */
  objectsFrom(path: string): readonly K8sObject[] {
    const file = this.file(path);
    if (file === undefined) return [];
    const layout = this.kustomizeLayout();
    if (layout === undefined || !layout.claimedFiles.has(path)) return file.objects;
    return this.kustomize.emittedFrom(layout, path, this.updates);
  }

  /**
   * kube-proxy configurations that apply on the nodes: the whole workspace's; in a model scoped
   * to one file, those defined nearest to it (see `nearest`), when the workspace holds several.
   */
  get workspaceKubeProxyConfigurations(): readonly KubeProxyConfiguration[] {
    return this.read('kubeProxyConfigurations', this.all.kubeProxyConfigurations.get(''));
  }

  /** DaemonSets that run kube-proxy (with command-line flags or a kube-proxy image), in workspace order. */
  get kubeProxyDaemonSets(): readonly Workload[] {
    return this.read('kubeProxyDaemonSets', this.all.workloads.get(KUBE_PROXY));
  }

  /** Sysctl files in application order. */
  get sysctlFiles(): readonly AnalyzedFile[] {
    return this.read('sysctlFiles', this.sysctlOrder);
  }

  /** Every analysed file, relevant or not. */
  get files(): Iterable<AnalyzedFile> {
    return this.read('files', this.filesByPath.values());
  }

  file(path: string): AnalyzedFile | undefined {
    this.reads?.add(`file:${path}`);
    return this.filesByPath.get(path);
  }

  /** Whether the workspace holds any Kubernetes object the analysis models. */
  get hasManifests(): boolean {
    return this.read('hasManifests', this.holdsManifests());
  }

  /** Workloads and Pods of a namespace. */
  workloadsIn(namespace: string): readonly Workload[] {
    return this.read(`workloadsIn:${namespace}`, this.workloadsByNamespace.get(namespace));
  }

  /**
   * Workloads of a namespace whose pod template's labels hold every pair of `selector`, in
   * workspace order: looked up by the selector's rarest pair rather than over the whole namespace.
   */
  workloadsSelectedBy(namespace: string, selector: ReadonlyMap<string, string>, build?: KustomizeBuild): Workload[] {
    if (build !== undefined) return workloadsSelectedIn(build, namespace, selector);
    let candidates: readonly Workload[] | undefined;
    let facet = `workloadsIn:${namespace}`;
    for (const [key, value] of selector) {
      const labelKey = labelIndexKey(namespace, key, value);
      const list = this.workloadsByLabel.get(labelKey);
      if (candidates === undefined || list.length < candidates.length) [candidates, facet] = [list, `label:${labelKey}`];
    }
    candidates = this.read(facet, candidates ?? this.workloadsByNamespace.get(namespace));
    return this.unclaimed(candidates.filter((workload) => selects(workload, selector)));
  }

  /** Cilium and Calico data plane configurations of the whole workspace, even in a scoped model: what applies on the nodes. */
  get dataPlaneConfigurations(): readonly DataPlaneConfiguration[] {
    return this.read('dataPlaneConfigurations', this.all.dataPlaneConfigurations.get(''));
  }

  /** The Namespace objects of that name in the workspace. */
  namespacesNamed(name: string): readonly Namespace[] {
    return this.read(`namespace:${name}`, this.namespacesByName.get(name));
  }

  /** Argo Rollouts whose `spec.workloadRef` names this workload: they run its pod template. */
  rolloutsReferencing(workload: Workload): readonly Workload[] {
    const key = targetKey(workload.namespace, workload.kind, workload.name);
    return this.read(`rollouts:${key}`, this.rolloutsByWorkloadRef.get(key));
  }

  /**
   * Autoscalers (HorizontalPodAutoscalers, KEDA ScaledObjects) whose `scaleTargetRef` names this
   * workload: in its build when a build emits it, else outside every build.
   */
  autoscalersOf(workload: Workload): readonly Autoscaler[] {
    const build = this.buildOf(workload);
    if (build !== undefined) return autoscalersIn(build, workload);
    const key = targetKey(workload.namespace, workload.kind, workload.name);
    const autoscalers = this.read(`autoscalers:${key}`, this.autoscalersByTarget.get(key));
    const layout = this.kustomizeLayout();
    // An autoscaler a build emits scales that build's workloads only; outside builds, only one written near the workload does.
    const unclaimed = layout === undefined ? autoscalers : autoscalers.filter((autoscaler) => !layout.claimedFiles.has(autoscaler.file));
    return nearest(workload.file, unclaimed).filter((autoscaler) => isNearby(workload.file, autoscaler.file));
  }

  /** Endpoints and EndpointSlices written for a Service: in its build, when a build emits it. */
  endpointSetsOf(service: Service): readonly EndpointSet[] {
    const build = this.buildOf(service);
    if (build !== undefined) return endpointSetsIn(build, service);
    const key = `${service.namespace}/${service.name}`;
    return this.unclaimed(this.read(`endpoints:${key}`, this.endpointSetsByService.get(key)));
  }

  /** The workspace's objects of a kind read for connection paths (Ingress, DestinationRule, MeshConfig). */
  pathObjects<K extends PathObject['kind']>(kind: K): readonly Extract<PathObject, { kind: K }>[] {
    return this.read(`kind:${kind}`, this.pathObjectsByKind.get(kind) as readonly Extract<PathObject, { kind: K }>[]);
  }

  /** Every assignment of a sysctl key on the node, in the order the node applies them. */
  nodeSysctlAssignments(key: string): readonly NodeSysctl[] {
    return this.read(`nodeSysctl:${key}`, this.nodeSysctls.get(key) ?? []);
  }

  /**
   * The kernel modules a node image loads at boot (its modules-load.d files), by node root (see
   * modulesLoadRootOf); undefined when the workspace holds no modules-load.d file of that image.
   */
  modulesLoadedAtBoot(root: string): ReadonlySet<string> | undefined {
    return this.read('modulesLoad', this.modulesByRoot.get(root));
  }

  /** A short description of where a value comes from, for messages: `tcpEstablishedTimeout in kube-proxy.yaml:12`. */
  describe(source: ValueSource): string {
    switch (source.kind) {
      case 'file': {
        const line = this.file(source.file)?.lineIndex.positionAt(source.span.start).line;
        return `${source.setting} in ${baseName(source.file)}${line === undefined ? '' : `:${line + 1}`}${this.kubeProxyChoice(source.file)}`;
      }
      case 'default':
        return source.reason;
      case 'assumption':
        return `the ${source.setting} setting`;
    }
  }

  /**
   * The same model with its lists of objects and files limited to one file's: a rule whose
   * findings are each about one of those, run over it, finds that file's findings. Lookups, and
   * what the whole workspace decides (workspaceKubeProxyConfigurations, node sysctls), are not limited.
   */
  scopedTo(path: string): WorkspaceModel {
    const view = Object.create((this.scopePrototype ??= scopePrototypeOf(this))) as ScopedView;
    view.scopePath = path;
    return view;
  }

  /**
   * Why a kube-proxy configuration was the one used, when the workspace holds several: it is
   * the nearest to the file a scoped view is about, or the first of those equally near.
   */
  private kubeProxyChoice(file: string): string {
    const configurations = filesOf(this.all.kubeProxyConfigurations.get(''));
    const daemonSets = filesOf(this.all.workloads.get(KUBE_PROXY));
    const all = configurations.includes(file) ? configurations : daemonSets;
    if (all.length < 2 || !all.includes(file)) return '';
    const scopePath = (this as Partial<ScopedView>).scopePath;
    if (scopePath === undefined) return `, the first of ${all.length} kube-proxy configurations`;
    const nearestFiles = new Set(nearest(scopePath, all.map((path) => ({ file: path }))).map((candidate) => candidate.file));
    return nearestFiles.size > 1 ? `, the first of ${nearestFiles.size} equally near kube-proxy configurations` : `, the nearest of ${all.length} kube-proxy configurations`;
  }

  /** Runs `compute` and returns the facets of the model it read, with its result. */
  recordReads<T>(compute: () => T): { result: T; reads: Set<string> } {
    const outer = this.reads;
    const reads = new Set<string>();
    this.reads = reads;
    try {
      return { result: compute(), reads };
    } finally {
      this.reads = outer;
      if (outer !== undefined) for (const facet of reads) outer.add(facet);
    }
  }

  /** The facets changed since the last call (or since the model was made), or EVERYTHING. */
  takeChanges(): ReadonlySet<string> | typeof EVERYTHING {
    const changes = this.changes;
    this.changes = new Set();
    return changes;
  }

  /** Replaces what is assumed about the cluster; everything computed from the model is stale. */
  setAssumptions(assumptions: Assumptions): void {
    this.currentAssumptions = assumptions;
    this.changes = EVERYTHING;
    this.updates++;
  }

  /** Adds or replaces a file's part of the model. */
  setFile(file: AnalyzedFile): void {
    this.replace(file.path, file);
  }

  /** Removes a file's part of the model. */
  deleteFile(path: string): void {
    if (this.filesByPath.has(path)) this.replace(path, undefined);
  }

  private replace(path: string, next: AnalyzedFile | undefined): void {
    const previous = this.filesByPath.get(path);
    if (previous === next) return;
    const hadManifests = this.holdsManifests();
    if (this.kustomize.noteChange(path, next !== undefined)) this.changed('kustomize');
    if (next === undefined) this.filesByPath.delete(path);
    else this.filesByPath.set(path, next);
    this.updates++;
    this.changed(`file:${path}`);
    this.changed('files');
    const before = previous?.objects ?? [];
    const after = next?.objects ?? [];
    this.reindex(path, before, after);
    if (previous?.role === 'sysctl' || next?.role === 'sysctl') this.reorderSysctl([previous, next]);
    if (previous?.role === 'modules-load' || next?.role === 'modules-load') this.reindexModules();
    if (hadManifests !== this.holdsManifests()) this.changed('hasManifests');
  }

  private reindex(path: string, before: readonly K8sObject[], after: readonly K8sObject[]): void {
    const update = <T extends K8sObject>(index: OrderedIndex<T>, keysOf: (object: K8sObject) => string[], facet: (key: string) => string) =>
      index.replaceFile(path, entries<T>(before, keysOf), entries<T>(after, keysOf), (key) => this.changed(facet(key)));
    update(this.all.services, (object) => (object.kind === 'Service' ? [''] : []), () => 'services');
    update(this.all.workloads, globalWorkloadKeys, (key) => (key === KUBE_PROXY ? 'kubeProxyDaemonSets' : 'workloads'));
    update(this.all.kubeProxyConfigurations, (object) => (object.kind === 'KubeProxyConfiguration' ? [''] : []), () => 'kubeProxyConfigurations');
    update(this.workloadsByNamespace, (object) => (isWorkload(object) ? [object.namespace] : []), (key) => `workloadsIn:${key}`);
    update(this.workloadsByLabel, labelKeys, (key) => `label:${key}`);
    update(this.autoscalersByTarget, autoscalerKeys, (key) => `autoscalers:${key}`);
    update(this.endpointSetsByService, endpointKeys, (key) => `endpoints:${key}`);
    update(this.all.dataPlaneConfigurations, (object) => (object.kind === 'DataPlaneConfiguration' ? [''] : []), () => 'dataPlaneConfigurations');
    update(this.namespacesByName, (object) => (object.kind === 'Namespace' && object.name !== undefined ? [object.name] : []), (key) => `namespace:${key}`);
    update(this.rolloutsByWorkloadRef, rolloutKeys, (key) => `rollouts:${key}`);
    update(this.pathObjectsByKind, (object) => (PATH_OBJECT_KINDS.has(object.kind) ? [object.kind] : []), (key) => `kind:${key}`);
  }

  /** Rebuilds the node's sysctl order and assignments (a handful of files) and marks the keys that changed. */
  private reorderSysctl(changedFiles: readonly (AnalyzedFile | undefined)[]): void {
    const paths = [...this.filesByPath.values()].filter((file) => file.role === 'sysctl').map((file) => file.path);
    this.sysctlOrder = sysctlApplicationOrder(paths.sort(comparePaths)).map((path) => this.filesByPath.get(path)!);
    this.nodeSysctls = new Map();
    for (const file of this.sysctlOrder) {
      for (const assignment of file.sysctl?.assignments ?? []) {
        if (!assignment.isGlob) push(this.nodeSysctls, assignment.key, { file: file.path, assignment });
      }
    }
    this.changed('sysctlFiles');
    for (const file of changedFiles) for (const assignment of file?.sysctl?.assignments ?? []) this.changed(`nodeSysctl:${assignment.key}`);
  }

  /** Rebuilds the modules each node image loads at boot (a handful of files). */
  private reindexModules(): void {
    this.modulesByRoot = new Map();
    for (const file of this.filesByPath.values()) {
      if (file.role !== 'modules-load') continue;
      const root = modulesLoadRootOf(file.path);
      const modules = this.modulesByRoot.get(root) ?? new Set<string>();
      for (const module of file.modules ?? []) modules.add(module);
      this.modulesByRoot.set(root, modules);
    }
    this.changed('modulesLoad');
  }

  /** The kustomize builds, recording the read; undefined without a kustomization. */
  private kustomizeLayout(): KustomizeLayout | undefined {
    const layout = this.kustomize.current();
    if (layout !== undefined) this.reads?.add('kustomize');
    return layout;
  }

  /** A list of objects of the whole workspace, with builds evaluated when there are any. */
  private withBuilds<T extends K8sObject>(list: string, raw: readonly T[], is: (object: K8sObject) => object is T): readonly T[] {
    const layout = this.kustomizeLayout();
    return layout === undefined ? raw : this.kustomize.withBuilds(layout, list, raw, is, this.updates);
  }

  /**
   * What an object outside every build can relate to: the workspace's objects as their files
   * define them (a Service applied beside a build's output finds the build's workloads by the
   * nearest-definitions rule), except those of files used only as patches.
   */
  private unclaimed<T extends K8sObject>(objects: readonly T[]): T[] {
    const layout = this.kustomizeLayout();
    return layout === undefined ? [...objects] : objects.filter((object) => !layout.patchOnlyFiles.has(object.file));
  }

  private holdsManifests(): boolean {
    return this.all.services.get('').length > 0 || this.all.workloads.get('').length > 0 || this.all.kubeProxyConfigurations.get('').length > 0;
  }

  private changed(facet: string): void {
    if (this.changes === EVERYTHING) return;
    this.changes.add(facet);
    if (this.changes.size > MAX_LISTED_CHANGES) this.changes = EVERYTHING;
  }

  private read<T>(facet: string, value: T): T {
    this.reads?.add(facet);
    return value;
  }
}

/** A model scoped to one file (see `WorkspaceModel.scopedTo`). */
type ScopedView = WorkspaceModel & { scopePath: string };

/**
 * The prototype of a model's scoped views: the model, with the lists of objects and files
 * replaced by getters that give only the view's file's, recording a read of that file.
 */
function scopePrototypeOf(model: WorkspaceModel): WorkspaceModel {
  const own = <T extends K8sObject>(is: (object: K8sObject) => object is T): PropertyDescriptor => ({
    get(this: ScopedView): T[] {
      return model.objectsFrom(this.scopePath).filter(is);
    },
  });
  return Object.create(model, {
    services: own(isService),
    workloads: own(isWorkload),
    kubeProxyConfigurations: own(isKubeProxyConfiguration),
    workspaceKubeProxyConfigurations: {
      get(this: ScopedView): readonly KubeProxyConfiguration[] {
        return nearest(this.scopePath, model.workspaceKubeProxyConfigurations);
      },
    },
    kubeProxyDaemonSets: {
      get(this: ScopedView): readonly Workload[] {
        return nearest(this.scopePath, model.kubeProxyDaemonSets);
      },
    },
    files: {
      get(this: ScopedView): AnalyzedFile[] {
        const file = model.file(this.scopePath);
        return file === undefined ? [] : [file];
      },
    },
  }) as WorkspaceModel;
}

/** Kinds indexed by `pathObjects`. */
const PATH_OBJECT_KINDS: ReadonlySet<string> = new Set<PathObject['kind']>(['Ingress', 'DestinationRule', 'MeshConfig']);

/** The key under which DaemonSets that run kube-proxy are listed too. */
const KUBE_PROXY = 'kube-proxy';

/** The distinct files of some objects, in workspace order. */
function filesOf(objects: readonly K8sObject[]): string[] {
  return [...new Set(objects.map((object) => object.file))];
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

function labelIndexKey(namespace: string, key: string, value: string): string {
  return `${namespace}\u0000${key}=${value}`;
}

function targetKey(namespace: string, kind: string, name: string | undefined): string {
  return `${namespace}/${kind}/${name ?? ''}`;
}

function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}
