import { fileOfValue } from '../kustomize/strategicMerge';
import picomatch from 'picomatch';
import { isWorkload, objectLabel, type Service, type Workload } from '../k8s/objects';
import { DEFAULTS, effectiveConntrackTimeout, parseInteger, podKeepaliveTime, winningNodeAssignment } from './effective';
import { defaultTimer, IDLE_DEFAULTS, type IdleTimer } from './idleTimers';
import { effectiveCloud, ingressLoadBalancer, serviceLoadBalancer, type CloudAssumption } from './loadBalancers';
import { effectiveDataPlane, type DataPlane } from './dataPlane';
import { meshSidecarOf, type MeshSidecar } from './mesh';
import { backendsOf } from './backends';
import { effectiveIpvsTcpTimeout, ipvsMode, isProxied } from './proxy';
import { istioSidecarTimer, keepaliveField, sidecarKeepalive } from './sidecars';
import type { Effective } from './sources';
import type { WorkspaceModel } from './workspaceModel';

export { effectiveCloud, type CloudAssumption } from './loadBalancers';

/** An idle timer a team knows about and the workspace cannot show (`assume.idleTimers`). */
export interface AssumedIdleTimer {
  readonly name: string;
  readonly seconds: number;
  /** Services it sits in front of: globs over `namespace/name` or names; every Service when empty. */
  readonly paths: readonly string[];
}

/** What a connection path depends on beyond the Service: the data plane that forwards it, and the mesh sidecar beside its pods. */
export interface PathContext {
  readonly dataPlane: Effective<DataPlane>;
  readonly mesh: MeshSidecar | undefined;
}

/** What a hop of a path is. */
export type HopKind = 'client' | 'middlebox' | 'load-balancer' | 'node' | 'sidecar' | 'pod';

/** One box a connection passes through, with its idle timer when it has one. */
export interface Hop {
  readonly kind: HopKind;
  readonly label: string;
  readonly timer: IdleTimer | undefined;
}

/** The keepalive on a path: who sends the probes, after how long, and how often they retry. */
export interface PathKeepalive {
  readonly sender: string;
  readonly time: Effective<number>;
  readonly interval: Effective<number>;
}

/** Where a connection enters: from a pod in the cluster, through the Service's load balancer, or through an Ingress's. */
export type PathEntry = 'in-cluster' | 'load-balancer' | 'ingress';

/** The path of a connection to a Service's pods, each hop with its idle timer. */
export interface ConnectionPath {
  readonly service: Service;
  /** The backend workload the path ends at; undefined when the workspace shows none. */
  readonly workload: Workload | undefined;
  readonly entry: PathEntry;
  readonly context: PathContext;
  readonly hops: readonly Hop[];
  /** The keepalive that crosses the path's timers; undefined when none does. */
  readonly keepalive: PathKeepalive | undefined;
  /** Why there is no keepalive, when there is none. */
  readonly noKeepaliveReason: string | undefined;
}

/**
 * The connection paths to a Service's pods: from inside the cluster, and through each load
 * balancer in front of it. `known.cloud` is the workspace's cloud, computed once by callers that
 * go over every Service.
 */
export function connectionPaths(model: WorkspaceModel, service: Service, known: { readonly cloud: Effective<CloudAssumption> | undefined } = { cloud: effectiveCloud(model) }): ConnectionPath[] {
  const cloud = known.cloud;
  if (!isProxied(service)) return [];
  const workloads = backendsOf(service, model).sources.map((source) => source.object).filter(isWorkload);
  const dataPlane = effectiveDataPlane(model);
  const entries: { entry: PathEntry; front: Hop[] }[] = [{ entry: 'in-cluster', front: [] }];
  const balancer = serviceLoadBalancer(service, cloud);
  if (balancer !== undefined) entries.push({ entry: 'load-balancer', front: [{ kind: 'load-balancer', label: balancer.label, timer: balancer.timer }, ...cloudHops(cloud)] });
  for (const ingress of model.pathObjects('Ingress')) {
    const alb = ingress.namespace === service.namespace && service.name !== undefined && ingress.serviceNames.includes(service.name) ? ingressLoadBalancer(ingress) : undefined;
    if (alb !== undefined) entries.push({ entry: 'ingress', front: [{ kind: 'load-balancer', label: alb.label, timer: alb.timer }] });
  }
  const assumed = assumedHops(model, service);
  return (workloads.length > 0 ? workloads : [undefined]).flatMap((workload) => {
    const context: PathContext = { dataPlane, mesh: workload === undefined ? undefined : meshSidecarOf(workload, model) };
    return entries.map(({ entry, front }) => buildPath(model, { service, workload, entry, context }, [...assumed, ...front]));
  });
}

/** The first timer to fire on a path (the shortest; the nearest the client on a tie), among those `accept` keeps. */
export function firstToFire(path: ConnectionPath, accept: (timer: IdleTimer) => boolean = () => true): Hop | undefined {
  let first: Hop | undefined;
  for (const hop of path.hops) if (hop.timer !== undefined && accept(hop.timer) && (first === undefined || hop.timer.seconds < first.timer!.seconds)) first = hop;
  return first;
}

