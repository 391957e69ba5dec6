import type { AnalyzedFile } from '../analyze';
import {
  isWorkload,
  type EndpointSet,
  type HorizontalPodAutoscaler,
  type K8sObject,
  type KubeProxyConfiguration,
  type Service,
  type Workload,
} from '../k8s/objects';
import { sysctlApplicationOrder } from '../sysctl/order';
import type { SysctlAssignment } from '../sysctl/parse';
import { baseName, type ValueSource } from './sources';

/** What the user tells Connlint about the cluster that the workspace cannot show. */
export interface Assumptions {
  /** The conntrack established timeout on the nodes, in seconds. */
  readonly conntrackEstablishedTimeout?: number;
  /** Whether kube-proxy runs (it sets the conntrack timeout at start-up); assumed when manifests are present. */
  readonly kubeProxy?: boolean;
  /** kube-proxy's mode (`iptables`, `ipvs`, `nftables`), over what the workspace says. */
  readonly proxyMode?: string;
}

/** A sysctl assignment that applies on the node, with its file. */
export interface NodeSysctl {
  readonly file: string;
  readonly assignment: SysctlAssignment;
}

/**
 * The whole workspace as one model: its Kubernetes objects indexed for the relations rules
 * follow (selector → pods, autoscaler → workload, Service → Endpoints), and the node's sysctl
 * files in the order the node applies them. Immutable: a change builds a new model.
 */
export class WorkspaceModel {
  readonly services: readonly Service[];
  readonly workloads: readonly Workload[];
  readonly kubeProxyConfigurations: readonly KubeProxyConfiguration[];
  /** Sysctl files in application order. */
  readonly sysctlFiles: readonly AnalyzedFile[];
  private readonly filesByPath: ReadonlyMap<string, AnalyzedFile>;
  private readonly workloadsByNamespace = new Map<string, Workload[]>();
  private readonly autoscalersByTarget = new Map<string, HorizontalPodAutoscaler[]>();
  private readonly endpointSetsByService = new Map<string, EndpointSet[]>();
  private readonly nodeSysctls = new Map<string, NodeSysctl[]>();

  constructor(
    files: Iterable<AnalyzedFile>,
    readonly assumptions: Assumptions = {},
  ) {
    const byPath = new Map<string, AnalyzedFile>();
    for (const file of files) byPath.set(file.path, file);
    this.filesByPath = byPath;
    const ordered = [...byPath.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const objects = ordered.flatMap((file) => file.objects);
    this.services = objects.filter((object): object is Service => object.kind === 'Service');
    this.workloads = objects.filter(isWorkload);
    this.kubeProxyConfigurations = objects.filter((object): object is KubeProxyConfiguration => object.kind === 'KubeProxyConfiguration');
    for (const object of objects) this.index(object);
    const sysctlPaths = sysctlApplicationOrder(ordered.filter((file) => file.role === 'sysctl').map((file) => file.path));
    this.sysctlFiles = sysctlPaths.map((path) => byPath.get(path)!);
    for (const file of this.sysctlFiles) {
      for (const assignment of file.sysctl?.assignments ?? []) {
        if (!assignment.isGlob) push(this.nodeSysctls, assignment.key, { file: file.path, assignment });
      }
    }
  }

  /** Every analysed file, relevant or not. */
  get files(): Iterable<AnalyzedFile> {
    return this.filesByPath.values();
  }

  file(path: string): AnalyzedFile | undefined {
    return this.filesByPath.get(path);
  }

  /** Whether the workspace holds any Kubernetes object the analysis models. */
  get hasManifests(): boolean {
    return this.services.length > 0 || this.workloads.length > 0 || this.kubeProxyConfigurations.length > 0;
  }

  /** Workloads and Pods of a namespace. */
  workloadsIn(namespace: string): readonly Workload[] {
    return this.workloadsByNamespace.get(namespace) ?? [];
  }

  /** Autoscalers whose `scaleTargetRef` names this workload. */
  autoscalersOf(workload: Workload): readonly HorizontalPodAutoscaler[] {
    return this.autoscalersByTarget.get(targetKey(workload.namespace, workload.kind, workload.name)) ?? [];
  }

  /** Endpoints and EndpointSlices written for a Service. */
  endpointSetsOf(service: Service): readonly EndpointSet[] {
    return this.endpointSetsByService.get(`${service.namespace}/${service.name}`) ?? [];
  }

  /** Every assignment of a sysctl key on the node, in the order the node applies them. */
  nodeSysctlAssignments(key: string): readonly NodeSysctl[] {
    return this.nodeSysctls.get(key) ?? [];
  }

  /** A short description of where a value comes from, for messages: `tcpEstablishedTimeout in kube-proxy.yaml:12`. */
  describe(source: ValueSource): string {
    switch (source.kind) {
      case 'file': {
        const line = this.file(source.file)?.lineIndex.positionAt(source.span.start).line;
        return `${source.setting} in ${baseName(source.file)}${line === undefined ? '' : `:${line + 1}`}`;
      }
      case 'default':
        return source.reason;
      case 'assumption':
        return `the ${source.setting} setting`;
    }
  }

  private index(object: K8sObject): void {
    if (isWorkload(object)) push(this.workloadsByNamespace, object.namespace, object);
    else if (object.kind === 'HorizontalPodAutoscaler' && object.target !== undefined) {
      push(this.autoscalersByTarget, targetKey(object.namespace, object.target.kind, object.target.name), object);
    } else if ((object.kind === 'Endpoints' || object.kind === 'EndpointSlice') && object.serviceName !== undefined) {
      push(this.endpointSetsByService, `${object.namespace}/${object.serviceName}`, object);
    }
  }
}

function targetKey(namespace: string, kind: string, name: string | undefined): string {
  return `${namespace}/${kind}/${name ?? ''}`;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}
