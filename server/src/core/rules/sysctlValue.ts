import { lineEnding } from '../text';
import type { AnalyzedFile } from '../analyze';
import type { Fix } from '../edits/fix';
import { type DurationField, type PodSysctl, type Workload, objectLabel } from '../k8s/objects';
import { formatGoDuration } from '../edits/kubeProxyEdits';
import { POD_KEEPALIVE_KEYS, podKeepaliveRefusal } from '../edits/podKeepalive';
import type { Span } from '../text';
import type { WorkspaceModel } from '../model/workspaceModel';
import type { SysctlAssignment } from '../sysctl/parse';
import { KEEPALIVE_TIME_KEY } from '../model/effective';
import { integerFields, valueProblem, type ValueProblem } from '../sysctl/values';
import { parseGoDuration } from '../yaml/duration';
import { fittingMessage, type Finding, type Rule } from './rule';
import { fileOfValue } from '../kustomize/strategicMerge';

/** kube-proxy flags that take a Go duration. */
const DURATION_FLAGS: ReadonlySet<string> = new Set(['conntrack-tcp-timeout-established', 'ipvs-tcp-timeout']);

/** Where a value is set: what the comment rule is, and what a rejection does there. */
interface Setting {
  readonly noComments: string;
  readonly outcome: string;
}

const NODE: Setting = { noComments: 'sysctl files have no inline comments', outcome: 'the node keeps its previous value' };
const POD: Setting = { noComments: 'a sysctl value has no comments', outcome: 'the pods do not start' };

/** The message for a value problem. */
function describeProblem(key: string, value: string, problem: ValueProblem, { noComments, outcome }: Setting): string {
  const shown = JSON.stringify(value);
  switch (problem.kind) {
    case 'comment':
      return problem.accepted
        ? `${key} is ${shown}: ${noComments}; the kernel reads ${problem.kept} only because a blank comes before the comment.`
        : `${key} is ${shown}: ${noComments}, and the kernel rejects it: ${outcome}.`;
    case 'not-integer':
      return `${key} takes ${integerFields(key) === 1 ? 'an integer' : 'integers separated by blanks'}; the kernel rejects ${shown}: ${outcome}.`;
    case 'range':
      return problem.since === undefined
        ? `${key} accepts ${problem.range}; the kernel rejects ${problem.value}: ${outcome}.`
        : `${key} accepts ${problem.range} from ${problem.since}, which rejects ${problem.value}: ${outcome}. Older kernels accept it.`;
    case 'extra-fields':
      return `${key} takes one integer; the kernel sets ${problem.first} and ignores ${JSON.stringify(problem.rest)}.`;
    case 'not-positive':
      return notPositiveMessage(key, problem.value);
  }
}

/** A keepalive time or interval at or below zero is accepted and does something: a warning, not an error. */
const ACCEPTED_SEVERITY = 'warning';

/** What a keepalive time or interval at or below zero does, which the kernel accepts [measured, domain §2]. */
function notPositiveMessage(key: string, value: number): string {
  const isTime = key === KEEPALIVE_TIME_KEY;
  if (isTime && value === 0) return `${key} is 0 s: an idle socket with SO_KEEPALIVE sends a probe every tcp_keepalive_intvl seconds, not after an idle period.`;
  if (isTime) return `${key} is ${value} s: the kernel accepts it, and a negative keepalive time disables keepalive probes.`;
  if (value === 0) return `${key} is 0 s: unanswered keepalive probes are retried at once, so the peer gets no time to answer before the connection is dropped.`;
  return `${key} is ${value} s: the kernel accepts it, but a negative keepalive interval means nothing.`;
}

/**
 * Values that the kernel rejects or that mean nothing, for keys Connlint knows: in node sysctl
 * files, in pods' securityContext.sysctls, and kube-proxy durations that are not Go durations.
 */
