import type { Span } from '../text';
import type { CommandLineFlag } from './kubeProxyFlags';
import { PATH_KINDS, type Annotation, type PathObject } from './pathObjects';

/** A Go duration field of kube-proxy's configuration, as written. */
export interface DurationField {
  /** Its path: `conntrack.tcpEstablishedTimeout`. */
  readonly field: string;
  readonly text: string;
  /** Whole seconds, or undefined when kube-proxy would not load it: not a Go duration, not a string (`0`, `3600`), or negative. */
  readonly seconds: number | undefined;
  /** YAML reads the value as a number or boolean, not a string: metav1.Duration decodes only strings. */
  readonly notString: boolean;
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
  /** YAML reads the value as a number or boolean (`value: 600`): the API server refuses a sysctl value that is not a string. */
  readonly valueNotString: boolean;
}

/** The pods a workload runs (its `spec.template`), or a bare Pod itself. */
export interface PodTemplate {
  readonly labels: ReadonlyMap<string, string>;
  readonly annotations: ReadonlyMap<string, string>;
  readonly hostNetwork: Located<boolean> | undefined;
  readonly sysctls: readonly PodSysctl[];
}

export const WORKLOAD_KINDS = ['Deployment', 'StatefulSet', 'ReplicaSet', 'ReplicationController', 'DaemonSet', 'Pod', 'Rollout'] as const;

/** A reference to another object by kind and name, in the referrer's namespace. */
export interface ObjectRef {
  readonly kind: string;
  readonly name: string;
}

/** A Deployment, StatefulSet, ReplicaSet, ReplicationController, DaemonSet, Pod or Argo Rollout. */
export interface Workload extends ObjectBase {
  readonly kind: (typeof WORKLOAD_KINDS)[number];
  /** `spec.replicas` as the API server reads it (kubernetesInt32); undefined when absent or refused. */
  readonly replicas: Located<number> | undefined;
  readonly template: PodTemplate | undefined;
  /** For a DaemonSet that runs kube-proxy: the flags of its kube-proxy container. */
  readonly kubeProxyFlags: readonly CommandLineFlag[];
  /** For a DaemonSet that runs kube-proxy: its container's image (`registry.k8s.io/kube-proxy:v1.30.2`). */
  readonly kubeProxyImage: Located<string> | undefined;
  /** An Argo Rollout's `spec.workloadRef`: the workload whose pod template it runs. */
  readonly workloadRef: ObjectRef | undefined;
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
  /** `spec.ports`, each with its protocol (`TCP` when unset). */
  readonly ports: readonly ServicePort[];
  /** `spec.internalTrafficPolicy` as written. */
  readonly internalTrafficPolicy: Located<string> | undefined;
  /** `spec.externalTrafficPolicy` as written. */
  readonly externalTrafficPolicy: Located<string> | undefined;
  /** The value of `spec.type`, when written. */
  readonly typeSpan: Span | undefined;
  /** `metadata.annotations`, with where each is written (cloud load balancers read theirs there). */
  readonly annotations: ReadonlyMap<string, Annotation>;
  /** `spec.loadBalancerClass`. */
  readonly loadBalancerClass: string | undefined;
}

/** One entry of a Service's `spec.ports`. */
export interface ServicePort {
  /** `TCP`, `UDP` or `SCTP` (`TCP` when unset). */
  readonly protocol: string;
  /** `port`, when written as a number. */
  readonly port: number | undefined;
  /** `name`, when written. */
  readonly name: string | undefined;
  readonly span: Span;
}

export interface HorizontalPodAutoscaler extends ObjectBase {
  readonly kind: 'HorizontalPodAutoscaler';
  readonly target: ObjectRef | undefined;
  readonly maxReplicas: Located<number> | undefined;
}

/** The KEDA ScaledObject's default `maxReplicaCount`. */
export const KEDA_DEFAULT_MAX_REPLICAS = 100;

