import { lines } from './lintFiles';

/** A Service `name` selecting `app: name`, with optional type, annotations (`key: value` lines) and ports. */
export function service(name: string, { type, annotations = [], ports = [443], namespace }: { type?: string; annotations?: string[]; ports?: number[]; namespace?: string } = {}): string {
  return lines(
    'apiVersion: v1',
    'kind: Service',
    'metadata:',
    `  name: ${name}`,
    ...(namespace === undefined ? [] : [`  namespace: ${namespace}`]),
    ...(annotations.length > 0 ? ['  annotations:', ...annotations.map((line) => `    ${line}`)] : []),
    'spec:',
    ...(type === undefined ? [] : [`  type: ${type}`]),
    `  selector: {app: ${name}}`,
    '  ports:',
    ...ports.map((port) => `  - port: ${port}`),
  );
}

/** The `cilium-config` ConfigMap with kube-proxy replacement on, and extra `data` lines. */
export function ciliumConfig(...data: string[]): string {
  return lines('apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: cilium-config', '  namespace: kube-system', 'data:', '  kube-proxy-replacement: "true"', ...data.map((line) => `  ${line}`));
}

/** Calico's default FelixConfiguration with the eBPF data plane on, and extra `spec` lines. */
export function felixConfiguration(...spec: string[]): string {
  return lines('apiVersion: projectcalico.org/v3', 'kind: FelixConfiguration', 'metadata:', '  name: default', 'spec:', '  bpfEnabled: true', ...spec.map((line) => `  ${line}`));
}

/** A Namespace with sidecar injection on. */
export function istioNamespace(name: string): string {
  return lines('apiVersion: v1', 'kind: Namespace', 'metadata:', `  name: ${name}`, '  labels:', '    istio-injection: enabled');
}

/** A DestinationRule for `host` with `connectionPool.tcp` lines. */
export function destinationRule(name: string, host: string, ...tcp: string[]): string {
  return lines(
    'apiVersion: networking.istio.io/v1',
    'kind: DestinationRule',
    'metadata:',
    `  name: ${name}`,
    'spec:',
    `  host: ${host}`,
    '  trafficPolicy:',
    '    connectionPool:',
    '      tcp:',
    ...tcp.map((line) => `        ${line}`),
  );
}

/** The `istio` ConfigMap whose `mesh` key holds these MeshConfig lines. */
export function meshConfigMap(...mesh: string[]): string {
  return lines('apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: istio', '  namespace: istio-system', 'data:', '  mesh: |-', ...mesh.map((line) => `    ${line}`));
}

/** An Ingress for the ALB controller sending to `serviceName`, with annotation lines. */
export function albIngress(name: string, serviceName: string, ...annotations: string[]): string {
  return lines(
    'apiVersion: networking.k8s.io/v1',
    'kind: Ingress',
    'metadata:',
    `  name: ${name}`,
    '  annotations:',
    '    kubernetes.io/ingress.class: alb',
    ...annotations.map((line) => `    ${line}`),
    'spec:',
    '  defaultBackend:',
    `    service: {name: ${serviceName}, port: {number: 80}}`,
  );
}
