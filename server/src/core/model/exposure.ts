import type { Service, ServicePort } from '../k8s/objects';
import { backendsOf, type BackendSource, type Backends } from './backends';
import { effectiveDataPlane, describeDataPlane } from './dataPlane';
import { effectiveConntrackTimeout, podKeepaliveTime } from './effective';
import { meshSidecarOf, type MeshSidecar } from './mesh';
import { effectiveProxyMode, isProxied } from './proxy';
import type { Effective } from './sources';
import type { WorkspaceModel } from './workspaceModel';

/** A backend of a Service with the keepalive in its pods and the sidecar injected into them. */
export interface ExposedBackend {
  readonly source: BackendSource;
  /** The keepalive time in its pods; undefined for hand-written Endpoints. */
  readonly keepalive: Effective<number> | undefined;
}

/** A Service whose idle connections kube-proxy can re-balance after conntrack expiry. */
export interface Exposed {
  readonly exposed: true;
  readonly backends: Backends;
  /** The conntrack established timeout on the nodes: the limit an idle connection must stay below. */
  readonly conntrack: Effective<number>;
  /** The backends whose pods lack a keepalive below it (every one when the rule cannot tell). */
  readonly unprotected: readonly ExposedBackend[];
  /** `internalTrafficPolicy: Local`: in-cluster clients re-balance only among endpoints on their own node. */
  readonly internalLocal: boolean;
}

/** Why kube-proxy's conntrack story does not apply to a Service's idle connections. */
export interface NotExposed {
  readonly exposed: false;
  readonly reason: string;
  /** The sidecar the backends run, when that is the reason. */
  readonly sidecar?: MeshSidecar;
}

/**
 * Whether an idle TCP connection through a Service can be re-balanced to another pod after its
 * conntrack entry expires (domain facts in docs/rules/service-affinity.md): kube-proxy handles
 * it in iptables or nftables mode, per packet; it has TCP ports and several backends; the
 * backends are not reached through a mesh sidecar; and some lack a keepalive below the conntrack timeout.
 */
export function serviceExposure(service: Service, model: WorkspaceModel): Exposed | NotExposed {
  if (!isProxied(service)) return notExposed('headless or ExternalName: kube-proxy does not handle it');
  const tcpPorts = service.ports.filter((port) => port.protocol === 'TCP');
  if (service.ports.length > 0 && tcpPorts.length === 0) return notExposed('no TCP port');
  if (tcpPorts.length > 0 && tcpPorts.every(isMetricsPort)) return notExposed('only metrics ports: a scraper connects every scrape interval, at each pod\'s own address');
  const plane = effectiveDataPlane(model);
  if (plane.value.name !== 'kube-proxy') return notExposed(`${describeDataPlane(plane.value)} forwards Service traffic`);
  if (plane.value.connectTimeBalancing) return notExposed(`${describeDataPlane(plane.value)} picks the backend at connect()`);
  const mode = effectiveProxyMode(model).value;
  if (mode !== 'iptables' && mode !== 'nftables') return notExposed(`kube-proxy runs in ${mode} mode`);
  const backends = backendsOf(service, model);
  if (backends.count <= 1) return notExposed('at most one backend');
  const internalLocal = service.internalTrafficPolicy?.value === 'Local';
  if (internalLocal && backends.sources.every((source) => source.workload?.kind === 'DaemonSet')) {
    return notExposed('internalTrafficPolicy: Local over a DaemonSet: a client reaches only its own node\'s pod');
  }
  const sidecars = backends.sources.map((source) => (source.workload === undefined ? undefined : meshSidecarOf(source.workload, model)));
  if (sidecars.every((sidecar) => sidecar !== undefined)) return { exposed: false, reason: `${sidecars[0]!.mesh} sidecars pick the pod`, sidecar: sidecars[0]! };
  const conntrack = effectiveConntrackTimeout(model);
  const unprotected = backends.sources
    .map((source) => ({ source, keepalive: source.workload === undefined ? undefined : podKeepaliveTime(source.workload, model) }))
    .filter(({ keepalive }) => !protects(keepalive, conntrack.value));
  if (unprotected.length === 0) return notExposed(`every backend's pods probe idle connections within ${conntrack.value} s`);
  return { exposed: true, backends, conntrack, unprotected, internalLocal };
}

/**
 * Whether the pods' keepalive keeps an idle connection's entry alive: written (the kernel's
 * 7200 s default counts only for sockets whose program sets SO_KEEPALIVE, which most leave off,
 * and is not taken as protection), not negative (which turns probing off) and below the limit.
 */
function protects(keepalive: Effective<number> | undefined, limit: number): boolean {
  return keepalive !== undefined && keepalive.source.kind === 'file' && keepalive.value >= 0 && keepalive.value < limit;
}

function notExposed(reason: string): NotExposed {
  return { exposed: false, reason };
}

/**
 * A port named for metrics (`metrics`, `http-metrics`, `prometheus`): Prometheus discovers the
 * Service's endpoints and scrapes each pod at its own address, every scrape interval (1 minute by
 * default), so its connections are neither balanced by the Service nor idle for long.
 */
function isMetricsPort(port: ServicePort): boolean {
  return port.name !== undefined && /(^|-)metrics$|^prom(etheus)?$/i.test(port.name);
}
