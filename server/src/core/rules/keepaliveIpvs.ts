import { type Workload, objectLabel } from '../k8s/objects';
import type { Fix } from '../edits/fix';
import { formatGoDuration, setIpvsTcpTimeout } from '../edits/kubeProxyEdits';
import { addPodKeepalive, recommendedKeepalive, setSysctlValue } from '../edits/podKeepalive';
import { DEFAULTS, KEEPALIVE_TIME_KEY, nodeImageViews, nodeKeepaliveTime, parseInteger, reliesOnDefaultKeepalive } from '../model/effective';
import { effectiveIpvsTcpTimeout, ipvsMode } from '../model/proxy';
import type { Effective } from '../model/sources';
import type { WorkspaceModel } from '../model/workspaceModel';
import type { Span } from '../text';
import { countOf, relatedSource, type Finding, type RelatedSpan, type Rule } from './rule';
import { fileOfValue } from '../kustomize/strategicMerge';

/** What `ipvs.tcpTimeout` quick fixes add to the keepalive they must stay above: room for unanswered probes (default interval 75 s). */
export const IPVS_TIMEOUT_MARGIN = 300;

interface Context {
  readonly model: WorkspaceModel;
  readonly mode: Effective<string>;
  readonly timeout: Effective<number>;
}

/**
 * In IPVS mode, a TCP keepalive time that is not below IPVS's idle timeout for established TCP:
 * IPVS forgets an idle connection before the first probe, and the node resets its next packet.
 */
export const keepaliveIpvs: Rule = {
  id: 'keepalive-ipvs',
  defaultSeverity: 'warning',
  description: "TCP keepalive time not below IPVS's idle timeout in IPVS mode; idle connections through Services are reset.",
  scope: 'workspace',
  check(model, report) {
    const mode = ipvsMode(model);
    if (mode === undefined) return;
    const context: Context = { model, mode, timeout: effectiveIpvsTcpTimeout(model) };
    for (const image of nodeImageViews(model)) {
      const node = nodeKeepaliveTime(image);
      if (node.source.kind === 'file' && node.value >= context.timeout.value) {
        report(valueFinding(context, node.source.file, node.source.span, `${KEEPALIVE_TIME_KEY} is ${node.value} s on the node`, String(recommendedKeepalive(context.timeout.value))));
      }
    }
    for (const workload of model.workloads) {
      if (workload.template === undefined || workload.template.hostNetwork?.value === true) continue;
      const sysctl = workload.template.sysctls.find((entry) => entry.name === KEEPALIVE_TIME_KEY);
      const value = sysctl?.value === undefined ? undefined : parseInteger(sysctl.value);
      if (sysctl?.valueSpan === undefined || value === undefined || value < context.timeout.value) continue;
      const what = `${KEEPALIVE_TIME_KEY} is ${value} s in the pods of ${objectLabel(workload)}`;
      report({ ...valueFinding(context, fileOfValue(workload, sysctl), sysctl.valueSpan, what, JSON.stringify(String(recommendedKeepalive(context.timeout.value)))), subject: workload });
    }
    const finding = defaultKeepaliveFinding(context);
    if (finding !== undefined) report(finding);
  },
};

function timeoutText({ model, timeout }: Context): string {
  return `IPVS's TCP idle timeout of ${timeout.value} s (${timeout.source.kind === 'default' ? "the kernel's default" : model.describe(timeout.source)})`;
}

/** Where the mode comes from, when no file shows it (a file that does is a related location). */
function assumedMode({ model, mode }: Context): string {
  return mode.source.kind === 'file' ? '' : `, in IPVS mode (${model.describe(mode.source)})`;
}

/** A keepalive value at or above the IPVS timeout, reported on that value. */
function valueFinding(context: Context, file: string, span: Span, what: string, newText: string): Finding {
  const { model, mode, timeout } = context;
  return {
    file,
    span,
    message: `${what}, not below ${timeoutText(context)}${assumedMode(context)}`,
    related: [...relatedSource(timeout.source, `IPVS's idle timeout for established TCP: ${timeout.value} s`), ...relatedSource(mode.source, 'kube-proxy runs in IPVS mode')],
    fixes: () => [{ title: `Set ${KEEPALIVE_TIME_KEY} to ${newText.replace(/"/g, '')}`, edits: setSysctlValue(model, KEEPALIVE_TIME_KEY, file, span, newText), preferred: true }],
  };
}

/**
 * Workloads keep the default keepalive (7200 s) while the IPVS timeout is not above it: reported
 * once, on the timeout when a file sets it, else on the mode, else on the first such workload.
 */
function defaultKeepaliveFinding(context: Context): Finding | undefined {
  const { model, mode, timeout } = context;
  if (timeout.value > DEFAULTS.keepaliveTime) return undefined;
  const onDefault = model.workloads.filter((workload) => !workload.ignoredRules.includes(keepaliveIpvs.id) && !runsKubeProxy(workload) && reliesOnDefaultKeepalive(workload, model));
  const first = onDefault[0];
  if (first === undefined) return undefined;
  const anchor = timeout.source.kind === 'file' ? timeout.source : mode.source.kind === 'file' ? mode.source : { file: first.file, span: first.nameSpan };
  const who = onDefault.length === 1 ? objectLabel(first) : `${objectLabel(first)} and ${countOf(onDefault.length - 1, 'more workload')}`;
  const keepalive = recommendedKeepalive(timeout.value);
  return {
    file: anchor.file,
    span: anchor.span,
    ...(anchor.span === first.nameSpan ? { subject: first } : {}),
    message:
      `${timeoutText(context)}${assumedMode(context)}${assumedMode(context) === '' ? '' : ','} is not above the ${DEFAULTS.keepaliveTime} s default ${KEEPALIVE_TIME_KEY} of ${who}`,
    related: [
      ...(anchor === timeout.source ? relatedSource(mode.source, 'kube-proxy runs in IPVS mode') : []),
      ...onDefault.filter((workload) => workload.nameSpan !== anchor.span).map((workload): RelatedSpan => ({ file: workload.file, span: workload.nameSpan, message: defaultReason(workload) })),
    ],
    fixes: () => [
      ...onDefault
        .filter((workload) => workload.template?.hostNetwork?.value !== true)
        .map((workload) => addPodKeepalive(model, workload, keepalive))
        .filter((fix): fix is Fix => fix !== undefined),
      ...optional(setIpvsTcpTimeout(model, formatGoDuration(DEFAULTS.keepaliveTime + IPVS_TIMEOUT_MARGIN), false)),
    ],
  };
}

function defaultReason(workload: Workload): string {
  return workload.template?.hostNetwork?.value === true
    ? `${objectLabel(workload)} uses the host network, where the node's default ${KEEPALIVE_TIME_KEY} applies`
    : `${objectLabel(workload)} sets no ${KEEPALIVE_TIME_KEY} in its pods' securityContext.sysctls`;
}

/** kube-proxy's own DaemonSet talks to the API server directly, not through a Service. */
function runsKubeProxy(workload: Workload): boolean {
  return workload.kubeProxyFlags.length > 0 || (workload.kind === 'DaemonSet' && workload.name === 'kube-proxy');
}

function optional<T>(value: T | undefined): T[] {
  return value === undefined ? [] : [value];
}
