import type { AnalyzedFile } from '../analyze';
import { objectLabel, type Service } from '../k8s/objects';
import type { Annotation } from '../k8s/pathObjects';
import type { Fix } from '../edits/fix';
import { addPodKeepalive, recommendedKeepalive } from '../edits/podKeepalive';
import { addDestinationRule, destinationRuleKeepaliveTitle, setAnnotation, setDestinationRuleKeepalive } from '../edits/timerEdits';
import { KEEPALIVE_TIME_KEY } from '../model/effective';
import { IDLE_DEFAULTS, type IdleTimer } from '../model/idleTimers';
import { LB_ANNOTATIONS, NLB_IDLE_ATTRIBUTE, parseAttributes } from '../model/loadBalancers';
import { connectionPaths, effectiveCloud, firstToFire, type ConnectionPath, type PathKeepalive } from '../model/path';
import { destinationRuleFor } from '../model/sidecars';
import type { WorkspaceModel } from '../model/workspaceModel';
import { fittingMessage, relatedSource, type Finding, type RelatedSpan, type Rule } from './rule';
import { fileOfValue } from '../kustomize/strategicMerge';

/**
 * On a Service's path, the shortest idle timer that keepalive probes could reset (a load
 * balancer, an eBPF conntrack, a middlebox) fires before the first probe has had room to arrive.
 * The node's conntrack and IPVS timers are left to keepalive-conntrack and keepalive-ipvs; proxies
 * (Envoy, Classic ELB, ALB), which only data resets, are shown by the path view, not reported.
 */
export const keepalivePath: Rule = {
  id: 'keepalive-path',
  defaultSeverity: 'warning',
  description: 'TCP keepalive (time plus one probe interval) not below the shortest idle timer on a connection path: load balancer, eBPF conntrack, sidecar upstream, middlebox.',
  scope: 'file',
  check(model, report) {
    const seen = new Set<string>();
    const known = { cloud: effectiveCloud(model) };
    for (const service of model.services) {
      for (const path of connectionPaths(model, service, known)) {
        const timer = firstToFire(path, (candidate) => candidate.refreshedByKeepalive)?.timer;
        if (timer === undefined || timer.kind === 'conntrack' || timer.kind === 'ipvs' || keepaliveFits(path.keepalive, timer)) continue;
        // Without a workload, nothing in the workspace says what keepalive the backends have.
        if (path.workload === undefined) continue;
        const key = `${service.file}:${service.span.start}:${path.workload?.nameSpan.start ?? ''}:${timer.name}:${timer.seconds}`;
        if (seen.has(key)) continue;
        seen.add(key);
        report(pathFinding(model, path, timer));
      }
    }
  },
};

/** Whether the first probe, and one retry, arrive before the timer fires: time + interval < timer. */
function keepaliveFits(keepalive: PathKeepalive | undefined, timer: IdleTimer): boolean {
  return keepalive !== undefined && keepalive.time.value >= 0 && keepalive.time.value + keepalive.interval.value < timer.seconds;
}

function pathFinding(model: WorkspaceModel, path: ConnectionPath, timer: IdleTimer): Finding {
  const { service, keepalive } = path;
  const fact = `${timer.name} drops connections idle ${timer.seconds} s`;
  const timerSource = ` (${model.describe(timer.source)})`;
  const keepaliveText = (withSource: boolean): string => {
    if (keepalive === undefined) return `; no keepalive reaches it: ${path.noKeepaliveReason ?? ''}`;
    const source = withSource ? ` (${model.describe(keepalive.time.source)})` : '';
    return `; keepalive of ${keepalive.sender} starts at ${keepalive.time.value} s${source}, +${keepalive.interval.value} s retry`;
  };
  const message = fittingMessage([fact + timerSource + keepaliveText(true), fact + timerSource + keepaliveText(false), fact + keepaliveText(false)]);
  return {
    file: service.file,
    span: service.nameSpan,
    subject: service,
    message,
    related: relatedOf(path, timer),
    fixes: () => fixesOf(model, path, timer),
  };
}

function relatedOf(path: ConnectionPath, timer: IdleTimer): RelatedSpan[] {
  const keepalive = path.keepalive;
  const related = relatedSource(timer.source, `${timer.name}: idle timeout ${timer.seconds} s`);
  if (keepalive !== undefined && keepalive.time.source.kind === 'file') related.push(...relatedSource(keepalive.time.source, `Keepalive time of ${keepalive.sender}: ${keepalive.time.value} s`));
  else if (path.workload !== undefined) {
    const what = keepalive === undefined ? (path.noKeepaliveReason ?? '') : `${objectLabel(path.workload)} sets no ${KEEPALIVE_TIME_KEY}: ${keepalive.time.value} s applies`;
    related.push({ file: path.workload.file, span: path.workload.nameSpan, message: what });
  }
  return related;
}