export const sysctlValue: Rule = {
  id: 'sysctl-value',
  defaultSeverity: 'error',
  description: 'A sysctl value the kernel rejects or that does what few intend, a pod sysctl the API or kubelet refuses, or a kube-proxy duration it cannot load.',
  scope: 'file',
  check(model, report) {
    for (const file of model.files) {
      for (const assignment of file.sysctl?.assignments ?? []) {
        const finding = nodeFinding(file, assignment);
        if (finding !== undefined) report(finding);
      }
    }
    for (const workload of model.workloads) {
      for (const sysctl of workload.template?.sysctls ?? []) {
        const finding = podFinding(model, workload, sysctl);
        if (finding !== undefined) report(finding);
      }
    }
    durationFindings(model).forEach(report);
  },
};

function nodeFinding(file: AnalyzedFile, assignment: SysctlAssignment): Finding | undefined {
  const problem = valueProblem(assignment.key, assignment.value);
  if (problem === undefined) return undefined;
  return {
    file: file.path,
    span: assignment.valueSpan,
    message: describeProblem(assignment.key, assignment.value, problem, NODE),
    ...(problem.kind === 'not-positive' ? { severity: ACCEPTED_SEVERITY } : {}),
    ...(problem.kind === 'comment' ? { fixes: () => nodeCommentFixes(file, assignment, problem.kept, problem.comment) } : {}),
  };
}

/** Remove the comment (preferred), or move it to a line of its own above the assignment. */
function nodeCommentFixes(file: AnalyzedFile, assignment: SysctlAssignment, kept: string, comment: string): Fix[] {
  if (kept === '') return [];
  const replace = { file: file.path, span: assignment.valueSpan, newText: kept };
  const lineStart = file.lineIndex.lineStart(assignment.line);
  const indent = file.text.slice(lineStart, assignment.lineSpan.start);
  const eol = lineEnding(file.text);
  const commentLine = comment.startsWith('#') || comment.startsWith(';') ? comment : `# ${comment}`;
  return [
    { title: 'Remove the comment', edits: [replace], preferred: true },
    { title: 'Move the comment to its own line above', edits: [{ file: file.path, span: { start: lineStart, end: lineStart }, newText: `${indent}${commentLine}${eol}` }, replace], preferred: false },
  ];
}

function podFinding(model: WorkspaceModel, workload: Workload, sysctl: PodSysctl): Finding | undefined {
  const owner = objectLabel(workload);
  const hostNetwork = workload.template?.hostNetwork;
  const base = { file: fileOfValue(workload, sysctl), subject: workload };
  if (hostNetwork?.value === true && sysctl.name.startsWith('net.')) {
    return {
      ...base,
      span: sysctl.nameSpan,
      message: `${sysctl.name} is set in the pods of ${owner}, which use the host network: the API server rejects net.* sysctls with hostNetwork: true`,
      related: [{ file: fileOfValue(workload, hostNetwork), span: hostNetwork.span, message: `${owner} uses the host network` }],
    };
  }
  if (sysctl.name.startsWith('net.netfilter.')) {
    return {
      ...base,
      span: sysctl.nameSpan,
      message: fittingMessage([
        `${sysctl.name} is set in the pods of ${owner}: the kubelet refuses this unsafe sysctl unless --allowed-unsafe-sysctls allows it, and it never affects Service traffic`,
        `${sysctl.name} is set in the pods of ${owner}: the kubelet refuses this unsafe sysctl unless allowed, and it never affects Service traffic`,
      ]),
    };
  }
  const refusal = POD_KEEPALIVE_KEYS.includes(sysctl.name) ? podKeepaliveRefusal(model, workload) : undefined;
  if (refusal !== undefined) {
    const refused = `${sysctl.name} is refused in the pods of ${owner}`;
    return { ...base, span: sysctl.nameSpan, message: fittingMessage([`${refused}: ${refusal}.`, `${refused}: ${podKeepaliveRefusal(model, workload, false)}.`]) };
  }
  if (sysctl.value === undefined) return undefined;
  if (sysctl.valueNotString && sysctl.valueSpan !== undefined) return notStringFinding(workload, sysctl, sysctl.value, sysctl.valueSpan);
  const problem = valueProblem(sysctl.name, sysctl.value);
  if (problem === undefined) return undefined;
  const valueSpan = sysctl.valueSpan ?? sysctl.nameSpan;
  return {
    ...base,
    span: valueSpan,
    message: `${describeProblem(sysctl.name, sysctl.value, problem, POD)} Set in the pods of ${owner}.`,
    ...(problem.kind === 'not-positive' ? { severity: ACCEPTED_SEVERITY } : {}),
    ...(problem.kind === 'comment' && problem.kept !== '' && sysctl.valueSpan !== undefined
      ? { fixes: () => [{ title: 'Remove the comment', edits: [{ file: base.file, span: valueSpan, newText: JSON.stringify(problem.kept) }], preferred: true }] }
      : {}),
  };
}

