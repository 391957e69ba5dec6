import { objectLabel, type Service } from './k8s/objects';
import type { TimerKind } from './model/idleTimers';
import { connectionPaths, egressTimers, firstToFire, type ConnectionPath, type HopKind, type PathEntry } from './model/path';
import type { Effective, ValueSource } from './model/sources';
import type { WorkspaceModel } from './model/workspaceModel';

/** Where a value is written, for a link: a file and a 0-based line. */
export interface SourceLocation {
  readonly file: string;
  readonly line: number;
}

/** An idle timer as shown: plain data, for the CLI, the path view and the editor. */
export interface TimerReport {
  readonly name: string;
  readonly kind: TimerKind;
  readonly seconds: number;
  /** Where the value comes from, in words. */
  readonly source: string;
  readonly location: SourceLocation | undefined;
  readonly refreshedByKeepalive: boolean;
}

/** A hop as shown. */
export interface HopReport {
  readonly kind: HopKind;
  readonly label: string;
  readonly timer: TimerReport | undefined;
}

/** The keepalive of a path as shown. */
export interface KeepaliveReport {
  readonly sender: string;
  readonly seconds: number;
  readonly interval: number;
  readonly source: string;
  readonly location: SourceLocation | undefined;
}

/** One connection path as shown: its hops, its keepalive, and which timer fires first. */
export interface PathReport {
  readonly title: string;
  readonly entry: PathEntry;
  readonly hops: readonly HopReport[];
  readonly keepalive: KeepaliveReport | undefined;
  readonly noKeepaliveReason: string | undefined;
  /** Index in `hops` of the first timer to fire, if any hop has one. */
  readonly firstToFire: number | undefined;
  /** One sentence: what ends an idle connection on this path, and whether keepalive prevents it. */
  readonly verdict: string;
  /** Whether keepalive keeps the first timer from firing. */
  readonly keptOpen: boolean;
}

/** Everything shown for a Service: its paths, and the timers on the way out of the cluster. */
export interface ServicePathsReport {
  readonly service: string;
  readonly paths: readonly PathReport[];
  readonly egress: readonly TimerReport[];
}

/** The Service a query names: `name` or `namespace/name`; the first in workspace order. */
export function findService(model: WorkspaceModel, query: string): Service | undefined {
  const [namespace, name] = query.includes('/') ? query.split('/', 2) : [undefined, query];
  return model.services.find((service) => service.name === name && (namespace === undefined || service.namespace === namespace));
}

/** The Service at an offset of a file (on any of its lines), for the editor's command. */
export function serviceAt(model: WorkspaceModel, path: string, offset: number): Service | undefined {
  return model.file(path)?.objects.find((object): object is Service => object.kind === 'Service' && offset >= object.span.start && offset <= object.span.end);
}

/**
 * The report of a Service's connection paths, over the model scoped to its file as keepalive-path
 * sees them: the nearest kube-proxy configuration and node image when the workspace holds several.
 */
export function servicePathsReport(model: WorkspaceModel, service: Service): ServicePathsReport {
  const view = model.scopedTo(service.file);
  return {
    service: `${service.namespace}/${service.name ?? '(unnamed)'}`,
    paths: connectionPaths(view, service).map((path) => pathReport(view, path)),
    egress: egressTimers(view).map((timer) => timerReport(view, timer)),
  };
}

function pathReport(model: WorkspaceModel, path: ConnectionPath): PathReport {
  const first = firstToFire(path);
  const keepalive = path.keepalive;
  return {
    title: `${ENTRY_TITLES[path.entry]}${path.workload === undefined ? '' : ` to ${objectLabel(path.workload)}`}`,
    entry: path.entry,
    hops: path.hops.map((hop) => ({ kind: hop.kind, label: hop.label, timer: hop.timer && timerReport(model, hop.timer) })),
    keepalive: keepalive && { sender: keepalive.sender, seconds: keepalive.time.value, interval: keepalive.interval.value, ...sourceOf(model, keepalive.time) },
    noKeepaliveReason: path.noKeepaliveReason,
    firstToFire: first === undefined ? undefined : path.hops.indexOf(first),
    verdict: verdictOf(path),
    keptOpen: keptOpen(path),
  };
}

