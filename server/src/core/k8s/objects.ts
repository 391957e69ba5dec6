import type { Span } from '../text';
import type { CommandLineFlag } from './kubeProxyFlags';
import { PATH_KINDS, type Annotation, type PathObject, type ServicePort } from './pathObjects';

/** A Go duration field of kube-proxy's configuration, as written. */
export interface DurationField {
  /** Its path: `conntrack.tcpEstablishedTimeout`. */
  readonly field: string;
  readonly text: string;
  /** Whole seconds, or undefined when Go would not parse it. */
  readonly seconds: number | undefined;
  readonly span: Span;
}

/** A value read from a file, with where it is written. */
export interface Located<T> {
  readonly value: T;
  readonly span: Span;
}

/** What every Kubernetes object keeps: where it is and who it is. */
export interface ObjectBase {
  readonly file: string;
  /** 0-based document index in its file. */
  readonly documentIndex: number;
  /** Index in the `items` of a `kind: List`, when it is one of them. */
  readonly itemIndex: number | undefined;
  readonly kind: string;
  readonly name: string | undefined;
  /** `metadata.namespace`, or `default` when absent (where a plain `kubectl apply` puts it). */
  readonly namespace: string;
  /** The object's whole mapping. */
  readonly span: Span;
  /** The value of `metadata.name`, or the `kind` value when the name is missing. */
  readonly nameSpan: Span;
  /** Rule ids listed in the `connlint.dev/ignore` annotation. */
  readonly ignoredRules: readonly string[];
}

/** A `securityContext.sysctls` entry of a pod. */
export interface PodSysctl {
  /** Normalised to `.` separators. */
  readonly name: string;
  readonly value: string | undefined;
  readonly nameSpan: Span;
  readonly valueSpan: Span | undefined;
}

/** The pods a workload runs (its `spec.template`), or a bare Pod itself. */
export interface PodTemplate {
  readonly labels: ReadonlyMap<string, string>;
  readonly annotations: ReadonlyMap<string, string>;
  readonly hostNetwork: Located<boolean> | undefined;
  readonly sysctls: readonly PodSysctl[];
}

export const WORKLOAD_KINDS = ['Deployment', 'StatefulSet', 'ReplicaSet', 'ReplicationController', 'DaemonSet', 'Pod'] as const;

/** A Deployment, StatefulSet, ReplicaSet, ReplicationController, DaemonSet or Pod. */
export interface Workload extends ObjectBase {
  readonly kind: (typeof WORKLOAD_KINDS)[number];
  /** `spec.replicas` as the API server reads it (kubernetesInt32); undefined when absent or refused. */
  readonly replicas: Located<number> | undefined;
  readonly template: PodTemplate | undefined;
  /** For a DaemonSet that runs kube-proxy: the flags of its kube-proxy container. */
  readonly kubeProxyFlags: readonly CommandLineFlag[];
}

export interface Service extends ObjectBase {
  readonly kind: 'Service';
  /** `spec.selector`; undefined when absent or empty (the Service has no managed endpoints). */
  readonly selector: ReadonlyMap<string, string> | undefined;
  readonly type: string;
  /** `clusterIP: None`: a headless Service, which kube-proxy does not handle. */
  readonly headless: boolean;
  readonly sessionAffinity: Located<string> | undefined;
  readonly affinityTimeoutSeconds: Located<number> | undefined;
  /** `sessionAffinityConfig.clientIP.timeoutSeconds` as written, integer or not (`"3600"`, `1.5`); undefined when absent or null. */
  readonly affinityTimeoutText: Located<string> | undefined;
  /** The `sessionAffinityConfig` key, when its value is not null. */
  readonly affinityConfigKey: Span | undefined;
  /** `metadata.annotations`, with where each is written (cloud load balancers read theirs there). */
  readonly annotations: ReadonlyMap<string, Annotation>;
  readonly ports: readonly ServicePort[];
  /** `spec.loadBalancerClass`. */
  readonly loadBalancerClass: string | undefined;
}

export interface HorizontalPodAutoscaler extends ObjectBase {
  readonly kind: 'HorizontalPodAutoscaler';
  readonly target: { readonly kind: string; readonly name: string } | undefined;
  readonly maxReplicas: Located<number> | undefined;
}

/** Hand-written backends of a Service without a selector: Endpoints or an EndpointSlice. */
export interface EndpointSet extends ObjectBase {
  readonly kind: 'Endpoints' | 'EndpointSlice';
  /** The Service it belongs to: its own name, or an EndpointSlice's `kubernetes.io/service-name` label. */
  readonly serviceName: string | undefined;
  readonly addressCount: number;
}

/** A kube-proxy configuration: standalone, in the kube-proxy ConfigMap, or from a DaemonSet's flags. */
export interface KubeProxyConfiguration extends ObjectBase {
  readonly kind: 'KubeProxyConfiguration';
  /** `conntrack.tcpEstablishedTimeout` in seconds, with the span of its value, when it parses. */
  readonly tcpEstablishedTimeout: Located<number> | undefined;
  /** `ipvs.tcpTimeout` in seconds (0 keeps the kernel's value), when it parses. */
  readonly ipvsTcpTimeout: Located<number> | undefined;
  /** `conntrack.maxPerCore` (0 leaves the node's nf_conntrack_max), when written as an integer. */
  readonly conntrackMaxPerCore: Located<number> | undefined;
  /** `conntrack.min`, the floor of nf_conntrack_max, when written as an integer. */
  readonly conntrackMin: Located<number> | undefined;
  /** Every Go duration field as written, parsed or not (`conntrack.tcpEstablishedTimeout`, …). */
  readonly durations: readonly DurationField[];
  readonly mode: Located<string> | undefined;
  /** Whether it is embedded in the `kube-proxy` ConfigMap's `config.conf`. */
  readonly embedded: boolean;
}

export type K8sObject = Workload | Service | HorizontalPodAutoscaler | EndpointSet | KubeProxyConfiguration | PathObject;

/** Kinds whose documents the analysis reads; every other document is skipped unparsed. */
export const MODELLED_KINDS: ReadonlySet<string> = new Set([
  ...WORKLOAD_KINDS,
  'Service',
  'HorizontalPodAutoscaler',
  'Endpoints',
  'EndpointSlice',
  'KubeProxyConfiguration',
  'ConfigMap',
  'List',
  ...PATH_KINDS,
]);

/** How messages name an object: `Deployment "api"`. */
export function objectLabel(object: { readonly kind: string; readonly name: string | undefined }): string {
  return `${object.kind} "${object.name ?? '(unnamed)'}"`;
}

export function isWorkload(object: K8sObject): object is Workload {
  return (WORKLOAD_KINDS as readonly string[]).includes(object.kind);
}
