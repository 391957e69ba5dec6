import { lineEnding } from '../text';
import type { AnalyzedFile } from '../analyze';
import type { Fix } from '../fixes/fix';
import { type PodSysctl, type Workload, objectLabel } from '../k8s/objects';
import { KEEPALIVE_TIME_KEY } from '../model/effective';
import type { WorkspaceModel } from '../model/workspaceModel';
import { SYSCTL_CATALOG, rangeBounds, takesSingleInteger } from '../sysctl/catalog';
import type { SysctlAssignment } from '../sysctl/parse';
import { parseGoDuration } from '../yaml/duration';
import type { Finding, Rule } from './rule';

/** Keys the kernel accepts at or below zero although such a value means nothing (keepalive time and interval). */
const POSITIVE_KEYS: ReadonlySet<string> = new Set([KEEPALIVE_TIME_KEY, 'net.ipv4.tcp_keepalive_intvl']);

/** kube-proxy flags that take a Go duration. */
const DURATION_FLAGS: ReadonlySet<string> = new Set(['conntrack-tcp-timeout-established', 'ipvs-tcp-timeout']);

/** What is wrong with a value of a known integer key. */
export type ValueProblem =
  | { readonly kind: 'comment'; readonly kept: string; readonly comment: string; readonly accepted: boolean }
  | { readonly kind: 'not-integer' }
  | { readonly kind: 'extra-fields'; readonly first: number; readonly rest: string }
  | { readonly kind: 'range'; readonly value: number; readonly range: string }
  | { readonly kind: 'not-positive'; readonly value: number };

/**
 * An integer as the kernel's proc handlers read it: an optional minus, then decimal, `0x` hex or
 * `0`-prefixed octal (strtoul with base 0); a `+` sign is rejected [measured].
 */
export function kernelInteger(text: string): number | undefined {
  const match = /^(-?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9]\d*)$/.exec(text);
  if (match === null) return undefined;
  const digits = match[2]!;
  const magnitude = /^0[xX]/.test(digits) ? parseInt(digits.slice(2), 16) : digits.length > 1 && digits.startsWith('0') ? parseInt(digits, 8) : Number(digits);
  return match[1] === '-' ? -magnitude : magnitude;
}

/** Fields of the catalog's multi-integer units. */
const FIELDS: Readonly<Record<string, number>> = { pair: 2, triple: 3 };

/** How many integers a known key takes: 1, or 2 or 3 for its multi-field keys; undefined for text and unknown keys (not checked). */
function integerFields(key: string): number | undefined {
  const info = SYSCTL_CATALOG.get(key);
  if (info === undefined) return undefined;
  return takesSingleInteger(info) ? 1 : FIELDS[info.unit];
}

/** Whether a value lies within a catalog range (`0..255`, `0 or 1`, `≥ 1`); true when the range has no bounds. */
function admits(range: string, value: number): boolean {
  const bounds = rangeBounds(range);
  return bounds === undefined || ((bounds.min === undefined || value >= bounds.min) && (bounds.max === undefined || value <= bounds.max));
}

/**
 * The integer the kernel sets from a value of a single-integer key, or undefined when it rejects
 * the value: it reads one integer, stops at a blank and ignores the rest [measured].
 */
function kernelReading(key: string, value: string): number | undefined {
  const first = kernelInteger(value.trim().split(/\s+/)[0] ?? '');
  const range = SYSCTL_CATALOG.get(key)?.range;
  if (first === undefined || (range !== undefined && !admits(range, first))) return undefined;
  return first;
}

/** Whether the kernel accepts this value for the key; true for keys Connlint cannot judge. */
export function kernelAccepts(key: string, value: string): boolean {
  const fields = integerFields(key);
  if (fields === undefined) return true;
  if (fields > 1) return value.trim().split(/\s+/).every((field) => kernelInteger(field) !== undefined);
  return kernelReading(key, value) !== undefined;
}

