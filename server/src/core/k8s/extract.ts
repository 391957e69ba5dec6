import type { Span } from '../text';
import { NodeReader, type YamlNode } from '../yaml/nodes';
import { normaliseSysctlKey } from '../sysctl/parse';
import { embeddedKubeProxyConfiguration, kubeProxyConfiguration } from './extractKubeProxy';
import { kubeProxyFlags, kubeProxyImage } from './kubeProxyFlags';
import { exactList, located, locatedString, isNonStringScalar, type OfKind } from './fieldReaders';
import { CILIUM_CONFIG_MAP, ciliumConfigMap, ciliumHelmValues, felixConfiguration, scaledObject } from './extractNetwork';
import { readAnnotations, readPathObject } from './pathReaders';
import {
  WORKLOAD_KINDS,
  type EndpointSet,
  type HorizontalPodAutoscaler,
  type K8sObject,
  type Namespace,
  type Located,
  type ObjectBase,
  type PodTemplate,
  type Service,
  type ServicePort,
  type Workload,
} from './objects';

export { firstLine } from './extractKubeProxy';

/** The annotation that turns rules off for one object. */
export const IGNORE_ANNOTATION = 'connlint.dev/ignore';

/** A YAML error in a relevant document, in file offsets. */
export interface SyntaxProblem {
  readonly span: Span;
  readonly message: string;
  /** In YAML embedded in a string (kube-proxy's config.conf), which YAML editors do not check. */
  readonly embedded?: boolean;
}

/** Where the objects of one document come from. */
export interface DocumentOrigin {
  readonly file: string;
  readonly fileText: string;
  readonly documentIndex: number;
}

/** Reads the Kubernetes objects of one document's root node (a `kind: List` gives several). */
export function extractObjects(reader: NodeReader, root: unknown, origin: DocumentOrigin, problems: SyntaxProblem[]): K8sObject[] {
  const kind = reader.string(reader.get(root, 'kind'));
  if (kind === undefined) return kindlessObjects(reader, root, origin);
  if (kind === 'List' || (kind?.endsWith('List') && reader.get(root, 'items') !== undefined)) {
    return reader
      .items(reader.get(root, 'items'))
      .flatMap((item, itemIndex) => extractObject(reader, item, origin, itemIndex, problems) ?? []);
  }
  const object = extractObject(reader, reader.get(root), origin, undefined, problems);
  return object === undefined ? [] : [object];
}

function extractObject(
  reader: NodeReader,
  node: YamlNode | undefined,
  origin: DocumentOrigin,
  itemIndex: number | undefined,
  problems: SyntaxProblem[],
): K8sObject | undefined {
  const kindNode = reader.get(node, 'kind');
  const kind = reader.string(kindNode);
  const span = reader.span(node);
  if (node === undefined || kind === undefined || span === undefined) return undefined;
  const isWorkload = (WORKLOAD_KINDS as readonly string[]).includes(kind);
  // A workload's pods can carry the annotation too.
  const template = kind === 'Pod' ? node : isWorkload ? reader.get(node, 'spec', 'template') : undefined;
  const templateIgnores = template === undefined ? [] : parseRuleList(reader.stringMap(reader.get(template, 'metadata', 'annotations')).get(IGNORE_ANNOTATION));
  const base = objectBase(reader, node, origin, itemIndex, kind, span, reader.span(kindNode) ?? span, templateIgnores);
  if (isWorkload) return workload(reader, node, base, template, origin.fileText);
  switch (kind) {
    case 'Service':
      return service(reader, node, base);
    case 'HorizontalPodAutoscaler':
      return autoscaler(reader, node, base);
    case 'Endpoints':
    case 'EndpointSlice':
      return endpointSet(reader, node, base);
    case 'KubeProxyConfiguration':
      return kubeProxyConfiguration(reader, node, base, undefined);
    case 'Namespace':
      return namespace(reader, node, base);
    case 'ConfigMap':
      if (base.name === CILIUM_CONFIG_MAP) return ciliumConfigMap(reader, node, base);
      return readPathObject(reader, node, base, origin.fileText) ?? embeddedKubeProxyConfiguration(reader, node, base, origin, problems);
    case 'ScaledObject':
      return scaledObject(reader, node, base);
    case 'FelixConfiguration':
      return felixConfiguration(reader, node, base);
    default:
      return readPathObject(reader, node, base, origin.fileText);
  }
}

