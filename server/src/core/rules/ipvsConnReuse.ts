import { moduleMissingNote, parseInteger } from '../model/effective';
import { effectiveKubernetesVersion, formatKubernetesVersion, kubeProxyLeavesConnReuse, type KubernetesVersion } from '../model/kubernetesVersion';
import { ipvsMode } from '../model/proxy';
import { relatedSource, type Rule } from './rule';

/** The IPVS sysctl that decides what happens to a SYN reusing the ports of a known connection. */
export const CONN_REUSE_MODE_KEY = 'net.ipv4.vs.conn_reuse_mode';

const HISTORY_KERNELS = 'Kernel 5.9 fixed both, and kube-proxy leaves the value alone from 5.9 on (kubernetes#93297).';

/** The value set, what it costs and on which kernels: kubernetes #70747, #81775, #93297. */
function history(value: number): string {
  if (value === 0) {
    return (
      '0: IPVS sends a new connection that reuses a client port to the backend of the old one, even a pod that was deleted (kubernetes#81775). ' +
      'kube-proxy itself writes 0 on kernels 4.1 to 5.8, to avoid the 1 s delays of the default, 1 (kubernetes#70747). ' +
      `${HISTORY_KERNELS} On 5.9 or later, kube-proxy leaves this 0 in place, so IPVS never reschedules a connection that reuses a port.`
    );
  }
  const what = value === 1 ? "1, the kernel's default" : `${value}, neither the kernel's default 1 nor the 0 kube-proxy writes on older kernels`;
  return (
    `${what}. On kernels before 5.9, 1 drops a SYN that reuses the ports of a stale IPVS connection, so new connections wait 1 s under load (kubernetes#70747); ` +
    'kube-proxy then writes 0 at start-up on kernels 4.1 to 5.8, overriding this file, and 0 sends clients that reuse a port to deleted pods (kubernetes#81775). ' +
    HISTORY_KERNELS
  );
}

/** kube-proxy before 1.22 writes 0 at start-up on every kernel from 4.1: the node's value never applies. */
function overwrittenMessage(value: number, version: KubernetesVersion): string {
  return (
    `${CONN_REUSE_MODE_KEY} = ${value} is overwritten: kube-proxy ${formatKubernetesVersion(version)} writes 0 on every kernel from 4.1 ` +
    '(1.22 leaves 5.9+ alone, kubernetes#102122); 0 sends port-reusing clients to deleted pods.'
  );
}

/**
 * In IPVS mode, `net.ipv4.vs.conn_reuse_mode` set in a node's sysctl files: every value has had
 * a cost on some kernel, so the finding tells the history rather than a fix.
 */
export const ipvsConnReuse: Rule = {
  id: 'ipvs-conn-reuse',
  defaultSeverity: 'info',
  description: 'net.ipv4.vs.conn_reuse_mode set on the nodes in IPVS mode: what the value costs, and on which kernels.',
  scope: 'workspace',
  check(model, report) {
    const mode = ipvsMode(model);
    if (mode === undefined) return;
    const version = effectiveKubernetesVersion(model);
    const assignments = model.nodeSysctlAssignments(CONN_REUSE_MODE_KEY);
    for (let i = assignments.length - 1; i >= 0; i--) {
      const { file, assignment } = assignments[i]!;
      const value = parseInteger(assignment.value);
      if (value === undefined) continue;
      const related = [...relatedSource(mode.source, 'kube-proxy runs in IPVS mode'), ...moduleMissingNote(model, CONN_REUSE_MODE_KEY, file, assignment.valueSpan)];
      if (!kubeProxyLeavesConnReuse(version.value) && value !== 0) {
        report({ file, span: assignment.valueSpan, message: overwrittenMessage(value, version.value!), related: [...related, ...relatedSource(version.source, `Kubernetes ${formatKubernetesVersion(version.value!)}`)] });
        return;
      }
      report({ file, span: assignment.valueSpan, message: `In IPVS mode (${model.describe(mode.source)}), the node sets ${CONN_REUSE_MODE_KEY} to ${history(value)}`, related });
      return;
    }
  },
};
