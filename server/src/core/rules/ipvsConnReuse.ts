import { moduleMissingNote, parseInteger } from '../model/effective';
import { effectiveKubernetesVersion, formatKubernetesVersion, kubeProxyLeavesConnReuse, type KubernetesVersion } from '../model/kubernetesVersion';
import { ipvsMode } from '../model/proxy';
import { fittingMessage, relatedSource, type Rule } from './rule';

/** The IPVS sysctl that decides what happens to a SYN reusing the ports of a known connection. */
export const CONN_REUSE_MODE_KEY = 'net.ipv4.vs.conn_reuse_mode';

/** What the value costs, and on which kernels: kubernetes #70747, #81775 (the rule's page tells the history, with #93297). */
function cost(value: number): string {
  return value === 0
    ? 'on kernel 5.9 or later, a connection reusing a client port goes to the old, maybe deleted, backend (kubernetes#81775)'
    : 'kube-proxy writes 0 over it on kernels 4.1 to 5.8, and before 5.9, 1 delays new connections under load (kubernetes#70747)';
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
      const setting = `${CONN_REUSE_MODE_KEY} = ${value}${value === 1 ? " (the kernel's default)" : ''} in IPVS mode`;
      report({
        file,
        span: assignment.valueSpan,
        // Shorter, without where IPVS mode is set: a related location says it.
        message: fittingMessage([`${setting} (${model.describe(mode.source)}): ${cost(value)}`, `${setting}: ${cost(value)}`]),
        related,
      });
      return;
    }
  },
};