/** A document without `kind`: a Helm values file of the Cilium chart is read for its data plane settings. */
function kindlessObjects(reader: NodeReader, root: unknown, origin: DocumentOrigin): K8sObject[] {
  const span = reader.span(reader.get(root));
  const name = origin.file.slice(origin.file.lastIndexOf('/') + 1);
  if (span === undefined || !/^values.*\.ya?ml$/i.test(name)) return [];
  const base: ObjectBase = {
    file: origin.file,
    documentIndex: origin.documentIndex,
    itemIndex: undefined,
    kind: 'DataPlaneConfiguration',
    name,
    namespace: 'default',
    span,
    nameSpan: { start: span.start, end: span.start },
    ignoredRules: [],
  };
  const values = ciliumHelmValues(reader, root, base);
  return values === undefined ? [] : [values];
}


function objectBase(
  reader: NodeReader,
  node: YamlNode,
  origin: DocumentOrigin,
  itemIndex: number | undefined,
  kind: string,
  span: Span,
  kindSpan: Span,
  alsoIgnored: readonly string[],
): ObjectBase {
  const metadata = reader.get(node, 'metadata');
  const nameNode = reader.get(metadata, 'name');
  const annotations = reader.stringMap(reader.get(metadata, 'annotations'));
  return {
    file: origin.file,
    documentIndex: origin.documentIndex,
    itemIndex,
    kind,
    name: reader.string(nameNode),
    namespace: reader.string(reader.get(metadata, 'namespace')) || 'default',
    span,
    nameSpan: reader.span(nameNode) ?? kindSpan,
    ignoredRules: exactList([...parseRuleList(annotations.get(IGNORE_ANNOTATION)), ...alsoIgnored]),
  };
}

/** Splits a comma-separated list of rule ids. */
export function parseRuleList(list: string | undefined): string[] {
  if (list === undefined) return [];
  return list
    .split(',')
    .map((rule) => rule.trim())
    .filter((rule) => rule !== '');
}


function workload(reader: NodeReader, node: YamlNode, base: ObjectBase, template: YamlNode | undefined, fileText: string): Workload {
  const replicasNode = base.kind === 'Pod' ? undefined : reader.get(node, 'spec', 'replicas');
  return Object.assign(base as OfKind<Workload>, {
    replicas: located(reader, replicasNode, reader.int32(replicasNode)),
    template: template === undefined ? undefined : podTemplate(reader, template),
    kubeProxyFlags: base.kind === 'DaemonSet' ? kubeProxyFlags(reader, reader.get(template, 'spec'), fileText) : [],
    kubeProxyImage: base.kind === 'DaemonSet' ? kubeProxyImage(reader, reader.get(template, 'spec')) : undefined,
    workloadRef: base.kind === 'Rollout' ? objectRef(reader, reader.get(node, 'spec', 'workloadRef')) : undefined,
  });
}

function objectRef(reader: NodeReader, node: YamlNode | undefined): { kind: string; name: string } | undefined {
  const kind = reader.string(reader.get(node, 'kind'));
  const name = reader.string(reader.get(node, 'name'));
  return kind === undefined || name === undefined ? undefined : { kind, name };
}

function podTemplate(reader: NodeReader, template: YamlNode): PodTemplate {
  const spec = reader.get(template, 'spec');
  const hostNetworkNode = reader.get(spec, 'hostNetwork');
  const hostNetwork = reader.scalar(hostNetworkNode)?.value;
  return {
    labels: reader.stringMap(reader.get(template, 'metadata', 'labels')),
    annotations: reader.stringMap(reader.get(template, 'metadata', 'annotations')),
    hostNetwork: located(reader, hostNetworkNode, typeof hostNetwork === 'boolean' ? hostNetwork : undefined),
    sysctls: exactList(reader.items(reader.get(spec, 'securityContext', 'sysctls')).flatMap((entry) => {
      const nameNode = reader.get(entry, 'name');
      const valueNode = reader.get(entry, 'value');
      const name = reader.string(nameNode);
      const nameSpan = reader.span(nameNode);
      if (name === undefined || nameSpan === undefined) return [];
      const valueNotString = isNonStringScalar(reader, valueNode);
      return [{ name: normaliseSysctlKey(name), value: reader.string(valueNode), nameSpan, valueSpan: reader.span(valueNode), valueNotString }];
    })),
  };
}

