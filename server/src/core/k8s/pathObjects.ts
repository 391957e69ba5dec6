import type { Span } from '../text';
import type { Located, ObjectBase } from './objects';

/** An annotation as written: its value, and where its key and value are. */
export interface Annotation {
  readonly value: string;
  readonly keySpan: Span;
  readonly valueSpan: Span;
}

/** A port of a Service (`spec.ports[]`). */
export interface ServicePort {
  readonly port: number;
  /** `TCP` unless written otherwise. */
  readonly protocol: string;
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

/** Calico's FelixConfiguration: whether the eBPF data plane runs, and its conntrack timer for established TCP. */
export interface FelixConfiguration extends ObjectBase {
  readonly kind: 'FelixConfiguration';
  readonly bpfEnabled: Located<boolean> | undefined;
  /** `bpfConntrackTimeouts.tcpEstablished`, in seconds, when it parses. */
  readonly tcpEstablished: Located<number> | undefined;
}

/** Cilium's agent configuration, the `cilium-config` ConfigMap. */
export interface CiliumConfig extends ObjectBase {
  readonly kind: 'CiliumConfig';
  readonly kubeProxyReplacement: Located<string> | undefined;
  /** `bpf-ct-timeout-regular-tcp`, in seconds, when it parses. */
  readonly ctTimeoutRegularTcp: Located<number> | undefined;
  /** `bpf-ct-timeout-service-tcp`, in seconds, when it parses. */
  readonly ctTimeoutServiceTcp: Located<number> | undefined;
}

/** Istio's mesh-wide configuration, the `mesh` key of the `istio` ConfigMap. */
export interface MeshConfig extends ObjectBase {
  readonly kind: 'MeshConfig';
  readonly tcpKeepalive: TcpKeepaliveSetting | undefined;
  /** `defaultConfig.proxyMetadata.ISTIO_META_IDLE_TIMEOUT`, in seconds. */
  readonly idleTimeout: Located<number> | undefined;
}

/** A Namespace, for the labels that turn on sidecar injection. */
export interface Namespace extends ObjectBase {
  readonly kind: 'Namespace';
  readonly labels: ReadonlyMap<string, string>;
}

/** The objects read for the idle timers on a connection's path. */
export type PathObject = Ingress | DestinationRule | FelixConfiguration | CiliumConfig | MeshConfig | Namespace;

/** The kinds of PathObject, as written in manifests (CiliumConfig and MeshConfig come from ConfigMaps). */
export const PATH_KINDS: readonly string[] = ['Ingress', 'DestinationRule', 'FelixConfiguration', 'Namespace'];

/** Names of ConfigMaps whose data hold path timers. */
export const PATH_CONFIG_MAPS: readonly string[] = ['cilium-config', 'istio'];
