import { objectLabel, type Service, type Workload } from '../k8s/objects';
import type { Effective } from './sources';
import type { WorkspaceModel } from './workspaceModel';

/** What forwards Service traffic on the nodes. */
export type DataPlaneKind = 'kube-proxy' | 'cilium' | 'calico-ebpf';

/** The service mesh whose sidecars sit beside a Service's pods. */
export type MeshKind = 'istio' | 'linkerd';

/** What a connection path depends on beyond the Service: the data plane, and whether its pods are meshed. */
export interface PathContext {
  readonly dataPlane: Effective<DataPlaneKind>;
  readonly mesh: Effective<MeshKind> | undefined;
}

/**
 * The data plane and mesh of a Service, from obvious signals only: a `cilium-config` ConfigMap
 * with `kube-proxy-replacement: "true"` (or `strict`), a FelixConfiguration with `bpfEnabled: true`;
 * a backend's pod template with label or annotation `sidecar.istio.io/inject: "true"` or
 * annotation `linkerd.io/inject: enabled`, or its Namespace labelled `istio-injection: enabled`
 * (or `istio.io/rev`). The workspace model's own detection of data planes and meshes replaces it.
 */
export function pathContextOf(model: WorkspaceModel, service: Service, backends: readonly Workload[]): PathContext {
  return { dataPlane: dataPlaneOf(model), mesh: meshOf(model, service, backends) };
}

function dataPlaneOf(model: WorkspaceModel): Effective<DataPlaneKind> {
  for (const config of model.pathObjects('CiliumConfig')) {
    const replacement = config.kubeProxyReplacement;
    if (replacement !== undefined && ['true', 'strict'].includes(replacement.value)) {
      return { value: 'cilium', source: { kind: 'file', file: config.file, span: replacement.span, setting: 'kube-proxy-replacement' } };
    }
  }
  for (const felix of model.pathObjects('FelixConfiguration')) {
    if (felix.bpfEnabled?.value === true) return { value: 'calico-ebpf', source: { kind: 'file', file: felix.file, span: felix.bpfEnabled.span, setting: 'bpfEnabled' } };
  }
  return { value: 'kube-proxy', source: { kind: 'default', reason: 'no eBPF data plane configured in the workspace' } };
}

function meshOf(model: WorkspaceModel, service: Service, backends: readonly Workload[]): Effective<MeshKind> | undefined {
  for (const workload of backends) {
    const template = workload.template;
    if (template === undefined) continue;
    const istio = template.labels.get('sidecar.istio.io/inject') ?? template.annotations.get('sidecar.istio.io/inject');
    if (istio === 'false') continue;
    if (istio === 'true') return { value: 'istio', source: { kind: 'file', file: workload.file, span: workload.nameSpan, setting: `sidecar.istio.io/inject of ${objectLabel(workload)}` } };
    if (template.annotations.get('linkerd.io/inject') === 'enabled') {
      return { value: 'linkerd', source: { kind: 'file', file: workload.file, span: workload.nameSpan, setting: `linkerd.io/inject of ${objectLabel(workload)}` } };
    }
  }
  const namespace = model.pathObjects('Namespace').find((candidate) => candidate.name === service.namespace);
  if (namespace !== undefined && (namespace.labels.get('istio-injection') === 'enabled' || namespace.labels.has('istio.io/rev'))) {
    const optedOut = backends.length > 0 && backends.every((workload) => (workload.template?.labels.get('sidecar.istio.io/inject') ?? workload.template?.annotations.get('sidecar.istio.io/inject')) === 'false');
    if (!optedOut) return { value: 'istio', source: { kind: 'file', file: namespace.file, span: namespace.nameSpan, setting: `the labels of Namespace "${service.namespace}"` } };
  }
  return undefined;
}
