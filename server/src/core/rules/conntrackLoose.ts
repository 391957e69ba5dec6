import { effectiveConntrackTimeout, moduleMissingNote, winningNodeAssignment } from '../model/effective';
import { setSysctlValue } from '../edits/podKeepalive';
import type { Rule } from './rule';
import { kubeProxyRuns } from '../model/dataPlane';

/** The sysctl that lets conntrack pick up a connection from a mid-stream packet (kernel default 1). */
export const TCP_LOOSE_KEY = 'net.netfilter.nf_conntrack_tcp_loose';

/**
 * `nf_conntrack_tcp_loose = 0` on a node: once an idle connection's conntrack entry expires, its
 * next packet is INVALID and kube-proxy's rules drop it, so the connection hangs instead of resetting.
 */
export const conntrackLoose: Rule = {
  id: 'conntrack-loose',
  defaultSeverity: 'warning',
  description: 'nf_conntrack_tcp_loose = 0 on a node: after its conntrack entry expires, an idle connection hangs instead of resetting.',
  scope: 'workspace',
  check(model, report) {
    if (!kubeProxyRuns(model)) return;
    // The kernel accepts only 0 and 1; any other value is rejected and the one before stays.
    const node = winningNodeAssignment(model, TCP_LOOSE_KEY, (value) => value === 0 || value === 1);
    if (node === undefined || node.value !== 0) return;
    const conntrack = effectiveConntrackTimeout(model);
    const span = node.assignment.valueSpan;
    const where = model.describe({ kind: 'file', file: node.file, span, setting: 'set' });
    report({
      file: node.file,
      span,
      message:
        `${TCP_LOOSE_KEY} is 0 on the node (${where}): an idle connection whose conntrack entry expires after ${conntrack.value} s hangs instead of being reset`,
      related: moduleMissingNote(model, TCP_LOOSE_KEY, node.file, span),
      fixes: () => [{ title: 'Set nf_conntrack_tcp_loose to 1', edits: setSysctlValue(model, TCP_LOOSE_KEY, node.file, span, '1'), preferred: true }],
    });
  },
};
