import type { AnalyzedFile } from '../analyze';
import { type Autoscaler, type DataPlaneConfiguration, type EndpointSet, type K8sObject, type KubeProxyConfiguration, type Namespace, type Service, type Workload } from '../k8s/objects';
import type { PathObject } from '../k8s/pathObjects';
import type { KustomizeBuild } from '../kustomize/build';
import { buildName } from '../kustomize/paths';
import type { Assumptions, ClusterAssumptions } from './assumptions';
import { isNearby, nearest } from './backends';
import { EVERYTHING, FacetLog } from './facetLog';
import { NodeFiles, type NodeSysctl } from './nodeFiles';
import { KUBE_PROXY, ObjectIndexes, targetKey } from './objectIndexes';
import { kubeProxyChoice, scopedView, scopePathOf, scopePrototypeOf } from './scopedView';
import { describeSource, type ValueSource } from './sources';
import { autoscalersIn, endpointSetsIn, selects, workloadsSelectedIn, WorkspaceBuilds, type BuildList } from './workspaceBuilds';

export type { Assumptions, ClusterAssumptions } from './assumptions';
export { EVERYTHING } from './facetLog';
export type { NodeSysctl } from './nodeFiles';

/**
 * The whole workspace as one model: its objects indexed for the relations rules follow (selector →
 * pods, autoscaler → workload, Service → Endpoints) and the nodes' sysctl files in the order applied.
 * Updated file by file, it records the facets each update changed (`file:<path>`,
 * `workloadsIn:<namespace>`, …): results read from other facets are kept (see lint.ts).
 */
export class WorkspaceModel {
  private readonly filesByPath = new Map<string, AnalyzedFile>();
  private readonly all = new ObjectIndexes();
  private readonly node = new NodeFiles();
  private readonly kustomize = new WorkspaceBuilds(
    (path) => this.filesByPath.get(path),
    (directory) => this.directoryName?.(directory) ?? buildName(directory),
  );
  private readonly facets = new FacetLog();
  private readonly readFacet = (facet: string): void => void this.facets.read(facet, undefined);
  /** What every view made by `scopedTo` inherits from (made once: views differ only in their path). */
  private scopePrototype: WorkspaceModel | undefined;
  /** Counts every update; a result computed at one generation is current while it stays the same. */
  private updates = 0;

  constructor(
    files: Iterable<AnalyzedFile> = [],
    private currentAssumptions: Assumptions = {},
    /** How messages name a directory (a kustomize build's); by default, as its path is written. */
    private readonly directoryName?: (directory: string) => string,
  ) {
    for (const file of files) this.setFile(file);
  }

  /** What is assumed about the cluster: in a model scoped to a file, about that file's cluster. */
  get assumptions(): Assumptions {
    const scopePath = scopePathOf(this);
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
    return this.facets.read('services', this.withBuilds('Service', this.all.services.get('')));
  }

  /** Workloads and Pods, in workspace order. */
  get workloads(): readonly Workload[] {
    return this.facets.read('workloads', this.withBuilds('Workload', this.all.workloads.get('')));
  }

  get kubeProxyConfigurations(): readonly KubeProxyConfiguration[] {
    return this.facets.read('kubeProxyConfigurations', this.withBuilds('KubeProxyConfiguration', this.all.kubeProxyConfigurations.get('')));
  }

  /** The kustomize builds of the workspace (none without a kustomization file). */
  get builds(): readonly KustomizeBuild[] {
    return this.kustomize.read(this.readFacet)?.builds ?? [];
  }

  /** The build an object belongs to, when it is one a build emits. */
  buildOf(object: K8sObject): KustomizeBuild | undefined {
    return this.kustomize.readFor(object.file, this.readFacet)?.buildOf(object);
  }

  /**
   * A file's objects as the analysis sees them: as each build emits them when builds read the
   * file (none for a file used only as a patch), else as the file defines them.
   */
  objectsFrom(path: string): readonly K8sObject[] {
    const file = this.file(path);
    if (file === undefined) return [];
    const layout = this.kustomize.readFor(path, this.readFacet);
    return layout === undefined ? file.objects : this.kustomize.emittedFrom(layout, path, this.updates);
  }

  /**
   * kube-proxy configurations that apply on the nodes: the whole workspace's, as the kustomize
   * builds emit them (a patch of the kube-proxy ConfigMap replaces its configuration); in a model
   * scoped to one file, those defined nearest to it (see `nearest`), when the workspace holds several.
   */
  get workspaceKubeProxyConfigurations(): readonly KubeProxyConfiguration[] {
    return this.kubeProxyConfigurations;
  }