const ENTRY_TITLES: Record<PathEntry, string> = { 'in-cluster': 'From a pod in the cluster', 'load-balancer': "Through the Service's load balancer", ingress: "Through the Ingress's load balancer" };

function keptOpen(path: ConnectionPath): boolean {
  const first = firstToFire(path)?.timer;
  const keepalive = path.keepalive;
  return first !== undefined && first.refreshedByKeepalive && keepalive !== undefined && keepalive.time.value >= 0 && keepalive.time.value + keepalive.interval.value < first.seconds;
}

function verdictOf(path: ConnectionPath): string {
  const first = firstToFire(path)?.timer;
  if (first === undefined) return 'No idle timer is known on this path.';
  const ends = `${first.name} ends connections idle ${first.seconds} s first`;
  if (!first.refreshedByKeepalive) return `${ends}; TCP keepalive does not reset it (only data does).`;
  const keepalive = path.keepalive;
  if (keepalive === undefined) return `${ends}; no keepalive reaches it.`;
  return `${ends}; keepalive at ${keepalive.time.value} s (+${keepalive.interval.value} s for a retry) ${keptOpen(path) ? 'keeps it open' : 'comes too late'}.`;
}

function timerReport(model: WorkspaceModel, timer: { name: string; kind: TimerKind; seconds: number; source: ValueSource; refreshedByKeepalive: boolean }): TimerReport {
  return { name: timer.name, kind: timer.kind, seconds: timer.seconds, refreshedByKeepalive: timer.refreshedByKeepalive, ...sourceOf(model, { value: timer.seconds, source: timer.source }) };
}

function sourceOf(model: WorkspaceModel, value: Effective<number>): { source: string; location: SourceLocation | undefined } {
  const source = value.source;
  if (source.kind !== 'file') return { source: model.describe(source), location: undefined };
  const line = model.file(source.file)?.lineIndex.positionAt(source.span.start).line ?? 0;
  return { source: model.describe(source), location: { file: source.file, line } };
}

/** The report as text, one hop a line, for `connlint --explain-path`. */
export function pathsReportText(report: ServicePathsReport): string {
  const out = [`Service ${report.service}`];
  for (const path of report.paths) {
    out.push('', `${path.title}:`);
    path.hops.forEach((hop, index) => {
      const timer = hop.timer === undefined ? '' : `  idle ${formatSeconds(hop.timer.seconds)} (${hop.timer.source})${hop.timer.refreshedByKeepalive ? '' : ', not reset by keepalive'}`;
      out.push(`  ${index === path.firstToFire ? '*' : ' '} ${hop.label}${timer}`);
    });
    out.push(path.keepalive === undefined ? `    keepalive: none (${path.noKeepaliveReason ?? ''})` : `    keepalive: ${formatSeconds(path.keepalive.seconds)}, then every ${path.keepalive.interval} s, from ${path.keepalive.sender} (${path.keepalive.source})`);
    out.push(`    ${path.verdict}`);
  }
  if (report.egress.length > 0) out.push('', 'Leaving the cluster from its pods:', ...report.egress.map((timer) => `    ${timer.name}  idle ${formatSeconds(timer.seconds)} (${timer.source})`));
  if (report.paths.length === 0) out.push('', 'kube-proxy does not handle this Service (headless or ExternalName): clients reach the pods directly.');
  return out.join('\n') + '\n';
}

/** Seconds as people read them: `350 s`, `3600 s (1 h)`. */
export function formatSeconds(seconds: number): string {
  if (seconds >= 3600 && seconds % 3600 === 0) return `${seconds} s (${seconds / 3600} h)`;
  if (seconds >= 60 && seconds % 60 === 0) return `${seconds} s (${seconds / 60} min)`;
  return `${seconds} s`;
}