/** A KEDA ScaledObject: an autoscaler whose `maxReplicas` is `spec.maxReplicaCount` (100 when unset, at the object's name). */
export interface ScaledObject extends ObjectBase {
  readonly kind: 'ScaledObject';
  /** `spec.scaleTargetRef`, its kind `Deployment` when unset. */
  readonly target: ObjectRef | undefined;
  readonly maxReplicas: Located<number> | undefined;
  /** Whether `maxReplicaCount` is written (else the default applies). */
  readonly maxReplicasWritten: boolean;
}

/** What raises a workload's replicas: a HorizontalPodAutoscaler or a KEDA ScaledObject. */
export type Autoscaler = HorizontalPodAutoscaler | ScaledObject;

/** A Namespace: the labels that turn on sidecar injection, and the Pod Security admission level it enforces on its pods. */
export interface Namespace extends ObjectBase {
  readonly kind: 'Namespace';
  readonly labels: ReadonlyMap<string, string>;
  readonly annotations: ReadonlyMap<string, string>;
  /** Label `pod-security.kubernetes.io/enforce`: `privileged`, `baseline` or `restricted`. */
  readonly podSecurityEnforce: Located<string> | undefined;
  /** Label `pod-security.kubernetes.io/enforce-version`: `v1.28`, or `latest` (the default). */
  readonly podSecurityEnforceVersion: Located<string> | undefined;
}

/** A data plane setting that can replace kube-proxy, as written. */
export interface DataPlaneSetting {
  /** As the source spells it: `kube-proxy-replacement`, `socketLB.enabled`, `bpfEnabled`. */
  readonly key: string;
  readonly value: string;
  readonly span: Span;
}

/**
 * Cilium's or Calico's data plane configuration: the `cilium-config` ConfigMap, a Helm values
 * file of the Cilium chart, or a FelixConfiguration.
 */
export interface DataPlaneConfiguration extends ObjectBase {
  readonly kind: 'DataPlaneConfiguration';
  readonly provider: 'cilium' | 'calico';
  /** How messages name it: `ConfigMap "cilium-config"`, `Helm values`, `FelixConfiguration "default"`. */
  readonly origin: string;
  readonly settings: readonly DataPlaneSetting[];
  /** Conntrack timeouts for TCP it sets, in seconds, when they parse: `bpf-ct-timeout-service-tcp`, `bpfConntrackTimeouts.tcpEstablished`. */
  readonly conntrackTimeouts: readonly DataPlaneTimeout[];
}

/** An eBPF conntrack timeout of a data plane, as written. */
export interface DataPlaneTimeout {
  /** As the source spells it: `bpf-ct-timeout-regular-tcp`, `bpfConntrackTimeouts.tcpEstablished`. */
  readonly key: string;
  readonly seconds: number;
  readonly span: Span;
}

/** Hand-written backends of a Service without a selector: Endpoints or an EndpointSlice. */
export interface EndpointSet extends ObjectBase {
  readonly kind: 'Endpoints' | 'EndpointSlice';
  /** The Service it belongs to: its own name, or an EndpointSlice's `kubernetes.io/service-name` label. */
  readonly serviceName: string | undefined;
  readonly addressCount: number;
}

/** A kube-proxy configuration: standalone, or the text of a ConfigMap value. */
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
  /** The ConfigMap key whose value holds it as text (kubeadm `config.conf`, EKS `config`), when it is embedded in a ConfigMap. */
  readonly embeddedKey: string | undefined;
}

export type K8sObject = Workload | Service | Autoscaler | EndpointSet | KubeProxyConfiguration | Namespace | DataPlaneConfiguration | PathObject;

/** Kinds whose documents the analysis reads; every other document is skipped unparsed. */
export const MODELLED_KINDS: ReadonlySet<string> = new Set([
  ...WORKLOAD_KINDS,
  'Service',
  'HorizontalPodAutoscaler',
  'Endpoints',
  'EndpointSlice',
  'KubeProxyConfiguration',
  'ConfigMap',
  'ScaledObject',
  'Namespace',
  'FelixConfiguration',
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