  /** DaemonSets that run kube-proxy (with command-line flags or a kube-proxy image), in workspace order. */
  get kubeProxyDaemonSets(): readonly Workload[] {
    return this.facets.read('kubeProxyDaemonSets', this.all.workloads.get(KUBE_PROXY));
  }

  /** Sysctl files in application order. */
  get sysctlFiles(): readonly AnalyzedFile[] {
    return this.facets.read('sysctlFiles', this.node.sysctlFiles);
  }

  /** Every analysed file, relevant or not. */
  get files(): Iterable<AnalyzedFile> {
    return this.facets.read('files', this.filesByPath.values());
  }

  file(path: string): AnalyzedFile | undefined {
    return this.facets.read(`file:${path}`, this.filesByPath.get(path));
  }

  /** Whether the workspace holds any Kubernetes object the analysis models. */
  get hasManifests(): boolean {
    return this.facets.read('hasManifests', this.all.holdsManifests());
  }

  /** Workloads and Pods of a namespace. */
  workloadsIn(namespace: string): readonly Workload[] {
    return this.facets.read(`workloadsIn:${namespace}`, this.all.workloadsByNamespace.get(namespace));
  }

  /**
   * Workloads of a namespace whose pod template's labels hold every pair of `selector`, in
   * workspace order: looked up by the selector's rarest pair rather than over the whole namespace.
   */
  workloadsSelectedBy(namespace: string, selector: ReadonlyMap<string, string>, build?: KustomizeBuild): Workload[] {
    if (build !== undefined) return workloadsSelectedIn(build, namespace, selector);
    const { facet, candidates } = this.all.selectorCandidates(namespace, selector);
    return this.unclaimed(this.facets.read(facet, candidates).filter((workload) => selects(workload, selector)));
  }

  /** Cilium and Calico data plane configurations of the whole workspace, even in a scoped model: what applies on the nodes. */
  get dataPlaneConfigurations(): readonly DataPlaneConfiguration[] {
    return this.facets.read('dataPlaneConfigurations', this.all.dataPlaneConfigurations.get(''));
  }

  /** The Namespace objects of that name in the workspace. */
  namespacesNamed(name: string): readonly Namespace[] {
    return this.facets.read(`namespace:${name}`, this.all.namespacesByName.get(name));
  }

  /** The Services of that namespace and name that the workspace's files define. */
  servicesNamed(namespace: string, name: string): readonly Service[] {
    return this.facets.read(`servicesNamed:${namespace}/${name}`, this.all.servicesByName.get(`${namespace}/${name}`));
  }

  /** Argo Rollouts whose `spec.workloadRef` names this workload: they run its pod template. */
  rolloutsReferencing(workload: Workload): readonly Workload[] {
    const key = targetKey(workload.namespace, workload.kind, workload.name);
    return this.facets.read(`rollouts:${key}`, this.all.rolloutsByWorkloadRef.get(key));
  }

  /**
   * Autoscalers (HorizontalPodAutoscalers, KEDA ScaledObjects) whose `scaleTargetRef` names this
   * workload: in its build when a build emits it, else outside every build.
   */
  autoscalersOf(workload: Workload): readonly Autoscaler[] {
    const build = this.buildOf(workload);
    if (build !== undefined) return autoscalersIn(build, workload);
    const key = targetKey(workload.namespace, workload.kind, workload.name);
    const autoscalers = this.facets.read(`autoscalers:${key}`, this.all.autoscalersByTarget.get(key));
    const layout = this.kustomize.readClaims(this.readFacet);
    // An autoscaler a build emits scales that build's workloads only; outside builds, only one written near the workload does.
    const unclaimed = layout === undefined ? autoscalers : autoscalers.filter((autoscaler) => !layout.claimedFiles.has(autoscaler.file));
    return nearest(workload.file, unclaimed).filter((autoscaler) => isNearby(workload.file, autoscaler.file));
  }

  /** Endpoints and EndpointSlices written for a Service: in its build, when a build emits it. */
  endpointSetsOf(service: Service): readonly EndpointSet[] {
    const build = this.buildOf(service);
    if (build !== undefined) return endpointSetsIn(build, service);
    const key = `${service.namespace}/${service.name}`;
    return this.unclaimed(this.facets.read(`endpoints:${key}`, this.all.endpointSetsByService.get(key)));
  }

