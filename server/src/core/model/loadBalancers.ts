import { fileOfValue } from '../kustomize/strategicMerge';
import type { Service } from '../k8s/objects';
import type { Annotation, Ingress } from '../k8s/pathObjects';
import { defaultTimer, IDLE_DEFAULTS, type IdleTimer } from './idleTimers';
import { pushTo } from '../collections';
import { NearestIndex } from './nearestIndex';
import { scopePathOf } from './scopedView';
import type { ClusterAssumptions } from './assumptions';
import type { Effective } from './sources';
import type { WorkspaceModel } from './workspaceModel';

/** The clouds whose load balancers, NAT gateways and firewalls Connlint knows. */
export type CloudAssumption = 'aws' | 'azure' | 'gcp' | 'none';

/** Annotations the cloud controllers read, and those they do not. */
export const LB_ANNOTATIONS = {
  awsType: 'service.beta.kubernetes.io/aws-load-balancer-type',
  awsListenerAttributes: 'service.beta.kubernetes.io/aws-load-balancer-listener-attributes.',
  awsElbIdleTimeout: 'service.beta.kubernetes.io/aws-load-balancer-connection-idle-timeout',
  azureIdleTimeout: 'service.beta.kubernetes.io/azure-load-balancer-tcp-idle-timeout',
  albAttributes: 'alb.ingress.kubernetes.io/load-balancer-attributes',
  albUnread: 'alb.ingress.kubernetes.io/connection-idle-timeout',
} as const;

/** The NLB listener attribute that holds its idle timeout. */
export const NLB_IDLE_ATTRIBUTE = 'tcp.idle_timeout.seconds';
/** The ALB attribute that holds its idle timeout. */
export const ALB_IDLE_ATTRIBUTE = 'idle_timeout.timeout_seconds';

/** Which load balancer a Service or Ingress gets. */
export type LoadBalancerKind = 'aws-nlb' | 'aws-elb' | 'aws-alb' | 'azure' | 'gcp' | 'unknown';

/** A cloud load balancer in front of a Service, with its idle timer when it is known. */
export interface LoadBalancer {
  readonly kind: LoadBalancerKind;
  readonly label: string;
  readonly timer: IdleTimer | undefined;
}

/** `key=value` pairs of a comma-separated attribute list (`tcp.idle_timeout.seconds=400`). */
export function parseAttributes(text: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const item of text.split(',')) {
    const at = item.indexOf('=');
    if (at > 0) attributes.set(item.slice(0, at).trim(), item.slice(at + 1).trim());
  }
  return attributes;
}

/** A whole number written in decimal digits, or undefined. */
export function wholeNumber(text: string | undefined): number | undefined {
  return text !== undefined && /^\s*\d{1,9}\s*$/.test(text) ? Number(text) : undefined;
}

/** Whether the AWS Load Balancer Controller makes an NLB for this Service. */
export function isAwsNlb(service: Service): boolean {
  const type = service.annotations.get(LB_ANNOTATIONS.awsType)?.value;
  return type === 'nlb' || type === 'external' || type === 'nlb-ip' || service.loadBalancerClass === 'service.k8s.aws/nlb';
}

/** The load balancer a `type: LoadBalancer` Service gets, recognised from its annotations, else from the assumed cloud. */
export function serviceLoadBalancer(service: Service, cloud: Effective<CloudAssumption> | undefined): LoadBalancer | undefined {
  if (service.type !== 'LoadBalancer') return undefined;
  const keys = [...service.annotations.keys()];
  if (isAwsNlb(service)) return { kind: 'aws-nlb', label: 'AWS NLB', timer: nlbTimer(service) };
  if (keys.some((key) => key.startsWith('service.beta.kubernetes.io/azure-')) || cloud?.value === 'azure') return { kind: 'azure', label: 'Azure Load Balancer', timer: azureTimer(service) };
  if (keys.some((key) => key.startsWith('service.beta.kubernetes.io/aws-')) || cloud?.value === 'aws') return { kind: 'aws-elb', label: 'AWS Classic ELB', timer: classicElbTimer(service) };
  if (cloud?.value === 'gcp') return { kind: 'gcp', label: 'GCP passthrough load balancer', timer: undefined };
  if (cloud?.value === 'none') return { kind: 'unknown', label: 'load balancer outside any cloud (its idle timer is not known)', timer: undefined };
  return { kind: 'unknown', label: 'cloud load balancer (set assume.cloud)', timer: undefined };
}