/** A pod sysctl value YAML reads as a number or boolean: the API server takes only strings there. */
function notStringFinding(workload: Workload, sysctl: PodSysctl, value: string, span: Span): Finding {
  const file = fileOfValue(workload, sysctl);
  return {
    file,
    span,
    subject: workload,
    message: `${sysctl.name} is ${value}, not a string: the API server refuses ${objectLabel(workload)}, so its pods never run. Quote it: ${JSON.stringify(value)}.`,
    fixes: () => [{ title: `Quote the value: ${JSON.stringify(value)}`, edits: [{ file, span, newText: JSON.stringify(value) }], preferred: true }],
  };
}

const DURATION_CONSEQUENCE = 'Write a unit on every number: 24h, 90m, 1h30m';

/** kube-proxy durations, in its configuration and in its DaemonSet's flags, that kube-proxy cannot load: not Go durations, not strings, or negative. */
function durationFindings(model: WorkspaceModel): Finding[] {
  const findings: Finding[] = [];
  for (const configuration of model.kubeProxyConfigurations) {
    for (const duration of configuration.durations) {
      if (duration.seconds !== undefined) continue;
      findings.push({ file: configuration.file, span: duration.span, ...configurationDurationProblem(configuration.file, duration) });
    }
  }
  for (const daemonSet of model.workloads) {
    for (const flag of daemonSet.kubeProxyFlags) {
      const seconds = DURATION_FLAGS.has(flag.name) ? parseGoDuration(flag.value.value) : 0;
      if (seconds !== undefined && seconds >= 0) continue;
      const what = `--${flag.name} is ${JSON.stringify(flag.value.value)} in ${objectLabel(daemonSet)}`;
      findings.push({
        file: daemonSet.file,
        span: flag.value.span,
        subject: daemonSet,
        message:
          seconds === undefined
            ? `${what}, not a Go duration: kube-proxy does not start. ${DURATION_CONSEQUENCE}.`
            : `${what}, a negative duration: kube-proxy's validation rejects it and kube-proxy does not start.`,
      });
    }
  }
  return findings;
}

/** Why kube-proxy cannot load a duration of its configuration, and the fix that quotes a number as a Go duration. */
function configurationDurationProblem(file: string, duration: DurationField): Pick<Finding, 'message' | 'fixes'> {
  if (duration.notString) {
    const seconds = /^\d+$/.test(duration.text) ? Number(duration.text) : undefined;
    const quoted = seconds === undefined ? undefined : JSON.stringify(formatGoDuration(seconds));
    return {
      message:
        `${duration.field} is ${duration.text}, not a string: kube-proxy cannot load its configuration and does not start. ` +
        (quoted === undefined ? 'Write a quoted Go duration, such as "24h0m0s".' : `Write a quoted Go duration: ${quoted}.`),
      ...(quoted === undefined ? {} : { fixes: () => [{ title: `Write ${quoted} (${seconds} seconds)`, edits: [{ file, span: duration.span, newText: quoted }], preferred: true }] }),
    };
  }
  if (parseGoDuration(duration.text) !== undefined) {
    return { message: `${duration.field} is ${JSON.stringify(duration.text)}, a negative duration: kube-proxy's validation rejects it and kube-proxy does not start.` };
  }
  return {
    message: `${duration.field} is ${JSON.stringify(duration.text)}, not a Go duration: kube-proxy does not start. ${DURATION_CONSEQUENCE}.`,
  };
}