function service(reader: NodeReader, node: YamlNode, base: ObjectBase): Service {
  const spec = reader.get(node, 'spec');
  const selector = reader.stringMap(reader.get(spec, 'selector'));
  const clusterIPs = [reader.string(reader.get(spec, 'clusterIP')), ...reader.items(reader.get(spec, 'clusterIPs')).map((ip) => reader.string(ip))];
  const affinityNode = reader.get(spec, 'sessionAffinity');
  const configNode = reader.get(spec, 'sessionAffinityConfig');
  const timeoutNode = reader.get(configNode, 'clientIP', 'timeoutSeconds');
  return Object.assign(base as OfKind<Service>, {
    selector: selector.size > 0 ? selector : undefined,
    type: reader.string(reader.get(spec, 'type')) ?? 'ClusterIP',
    headless: clusterIPs.includes('None'),
    sessionAffinity: located(reader, affinityNode, reader.string(affinityNode)),
    affinityTimeoutSeconds: located(reader, timeoutNode, reader.int32(timeoutNode)),
    affinityTimeoutText: located(reader, timeoutNode, reader.string(timeoutNode)),
    affinityConfigKey: configNode === undefined || reader.scalar(configNode)?.value === null ? undefined : reader.span(reader.keyNode(spec, 'sessionAffinityConfig')),
    ports: exactList(
      reader.items(reader.get(spec, 'ports')).flatMap((port): ServicePort[] => {
        const span = reader.span(port);
        return span === undefined ? [] : [{ protocol: reader.string(reader.get(port, 'protocol')) || 'TCP', port: reader.int32(reader.get(port, 'port')), name: reader.string(reader.get(port, 'name')), span }];
      }),
    ),
    internalTrafficPolicy: locatedString(reader, reader.get(spec, 'internalTrafficPolicy')),
    externalTrafficPolicy: locatedString(reader, reader.get(spec, 'externalTrafficPolicy')),
    typeSpan: reader.span(reader.get(spec, 'type')),
    annotations: readAnnotations(reader, reader.get(node, 'metadata')),
    loadBalancerClass: reader.string(reader.get(spec, 'loadBalancerClass')),
  });
}


function autoscaler(reader: NodeReader, node: YamlNode, base: ObjectBase): HorizontalPodAutoscaler {
  const spec = reader.get(node, 'spec');
  const targetKind = reader.string(reader.get(spec, 'scaleTargetRef', 'kind'));
  const targetName = reader.string(reader.get(spec, 'scaleTargetRef', 'name'));
  const maxNode = reader.get(spec, 'maxReplicas');
  return Object.assign(base as OfKind<HorizontalPodAutoscaler>, {
    target: targetKind !== undefined && targetName !== undefined ? { kind: targetKind, name: targetName } : undefined,
    maxReplicas: located(reader, maxNode, reader.int32(maxNode)),
  });
}

function endpointSet(reader: NodeReader, node: YamlNode, base: ObjectBase): EndpointSet {
  if (base.kind === 'Endpoints') {
    const subsets = reader.items(reader.get(node, 'subsets'));
    const addressCount = subsets.reduce((sum, subset) => sum + reader.items(reader.get(subset, 'addresses')).length, 0);
    return Object.assign(base as OfKind<EndpointSet>, { serviceName: base.name, addressCount });
  }
  const labels = reader.stringMap(reader.get(node, 'metadata', 'labels'));
  const endpoints = reader.items(reader.get(node, 'endpoints'));
  const ready = endpoints.filter((endpoint) => reader.scalar(reader.get(endpoint, 'conditions', 'ready'))?.value !== false);
  return Object.assign(base as OfKind<EndpointSet>, { serviceName: labels.get('kubernetes.io/service-name'), addressCount: ready.length });
}

function namespace(reader: NodeReader, node: YamlNode, base: ObjectBase): Namespace {
  const labels = reader.get(node, 'metadata', 'labels');
  const label = (name: string): Located<string> | undefined => {
    const value = reader.get(labels, name);
    return located(reader, value, reader.string(value));
  };
  // A Namespace's own name is its namespace: objects in it are looked up by it.
  return Object.assign(base as OfKind<Namespace>, {
    namespace: base.name ?? base.namespace,
    labels: reader.stringMap(labels),
    annotations: reader.stringMap(reader.get(node, 'metadata', 'annotations')),
    podSecurityEnforce: label('pod-security.kubernetes.io/enforce'),
    podSecurityEnforceVersion: label('pod-security.kubernetes.io/enforce-version'),
  });
}
