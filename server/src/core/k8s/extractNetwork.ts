import { parseGoDuration } from '../yaml/duration';
import type { NodeReader, YamlNode } from '../yaml/nodes';
import {
  KEDA_DEFAULT_MAX_REPLICAS,
  type DataPlaneConfiguration,
  type DataPlaneSetting,
  type DataPlaneTimeout,
  type ObjectBase,
  type ScaledObject,
} from './objects';

/** The ConfigMap in which Cilium's agent reads its configuration. */
export const CILIUM_CONFIG_MAP = 'cilium-config';

/** The `cilium-config` keys that decide whether Cilium replaces kube-proxy and balances at `connect()`. */
const CILIUM_KEYS = ['kube-proxy-replacement', 'bpf-lb-sock', 'bpf-lb-sock-hostns-only'] as const;

/** The `cilium-config` keys of the eBPF conntrack timeouts for TCP (Service and regular connections). */
const CILIUM_TIMEOUT_KEYS = ['bpf-ct-timeout-service-tcp', 'bpf-ct-timeout-regular-tcp'] as const;

/** The Cilium chart's values that render those keys. */
const CILIUM_VALUES = [['kubeProxyReplacement'], ['socketLB', 'enabled'], ['socketLB', 'hostNamespaceOnly']] as const;

/** The FelixConfiguration fields of Calico's eBPF data plane and its connect-time load balancing. */
const FELIX_FIELDS = ['bpfEnabled', 'bpfConnectTimeLoadBalancingEnabled', 'bpfConnectTimeLoadBalancing'] as const;

/** A KEDA ScaledObject: `spec.scaleTargetRef` (kind Deployment when unset) and `spec.maxReplicaCount` (100 when unset). */
export function scaledObject(reader: NodeReader, node: YamlNode, base: ObjectBase): ScaledObject {
  const spec = reader.get(node, 'spec');
  const name = reader.string(reader.get(spec, 'scaleTargetRef', 'name'));
  const kind = reader.string(reader.get(spec, 'scaleTargetRef', 'kind')) || 'Deployment';
  const maxNode = reader.get(spec, 'maxReplicaCount');
  const written = reader.int32(maxNode);
  const span = reader.span(maxNode);
  return {
    ...base,
    kind: 'ScaledObject',
    target: name === undefined ? undefined : { kind, name },
    maxReplicas: written !== undefined && span !== undefined ? { value: written, span } : { value: KEDA_DEFAULT_MAX_REPLICAS, span: base.nameSpan },
    maxReplicasWritten: written !== undefined,
  };
}

/** The `cilium-config` ConfigMap's data plane keys. */
export function ciliumConfigMap(reader: NodeReader, node: YamlNode, base: ObjectBase): DataPlaneConfiguration | undefined {
  const data = reader.get(node, 'data');
  const settings = CILIUM_KEYS.flatMap((key) => setting(reader, reader.get(data, key), key));
  const timeouts = CILIUM_TIMEOUT_KEYS.flatMap((key) => timeout(reader, reader.get(data, key), key));
  return settings.length + timeouts.length === 0 ? undefined : dataPlane(base, 'cilium', `ConfigMap "${CILIUM_CONFIG_MAP}"`, settings, timeouts);
}

/** A FelixConfiguration's eBPF fields and its eBPF conntrack timeout for established TCP. */
export function felixConfiguration(reader: NodeReader, node: YamlNode, base: ObjectBase): DataPlaneConfiguration | undefined {
  const spec = reader.get(node, 'spec');
  const settings = FELIX_FIELDS.flatMap((key) => setting(reader, reader.get(spec, key), key));
  const timeouts = timeout(reader, reader.get(spec, 'bpfConntrackTimeouts', 'tcpEstablished'), 'bpfConntrackTimeouts.tcpEstablished');
  return settings.length + timeouts.length === 0 ? undefined : dataPlane(base, 'calico', `FelixConfiguration "${base.name ?? '(unnamed)'}"`, settings, timeouts);
}

/**
 * A Helm values file of the Cilium chart (a document without `kind` whose root holds
 * `kubeProxyReplacement` or `socketLB`), as a data plane configuration named after the file.
 */
export function ciliumHelmValues(reader: NodeReader, root: unknown, base: ObjectBase): DataPlaneConfiguration | undefined {
  const settings = CILIUM_VALUES.flatMap((path) => setting(reader, reader.get(root, ...path), path.join('.')));
  return settings.length === 0 ? undefined : dataPlane(base, 'cilium', 'Helm values', settings, []);
}

function setting(reader: NodeReader, node: YamlNode | undefined, key: string): DataPlaneSetting[] {
  const value = reader.string(node);
  const span = reader.span(node);
  return value === undefined || span === undefined ? [] : [{ key, value, span }];
}

/** A Go duration (`2h13m20s`) as a timeout in seconds, when it parses. */
function timeout(reader: NodeReader, node: YamlNode | undefined, key: string): DataPlaneTimeout[] {
  const text = reader.string(node);
  const seconds = text === undefined ? undefined : parseGoDuration(text);
  const span = reader.span(node);
  return seconds === undefined || span === undefined ? [] : [{ key, seconds, span }];
}

function dataPlane(base: ObjectBase, provider: 'cilium' | 'calico', origin: string, settings: DataPlaneSetting[], conntrackTimeouts: DataPlaneTimeout[]): DataPlaneConfiguration {
  return { ...base, kind: 'DataPlaneConfiguration', provider, origin, settings, conntrackTimeouts };
}
