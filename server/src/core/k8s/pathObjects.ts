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

/** Names of ConfigMaps whose data hold path timers (Cilium's, read into a DataPlaneConfiguration, and Istio's). */
export const PATH_CONFIG_MAPS: readonly string[] = ['cilium-config', 'istio'];