/** Timers on the way out of the cluster for the assumed or recognised cloud: NAT gateways and firewalls. */
export function egressTimers(model: WorkspaceModel): IdleTimer[] {
  const cloud = effectiveCloud(model)?.value;
  if (cloud === 'aws') return [defaultTimer('AWS NAT gateway', 'nat', IDLE_DEFAULTS.awsNat, 'AWS NAT gateway, not configurable', true)];
  if (cloud === 'azure') return [defaultTimer('Azure NAT gateway', 'nat', IDLE_DEFAULTS.azureNat, "Azure NAT gateway's default, 4 minutes", true)];
  if (cloud === 'gcp') {
    return [
      defaultTimer('GCP Cloud NAT', 'nat', IDLE_DEFAULTS.gcpNat, "Cloud NAT's default for established TCP", true),
      defaultTimer('GCP VPC firewall', 'firewall', IDLE_DEFAULTS.gcpFirewall, 'GCP firewall connection tracking', true),
    ];
  }
  return [];
}

type PathHead = Pick<ConnectionPath, 'service' | 'workload' | 'entry' | 'context'>;

function buildPath(model: WorkspaceModel, head: PathHead, front: readonly Hop[]): ConnectionPath {
  const mesh = head.context.mesh?.mesh;
  const meshedInCluster = mesh !== undefined && head.entry === 'in-cluster';
  const client: Hop = { kind: 'client', label: head.entry === 'in-cluster' ? 'client pod' : 'client', timer: undefined };
  const pod: Hop = { kind: 'pod', label: head.workload === undefined ? 'pod' : `pods of ${objectLabel(head.workload)}`, timer: undefined };
  const sidecar = mesh === undefined ? [] : [sidecarHop(model, head.service, mesh)];
  const hops = meshedInCluster ? [client, ...sidecar, ...front, pod] : [client, ...front, nodeHop(model, head.context), ...sidecar, pod];
  const keepalive = pathKeepalive(model, head, mesh);
  return { ...head, hops, ...keepalive };
}

function sidecarHop(model: WorkspaceModel, service: Service, mesh: MeshSidecar['mesh']): Hop {
  if (mesh === 'Linkerd') return { kind: 'sidecar', label: 'Linkerd proxy', timer: undefined };
  return { kind: 'sidecar', label: 'Istio sidecar', timer: istioSidecarTimer(model, service) };
}

/** The node's hop: kube-proxy's conntrack or IPVS, or the eBPF data plane's own conntrack. */
function nodeHop(model: WorkspaceModel, context: PathContext): Hop {
  switch (context.dataPlane.value.name) {
    case 'cilium':
      return { kind: 'node', label: 'node (Cilium eBPF)', timer: ciliumTimer(model) };
    case 'calico-ebpf':
      return { kind: 'node', label: 'node (Calico eBPF)', timer: calicoTimer(model) };
    default: {
      if (ipvsMode(model) !== undefined) {
        const ipvs = effectiveIpvsTcpTimeout(model);
        return { kind: 'node', label: 'node (IPVS)', timer: { name: 'IPVS', kind: 'ipvs', seconds: ipvs.value, source: ipvs.source, refreshedByKeepalive: true } };
      }
      const conntrack = effectiveConntrackTimeout(model);
      return { kind: 'node', label: 'node (conntrack)', timer: { name: 'conntrack', kind: 'conntrack', seconds: conntrack.value, source: conntrack.source, refreshedByKeepalive: true } };
    }
  }
}

/** Cilium's conntrack timer for Service traffic: the shorter of `bpf-ct-timeout-service-tcp` and `bpf-ct-timeout-regular-tcp`, each 8000 s by default. */
function ciliumTimer(model: WorkspaceModel): IdleTimer {
  const config = model.dataPlaneConfigurations.find((candidate) => candidate.provider === 'cilium' && candidate.conntrackTimeouts.length > 0);
  const timers = ['bpf-ct-timeout-service-tcp', 'bpf-ct-timeout-regular-tcp'].map((key): IdleTimer => {
    const timeout = config?.conntrackTimeouts.find((candidate) => candidate.key === key && candidate.seconds > 0);
    return config !== undefined && timeout !== undefined
      ? { name: 'Cilium conntrack', kind: 'ebpf-conntrack', seconds: timeout.seconds, source: { kind: 'file', file: config.file, span: timeout.span, setting: key }, refreshedByKeepalive: true }
      : defaultTimer('Cilium conntrack', 'ebpf-conntrack', IDLE_DEFAULTS.ciliumCt, `Cilium's default ${key}`, true);
  });
  return timers.reduce((shortest, timer) => (timer.seconds < shortest.seconds ? timer : shortest));
}

