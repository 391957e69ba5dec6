import type { DataPlaneConfiguration, DataPlaneSetting } from '../k8s/objects';
import type { Effective } from './sources';
import type { WorkspaceModel } from './workspaceModel';

/** Who forwards Service traffic on the nodes. */
export interface DataPlane {
  /** `kube-proxy`, `cilium` (kube-proxy replacement) or `calico-ebpf`; `none` when kube-proxy is assumed absent and nothing else is known. */
  readonly name: 'kube-proxy' | 'cilium' | 'calico-ebpf' | 'none';
  /** Whether in-cluster clients' backends are chosen at `connect()` (socket load balancing), not per packet after a DNAT. */
  readonly connectTimeBalancing: boolean;
}

const KUBE_PROXY: DataPlane = { name: 'kube-proxy', connectTimeBalancing: false };

/**
 * The data plane that forwards Service traffic: an `assume.kubeProxy: absent` setting; else
 * Cilium's kube-proxy replacement or Calico's eBPF data plane when the workspace configures
 * one (the first in path order); else kube-proxy.
 */
export function effectiveDataPlane(model: WorkspaceModel): Effective<DataPlane> {
  for (const configuration of model.dataPlaneConfigurations) {
    const detected = configuration.provider === 'cilium' ? cilium(configuration) : calico(configuration);
    if (detected !== undefined) return detected;
  }
  if (model.assumptions.kubeProxy === false) return { value: { name: 'none', connectTimeBalancing: false }, source: { kind: 'assumption', setting: 'kubeProxy' } };
  return { value: KUBE_PROXY, source: { kind: 'default', reason: 'no kube-proxy replacement in the workspace' } };
}

/** Whether kube-proxy forwards Service traffic: not assumed absent, and no data plane in the workspace replaces it. */
export function kubeProxyRuns(model: WorkspaceModel): boolean {
  return effectiveDataPlane(model).value.name === 'kube-proxy';
}

/** How messages and reports name a data plane. */
export function describeDataPlane(plane: DataPlane): string {
  switch (plane.name) {
    case 'kube-proxy':
      return 'kube-proxy';
    case 'none':
      return 'no kube-proxy';
    case 'cilium':
      return `Cilium kube-proxy replacement${plane.connectTimeBalancing ? ', socket load balancing' : ''}`;
    case 'calico-ebpf':
      return `Calico eBPF${plane.connectTimeBalancing ? ', connect-time load balancing' : ''}`;
  }
}

/**
 * Cilium replaces kube-proxy with `kube-proxy-replacement: true` (or the older `strict`); its
 * socket load balancing is on with the replacement or with `bpf-lb-sock: true`, and reaches
 * pods unless `bpf-lb-sock-hostns-only: true` limits it to host-network processes.
 */
function cilium(configuration: DataPlaneConfiguration): Effective<DataPlane> | undefined {
  const replacement = find(configuration, 'kube-proxy-replacement', 'kubeProxyReplacement');
  const socket = find(configuration, 'bpf-lb-sock', 'socketLB.enabled');
  const hostOnly = find(configuration, 'bpf-lb-sock-hostns-only', 'socketLB.hostNamespaceOnly');
  const replaces = replacement !== undefined && ['true', 'strict'].includes(replacement.value.toLowerCase());
  const socketOn = replaces || isTrue(socket);
  if (!replaces && !socketOn) return undefined;
  const decisive = replaces ? replacement! : socket!;
  const value: DataPlane = { name: replaces ? 'cilium' : 'kube-proxy', connectTimeBalancing: socketOn && !isTrue(hostOnly) };
  return { value, source: { kind: 'file', file: configuration.file, span: decisive.span, setting: `${decisive.key} in ${configuration.origin}` } };
}

/** Calico's eBPF data plane (`bpfEnabled: true`), with connect-time load balancing unless turned off. */
function calico(configuration: DataPlaneConfiguration): Effective<DataPlane> | undefined {
  const enabled = find(configuration, 'bpfEnabled');
  if (!isTrue(enabled)) return undefined;
  const legacy = find(configuration, 'bpfConnectTimeLoadBalancingEnabled');
  const mode = find(configuration, 'bpfConnectTimeLoadBalancing');
  const connectTime = legacy?.value.toLowerCase() !== 'false' && mode?.value.toLowerCase() !== 'disabled';
  return {
    value: { name: 'calico-ebpf', connectTimeBalancing: connectTime },
    source: { kind: 'file', file: configuration.file, span: enabled!.span, setting: `bpfEnabled in ${configuration.origin}` },
  };
}

function find(configuration: DataPlaneConfiguration, ...keys: string[]): DataPlaneSetting | undefined {
  return configuration.settings.find((setting) => keys.includes(setting.key));
}

function isTrue(setting: DataPlaneSetting | undefined): boolean {
  return setting?.value.toLowerCase() === 'true';
}
