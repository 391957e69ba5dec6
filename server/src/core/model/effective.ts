import { fileOfValue } from '../kustomize/strategicMerge';
import { type Workload, objectLabel } from '../k8s/objects';
import { parseGoDuration } from '../yaml/duration';
import { effectiveKubernetesVersion, kubeProxyOnlyRaisesConntrack } from './kubernetesVersion';
import { flagSource, kubeProxyFlag } from './proxy';
import { bootOrder, moduleOfKey, nodeRootOf } from '../sysctl/order';
import type { Span } from '../text';
import { baseName, type Effective, type ValueSource } from './sources';
import type { NodeSysctl, WorkspaceModel } from './workspaceModel';
import { kubeProxyRuns } from './dataPlane';
import { nodeImageChoice, scopePathOf } from './scopedView';

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
 * The conntrack established timeout on the nodes: an assumption, else what kube-proxy writes
 * (its flag, its configuration, its default when the workspace holds manifests; `0s` leaves the
 * node's value, and in Kubernetes 1.23 to 1.28 it only raises a lower one), else the node's
 * sysctl files, else the kernel's default.
 */
export function effectiveConntrackTimeout(model: WorkspaceModel): Effective<number> {
  const assumed = model.assumptions.conntrackEstablishedTimeout;
  if (assumed !== undefined) return { value: assumed, source: { kind: 'assumption', setting: 'conntrackEstablishedTimeout' } };
  const node = nodeInteger(model, CONNTRACK_ESTABLISHED_KEY);
  const written = kubeProxyConntrackTimeout(model);
  if (written === undefined) return node ?? kernelConntrack();
  if (node !== undefined && node.value > written.value && kubeProxyOnlyRaisesConntrack(effectiveKubernetesVersion(model).value)) return node;
  return written;
}

/** The conntrack established timeout kube-proxy writes at start-up, or undefined when it leaves the node's value or is not in view. */
function kubeProxyConntrackTimeout(model: WorkspaceModel): Effective<number> | undefined {
  if (!kubeProxyRuns(model)) return undefined;
  const flag = kubeProxyFlag(model, 'conntrack-tcp-timeout-established');
  const flagSeconds = flag === undefined ? undefined : parseGoDuration(flag.flag.value.value);
  // The flag wins over the configuration file; 0 leaves the node's value.
  if (flag !== undefined && flagSeconds !== undefined) return flagSeconds > 0 ? { value: flagSeconds, source: flagSource(flag) } : undefined;
  const configuration = model.workspaceKubeProxyConfigurations[0];
  if (configuration !== undefined) {
    const timeout = configuration.tcpEstablishedTimeout;
    if (timeout === undefined) {
      const reason = `kube-proxy's default, tcpEstablishedTimeout unset in ${baseName(configuration.file)}`;
      return { value: DEFAULTS.kubeProxyConntrackEstablished, source: { kind: 'default', reason } };
    }
    return timeout.value > 0 ? { value: timeout.value, source: { kind: 'file', file: configuration.file, span: timeout.span, setting: 'tcpEstablishedTimeout' } } : undefined;
  }
  if (!model.hasManifests && model.assumptions.kubeProxy !== true) return undefined;
  return { value: DEFAULTS.kubeProxyConntrackEstablished, source: { kind: 'default', reason: "kube-proxy's default, no kube-proxy configuration in the workspace" } };
}

function kernelConntrack(): Effective<number> {
  return { value: DEFAULTS.kernelConntrackEstablished, source: { kind: 'default', reason: "the kernel's default" } };
}

/** The node's keepalive time: its sysctl files, else the kernel's default. */
export function nodeKeepaliveTime(model: WorkspaceModel): Effective<number> {
  return nodeInteger(model, KEEPALIVE_TIME_KEY) ?? { value: DEFAULTS.keepaliveTime, source: { kind: 'default', reason: "the kernel's default" } };
}

/**
 * The model as seen from each node image with sysctl files: a view scoped to one of its files, so
 * that node values are that image's and kube-proxy's configuration the one nearest to it (see
 * nodeImageOf); the model itself when the workspace holds one image or none.
 */
export function nodeImageViews(model: WorkspaceModel): WorkspaceModel[] {
  const images = model.nodeImages;
  if (images.length < 2) return [model];
  return images.map((image) => model.scopedTo(model.sysctlFiles.find((file) => nodeRootOf(file.path) === image)!.path));
}

/**
 * Whether a workload's pods keep the kernel's default keepalive time: host-network pods when
 * their node image (the nearest) sets none, other pods when their securityContext sets none.
 */
export function reliesOnDefaultKeepalive(workload: Workload, model: WorkspaceModel): boolean {
  if (workload.template === undefined) return false;
  if (workload.template.hostNetwork?.value === true) return nodeKeepaliveTime(model.scopedTo(workload.file)).source.kind === 'default';
  return !workload.template.sysctls.some((entry) => entry.name === KEEPALIVE_TIME_KEY && entry.value !== undefined && parseInteger(entry.value) !== undefined);
}

/**
 * The keepalive time in a workload's pods: host-network pods share the node's; other pods get
 * their own network namespace, which starts from the kernel's default unless the pod sets it.
 */
export function podKeepaliveTime(workload: Workload, model: WorkspaceModel): Effective<number> {
  // Host-network pods run on the node image nearest to their workload, when the workspace holds several.
  if (workload.template?.hostNetwork?.value === true) return nodeKeepaliveTime(model.scopedTo(workload.file));
  const sysctl = workload.template?.sysctls.find((entry) => entry.name === KEEPALIVE_TIME_KEY);
  if (sysctl?.valueNotString && sysctl.valueSpan !== undefined) {
    // The API server refuses the object: its value protects nothing, and quoting it is the fix.
    const setting = `${KEEPALIVE_TIME_KEY} of ${objectLabel(workload)} (not a string: refused)`;
    return { value: DEFAULTS.keepaliveTime, source: { kind: 'file', file: fileOfValue(workload, sysctl), span: sysctl.valueSpan, setting } };
  }
  const value = sysctl?.value === undefined ? undefined : parseInteger(sysctl.value);
  if (sysctl !== undefined && sysctl.valueSpan !== undefined && value !== undefined) {
    return { value, source: { kind: 'file', file: fileOfValue(workload, sysctl), span: sysctl.valueSpan, setting: `${KEEPALIVE_TIME_KEY} of ${objectLabel(workload)}` } };
  }
  return { value: DEFAULTS.keepaliveTime, source: { kind: 'default', reason: "the kernel's default in a pod's own network namespace" } };
}

/**
 * The node's value of an integer key: the last assignment the kernel accepts (it rejects the
 * others, keeping the value before), in `sysctl --system` order. Where systemd-sysctl at boot
 * ends with another value (sysctl.conf read as 99-sysctl.conf), the source says so.
 */
function nodeInteger(model: WorkspaceModel, key: string): Effective<number> | undefined {
  const assignments = model.nodeSysctlAssignments(key);
  const current = lastInteger(assignments);
  if (current === undefined) return undefined;
  const atBoot = lastInteger(bootOrder(assignments));
  const differs = atBoot !== undefined && atBoot.value !== current.value;
  const setting = differs ? `${key} (by sysctl --system; at boot ${atBoot.value}, ${baseName(atBoot.file)}:${atBoot.assignment.line + 1})` : key;
  const choice = nodeImageChoice(current.file, model, scopePathOf(model));
  const source: ValueSource = { kind: 'file', file: current.file, span: current.assignment.valueSpan, setting, ...(choice === '' ? {} : { choice }) };
  return { value: current.value, source };
}

/** The last of the assignments whose value is an integer, with that integer. */
function lastInteger(assignments: readonly NodeSysctl[]): (NodeSysctl & { readonly value: number }) | undefined {
  for (let i = assignments.length - 1; i >= 0; i--) {
    const value = parseInteger(assignments[i]!.assignment.value);
    if (value !== undefined) return { ...assignments[i]!, value };
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

/**
 * The kernel module a node sysctl assignment needs loaded before systemd-sysctl runs at boot,
 * when its node image's modules-load.d files (in the workspace) do not load it: the key does not
 * exist yet then, and systemd-sysctl skips it. Undefined when the key needs no module, the
 * module is loaded, or the workspace holds no modules-load.d file of that image.
 */
export function moduleMissingAtBoot(model: WorkspaceModel, key: string, file: string): string | undefined {
  const module = moduleOfKey(key);
  const loaded = module === undefined ? undefined : model.modulesLoadedAtBoot(nodeRootOf(file));
  return loaded === undefined || loaded.has(module!) ? undefined : module;
}

/** A related location saying that an assignment does not apply at boot, for findings that rely on it. */
export function moduleMissingNote(model: WorkspaceModel, key: string, file: string, span: Span): { file: string; span: Span; message: string }[] {
  const module = moduleMissingAtBoot(model, key, file);
  if (module === undefined) return [];
  return [{ file, span, message: `${module} is not in the node image's modules-load.d: at boot ${key} does not exist yet and systemd-sysctl skips this line` }];
}
