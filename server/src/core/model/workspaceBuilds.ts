import type { AnalyzedFile } from '../analyze';
import { isWorkload, type Autoscaler, type EndpointSet, type K8sObject, type KubeProxyConfiguration, type Service, type Workload } from '../k8s/objects';
import { kustomizeLayout, type KustomizeBuild, type KustomizeLayout } from '../kustomize/build';
import { isKustomizationPath } from '../kustomize/kustomization';

/**
 * The kustomize builds of a workspace model: evaluated on first need, dropped when a
 * kustomization or a file a build read (or looked for) changes, and the lists of objects with
 * builds evaluated, kept for one generation of the model. Without a kustomization it holds nothing.
 */
export class WorkspaceBuilds {
  private readonly kustomizationPaths = new Set<string>();
  private layout: KustomizeLayout | undefined;
  private lists: { generation: number; byKey: Map<string, readonly K8sObject[]> } | undefined;

  constructor(private readonly fileAt: (path: string) => AnalyzedFile | undefined) {}

  /** Takes in a change to a file; whether the builds may have changed. */
  noteChange(path: string, exists: boolean): boolean {
    const isKustomization = isKustomizationPath(path);
    if (isKustomization && exists) this.kustomizationPaths.add(path);
    else if (isKustomization) this.kustomizationPaths.delete(path);
    if (!isKustomization && this.layout?.inputs.has(path) !== true) return false;
    this.layout = undefined;
    return true;
  }

  /** The builds, or undefined when the workspace holds no kustomization. */
  current(): KustomizeLayout | undefined {
    if (this.kustomizationPaths.size === 0) return undefined;
    return (this.layout ??= kustomizeLayout(this.kustomizationPaths, this.fileAt));
  }

  /** A list of the whole workspace: the objects of files no build reads, then those each build emits. */
  withBuilds<T extends K8sObject>(layout: KustomizeLayout, key: string, raw: readonly T[], is: (object: K8sObject) => object is T, generation: number): readonly T[] {
    return this.kept(key, generation, () => [...raw.filter((object) => !layout.claimedFiles.has(object.file)), ...layout.builds.flatMap((build) => build.objects.filter(is))]) as T[];
  }

  /** A file's objects as the builds that read it emit them (none for a patch). */
  emittedFrom(layout: KustomizeLayout, path: string, generation: number): readonly K8sObject[] {
    return this.kept(`file:${path}`, generation, () => layout.builds.flatMap((build) => build.objects.filter((object) => object.file === path)));
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