  /** The workspace's objects of a kind read for connection paths (Ingress, DestinationRule, MeshConfig). */
  pathObjects<K extends PathObject['kind']>(kind: K): readonly Extract<PathObject, { kind: K }>[] {
    return this.facets.read(`kind:${kind}`, this.all.pathObjectsByKind.get(kind) as readonly Extract<PathObject, { kind: K }>[]);
  }

  /**
   * Every assignment of a sysctl key on the nodes, in the order a node applies them: of every node
   * image, or of one (`image`); in a model scoped to a file, of the image nearest to it (see nodeImageOf).
   */
  nodeSysctlAssignments(key: string, image?: string): readonly NodeSysctl[] {
    return this.facets.read(`nodeSysctl:${key}`, this.node.assignments(key, image));
  }

  /** The node images of the workspace's sysctl files (their roots, see nodeRootOf), in path order. */
  get nodeImages(): readonly string[] {
    return this.facets.read('sysctlFiles', this.node.images);
  }

  /**
   * The kernel modules a node image loads at boot (its modules-load.d files), by node root (see
   * modulesLoadRootOf); undefined when the workspace holds no modules-load.d file of that image.
   */
  modulesLoadedAtBoot(root: string): ReadonlySet<string> | undefined {
    return this.facets.read('modulesLoad', this.node.modulesLoadedAtBoot(root));
  }

  /** A short description of where a value comes from, for messages: `tcpEstablishedTimeout in kube-proxy.yaml:12`. */
  describe(source: ValueSource): string {
    return describeSource(
      source,
      (file, offset) => this.file(file)?.lineIndex.positionAt(offset).line,
      (file) => kubeProxyChoice(file, this.all.kubeProxyConfigurations.get(''), this.all.workloads.get(KUBE_PROXY), scopePathOf(this)),
    );
  }

  /**
   * The same model with its lists of objects and files limited to one file's: a rule whose
   * findings are each about one of those, run over it, finds that file's findings. Lookups, and
   * what the whole workspace decides (workspaceKubeProxyConfigurations, node sysctls), are not limited.
   */
  scopedTo(path: string): WorkspaceModel {
    return scopedView((this.scopePrototype ??= scopePrototypeOf(this)), path);
  }

  /**
   * A value computed from the whole workspace (by `compute`, given the whole model even in a
   * scoped one), read as one facet that changes only when the value does (see DerivedValues).
   */
  readonly workspaceValue = <T>(name: string, compute: (model: WorkspaceModel) => T, same: (a: T, b: T) => boolean): T => this.facets.derive(name, () => compute(this), same);

  /** Runs `compute` and returns the facets of the model it read, with its result. */
  recordReads<T>(compute: () => T): { result: T; reads: Set<string> } {
    return this.facets.recordReads(compute);
  }

  /** The facets changed since the last call (or since the model was made), or EVERYTHING. */
  takeChanges(): ReadonlySet<string> | typeof EVERYTHING {
    return this.facets.takeChanges();
  }

  /** Replaces what is assumed about the cluster; everything computed from the model is stale. */
  setAssumptions(assumptions: Assumptions): void {
    this.currentAssumptions = assumptions;
    this.facets.changedEverything();
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
    const hadManifests = this.all.holdsManifests();
    for (const facet of this.kustomize.noteChange(path, previous, next)) this.facets.changed(facet);
    if (next === undefined) this.filesByPath.delete(path);
    else this.filesByPath.set(path, next);
    this.updates++;
    this.facets.changed(`file:${path}`);
    this.facets.changed('files');
    this.all.replaceFile(path, previous?.objects ?? [], next?.objects ?? [], (facet) => this.facets.changed(facet));
    this.node.update(this.filesByPath, previous, next, (facet) => this.facets.changed(facet));
    if (hadManifests !== this.all.holdsManifests()) this.facets.changed('hasManifests');
  }

  /** A list of objects of the whole workspace, with builds evaluated when there are any. */
  private withBuilds<T extends K8sObject>(list: BuildList, raw: readonly T[]): readonly T[] {
    const layout = this.kustomize.readList(list, this.readFacet);
    return layout === undefined ? raw : this.kustomize.withBuilds(layout, list, raw, this.updates);
  }

  /**
   * What an object outside every build can relate to: the workspace's objects as their files
   * define them (a Service applied beside a build's output finds the build's workloads by the
   * nearest-definitions rule), except those of files used only as patches.
   */
  private unclaimed<T extends K8sObject>(objects: readonly T[]): T[] {
    const layout = this.kustomize.readClaims(this.readFacet);
    return layout === undefined ? [...objects] : objects.filter((object) => !layout.patchOnlyFiles.has(object.file));
  }
}