/** The shortest idle timeout over the NLB's TCP listeners: each port's listener attribute when valid, else 350 s. */
function nlbTimer(service: Service): IdleTimer {
  const ports = service.ports.filter((port) => port.protocol === 'TCP' && port.port !== undefined);
  let shortest: IdleTimer | undefined;
  for (const port of ports.length > 0 ? ports : [undefined]) {
    const annotation = port === undefined ? undefined : service.annotations.get(`${LB_ANNOTATIONS.awsListenerAttributes}TCP-${port.port}`);
    const seconds = annotation === undefined ? undefined : nlbIdleSeconds(annotation);
    const timer: IdleTimer =
      annotation !== undefined && seconds !== undefined
        ? { name: `AWS NLB listener TCP-${port!.port}`, kind: 'load-balancer', seconds, source: annotationSource(fileOfValue(service, annotation), annotation, `${LB_ANNOTATIONS.awsListenerAttributes}TCP-${port!.port}`), refreshedByKeepalive: true }
        : defaultTimer(port === undefined ? 'AWS NLB' : `AWS NLB listener TCP-${port.port}`, 'load-balancer', IDLE_DEFAULTS.awsNlb, "the NLB's default for TCP listeners", true);
    if (shortest === undefined || timer.seconds < shortest.seconds) shortest = timer;
  }
  return shortest!;
}

/** The idle timeout a listener attribute annotation sets, when it is a number in the NLB's range. */
export function nlbIdleSeconds(annotation: Annotation): number | undefined {
  const seconds = wholeNumber(parseAttributes(annotation.value).get(NLB_IDLE_ATTRIBUTE));
  const [min, max] = IDLE_DEFAULTS.awsNlbRange;
  return seconds !== undefined && seconds >= min && seconds <= max ? seconds : undefined;
}

function classicElbTimer(service: Service): IdleTimer {
  const annotation = service.annotations.get(LB_ANNOTATIONS.awsElbIdleTimeout);
  const seconds = wholeNumber(annotation?.value);
  if (annotation !== undefined && seconds !== undefined && seconds > 0) {
    return { name: 'AWS Classic ELB', kind: 'load-balancer', seconds, source: annotationSource(fileOfValue(service, annotation), annotation, LB_ANNOTATIONS.awsElbIdleTimeout), refreshedByKeepalive: false };
  }
  return defaultTimer('AWS Classic ELB', 'load-balancer', IDLE_DEFAULTS.awsClassicElb, "the Classic ELB's default", false);
}

function azureTimer(service: Service): IdleTimer {
  const annotation = service.annotations.get(LB_ANNOTATIONS.azureIdleTimeout);
  const minutes = wholeNumber(annotation?.value);
  const [min, max] = IDLE_DEFAULTS.azureLbMinutesRange;
  if (annotation !== undefined && minutes !== undefined && minutes >= min && minutes <= max) {
    return { name: 'Azure Load Balancer', kind: 'load-balancer', seconds: minutes * 60, source: annotationSource(fileOfValue(service, annotation), annotation, LB_ANNOTATIONS.azureIdleTimeout), refreshedByKeepalive: true };
  }
  return defaultTimer('Azure Load Balancer', 'load-balancer', IDLE_DEFAULTS.azureLbMinutes * 60, "Azure Load Balancer's default, 4 minutes", true);
}

/** Whether the AWS Load Balancer Controller makes an ALB for this Ingress. */
export function isAlbIngress(ingress: Ingress): boolean {
  return ingress.ingressClassName === 'alb' || ingress.annotations.get('kubernetes.io/ingress.class')?.value === 'alb' || [...ingress.annotations.keys()].some((key) => key.startsWith('alb.ingress.kubernetes.io/'));
}

/** The ALB of an Ingress, with its idle timeout: `load-balancer-attributes`, else 60 s. */
export function ingressLoadBalancer(ingress: Ingress): LoadBalancer | undefined {
  if (!isAlbIngress(ingress)) return undefined;
  const annotation = ingress.annotations.get(LB_ANNOTATIONS.albAttributes);
  const seconds = wholeNumber(annotation === undefined ? undefined : parseAttributes(annotation.value).get(ALB_IDLE_ATTRIBUTE));
  const timer =
    annotation !== undefined && seconds !== undefined && seconds > 0
      ? { name: 'AWS ALB', kind: 'load-balancer' as const, seconds, source: annotationSource(ingress.file, annotation, LB_ANNOTATIONS.albAttributes), refreshedByKeepalive: false }
      : defaultTimer('AWS ALB', 'load-balancer', IDLE_DEFAULTS.awsAlb, "the ALB's default", false);
  return { kind: 'aws-alb', label: `AWS ALB (Ingress "${ingress.name ?? '(unnamed)'}")`, timer };
}

