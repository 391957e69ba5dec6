import { type Workload, objectLabel } from '../k8s/objects';
import { parseGoDuration } from '../yaml/duration';
import { flagSource, kubeProxyFlag } from './proxy';
import { baseName, type Effective, type ValueSource } from './sources';
import type { NodeSysctl, WorkspaceModel } from './workspaceModel';
import { kubeProxyRuns } from './dataPlane';

/** Kernel and kube-proxy defaults; their sources are cited in docs/rules/keepalive-conntrack.md. */
export const DEFAULTS = {
  /** net.netfilter.nf_conntrack_tcp_timeout_established, the kernel's default (5 days). */
  kernelConntrackEstablished: 432000,
  /** kube-proxy's conntrack.tcpEstablishedTimeout default, 24h0m0s. */
  kubeProxyConntrackEstablished: 86400,
  /** net.ipv4.tcp_keepalive_time, the kernel's default. */
  keepaliveTime: 7200,
} as const;

export const CONNTRACK_ESTABLISHED_KEY = 'net.netfilter.nf_conntrack_tcp_timeout_established';
export const KEEPALIVE_TIME_KEY = 'net.ipv4.tcp_keepalive_time';

/**
 * The conntrack established timeout on the nodes: an assumption, else kube-proxy's configuration
 * (`0s` leaves the node's value), else kube-proxy's default when the workspace holds manifests,
 * else the node's sysctl files, else the kernel's default.
 */
export function effectiveConntrackTimeout(model: WorkspaceModel): Effective<number> {
  const assumed = model.assumptions.conntrackEstablishedTimeout;
  if (assumed !== undefined) return { value: assumed, source: { kind: 'assumption', setting: 'conntrackEstablishedTimeout' } };
  const flag = !kubeProxyRuns(model) ? undefined : kubeProxyFlag(model, 'conntrack-tcp-timeout-established');
  const flagSeconds = flag === undefined ? undefined : parseGoDuration(flag.flag.value.value);
  if (flag !== undefined && flagSeconds !== undefined) {
    // The flag wins over the configuration file; 0 leaves the node's value.
    if (flagSeconds > 0) return { value: flagSeconds, source: flagSource(flag) };
    return nodeInteger(model, CONNTRACK_ESTABLISHED_KEY) ?? kernelConntrack();
  }
  const configuration = model.workspaceKubeProxyConfigurations[0];
  if (configuration !== undefined && kubeProxyRuns(model)) {
    const timeout = configuration.tcpEstablishedTimeout;
    if (timeout === undefined) {
      return {
        value: DEFAULTS.kubeProxyConntrackEstablished,
        source: { kind: 'default', reason: `kube-proxy's default, tcpEstablishedTimeout unset in ${baseName(configuration.file)}` },
      };
    }
    if (timeout.value > 0) {
      return { value: timeout.value, source: { kind: 'file', file: configuration.file, span: timeout.span, setting: 'tcpEstablishedTimeout' } };
    }
  } else if ((model.hasManifests || model.assumptions.kubeProxy === true) && kubeProxyRuns(model)) {
    return {
      value: DEFAULTS.kubeProxyConntrackEstablished,
      source: { kind: 'default', reason: "kube-proxy's default, no kube-proxy configuration in the workspace" },
    };
  }
  return nodeInteger(model, CONNTRACK_ESTABLISHED_KEY) ?? kernelConntrack();
}

function kernelConntrack(): Effective<number> {
  return { value: DEFAULTS.kernelConntrackEstablished, source: { kind: 'default', reason: "the kernel's default" } };
}

/** The node's keepalive time: its sysctl files, else the kernel's default. */
export function nodeKeepaliveTime(model: WorkspaceModel): Effective<number> {
  return nodeInteger(model, KEEPALIVE_TIME_KEY) ?? { value: DEFAULTS.keepaliveTime, source: { kind: 'default', reason: "the kernel's default" } };
}

/**
 * The keepalive time in a workload's pods: host-network pods share the node's; other pods get
 * their own network namespace, which starts from the kernel's default unless the pod sets it.
 */
export function podKeepaliveTime(workload: Workload, model: WorkspaceModel): Effective<number> {
  if (workload.template?.hostNetwork?.value === true) return nodeKeepaliveTime(model);
  const sysctl = workload.template?.sysctls.find((entry) => entry.name === KEEPALIVE_TIME_KEY);
  const value = sysctl?.value === undefined ? undefined : parseInteger(sysctl.value);
  if (sysctl !== undefined && sysctl.valueSpan !== undefined && value !== undefined) {
    return { value, source: { kind: 'file', file: workload.file, span: sysctl.valueSpan, setting: `${KEEPALIVE_TIME_KEY} of ${objectLabel(workload)}` } };
  }
  return { value: DEFAULTS.keepaliveTime, source: { kind: 'default', reason: "the kernel's default in a pod's own network namespace" } };
}

/** The node's value of an integer key: the last assignment the kernel accepts (it rejects the others, keeping the value before). */
function nodeInteger(model: WorkspaceModel, key: string): Effective<number> | undefined {
  const assignments = model.nodeSysctlAssignments(key);
  for (let i = assignments.length - 1; i >= 0; i--) {
    const { file, assignment } = assignments[i]!;
    const value = parseInteger(assignment.value);
    if (value === undefined) continue;
    const source: ValueSource = { kind: 'file', file, span: assignment.valueSpan, setting: key };
    return { value, source };
  }
  return undefined;
}

/**
 * An integer as the kernel's proc_dointvec reads a sysctl write, or undefined where it rejects
 * it: an optional `-`, then decimal, `0x` hexadecimal or `0` octal digits; reading stops at a
 * blank (`600 # note` sets 600), while anything else glued on (`600#`, `+600`) is rejected.
 */
export function parseInteger(text: string): number | undefined {
  const match = /^\s*(-?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9]\d*)(?:\s.*)?$/s.exec(text);
  if (match === null) return undefined;
  const digits = match[2]!;
  const magnitude = /^0[xX]/.test(digits) ? parseInt(digits.slice(2), 16) : digits.length > 1 && digits.startsWith('0') ? parseInt(digits, 8) : Number(digits);
  return match[1] === '-' ? -magnitude : magnitude;
}


/** The node's assignment of a key that takes effect: the last whose value is an integer the kernel accepts (`accepts`, by default any). */
export function winningNodeAssignment(
  model: WorkspaceModel,
  key: string,
  accepts: (value: number) => boolean = () => true,
): (NodeSysctl & { readonly value: number }) | undefined {
  const assignments = model.nodeSysctlAssignments(key);
  for (let i = assignments.length - 1; i >= 0; i--) {
    const value = parseInteger(assignments[i]!.assignment.value);
    if (value !== undefined && accepts(value)) return { ...assignments[i]!, value };
  }
  return undefined;
}
