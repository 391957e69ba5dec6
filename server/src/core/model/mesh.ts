import { type Workload, objectLabel } from '../k8s/objects';
import type { WorkspaceModel } from './workspaceModel';

/** A service mesh sidecar injected into a workload's pods, and what says so. */
export interface MeshSidecar {
  readonly mesh: 'Istio' | 'Linkerd';
  /** For messages: `label istio-injection=enabled of Namespace "shop"`. */
  readonly reason: string;
  /** The sidecar's idle timeout for connections, in seconds (Envoy's default 1 h for Istio); undefined when none is known. */
  readonly idleTimeout: number | undefined;
}

/** Envoy closes idle TCP-proxy and HTTP connections after an hour unless a DestinationRule says otherwise. */
export const ISTIO_IDLE_TIMEOUT = 3600;

const ISTIO_INJECT = 'sidecar.istio.io/inject';
const LINKERD_INJECT = 'linkerd.io/inject';

/**
 * The sidecar injected into a workload's pods: Istio by the pod template's
 * `sidecar.istio.io/inject` label or annotation, else its Namespace's `istio-injection=enabled`
 * or `istio.io/rev` label; Linkerd by `linkerd.io/inject: enabled` on the pod template, else on
 * its Namespace. The pod's `"false"` / `disabled` opts it out.
 */
export function meshSidecarOf(workload: Workload, model: WorkspaceModel): MeshSidecar | undefined {
  const template = workload.template;
  if (template === undefined || template.hostNetwork?.value === true) return undefined;
  const pod = objectLabel(workload);
  const istioPod = template.labels.get(ISTIO_INJECT) ?? template.annotations.get(ISTIO_INJECT);
  const linkerdPod = template.annotations.get(LINKERD_INJECT);
  if (istioPod === 'true') return istio(`${ISTIO_INJECT}: "true" on the pods of ${pod}`);
  if (linkerdPod === 'enabled') return linkerd(`${LINKERD_INJECT}: enabled on the pods of ${pod}`);
  for (const namespace of model.namespacesNamed(workload.namespace)) {
    const where = `Namespace "${namespace.namespace}"`;
    if (istioPod !== 'false' && namespace.labels.get('istio-injection') === 'enabled') return istio(`label istio-injection=enabled of ${where}`);
    const revision = namespace.labels.get('istio.io/rev');
    if (istioPod !== 'false' && revision !== undefined && namespace.labels.get('istio-injection') !== 'disabled') return istio(`label istio.io/rev=${revision} of ${where}`);
    if (linkerdPod !== 'disabled' && namespace.annotations.get(LINKERD_INJECT) === 'enabled') return linkerd(`${LINKERD_INJECT}: enabled on ${where}`);
  }
  return undefined;
}

function istio(reason: string): MeshSidecar {
  return { mesh: 'Istio', reason, idleTimeout: ISTIO_IDLE_TIMEOUT };
}

function linkerd(reason: string): MeshSidecar {
  return { mesh: 'Linkerd', reason, idleTimeout: undefined };
}