/** The problem of a value of a known integer key, or undefined when it is fine or the key is not checked. */
export function valueProblem(key: string, value: string): ValueProblem | undefined {
  const fields = integerFields(key);
  if (fields === undefined) return undefined;
  const comment = /[#;]/.exec(value);
  if (comment !== null) {
    return { kind: 'comment', kept: value.slice(0, comment.index).trim(), comment: value.slice(comment.index), accepted: kernelAccepts(key, value) };
  }
  const parts = value.trim().split(/\s+/);
  if (fields > 1) return parts.every((field) => kernelInteger(field) !== undefined) ? undefined : { kind: 'not-integer' };
  const first = kernelInteger(parts[0] ?? '');
  if (first === undefined) return { kind: 'not-integer' };
  const range = SYSCTL_CATALOG.get(key)?.range;
  if (range !== undefined && !admits(range, first)) return { kind: 'range', value: first, range };
  if (parts.length > 1) return { kind: 'extra-fields', first, rest: parts.slice(1).join(' ') };
  if (POSITIVE_KEYS.has(key) && first <= 0) return { kind: 'not-positive', value: first };
  return undefined;
}

/** Where a value is set: what the comment rule is, and what a rejection does there. */
interface Setting {
  readonly noComments: string;
  readonly outcome: string;
}

const NODE: Setting = { noComments: 'sysctl files have no inline comments', outcome: 'the node keeps its previous value' };
const POD: Setting = { noComments: 'a sysctl value has no comments', outcome: 'the container runtime fails to set it, so the pods do not start' };

/** The message for a value problem. */
function describeProblem(key: string, value: string, problem: ValueProblem, { noComments, outcome }: Setting): string {
  const shown = JSON.stringify(value);
  switch (problem.kind) {
    case 'comment':
      return problem.accepted
        ? `The value of ${key} is ${shown}: ${noComments}, so the comment is part of the value. The kernel reads ${problem.kept} and ignores the rest only because a blank comes first; ${JSON.stringify(problem.kept + problem.comment)} would be rejected.`
        : `The value of ${key} is ${shown}: ${noComments}, so the comment is part of the value and the kernel rejects it: ${outcome}.`;
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
      message: `${sysctl.name} is set in the pods of ${owner}, which use the host network: the API server rejects net.* sysctls together with hostNetwork: true, so ${owner} is not accepted. Set it on the node instead, or drop hostNetwork.`,
      related: [{ file: workload.file, span: hostNetwork.span, message: `${owner} uses the host network` }],
    };
  }
  if (sysctl.name.startsWith('net.netfilter.')) {
    return {
      ...base,
      span: sysctl.nameSpan,
      message:
        `${sysctl.name} is set in the pods of ${owner}. net.netfilter.* sysctls are not safe: the kubelet refuses the pods unless it allows the sysctl with --allowed-unsafe-sysctls. ` +
        "And conntrack for Service traffic lives in the node's network namespace, so a pod's value has no effect on Service connections.",
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

const DURATION_CONSEQUENCE = 'Go durations need a unit on every number (24h0m0s, 90m, 1h30m; only 0 may stand alone)';

/** kube-proxy durations, in its configuration and in its DaemonSet's flags, that Go's time.ParseDuration rejects. */
function durationFindings(model: WorkspaceModel): Finding[] {
  const findings: Finding[] = [];
  for (const configuration of model.kubeProxyConfigurations) {
    for (const duration of configuration.durations) {
      if (duration.seconds !== undefined) continue;
      findings.push({
        file: configuration.file,
        span: duration.span,
        message: `${duration.field} is ${JSON.stringify(duration.text)}, which is not a Go duration: kube-proxy cannot read its configuration and does not start. ${DURATION_CONSEQUENCE}.`,
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
        message: `--${flag.name} is ${JSON.stringify(flag.value.value)} in ${objectLabel(daemonSet)}, which is not a Go duration: kube-proxy rejects the flag and does not start. ${DURATION_CONSEQUENCE}.`,
      });
    }
  }
  return findings;
}
