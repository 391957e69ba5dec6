import { lineEnding } from '../text';
import type { AnalyzedFile } from '../analyze';
import type { Fix } from '../edits/fix';
import { type PodSysctl, type Workload, objectLabel } from '../k8s/objects';
import type { WorkspaceModel } from '../model/workspaceModel';
import type { SysctlAssignment } from '../sysctl/parse';
import { integerFields, valueProblem, type ValueProblem } from '../sysctl/values';
import { parseGoDuration } from '../yaml/duration';
import type { Finding, Rule } from './rule';

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
      return `${key} accepts ${problem.range}; the kernel rejects ${problem.value}: ${outcome}.`;
    case 'extra-fields':
      return `${key} takes one integer; the kernel sets ${problem.first} and ignores ${JSON.stringify(problem.rest)}.`;
    case 'not-positive':
      return `${key} is ${problem.value} s: the kernel accepts it, but a keepalive time or interval at or below zero means nothing.`;
  }
}

/**
 * Values that the kernel rejects or that mean nothing, for keys Connlint knows: in node sysctl
 * files, in pods' securityContext.sysctls, and kube-proxy durations that are not Go durations.
 */
export const sysctlValue: Rule = {
  id: 'sysctl-value',
  defaultSeverity: 'error',
  description: 'A sysctl value the kernel rejects or that means nothing, a pod sysctl the API or kubelet refuses, or a kube-proxy duration that does not parse.',
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
        const finding = podFinding(workload, sysctl);
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

function podFinding(workload: Workload, sysctl: PodSysctl): Finding | undefined {
  const owner = objectLabel(workload);
  const hostNetwork = workload.template?.hostNetwork;
  const base = { file: workload.file, subject: workload };
  if (hostNetwork?.value === true && sysctl.name.startsWith('net.')) {
    return {
      ...base,
      span: sysctl.nameSpan,
      message: `${sysctl.name} is set in the pods of ${owner}, which use the host network: the API server rejects net.* sysctls with hostNetwork: true`,
      related: [{ file: workload.file, span: hostNetwork.span, message: `${owner} uses the host network` }],
    };
  }
  if (sysctl.name.startsWith('net.netfilter.')) {
    return {
      ...base,
      span: sysctl.nameSpan,
      message: `${sysctl.name} is set in the pods of ${owner}: the kubelet refuses this unsafe sysctl unless --allowed-unsafe-sysctls allows it, and it never affects Service traffic`,
    };
  }
  if (sysctl.value === undefined) return undefined;
  const problem = valueProblem(sysctl.name, sysctl.value);
  if (problem === undefined) return undefined;
  const valueSpan = sysctl.valueSpan ?? sysctl.nameSpan;
  return {
    ...base,
    span: valueSpan,
    message: `${describeProblem(sysctl.name, sysctl.value, problem, POD)} Set in the pods of ${owner}.`,
    ...(problem.kind === 'comment' && problem.kept !== '' && sysctl.valueSpan !== undefined
      ? { fixes: () => [{ title: 'Remove the comment', edits: [{ file: workload.file, span: valueSpan, newText: JSON.stringify(problem.kept) }], preferred: true }] }
      : {}),
  };
}

const DURATION_CONSEQUENCE = 'Write a unit on every number: 24h, 90m, 1h30m';

/** kube-proxy durations, in its configuration and in its DaemonSet's flags, that Go's time.ParseDuration rejects. */
function durationFindings(model: WorkspaceModel): Finding[] {
  const findings: Finding[] = [];
  for (const configuration of model.kubeProxyConfigurations) {
    for (const duration of configuration.durations) {
      if (duration.seconds !== undefined) continue;
      findings.push({
        file: configuration.file,
        span: duration.span,
        message: `${duration.field} is ${JSON.stringify(duration.text)}, not a Go duration: kube-proxy does not start. ${DURATION_CONSEQUENCE}.`,
      });
    }
  }
  for (const daemonSet of model.workloads) {
    for (const flag of daemonSet.kubeProxyFlags) {
      if (!DURATION_FLAGS.has(flag.name) || parseGoDuration(flag.value.value) !== undefined) continue;
      findings.push({
        file: daemonSet.file,
        span: flag.value.span,
        subject: daemonSet,
        message: `--${flag.name} is ${JSON.stringify(flag.value.value)} in ${objectLabel(daemonSet)}, not a Go duration: kube-proxy does not start. ${DURATION_CONSEQUENCE}.`,
      });
    }
  }
  return findings;
}