function fixesOf(model: WorkspaceModel, path: ConnectionPath, timer: IdleTimer): Fix[] {
  const fixes: Fix[] = [];
  const interval = path.keepalive?.interval.value ?? IDLE_DEFAULTS.keepaliveInterval;
  const time = Math.min(recommendedKeepalive(timer.seconds), timer.seconds - interval - 1);
  const meshed = path.context.mesh?.mesh;
  if (meshed === undefined && path.workload !== undefined && path.workload.template?.hostNetwork?.value !== true && time >= 1) {
    const fix = podKeepaliveFix(model, path, time);
    if (fix !== undefined) fixes.push(fix);
  }
  if (meshed === 'Istio' && path.entry === 'in-cluster') {
    const fix = destinationRuleFix(model, path.service, timer);
    if (fix !== undefined) fixes.push(fix);
  }
  const raise = raiseTimerFix(model, path, timer);
  if (raise !== undefined) fixes.push({ ...raise, preferred: fixes.length === 0 });
  return fixes;
}

function podKeepaliveFix(model: WorkspaceModel, path: ConnectionPath, time: number): Fix | undefined {
  const workload = path.workload!;
  const written = workload.template?.sysctls.find((entry) => entry.name === KEEPALIVE_TIME_KEY && entry.valueSpan !== undefined);
  if (written?.valueSpan !== undefined) {
    return { title: `Set ${KEEPALIVE_TIME_KEY} to ${time} in ${objectLabel(workload)}`, edits: [{ file: fileOfValue(workload, written), span: written.valueSpan, newText: JSON.stringify(String(time)) }], preferred: true };
  }
  return addPodKeepalive(model, workload, time);
}

/** For a meshed Service, keepalive on the sidecar's upstream sockets: pod sysctls do not make Envoy enable it. */
function destinationRuleFix(model: WorkspaceModel, service: Service, timer: IdleTimer): Fix | undefined {
  const interval = Math.min(IDLE_DEFAULTS.keepaliveInterval, Math.max(1, Math.floor(timer.seconds / 4)));
  const time = Math.min(recommendedKeepalive(timer.seconds), timer.seconds - interval - 1);
  if (time < 1) return undefined;
  const rule = destinationRuleFor(model, service);
  const file = model.file(rule?.file ?? service.file);
  if (file === undefined) return undefined;
  const edit = rule === undefined ? addDestinationRule(file, service, time, interval) : setDestinationRuleKeepalive(file, rule, time, interval);
  return edit && { title: destinationRuleKeepaliveTitle(rule, service, time), edits: [edit], preferred: true };
}

/** Raises an NLB listener's or an Azure load balancer's idle timeout above the keepalive, when the keepalive fits in its range. */
function raiseTimerFix(model: WorkspaceModel, path: ConnectionPath, timer: IdleTimer): Omit<Fix, 'preferred'> | undefined {
  const keepalive = path.keepalive;
  const file = model.file(path.service.file);
  if (keepalive === undefined || file === undefined || timer.kind !== 'load-balancer') return undefined;
  const needed = keepalive.time.value + 2 * keepalive.interval.value;
  const port = /^AWS NLB listener TCP-(\d+)$/.exec(timer.name)?.[1];
  if (port !== undefined && needed <= IDLE_DEFAULTS.awsNlbRange[1]) {
    const key = `${LB_ANNOTATIONS.awsListenerAttributes}TCP-${port}`;
    const existing = path.service.annotations.get(key);
    const attributes = parseAttributes(existing?.value ?? '');
    attributes.set(NLB_IDLE_ATTRIBUTE, String(Math.max(needed, IDLE_DEFAULTS.awsNlbRange[0])));
    const value = [...attributes].map(([name, setting]) => `${name}=${setting}`).join(',');
    const edit = setAnnotation(annotationFile(model, path.service, existing) ?? file, path.service, key, value, existing);
    return edit && { title: `Set ${NLB_IDLE_ATTRIBUTE}=${attributes.get(NLB_IDLE_ATTRIBUTE)} on listener TCP-${port}`, edits: [edit] };
  }
  const minutes = Math.max(IDLE_DEFAULTS.azureLbMinutesRange[0], Math.ceil(needed / 60));
  if (timer.name === 'Azure Load Balancer' && minutes <= IDLE_DEFAULTS.azureLbMinutesRange[1]) {
    const key = LB_ANNOTATIONS.azureIdleTimeout;
    const existing = path.service.annotations.get(key);
    const edit = setAnnotation(annotationFile(model, path.service, existing) ?? file, path.service, key, String(minutes), existing);
    return edit && { title: `Set ${key} to ${minutes} (minutes)`, edits: [edit] };
  }
  return undefined;
}

/** The file an existing annotation of a Service is written in (a patch's, when a patch wrote it): its value is replaced there. */
function annotationFile(model: WorkspaceModel, service: Service, existing: Annotation | undefined): AnalyzedFile | undefined {
  return existing === undefined ? undefined : model.file(fileOfValue(service, existing));
}
