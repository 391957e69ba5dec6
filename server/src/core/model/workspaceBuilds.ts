import type { AnalyzedFile } from '../analyze';
import { isWorkload, type Autoscaler, type EndpointSet, type K8sObject, type KubeProxyConfiguration, type Service, type Workload } from '../k8s/objects';
import { kustomizeLayout, type KustomizeBuild, type KustomizeLayout } from '../kustomize/build';
import { isKustomizationPath } from '../kustomize/kustomization';

/** Notes that the computation being recorded read a facet of the model (`FacetLog.read`). */
type FacetRead = (facet: string) => void;

/** The facet of everything the builds emit. */
const EMITTED = 'kustomize';
/** The facet of which files the builds read (`claimedFiles`, `patchOnlyFiles`): most results depend on this alone. */
const CLAIMS = 'kustomizeClaims';

/** The lists of the whole workspace that hold what builds emit, each with the kinds it holds. */
const LISTS = { Service: isService, Workload: isWorkload, KubeProxyConfiguration: isKubeProxyConfiguration } as const;
export type BuildList = keyof typeof LISTS;
/** The facet of one list's objects as the builds emit them: every Service reads the kube-proxy configurations. */
const listFacet = (list: BuildList): string => `kustomize:${list}`;
const LIST_NAMES = Object.keys(LISTS) as BuildList[];
/** The facet of one build's objects: what the findings about its files read of it. */
const buildFacet = (build: KustomizeBuild): string => `kustomize:build:${build.kustomization}`;

/**
 * The kustomize builds of a workspace model: evaluated on first need; all evaluated again after a
 * kustomization changes, or a file a build read (or looked for) appears or disappears; only those
 * that read a file after an edit of its text. The lists of objects with builds evaluated are kept
 * for one generation of the model. Without a kustomization it holds nothing.
 * Its reads are of four kinds of facets: which files the builds read, which an edit of a file
 * leaves as it is; each build's objects; each list of the workspace as the builds emit it; and
 * everything they emit. So an edit of a file a build reads re-runs the findings about the files of
 * the builds that read it, and those that read a list it changed, not those of every build.
 */
export class WorkspaceBuilds {
  private readonly kustomizationPaths = new Set<string>();
  /** The last layout computed: changes are read against it until another is. */
  private layout: KustomizeLayout | undefined;
  /** Whether the layout is stale as a whole, and which files' text changed since it was computed. */
  private restructured = true;
  private readonly edited = new Set<string>();
  private lists: { generation: number; byKey: Map<string, readonly K8sObject[]> } | undefined;

  constructor(
    private readonly fileAt: (path: string) => AnalyzedFile | undefined,
    private readonly directoryName: (directory: string) => string,
  ) {}

  /** Takes in a change to a file (its analyses before and after); the facets of the builds it changed. */
  noteChange(path: string, previous: AnalyzedFile | undefined, next: AnalyzedFile | undefined): string[] {
    const isKustomization = isKustomizationPath(path);
    if (isKustomization && next !== undefined) this.kustomizationPaths.add(path);
    else if (isKustomization) this.kustomizationPaths.delete(path);
    const layout = this.layout;
    const read = layout?.inputs.has(path) === true;
    // Which files the builds read follows the kustomizations, and which of the files they name exist.
    if (isKustomization || (read && (previous === undefined) !== (next === undefined))) {
      this.restructured = true;
      return [EMITTED, CLAIMS, ...LIST_NAMES.map(listFacet)];
    }
    if (layout === undefined || !read) return [];
    this.edited.add(path);
    const builds = layout.buildsReading(path);
    // A resource file changes what the builds emit of the kinds it holds, before or after; a patch,
    // of the kinds its builds read from their resources (a patch changes no object's kind).
    const objects = [...(previous?.objects ?? []), ...(next?.objects ?? [])];
    const inputs = layout.patchFiles.has(path) ? builds.flatMap((build) => [...build.inputs].flatMap((input) => this.fileAt(input)?.objects ?? [])) : [];
    const lists = LIST_NAMES.filter((list) => objects.some(LISTS[list]) || inputs.some(LISTS[list]));
    return [EMITTED, ...builds.map(buildFacet), ...lists.map(listFacet)];
  }

