import { isSeq } from 'yaml';
import { type Workload, objectLabel } from '../k8s/objects';
import { KEEPALIVE_TIME_KEY } from '../model/effective';
import { effectiveKubernetesVersion, formatKubernetesVersion, parseKubernetesVersion, podKeepaliveAllowed } from '../model/kubernetesVersion';
import type { WorkspaceModel } from '../model/workspaceModel';
import { nodeRootOf } from '../sysctl/order';
import type { Span } from '../text';
import type { Fix, TextEdit } from './fix';
import { addToMap, appendToList, childMap, objectMap, type Entry } from './yamlEdits';

/** The keepalive time quick fixes set below an idle timeout: half the timeout, at most 600 s (10 minutes), at least 1 s. */
export function recommendedKeepalive(idleTimeout: number): number {
  return Math.max(1, Math.min(600, Math.floor(idleTimeout / 2)));
}

/** Adds the keepalive to a workload's pod `securityContext.sysctls`, creating what is missing. */
export function addPodKeepalive(model: WorkspaceModel, workload: Workload, seconds: number): Fix | undefined {
  return addPodSysctl(model, workload, KEEPALIVE_TIME_KEY, String(seconds));
}

/**
 * Adds `name = value` to a workload's pod `securityContext.sysctls` (the value quoted, as
 * Kubernetes requires), creating what is missing. Preferred only where the cluster admits such
 * pods (see podKeepaliveRefusal); otherwise its title says why not.
 */
export function addPodSysctl(model: WorkspaceModel, workload: Workload, name: string, value: string): Fix | undefined {
  const file = model.file(workload.file);
  const root = file && objectMap(file, workload);
  const template = root && (workload.kind === 'Pod' ? root : childMap(childMap(root, 'spec') ?? root, 'template'));
  const podSpec = template && childMap(template, 'spec');
  if (file === undefined || podSpec === undefined) return undefined;
  const item: Entry[] = [
    { key: 'name', value: name },
    { key: 'value', value: JSON.stringify(value) },
  ];
  const securityContext = childMap(podSpec, 'securityContext');
  const sysctls = securityContext?.reader.get(securityContext.map, 'sysctls');
  let edit: TextEdit | undefined;
  if (securityContext === undefined) edit = addToMap(file.text, podSpec, [{ key: 'securityContext', value: [{ key: 'sysctls', value: { list: [item] } }] }], file.path);
  else if (isSeq(sysctls)) edit = appendToList(file.text, securityContext, sysctls, item, file.path);
  else edit = addToMap(file.text, securityContext, [{ key: 'sysctls', value: { list: [item] } }], file.path);
  const refusal = podKeepaliveRefusal(model, workload);
  const title = `Add ${name} = ${value} to the securityContext.sysctls of ${objectLabel(workload)}`;
  return edit && { title: refusal === undefined ? title : `${title} (${refusal})`, edits: [edit], preferred: refusal === undefined };
}

/** The keepalive keys a pod has its own copy of, in its network namespace: safe pod sysctls from Kubernetes 1.29. */
export const POD_KEEPALIVE_KEYS: readonly string[] = ['net.ipv4.tcp_keepalive_time', 'net.ipv4.tcp_keepalive_intvl', 'net.ipv4.tcp_keepalive_probes'];

/** The Pod Security levels that reject keepalive sysctls before v1.29 (kubernetes #121240). */
const RESTRICTING_LEVELS: ReadonlySet<string> = new Set(['baseline', 'restricted']);

/**
 * Why the cluster would refuse a workload's pods that set the TCP keepalive sysctls, or undefined
 * when it admits them: a cluster before 1.29 (they became safe sysctls in 1.29, kubernetes #118846),
 * or a Namespace whose Pod Security admission enforces baseline or restricted pinned before v1.29.
 * `withSource: false` leaves out where the version comes from, for messages that must stay short.
 */
export function podKeepaliveRefusal(model: WorkspaceModel, workload: Workload, withSource = true): string | undefined {
  const version = effectiveKubernetesVersion(model);
  if (!podKeepaliveAllowed(version.value)) {
    const source = withSource ? ` (${model.describe(version.source)})` : '';
    return `Kubernetes ${formatKubernetesVersion(version.value!)}${source} refuses pods with keepalive sysctls before 1.29`;
  }
  for (const namespace of model.namespacesNamed(workload.namespace)) {
    const level = namespace.podSecurityEnforce?.value;
    const pinned = namespace.podSecurityEnforceVersion?.value;
    const pinnedVersion = pinned === undefined ? undefined : parseKubernetesVersion(pinned);
    if (level !== undefined && RESTRICTING_LEVELS.has(level) && pinnedVersion !== undefined && !podKeepaliveAllowed(pinnedVersion)) {
      return `namespace ${workload.namespace} enforces Pod Security ${level} at ${pinned}, which rejects keepalive sysctls before v1.29`;
    }
  }
  return undefined;
}

/**
 * Writes a node sysctl's winning value, and the same new value over each earlier assignment of
 * the key on the same node that repeats the old one: left alone, they would turn into
 * assignments a later one overrides, for a second `--fix` to delete. For a pod's sysctl, the one edit.
 */
export function setSysctlValue(model: WorkspaceModel, key: string, file: string, span: Span, newText: string): TextEdit[] {
  const assignments = model.nodeSysctlAssignments(key);
  const winner = assignments.find((entry) => entry.file === file && entry.assignment.valueSpan.start === span.start);
  const edit = { file, span, newText };
  if (winner === undefined) return [edit];
  const root = nodeRootOf(file);
  const value = normalised(winner.assignment.value);
  const repeats = assignments.slice(0, assignments.indexOf(winner)).filter((entry) => nodeRootOf(entry.file) === root && normalised(entry.assignment.value) === value);
  return [...repeats.map((entry) => ({ file: entry.file, span: entry.assignment.valueSpan, newText })), edit];
}

function normalised(value: string): string {
  return value.split(/\s+/).join(' ');
}
