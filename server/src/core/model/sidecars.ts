import { objectLabel, type Service } from '../k8s/objects';
import type { DestinationRule, TcpKeepaliveSetting } from '../k8s/pathObjects';
import { defaultTimer, IDLE_DEFAULTS, type IdleTimer } from './idleTimers';
import type { Effective, ValueSource } from './sources';
import type { WorkspaceModel } from './workspaceModel';

/** The DestinationRule that applies to a Service's host: the first whose `host` names it (short, namespaced or fully qualified, or a matching wildcard). */
export function destinationRuleFor(model: WorkspaceModel, service: Service): DestinationRule | undefined {
  const fqdn = `${service.name ?? ''}.${service.namespace}.svc.cluster.local`;
  const rules = model.pathObjects('DestinationRule');
  return rules.find((rule) => rule.host !== undefined && hostNames(rule.host, rule.namespace, fqdn)) ?? undefined;
}

function hostNames(host: string, ruleNamespace: string, fqdn: string): boolean {
  const [name, namespace] = fqdn.split('.');
  if (host === fqdn || host === `${name}.${namespace}` || host === `${name}.${namespace}.svc`) return true;
  if (!host.includes('.')) return host === name && ruleNamespace === namespace;
  if (host === '*') return true;
  return host.startsWith('*.') && fqdn.endsWith(host.slice(1));
}

/** The Istio sidecar's idle timeout towards a Service: its DestinationRule's `idleTimeout`, else the mesh's proxy metadata, else 1 h. */
export function istioSidecarTimer(model: WorkspaceModel, service: Service): IdleTimer {
  const rule = destinationRuleFor(model, service);
  if (rule?.idleTimeout !== undefined && rule.idleTimeout.value > 0) {
    return { name: 'Istio sidecar', kind: 'sidecar', seconds: rule.idleTimeout.value, source: { kind: 'file', file: rule.file, span: rule.idleTimeout.span, setting: `idleTimeout of ${objectLabel(rule)}` }, refreshedByKeepalive: false };
  }
  const mesh = model.pathObjects('MeshConfig').find((config) => config.idleTimeout !== undefined && config.idleTimeout.value > 0);
  if (mesh?.idleTimeout !== undefined) {
    return { name: 'Istio sidecar', kind: 'sidecar', seconds: mesh.idleTimeout.value, source: { kind: 'file', file: mesh.file, span: mesh.idleTimeout.span, setting: 'ISTIO_META_IDLE_TIMEOUT' }, refreshedByKeepalive: false };
  }
  return defaultTimer('Istio sidecar', 'sidecar', IDLE_DEFAULTS.istioSidecar, "Envoy's default idle timeout in Istio", false);
}

/** The keepalive an Istio sidecar sets on its upstream sockets towards a Service: the DestinationRule's `tcpKeepalive`, else the mesh's; none by default. */
export interface SidecarKeepalive {
  readonly setting: TcpKeepaliveSetting;
  /** Where it is written (the DestinationRule or the mesh configuration). */
  readonly source: ValueSource & { kind: 'file' };
}

/** The `tcpKeepalive` that applies to the sidecar's connections towards a Service, if any. */
export function sidecarKeepalive(model: WorkspaceModel, service: Service): SidecarKeepalive | undefined {
  const rule = destinationRuleFor(model, service);
  if (rule?.tcpKeepalive !== undefined) return { setting: rule.tcpKeepalive, source: { kind: 'file', file: rule.file, span: rule.tcpKeepalive.span, setting: `tcpKeepalive of ${objectLabel(rule)}` } };
  const mesh = model.pathObjects('MeshConfig').find((config) => config.tcpKeepalive !== undefined);
  if (mesh?.tcpKeepalive !== undefined) return { setting: mesh.tcpKeepalive, source: { kind: 'file', file: mesh.file, span: mesh.tcpKeepalive.span, setting: 'tcpKeepalive of the mesh configuration' } };
  return undefined;
}

/** A keepalive duration of `tcpKeepalive`, or what the socket's network namespace gives when it is unset. */
export function keepaliveField(field: { value: number; span: { start: number; end: number } } | undefined, keepalive: SidecarKeepalive, name: string, fallback: Effective<number>): Effective<number> {
  if (field === undefined) return fallback;
  return { value: field.value, source: { kind: 'file', file: keepalive.source.file, span: field.span, setting: `tcpKeepalive.${name}` } };
}
