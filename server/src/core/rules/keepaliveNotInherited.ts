import { type Workload, objectLabel } from '../k8s/objects';
import { effectiveConntrackTimeout, KEEPALIVE_TIME_KEY, winningNodeAssignment } from '../model/effective';
import type { WorkspaceModel } from '../model/workspaceModel';
import type { Fix } from '../edits/fix';
import { SYSCTL_CATALOG } from '../sysctl/catalog';
import { addPodSysctl, recommendedKeepalive } from '../edits/podKeepalive';
import { countOf, type Finding, type RelatedSpan, type Rule } from './rule';

/** The keepalive keys a pod has its own copy of, in its network namespace. */
export const KEEPALIVE_KEYS = ['net.ipv4.tcp_keepalive_time', 'net.ipv4.tcp_keepalive_intvl', 'net.ipv4.tcp_keepalive_probes'] as const;

/** Workloads named in a message; the others are counted, and all are related locations. */
const NAMED_IN_MESSAGE = 1;

/**
 * A node sysctl file sets TCP keepalive while the workspace runs pods that set none of their own:
 * a pod's network namespace starts from the kernel's defaults, so the node's value never reaches it.
 */
export const keepaliveNotInherited: Rule = {
  id: 'keepalive-not-inherited',
  defaultSeverity: 'info',
  description: "A node sysctl file sets TCP keepalive that pods never get: each pod's network namespace starts from the kernel's defaults.",
  scope: 'workspace',
  check(model, report) {
    for (const key of KEEPALIVE_KEYS) {
      const finding = notInheritedFinding(model, key);
      if (finding !== undefined) report(finding);
    }
  },
};

function notInheritedFinding(model: WorkspaceModel, key: (typeof KEEPALIVE_KEYS)[number]): Finding | undefined {
  const info = SYSCTL_CATALOG.get(key)!;
  const kernelDefault = Number(info.defaultValue);
  // tcp_keepalive_probes is a u8: the kernel rejects values above 255.
  const node = winningNodeAssignment(model, key, (value) => key !== 'net.ipv4.tcp_keepalive_probes' || (value >= 0 && value <= 255));
  if (node === undefined || node.value <= 0 || node.value === kernelDefault) return undefined;
  const pods = model.workloads.filter((workload) => setsNone(workload, key) && !workload.ignoredRules.includes(keepaliveNotInherited.id));
  if (pods.length === 0) return undefined;
  const unit = (value: number): string => (info.unit === 'seconds' ? `${value} s` : String(value));
  const names = pods.slice(0, NAMED_IN_MESSAGE).map(objectLabel);
  if (pods.length > NAMED_IN_MESSAGE) names.push(countOf(pods.length - NAMED_IN_MESSAGE, 'more workload'));
  const source = { kind: 'file' as const, file: node.file, span: node.assignment.valueSpan, setting: 'set' };
  return {
    file: node.file,
    span: node.assignment.lineSpan,
    message:
      `${key} is ${unit(node.value)} on the node (${model.describe(source)}), but pods start from the kernel's default of ${unit(kernelDefault)}: ` +
      `${joinWithAnd(names)} ${pods.length === 1 ? 'sets' : 'set'} none of ${pods.length === 1 ? 'its' : 'their'} own`,
    related: pods.map(
      (workload): RelatedSpan => ({
        file: workload.file,
        span: workload.nameSpan,
        message: `${objectLabel(workload)} sets no ${key} in its pods' securityContext.sysctls: its pods use the kernel's default of ${unit(kernelDefault)}`,
      }),
    ),
    fixes: () => {
      const value = String(podValue(model, key, node.value));
      return pods.map((workload) => addPodSysctl(model, workload, key, value)).filter((fix): fix is Fix => fix !== undefined);
    },
  };
}

/**
 * The value the fix gives pods: the node's, except a keepalive time the conntrack timeout would
 * outlast (keepalive-conntrack reports that one), where the recommended keepalive goes instead.
 */
function podValue(model: WorkspaceModel, key: string, nodeValue: number): number {
  if (key !== KEEPALIVE_TIME_KEY) return nodeValue;
  const conntrack = effectiveConntrackTimeout(model).value;
  return nodeValue < conntrack ? nodeValue : recommendedKeepalive(conntrack);
}

/** Pods in their own network namespace that set no value for the key. */
function setsNone(workload: Workload, key: string): boolean {
  const template = workload.template;
  return template !== undefined && template.hostNetwork?.value !== true && !template.sysctls.some((entry) => entry.name === key);
}

function joinWithAnd(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
