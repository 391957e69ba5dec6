import type { CommandLineFlag } from '../k8s/kubeProxyFlags';
import type { Service, Workload } from '../k8s/objects';
import { parseGoDuration } from '../yaml/duration';
import type { Effective, ValueSource } from './sources';
import type { WorkspaceModel } from './workspaceModel';
import { kubeProxyRuns } from './dataPlane';

/** IPVS's own idle timeout for established TCP when kube-proxy leaves it alone (`ipvs.tcpTimeout: 0`). */
const KERNEL_IPVS_TCP_TIMEOUT = 900;

/** The largest ClientIP affinity `timeoutSeconds` the API server accepts: the affinity that lasts longest. */
export const MAX_AFFINITY_TIMEOUT = 86400;

/** Whether kube-proxy load-balances the Service: headless and ExternalName Services bypass it. */
export function isProxied(service: Service): boolean {
  return !service.headless && service.type !== 'ExternalName';
}

/** A kube-proxy flag found in a DaemonSet, with the DaemonSet. */
export interface LocatedFlag {
  readonly daemonSet: Workload;
  readonly flag: CommandLineFlag;
}

/** The first kube-proxy flag of that name in the workspace's DaemonSets. */
export function kubeProxyFlag(model: WorkspaceModel, name: string): LocatedFlag | undefined {
  for (const daemonSet of model.kubeProxyDaemonSets) {
    const flag = daemonSet.kubeProxyFlags.find((candidate) => candidate.name === name);
    if (flag !== undefined) return { daemonSet, flag };
  }
  return undefined;
}

/** The source of a value written as a flag. */
export function flagSource(located: LocatedFlag): ValueSource {
  return { kind: 'file', file: located.daemonSet.file, span: located.flag.value.span, setting: `--${located.flag.name}` };
}

/**
 * The proxy mode: an assumption, else `--proxy-mode` of a kube-proxy DaemonSet, else `mode` of
 * its configuration, else kube-proxy's default on Linux, iptables.
 */
export function effectiveProxyMode(model: WorkspaceModel): Effective<string> {
  const assumed = model.assumptions.proxyMode;
  if (assumed !== undefined) return { value: assumed, source: { kind: 'assumption', setting: 'proxyMode' } };
  const flag = kubeProxyFlag(model, 'proxy-mode');
  if (flag !== undefined && flag.flag.value.value !== '') return { value: flag.flag.value.value, source: flagSource(flag) };
  const configuration = model.workspaceKubeProxyConfigurations.find((candidate) => candidate.mode !== undefined);
  if (configuration?.mode !== undefined) {
    return { value: configuration.mode.value, source: { kind: 'file', file: configuration.file, span: configuration.mode.span, setting: 'mode' } };
  }
  return { value: 'iptables', source: { kind: 'default', reason: "kube-proxy's default on Linux" } };
}

/** kube-proxy's mode when it is IPVS, with where that comes from; undefined in any other mode, or when kube-proxy is assumed absent. */
export function ipvsMode(model: WorkspaceModel): Effective<string> | undefined {
  const mode = effectiveProxyMode(model);
  if (mode.value !== 'ipvs') return undefined;
  return !kubeProxyRuns(model) && mode.source.kind !== 'assumption' ? undefined : mode;
}

/**
 * IPVS's idle timeout for established TCP: `--ipvs-tcp-timeout`, else `ipvs.tcpTimeout`, when
 * above zero; else the kernel's 900 s.
 */
export function effectiveIpvsTcpTimeout(model: WorkspaceModel): Effective<number> {
  const flag = kubeProxyFlag(model, 'ipvs-tcp-timeout');
  const flagSeconds = flag === undefined ? undefined : parseGoDuration(flag.flag.value.value);
  if (flag !== undefined && flagSeconds !== undefined && flagSeconds > 0) return { value: flagSeconds, source: flagSource(flag) };
  const configuration = model.workspaceKubeProxyConfigurations.find((candidate) => candidate.ipvsTcpTimeout !== undefined);
  const timeout = configuration?.ipvsTcpTimeout;
  if (configuration !== undefined && timeout !== undefined && timeout.value > 0 && flag === undefined) {
    return { value: timeout.value, source: { kind: 'file', file: configuration.file, span: timeout.span, setting: 'ipvs.tcpTimeout' } };
  }
  return { value: KERNEL_IPVS_TCP_TIMEOUT, source: { kind: 'default', reason: "the kernel's IPVS default (kube-proxy leaves it when ipvs.tcpTimeout is 0)" } };
}
