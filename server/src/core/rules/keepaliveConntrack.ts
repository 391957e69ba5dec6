import { type Workload, objectLabel } from '../k8s/objects';
import {
  DEFAULTS,
  KEEPALIVE_TIME_KEY,
  CONNTRACK_ESTABLISHED_KEY,
  effectiveConntrackTimeout,
  moduleMissingNote,
  nodeKeepaliveTime,
  parseInteger,
} from '../model/effective';
import type { Effective } from '../model/sources';
import type { WorkspaceModel } from '../model/workspaceModel';
import type { Fix, TextEdit } from '../edits/fix';
import { addPodKeepalive, recommendedKeepalive, setSysctlValue } from '../edits/podKeepalive';
import { countOf, type Finding, type RelatedSpan, type Rule } from './rule';

/**
 * A TCP keepalive time that is not below the conntrack established timeout: the entry of an idle
 * connection expires before the first probe could refresh it.
 */
export const keepaliveConntrack: Rule = {
  id: 'keepalive-conntrack',
  defaultSeverity: 'warning',
  description: 'TCP keepalive time not below the conntrack established timeout; idle connections lose their conntrack entry first.',
  scope: 'workspace',
  check(model, report) {
    const conntrack = effectiveConntrackTimeout(model);
    const node = nodeKeepaliveTime(model);
    const conntrackText = `${conntrack.value} s (${model.describe(conntrack.source)})`;
    const nodeSource = node.source;
    if (nodeSource.kind === 'file' && node.value >= conntrack.value) {
      report({
        file: nodeSource.file,
        span: nodeSource.span,
        message: `${KEEPALIVE_TIME_KEY} is ${node.value} s on the node, not below the conntrack established timeout of ${conntrackText}`,
        related: relatedConntrack(model, conntrack),
        fixes: () => [setKeepalive(setSysctlValue(model, KEEPALIVE_TIME_KEY, nodeSource.file, nodeSource.span, String(recommendedKeepalive(conntrack.value))))],
      });
    }
    for (const workload of model.workloads) {
      const finding = podSysctlFinding(model, workload, conntrack, conntrackText);
      if (finding !== undefined) report(finding);
    }
    const defaultFinding = defaultKeepaliveFinding(model, conntrack, node);
    if (defaultFinding !== undefined) report(defaultFinding);
  },
};

function podSysctlFinding(model: WorkspaceModel, workload: Workload, conntrack: Effective<number>, conntrackText: string): Finding | undefined {
  if (workload.template === undefined || workload.template.hostNetwork?.value === true) return undefined;
  const sysctl = workload.template.sysctls.find((entry) => entry.name === KEEPALIVE_TIME_KEY);
  const value = sysctl?.value === undefined ? undefined : parseInteger(sysctl.value);
  if (sysctl?.valueSpan === undefined || value === undefined || value < conntrack.value) return undefined;
  return {
    file: workload.file,
    span: sysctl.valueSpan,
    subject: workload,
    message: `${KEEPALIVE_TIME_KEY} is ${value} s in the pods of ${objectLabel(workload)}, not below the conntrack established timeout of ${conntrackText}`,
    related: relatedConntrack(model, conntrack),
    fixes: () => [setKeepalive([{ file: workload.file, span: sysctl.valueSpan!, newText: JSON.stringify(String(recommendedKeepalive(conntrack.value))) }])],
  };
}

/**
 * The default keepalive (7200 s) applies somewhere while the conntrack timeout was configured at
 * or below it: reported once, on the configuration, naming who relies on the default.
 */
function defaultKeepaliveFinding(model: WorkspaceModel, conntrack: Effective<number>, node: Effective<number>): Finding | undefined {
  const source = conntrack.source;
  if (source.kind !== 'file' || conntrack.value > DEFAULTS.keepaliveTime) return undefined;
  const podsOnDefault = model.workloads.filter((workload) => !workload.ignoredRules.includes(keepaliveConntrack.id) && reliesOnDefault(workload, node));
  // The node is in view when its sysctl files are, or when nothing else is.
  const nodeOnDefault = node.source.kind === 'default' && (model.sysctlFiles.length > 0 || model.workloads.length === 0);
  if (!nodeOnDefault && podsOnDefault.length === 0) return undefined;
  const named = [...(nodeOnDefault ? ['the node'] : []), ...podsOnDefault.map((w) => objectLabel(w))];
  const who = named.length <= 1 ? (named[0] ?? '') : `${named[0]} and ${countOf(named.length - 1, 'more workload')}`;
  const keepalive = recommendedKeepalive(conntrack.value);
  return {
    file: source.file,
    span: source.span,
    fixes: () =>
      podsOnDefault
        .filter((workload) => workload.template?.hostNetwork?.value !== true)
        .map((workload) => addPodKeepalive(model, workload, keepalive))
        .filter((fix): fix is Fix => fix !== undefined),
    message:
      `${source.setting} sets the conntrack established timeout to ${conntrack.value} s, not above the default ${KEEPALIVE_TIME_KEY} ` +
      `of ${DEFAULTS.keepaliveTime} s that ${who} ${named.length === 1 ? 'relies' : 'rely'} on`,
    related: podsOnDefault.map((workload): RelatedSpan => ({
      file: workload.file,
      span: workload.nameSpan,
      message:
        workload.template?.hostNetwork?.value === true
          ? `${objectLabel(workload)} uses the host network, where the node's default ${KEEPALIVE_TIME_KEY} applies`
          : `${objectLabel(workload)} sets no ${KEEPALIVE_TIME_KEY} in its pods' securityContext.sysctls`,
    })),
  };
}

function reliesOnDefault(workload: Workload, node: Effective<number>): boolean {
  if (workload.template === undefined) return false;
  if (workload.template.hostNetwork?.value === true) return node.source.kind === 'default';
  return !workload.template.sysctls.some((entry) => entry.name === KEEPALIVE_TIME_KEY && entry.value !== undefined && parseInteger(entry.value) !== undefined);
}

function relatedConntrack(model: WorkspaceModel, conntrack: Effective<number>): RelatedSpan[] {
  const source = conntrack.source;
  if (source.kind !== 'file') return [];
  const onNode = model.file(source.file)?.role === 'sysctl' ? moduleMissingNote(model, CONNTRACK_ESTABLISHED_KEY, source.file, source.span) : [];
  return [{ file: source.file, span: source.span, message: `The conntrack established timeout: ${conntrack.value} s` }, ...onNode];
}

function setKeepalive(edits: readonly TextEdit[]): Fix {
  return { title: `Set ${KEEPALIVE_TIME_KEY} to ${edits[0]!.newText.replace(/"/g, '')}`, edits, preferred: true };
}
