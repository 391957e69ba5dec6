import type { AnalyzedFile } from './analyze';
import { type Located, type Service, type Workload, objectLabel } from './k8s/objects';
import { backendsOf, formatCount } from './model/backends';
import { CONNTRACK_ESTABLISHED_KEY, effectiveConntrackTimeout, nodeKeepaliveTime, podKeepaliveTime, KEEPALIVE_TIME_KEY } from './model/effective';
import { effectiveKubernetesVersion, formatKubernetesVersion, kubeProxyOnlyRaisesConntrack, podKeepaliveAllowed } from './model/kubernetesVersion';
import { effectiveIpvsTcpTimeout, effectiveProxyMode } from './model/proxy';
import { describeDataPlane, effectiveDataPlane } from './model/dataPlane';
import { serviceExposure } from './model/exposure';
import { baseName, type Effective } from './model/sources';
import type { WorkspaceModel } from './model/workspaceModel';
import { SYSCTL_CATALOG } from './sysctl/catalog';
import type { Span } from './text';

/** What to show when the pointer rests on `offset` of a file: Markdown, or nothing. */
export function hoverAt(model: WorkspaceModel, path: string, offset: number): string | undefined {
  const file = model.file(path);
  if (file === undefined) return undefined;
  if (file.role === 'sysctl') {
    const assignment = file.sysctl?.assignments.find((candidate) => within(candidate.lineSpan, offset));
    return assignment && sysctlHover(model, assignment.key, 'node');
  }
  const line = file.lineIndex.positionAt(offset).line;
  const onLine = (span: Span | undefined): boolean => span !== undefined && file.lineIndex.positionAt(span.start).line === line;
  for (const object of file.objects) {
    if (!within(object.span, offset)) continue;
    if (object.kind === 'Service') {
      if (within(object.nameSpan, offset)) return serviceHover(model, object);
      if (onLine(object.sessionAffinity?.span) || onLine(object.affinityTimeoutSeconds?.span)) return affinityHover(model, object);
    } else if (object.kind === 'KubeProxyConfiguration') {
      if (onLine(object.tcpEstablishedTimeout?.span)) return sysctlHover(model, CONNTRACK_ESTABLISHED_KEY, 'node');
      if (object.mode !== undefined && onLine(object.mode.span)) return proxyModeHover(model, object.file, object.mode);
    } else if ('template' in object) {
      if (object.kubeProxyImage !== undefined && onLine(object.kubeProxyImage.span)) return kubernetesVersionHover(model);
      const sysctl = object.template?.sysctls.find((entry) => onLine(entry.nameSpan) || onLine(entry.valueSpan));
      if (sysctl !== undefined) return sysctlHover(model, sysctl.name, object);
    }
  }
  return undefined;
}

function sysctlHover(model: WorkspaceModel, key: string, scope: 'node' | Workload): string | undefined {
  const info = SYSCTL_CATALOG.get(key);
  if (info === undefined) return undefined;
  const range = info.range === undefined ? '' : `, ${info.range}`;
  const lines = [`**${key}** — ${info.unit}, default ${info.defaultValue}${range}${info.perNamespace ? ' (each network namespace has its own)' : ''}`, '', info.meaning];
  const effective = effectiveOf(model, key, scope);
  if (effective !== undefined) {
    const where = scope === 'node' ? 'on the node' : `in the pods of ${objectLabel(scope)}`;
    lines.push('', `In this workspace, ${where}: **${effective.value} s** (${model.describe(effective.source)}).`);
  }
  return lines.join('\n');
}

function effectiveOf(model: WorkspaceModel, key: string, scope: 'node' | Workload): Effective<number> | undefined {
  if (key === KEEPALIVE_TIME_KEY) return scope === 'node' ? nodeKeepaliveTime(model) : podKeepaliveTime(scope, model);
  if (key === CONNTRACK_ESTABLISHED_KEY) return effectiveConntrackTimeout(model);
  return undefined;
}

/** What kube-proxy's mode changes for idle connections: which timeout applies, its value and source. */
function proxyModeHover(model: WorkspaceModel, file: string, written: Located<string>): string {
  const mode = effectiveProxyMode(model);
  const fromThisLine = mode.source.kind === 'file' && mode.source.file === file && mode.source.span.start === written.span.start;
  const header = `**kube-proxy mode: ${mode.value}**${fromThisLine ? '' : ` (${model.describe(mode.source)}, over this line)`}`;
  let body: string;
  if (mode.value === 'ipvs') {
    const timeout = effectiveIpvsTcpTimeout(model);
    body =
      `IPVS's own idle timeout for established TCP applies: **${timeout.value} s** (${model.describe(timeout.source)}). ` +
      "IPVS never reschedules a packet that is not a SYN: once an idle connection's entry expires, the node answers its next packet with a RST. TCP keepalive below the timeout keeps the entry.";
  } else if (mode.value === 'iptables' || mode.value === 'nftables') {
    const conntrack = effectiveConntrackTimeout(model);
    body =
      `The conntrack established timeout applies: **${conntrack.value} s** (${model.describe(conntrack.source)}). ` +
      "Once an idle connection's entry expires, its next packet is load-balanced again and can reach a pod that resets it. TCP keepalive below the timeout keeps the entry.";
  } else body = 'Not a mode kube-proxy has on Linux (iptables, ipvs, nftables).';
  return [header, '', body, ...dataPlaneLines(model)].join('\n');
}

