import { type Workload, objectLabel } from '../k8s/objects';
import {
  DEFAULTS,
  KEEPALIVE_TIME_KEY,
  CONNTRACK_ESTABLISHED_KEY,
  effectiveConntrackTimeout,
  moduleMissingNote,
  nodeImageViews,
  nodeKeepaliveTime,
  parseInteger,
  reliesOnDefaultKeepalive,
} from '../model/effective';
import { fileOfValue } from '../kustomize/strategicMerge';
import type { Effective } from '../model/sources';
import type { Span } from '../text';
import type { WorkspaceModel } from '../model/workspaceModel';
import type { Fix, TextEdit } from '../edits/fix';
import { addPodKeepalive, recommendedKeepalive, setSysctlValue } from '../edits/podKeepalive';
import { countOf, fittingMessage, type Finding, type RelatedSpan, type Rule } from './rule';

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
    for (const image of nodeImageViews(model)) {
      const finding = nodeFinding(image);
      if (finding !== undefined) report(finding);
    }
    const conntrack = effectiveConntrackTimeout(model);
    for (const workload of model.workloads) {
      const finding = podSysctlFinding(model, workload, conntrack);
      if (finding !== undefined) report(finding);
    }
    const defaultFinding = defaultKeepaliveFinding(model, conntrack);
    if (defaultFinding !== undefined) report(defaultFinding);
  },
};

/** The node's keepalive time, set in its sysctl files, not below the conntrack timeout: `model` is one node image's view. */
function nodeFinding(model: WorkspaceModel): Finding | undefined {
  const conntrack = effectiveConntrackTimeout(model);
  const node = nodeKeepaliveTime(model);
  const nodeSource = node.source;
  if (nodeSource.kind !== 'file' || node.value < conntrack.value) return undefined;
  return {
    file: nodeSource.file,
    span: nodeSource.span,
    message: belowConntrack(`${KEEPALIVE_TIME_KEY} is ${node.value} s on the node`, conntrack, model),
    related: relatedConntrack(model, conntrack),
    fixes: () => [setKeepalive(setSysctlValue(model, KEEPALIVE_TIME_KEY, nodeSource.file, nodeSource.span, String(recommendedKeepalive(conntrack.value))))],
  };
}

function podSysctlFinding(model: WorkspaceModel, workload: Workload, conntrack: Effective<number>): Finding | undefined {
  if (workload.template === undefined || workload.template.hostNetwork?.value === true) return undefined;
  const sysctl = workload.template.sysctls.find((entry) => entry.name === KEEPALIVE_TIME_KEY);
  const value = sysctl?.value === undefined ? undefined : parseInteger(sysctl.value);
  if (sysctl?.valueSpan === undefined || value === undefined || value < conntrack.value) return undefined;
  const file = fileOfValue(workload, sysctl);
  return {
    file,
    span: sysctl.valueSpan,
    subject: workload,
    message: belowConntrack(`${KEEPALIVE_TIME_KEY} is ${value} s in the pods of ${objectLabel(workload)}`, conntrack, model),
    related: relatedConntrack(model, conntrack),
    fixes: () => [setKeepalive([{ file, span: sysctl.valueSpan!, newText: JSON.stringify(String(recommendedKeepalive(conntrack.value))) }])],
  };
}

/**
 * The default keepalive (7200 s) applies somewhere while the conntrack timeout was configured at
 * or below it: reported once, on the configuration, naming who relies on the default.
 */
function defaultKeepaliveFinding(model: WorkspaceModel, conntrack: Effective<number>): Finding | undefined {
  const source = conntrack.source;
  if (source.kind !== 'file' || conntrack.value > DEFAULTS.keepaliveTime) return undefined;
  const podsOnDefault = model.workloads.filter((workload) => !workload.ignoredRules.includes(keepaliveConntrack.id) && reliesOnDefaultKeepalive(workload, model));
  // The node is in view when its sysctl files are, or when nothing else is: a node image whose conntrack timeout is this one.
  const nodeOnDefault = (model.sysctlFiles.length > 0 || model.workloads.length === 0) && nodeImageViews(model).some((image) => imageReliesOnDefault(image, source));
  if (!nodeOnDefault && podsOnDefault.length === 0) return undefined;
  const named = [...(nodeOnDefault ? ['the node'] : []), ...podsOnDefault.map((w) => objectLabel(w))];
  const who = named.length <= 1 ? (named[0] ?? '') : `${named[0]} and ${countOf(named.length - 1, 'more workload')}`;
  const keepalive = recommendedKeepalive(conntrack.value);
  const relying = (defaultName: string) =>
    `${source.setting} sets the conntrack established timeout to ${conntrack.value} s, not above the default ${defaultName} ` +
    `of ${DEFAULTS.keepaliveTime} s that ${who} ${named.length === 1 ? 'relies' : 'rely'} on`;
  return {
    file: source.file,
    span: source.span,
    fixes: () =>
      podsOnDefault
        .filter((workload) => workload.template?.hostNetwork?.value !== true)
        .map((workload) => addPodKeepalive(model, workload, keepalive))
        .filter((fix): fix is Fix => fix !== undefined),
    // Shorter, with "keepalive time" for the key's name.
    message: fittingMessage([relying(KEEPALIVE_TIME_KEY), relying('keepalive time')]),
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

/** Whether a node image (`image`, its view) keeps the default keepalive time while its conntrack timeout is the one set at `conntrack`. */
function imageReliesOnDefault(image: WorkspaceModel, conntrack: { readonly file: string; readonly span: Span }): boolean {
  const own = effectiveConntrackTimeout(image).source;
  return nodeKeepaliveTime(image).source.kind === 'default' && own.kind === 'file' && own.file === conntrack.file && own.span.start === conntrack.span.start;
}

/** `<keepalive> …, not below the conntrack established timeout of N s`, with where the timeout comes from when that fits (it is a related location too). */
function belowConntrack(keepalive: string, conntrack: Effective<number>, model: WorkspaceModel): string {
  const below = `${keepalive}, not below the conntrack established timeout of ${conntrack.value} s`;
  return fittingMessage([`${below} (${model.describe(conntrack.source)})`, below]);
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