function annotationSource(file: string, annotation: Annotation, key: string): IdleTimer['source'] {
  return { kind: 'file', file, span: annotation.valueSpan, setting: key };
}

/**
 * The cloud the cluster runs in: `assume.cloud`, else the cloud the annotations of the
 * workspace's Services and Ingresses name. When they name one cloud, the first of them; when they
 * name several, in a model scoped to a file, the one nearest to it (see `nearest`) of those in
 * the file's cluster (`clusters:`), the first of those equally near; undefined when nothing tells.
 */
export function effectiveCloud(model: WorkspaceModel): Effective<CloudAssumption> | undefined {
  const assumed = model.assumptions.cloud;
  if (assumed !== undefined) return { value: assumed, source: { kind: 'assumption', setting: 'assume.cloud' } };
  const carriers = model.workspaceValue('cloudCarriers', cloudCarriers, sameCarriers);
  const scope = scopePathOf(model);
  if (scope === undefined) return carriers.list[0]?.cloud;
  const group = carriers.byCluster.get(carriers.clustered ? model.clusterOf(scope) : undefined);
  return (carriers.several ? group?.index.nearest(scope)[0] : group?.first)?.cloud;
}

/** A cloud a Service's or an Ingress's annotation names, the file that defines the object, and its cluster of `clusters:`. */
interface CloudCarrier {
  readonly file: string;
  readonly cluster: ClusterAssumptions | undefined;
  readonly cloud: Effective<CloudAssumption>;
}

interface CloudCarriers {
  readonly list: readonly CloudCarrier[];
  /** Whether they name more than one cloud. */
  readonly several: boolean;
  /** Whether the settings group files in clusters: a file's cloud is then its cluster's. */
  readonly clustered: boolean;
  /** By cluster (all under undefined when not clustered): the first carrier, and an index of the nearest. */
  readonly byCluster: ReadonlyMap<ClusterAssumptions | undefined, { readonly first: CloudCarrier; readonly index: NearestIndex<CloudCarrier> }>;
}

/** The first cloud annotation of each file and cloud, in workspace order. */
function cloudCarriers(model: WorkspaceModel): CloudCarriers {
  const carriers: CloudCarrier[] = [];
  const seen = new Set<string>();
  for (const object of [...model.services, ...model.pathObjects('Ingress')]) {
    for (const [key, annotation] of object.annotations) {
      const cloud = cloudOfAnnotation(key);
      const place = `${cloud}\u0000${object.file}`;
      if (cloud === undefined || seen.has(place)) continue;
      seen.add(place);
      const source = { kind: 'file' as const, file: fileOfValue(object, annotation), span: annotation.keySpan, setting: key };
      carriers.push({ file: object.file, cluster: model.clusterOf(object.file), cloud: { value: cloud, source } });
    }
  }
  const clustered = (model.assumptions.clusters?.length ?? 0) > 0;
  const groups = new Map<ClusterAssumptions | undefined, CloudCarrier[]>();
  for (const carrier of carriers) pushTo(groups, clustered ? carrier.cluster : undefined, carrier);
  const byCluster = new Map([...groups].map(([cluster, group]) => [cluster, { first: group[0]!, index: new NearestIndex(group) }]));
  return { list: carriers, several: new Set(carriers.map((carrier) => carrier.cloud.value)).size > 1, clustered, byCluster };
}

function sameCarriers(a: CloudCarriers, b: CloudCarriers): boolean {
  return a.clustered === b.clustered && a.list.length === b.list.length && a.list.every((carrier, i) => sameCarrier(carrier, b.list[i]!));
}

function sameCarrier(a: CloudCarrier, b: CloudCarrier): boolean {
  const [x, y] = [a.cloud.source, b.cloud.source];
  return a.file === b.file && a.cluster === b.cluster && a.cloud.value === b.cloud.value && x.kind === 'file' && y.kind === 'file' && x.file === y.file && x.setting === y.setting && x.span.start === y.span.start && x.span.end === y.span.end;
}

function cloudOfAnnotation(key: string): CloudAssumption | undefined {
  if (key.startsWith('service.beta.kubernetes.io/aws-') || key.startsWith('alb.ingress.kubernetes.io/')) return 'aws';
  if (key.startsWith('service.beta.kubernetes.io/azure-')) return 'azure';
  if (key.startsWith('cloud.google.com/') || key.startsWith('networking.gke.io/')) return 'gcp';
  return undefined;
}