/** The data plane, when something other than kube-proxy alone forwards Service traffic. */
function dataPlaneLines(model: WorkspaceModel): string[] {
  const plane = effectiveDataPlane(model);
  if (plane.value.name === 'kube-proxy' && !plane.value.connectTimeBalancing) return [];
  const connect = plane.value.connectTimeBalancing ? ' In-cluster clients get their backend at connect(): conntrack expiry does not re-balance them.' : '';
  return ['', `Data plane: **${describeDataPlane(plane.value)}** (${model.describe(plane.source)}).${connect}`];
}

/** The Kubernetes version the analysis assumes, where it comes from, and what it decides. */
function kubernetesVersionHover(model: WorkspaceModel): string {
  const version = effectiveKubernetesVersion(model);
  const shown = version.value === undefined ? 'newest' : formatKubernetesVersion(version.value);
  return [
    `**Kubernetes version: ${shown}** (${model.describe(version.source)})`,
    '',
    `kube-proxy ${kubeProxyOnlyRaisesConntrack(version.value) ? 'only raises a lower node conntrack timeout (1.23 to 1.28)' : "overwrites the node's conntrack timeout when it differs"}; ` +
      `pods ${podKeepaliveAllowed(version.value) ? 'may' : 'may not'} set the TCP keepalive sysctls (safe from 1.29).`,
  ].join('\n');
}

function serviceHover(model: WorkspaceModel, service: Service): string {
  const backends = backendsOf(service, model);
  const proxied = !service.headless && service.type !== 'ExternalName';
  const header = `**Service \`${service.name ?? '(unnamed)'}\`** — ${backends.count === 0 ? 'no backends in this workspace' : formatCount(backends.count, backends.upTo)}`;
  const list = backends.sources.map((source) => `- ${source.reason} (${baseName(source.file)}:${lineOf(model, source.file, source.span) + 1})`);
  const exposure = serviceExposure(service, model);
  const sidecar = exposure.exposed ? undefined : exposure.sidecar;
  const mesh = sidecar === undefined ? '' : ` ${sidecar.mesh} sidecars (${sidecar.reason}) pick the pods, not kube-proxy${sidecar.idleTimeout === undefined ? '' : `; Envoy closes connections idle for ${sidecar.idleTimeout} s by default`}.`;
  const closing = proxied
    ? `Session affinity: ${service.sessionAffinity?.value ?? 'None'}. ${idleLimitSentence(model)}${mesh}`
    : 'kube-proxy does not handle this Service (headless or ExternalName): clients reach the pods directly.';
  return [header, ...(list.length > 0 ? [list.join('\n')] : []), closing, ...(proxied ? [pathLink(model, service)] : [])].join('\n\n');
}

/** A link to the editor's connection-path view of this Service (the command's arguments: document URI, position). */
function pathLink(model: WorkspaceModel, service: Service): string {
  const position = model.file(service.file)?.lineIndex.positionAt(service.nameSpan.start) ?? { line: 0, character: 0 };
  return `[Show connection path and idle timers](command:connlint.showConnectionPath?${encodeURIComponent(JSON.stringify([service.file, position]))})`;
}

function affinityHover(model: WorkspaceModel, service: Service): string {
  if (effectiveProxyMode(model).value === 'ipvs') {
    const ipvs = effectiveIpvsTcpTimeout(model);
    return [
      '**Session affinity and idle connections**',
      '',
      `In IPVS mode the affinity is IPVS persistence. It cannot save a connection whose IPVS entry expired after ${ipvs.value} s idle (${model.describe(ipvs.source)}): TCP keepalive below that keeps it.`,
    ].join('\n');
  }
  const conntrack = effectiveConntrackTimeout(model);
  const timeout = service.affinityTimeoutSeconds?.value ?? 10800;
  const verdict =
    timeout > conntrack.value
      ? `timeoutSeconds (${timeout} s) is above it, so a client that keeps opening connections stays on its pod even after an idle connection's entry expires.`
      : `timeoutSeconds (${timeout} s) is not above it: a connection idle long enough to lose its conntrack entry has outlived the affinity too, unless the same client opened another connection since.`;
  return [
    '**Session affinity and idle connections**',
    '',
    'In iptables and nftables modes the affinity is recorded when a connection opens; traffic on an open connection never refreshes it.',
    '',
    `${conntrackSentence(model)} ${verdict} TCP keepalive below the conntrack timeout is what keeps an idle connection on its pod.`,
  ].join('\n');
}

/** The idle limit that applies to a Service's connections: IPVS's timeout in IPVS mode, else conntrack's. */
function idleLimitSentence(model: WorkspaceModel): string {
  if (effectiveProxyMode(model).value !== 'ipvs') return conntrackSentence(model);
  const ipvs = effectiveIpvsTcpTimeout(model);
  return `IPVS idle timeout for established TCP: ${ipvs.value} s (${model.describe(ipvs.source)}).`;
}

function conntrackSentence(model: WorkspaceModel): string {
  const conntrack = effectiveConntrackTimeout(model);
  return `Conntrack established timeout: ${conntrack.value} s (${model.describe(conntrack.source)}).`;
}

function lineOf(model: WorkspaceModel, path: string, span: Span): number {
  return (model.file(path) as AnalyzedFile).lineIndex.positionAt(span.start).line;
}

function within(span: Span, offset: number): boolean {
  return offset >= span.start && offset <= span.end;
}
