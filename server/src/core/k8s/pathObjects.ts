import type { Span } from '../text';
import type { Located, ObjectBase } from './objects';

/** An annotation as written: its value, and where its key and value are. */
export interface Annotation {
  readonly value: string;
  readonly keySpan: Span;
  readonly valueSpan: Span;
}

/** `connectionPool.tcp.tcpKeepalive` of Istio (DestinationRule or MeshConfig): keepalive on the sidecar's upstream sockets. */
export interface TcpKeepaliveSetting {
  /** The `tcpKeepalive` mapping. */
  readonly span: Span;
  /** `time`, in seconds; undefined leaves the socket's network namespace default. */
  readonly time: Located<number> | undefined;
  readonly interval: Located<number> | undefined;
}

/** An Ingress, for its load balancer's annotations and the Services it sends to. */
export interface Ingress extends ObjectBase {
  readonly kind: 'Ingress';
  readonly annotations: ReadonlyMap<string, Annotation>;
  /** `spec.ingressClassName`. */
  readonly ingressClassName: string | undefined;
  /** Names of the Services its rules and default backend send to. */
  readonly serviceNames: readonly string[];
}

/** An Istio DestinationRule: the sidecar's idle timeout and upstream keepalive for one host. */
export interface DestinationRule extends ObjectBase {
  readonly kind: 'DestinationRule';
  readonly host: string | undefined;
  /** `trafficPolicy.connectionPool.tcp.idleTimeout`, in seconds. */
  readonly idleTimeout: Located<number> | undefined;
  readonly tcpKeepalive: TcpKeepaliveSetting | undefined;
}

/** Istio's mesh-wide configuration, the `mesh` key of the `istio` ConfigMap. */
export interface MeshConfig extends ObjectBase {
  readonly kind: 'MeshConfig';
  readonly tcpKeepalive: TcpKeepaliveSetting | undefined;
  /** `defaultConfig.proxyMetadata.ISTIO_META_IDLE_TIMEOUT`, in seconds. */
  readonly idleTimeout: Located<number> | undefined;
}

/** The objects read for the idle timers on a connection's path. */
export type PathObject = Ingress | DestinationRule | MeshConfig;

/** The kinds of PathObject, as written in manifests (MeshConfig comes from a ConfigMap). */
export const PATH_KINDS: readonly string[] = ['Ingress', 'DestinationRule'];

/** `name: cilium-config` in block or flow style. */
const CILIUM_CONFIG_NAME = /\bname["']?[ \t]*:[ \t]*["']?cilium-config["']?[ \t]*(?:[,}#]|\r?$)/m;
/** `name: istio` or `name: istio-<revision>` in block or flow style. */
const ISTIO_CONFIG_NAME = /\bname["']?[ \t]*:[ \t]*["']?istio(?:-[\w.-]*)?["']?[ \t]*(?:[,}#]|\r?$)/m;
/** A `mesh` key, where Istio's ConfigMap holds its mesh configuration. */
const MESH_KEY = /(?:^[ \t]+|[{,][ \t]*)["']?mesh["']?[ \t]*:/m;

/**
 * Whether a ConfigMap's text may hold path timers: Cilium's `cilium-config` (read into a
 * DataPlaneConfiguration) or Istio's `istio` / `istio-<revision>` with its `mesh` key. The test on
 * the document's text that decides whether a ConfigMap is parsed at all (Istio's dashboards and
 * injector templates are not).
 */
export function mayHoldPathTimers(configMapText: string): boolean {
  return CILIUM_CONFIG_NAME.test(configMapText) || (ISTIO_CONFIG_NAME.test(configMapText) && MESH_KEY.test(configMapText));
}