function calicoTimer(model: WorkspaceModel): IdleTimer {
  for (const config of model.dataPlaneConfigurations) {
    const timeout = config.provider === 'calico' ? config.conntrackTimeouts.find((candidate) => candidate.key === 'bpfConntrackTimeouts.tcpEstablished' && candidate.seconds > 0) : undefined;
    if (timeout !== undefined) return { name: 'Calico eBPF conntrack', kind: 'ebpf-conntrack', seconds: timeout.seconds, source: { kind: 'file', file: config.file, span: timeout.span, setting: timeout.key }, refreshedByKeepalive: true };
  }
  return defaultTimer('Calico eBPF conntrack', 'ebpf-conntrack', IDLE_DEFAULTS.calicoCt, "Calico eBPF's default for established TCP", true);
}

function cloudHops(cloud: Effective<CloudAssumption> | undefined): Hop[] {
  if (cloud?.value !== 'gcp') return [];
  return [{ kind: 'middlebox', label: 'GCP VPC firewall', timer: defaultTimer('GCP VPC firewall', 'firewall', IDLE_DEFAULTS.gcpFirewall, 'GCP firewall connection tracking', true) }];
}

function assumedHops(model: WorkspaceModel, service: Service): Hop[] {
  const names = [`${service.namespace}/${service.name ?? ''}`, service.name ?? ''];
  return (model.assumptions.idleTimers ?? [])
    .filter((timer) => timer.paths.length === 0 || names.some((name) => picomatch.isMatch(name, [...timer.paths])))
    .map((timer) => ({ kind: 'middlebox', label: timer.name, timer: { name: timer.name, kind: 'assumed', seconds: timer.seconds, source: { kind: 'assumption', setting: `assume.idleTimers "${timer.name}"` }, refreshedByKeepalive: true } }));
}

function pathKeepalive(model: WorkspaceModel, head: PathHead, mesh: MeshSidecar['mesh'] | undefined): Pick<ConnectionPath, 'keepalive' | 'noKeepaliveReason'> {
  if (mesh !== undefined && head.entry !== 'in-cluster') return { keepalive: undefined, noKeepaliveReason: "the app's keepalive ends at its sidecar, whose inbound connection has none" };
  if (mesh === 'Linkerd') return { keepalive: undefined, noKeepaliveReason: "the app's keepalive ends at the Linkerd proxy" };
  if (mesh === 'Istio') {
    const setting = sidecarKeepalive(model, head.service);
    if (setting === undefined) return { keepalive: undefined, noKeepaliveReason: "the app's keepalive ends at the sidecar, which sets none (no tcpKeepalive in a DestinationRule or the mesh)" };
    const defaultTime: Effective<number> = { value: DEFAULTS.keepaliveTime, source: { kind: 'default', reason: "the kernel's default in the client pod" } };
    const defaultInterval: Effective<number> = { value: IDLE_DEFAULTS.keepaliveInterval, source: { kind: 'default', reason: "the kernel's default in the client pod" } };
    return {
      keepalive: { sender: 'the client sidecar', time: keepaliveField(setting.setting.time, setting, 'time', defaultTime), interval: keepaliveField(setting.setting.interval, setting, 'interval', defaultInterval) },
      noKeepaliveReason: undefined,
    };
  }
  if (head.workload === undefined) {
    return { keepalive: { sender: 'the backends', time: { value: DEFAULTS.keepaliveTime, source: { kind: 'default', reason: "the kernel's default" } }, interval: kernelInterval() }, noKeepaliveReason: undefined };
  }
  return { keepalive: { sender: `the pods of ${objectLabel(head.workload)}`, time: podKeepaliveTime(head.workload, model), interval: podKeepaliveInterval(head.workload, model) }, noKeepaliveReason: undefined };
}

/** The interval between unanswered probes in a workload's pods: its sysctl, the node's for host-network pods, else 75 s. */
export function podKeepaliveInterval(workload: Workload, model: WorkspaceModel): Effective<number> {
  if (workload.template?.hostNetwork?.value === true) {
    const node = winningNodeAssignment(model, KEEPALIVE_INTERVAL_KEY, (value) => value > 0);
    return node === undefined ? kernelInterval() : { value: node.value, source: { kind: 'file', file: node.file, span: node.assignment.valueSpan, setting: KEEPALIVE_INTERVAL_KEY } };
  }
  const sysctl = workload.template?.sysctls.find((entry) => entry.name === KEEPALIVE_INTERVAL_KEY);
  const value = sysctl?.value === undefined ? undefined : parseInteger(sysctl.value);
  if (sysctl?.valueSpan !== undefined && value !== undefined && value > 0) return { value, source: { kind: 'file', file: fileOfValue(workload, sysctl), span: sysctl.valueSpan, setting: `${KEEPALIVE_INTERVAL_KEY} of ${objectLabel(workload)}` } };
  return kernelInterval();
}

/** The sysctl of the interval between keepalive probes. */
export const KEEPALIVE_INTERVAL_KEY = 'net.ipv4.tcp_keepalive_intvl';

function kernelInterval(): Effective<number> {
  return { value: IDLE_DEFAULTS.keepaliveInterval, source: { kind: 'default', reason: "the kernel's default" } };
}