  /** The builds, or undefined when the workspace holds no kustomization. */
  current(): KustomizeLayout | undefined {
    if (this.kustomizationPaths.size === 0) return undefined;
    if (this.restructured || this.layout === undefined) {
      this.layout = kustomizeLayout(this.kustomizationPaths, this.fileAt, this.directoryName);
    } else if (this.edited.size > 0) {
      this.layout = kustomizeLayout(this.kustomizationPaths, this.fileAt, this.directoryName, { layout: this.layout, changed: this.edited });
    }
    this.restructured = false;
    this.edited.clear();
    return this.layout;
  }

  /** The builds, recording a read of everything they emit (and of whether there are any). */
  read(read: FacetRead): KustomizeLayout | undefined {
    read(EMITTED);
    read(CLAIMS);
    return this.current();
  }

  /** The builds, recording a read of what they emit of one list's kinds, and of which files they read. */
  readList(list: BuildList, read: FacetRead): KustomizeLayout | undefined {
    read(listFacet(list));
    return this.readClaims(read);
  }

  /** The builds, recording a read of which files they read only (and of whether there are any). */
  readClaims(read: FacetRead): KustomizeLayout | undefined {
    read(CLAIMS);
    return this.current();
  }

  /** The builds when one of them reads `path` (recording a read of the objects of those that do), else undefined. */
  readFor(path: string, read: FacetRead): KustomizeLayout | undefined {
    const layout = this.readClaims(read);
    if (layout?.claimedFiles.has(path) !== true) return undefined;
    for (const build of layout.buildsReading(path)) read(buildFacet(build));
    return layout;
  }

  /** A list of the whole workspace: the objects of files no build reads, then those each build emits. */
  withBuilds<T extends K8sObject>(layout: KustomizeLayout, list: BuildList, raw: readonly T[], generation: number): readonly T[] {
    const is = LISTS[list] as (object: K8sObject) => boolean;
    return this.kept(list, generation, () => [...raw.filter((object) => !layout.claimedFiles.has(object.file)), ...layout.builds.flatMap((build) => build.objects.filter(is))]) as T[];
  }

  /** A file's objects as the builds that read it emit them (none for a patch). */
  emittedFrom(layout: KustomizeLayout, path: string, generation: number): readonly K8sObject[] {
    return this.kept(`file:${path}`, generation, () => layout.buildsReading(path).flatMap((build) => build.objects.filter((object) => object.file === path)));
  }

  private kept(key: string, generation: number, make: () => readonly K8sObject[]): readonly K8sObject[] {
    if (this.lists?.generation !== generation) this.lists = { generation, byKey: new Map() };
    let list = this.lists.byKey.get(key);
    if (list === undefined) this.lists.byKey.set(key, (list = make()));
    return list;
  }
}

/** A build's workloads of a namespace whose pod template labels hold every pair of `selector`. */
export function workloadsSelectedIn(build: KustomizeBuild, namespace: string, selector: ReadonlyMap<string, string>): Workload[] {
  return build.objects.filter((object): object is Workload => isWorkload(object) && object.namespace === namespace && selects(object, selector));
}

/** A build's autoscalers whose `scaleTargetRef` names the workload. */
export function autoscalersIn(build: KustomizeBuild, workload: Workload): Autoscaler[] {
  return build.objects.filter(
    (object): object is Autoscaler =>
      (object.kind === 'HorizontalPodAutoscaler' || object.kind === 'ScaledObject') &&
      object.namespace === workload.namespace &&
      object.target?.kind === workload.kind &&
      object.target.name === workload.name,
  );
}

/** A build's Endpoints and EndpointSlices written for the Service. */
export function endpointSetsIn(build: KustomizeBuild, service: Service): EndpointSet[] {
  return build.objects.filter(
    (object): object is EndpointSet =>
      (object.kind === 'Endpoints' || object.kind === 'EndpointSlice') && object.namespace === service.namespace && object.serviceName === service.name,
  );
}

/** Whether a workload's pods carry every pair of a selector. */
export function selects(workload: Workload, selector: ReadonlyMap<string, string>): boolean {
  if (workload.template === undefined) return false;
  for (const [key, value] of selector) if (workload.template.labels.get(key) !== value) return false;
  return true;
}

/** Whether an object is a Service. */
export function isService(object: K8sObject): object is Service {
  return object.kind === 'Service';
}

/** Whether an object is a kube-proxy configuration. */
export function isKubeProxyConfiguration(object: K8sObject): object is KubeProxyConfiguration {
  return object.kind === 'KubeProxyConfiguration';
}
