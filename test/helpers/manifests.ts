import { lines } from './lintFiles';
import { KEEPALIVE_TIME } from './sysctl';

/**
 * A kube-proxy DaemonSet whose container runs `/usr/local/bin/kube-proxy` with these arguments,
 * one per line from line 17 (0-based), each at column 10.
 */
export function kubeProxyDaemonSet(...args: string[]): string {
  return lines(
    'apiVersion: apps/v1',
    'kind: DaemonSet',
    'metadata:',
    '  name: kube-proxy',
    '  namespace: kube-system',
    'spec:',
    '  selector: {matchLabels: {k8s-app: kube-proxy}}',
    '  template:',
    '    metadata:',
    '      labels: {k8s-app: kube-proxy}',
    '    spec:',
    '      hostNetwork: true',
    '      containers:',
    '      - name: kube-proxy',
    '        image: registry.k8s.io/kube-proxy:v1.31.0',
    '        command:',
    '        - /usr/local/bin/kube-proxy',
    ...args.map((arg) => `        - ${arg}`),
  );
}

/** kube-proxy's ConfigMap, as kubeadm writes it, with `configLines` as its config.conf (a literal block). */
export function kubeProxyConfigMap(...configLines: string[]): string {
  return lines('apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: kube-proxy', '  namespace: kube-system', 'data:', '  config.conf: |-', ...configLines.map((line) => `    ${line}`), '  kubeconfig.conf: |-', '    apiVersion: v1');
}

/** The Deployment of the classic report (examples/classic): `server`, pods labelled `app: myapp`, running nginx. */
export function classicDeployment(replicas: number): string {
  return lines(
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: server',
    'spec:',
    `  replicas: ${replicas}`,
    '  selector:',
    '    matchLabels:',
    '      app: myapp',
    '  template:',
    '    metadata:',
    '      labels:',
    '        app: myapp',
    '    spec:',
    '      containers:',
    '      - name: nginx',
    '        image: nginx',
  );
}

/** How a workload and its pods are set up: a keepalive sysctl value (as written, quotes included), the host network, annotations. */
export interface PodOptions {
  readonly keepalive?: string;
  readonly hostNetwork?: boolean;
  readonly annotations?: readonly string[];
  /** The workload's kind (default Deployment). */
  readonly kind?: string;
  /** More lines under the pod template's `spec:`, at six spaces, before its containers. */
  readonly podSpec?: readonly string[];
}

/**
 * The lines of a Deployment named `name` (at 3:8, or 5:8 with annotations), pods labelled
 * `app: <name>`; a keepalive value sits on line 13, or 14 with hostNetwork.
 */
export function deploymentLines(name: string, { keepalive, hostNetwork = false, annotations, kind = 'Deployment', podSpec = [] }: PodOptions = {}): string[] {
  return [
    'apiVersion: apps/v1',
    `kind: ${kind}`,
    'metadata:',
    ...(annotations ? ['  annotations:', ...annotations.map((line) => `    ${line}`)] : []),
    `  name: ${name}`,
    'spec:',
    `  selector: {matchLabels: {app: ${name}}}`,
    '  template:',
    '    metadata:',
    `      labels: {app: ${name}}`,
    '    spec:',
    ...(hostNetwork ? ['      hostNetwork: true'] : []),
    ...(keepalive === undefined ? [] : ['      securityContext:', '        sysctls:', `        - name: ${KEEPALIVE_TIME}`, `          value: ${keepalive}`]),
    ...podSpec,
    '      containers:',
    '      - name: app',
    '        image: nginx',
  ];
}

/** The text of `deploymentLines`. */
export function deployment(name: string, options: PodOptions = {}): string {
  return lines(...deploymentLines(name, options));
}

/** Service `name` ("web") selecting `app: <name>`, and in the same file its Deployment with `replicas` pods. */
export function webApp(replicas: number, name = 'web'): string {
  return lines(
    'apiVersion: v1',
    'kind: Service',
    `metadata: {name: ${name}}`,
    'spec:',
    `  selector: {app: ${name}}`,
    '---',
    'apiVersion: apps/v1',
    'kind: Deployment',
    `metadata: {name: ${name}}`,
    'spec:',
    `  replicas: ${replicas}`,
    '  template:',
    `    metadata: {labels: {app: ${name}}}`,
  );
}

/** Service "myservice" selecting `app: myapp`, the pods of classicDeployment, on port 2222. */
export const CLASSIC_SERVICE = lines('apiVersion: v1', 'kind: Service', 'metadata:', '  name: myservice', 'spec:', '  selector:', '    app: myapp', '  ports:', '  - port: 2222');

/** `classicDeployment(2)` with a duplicate key in its container: a YAML error in a field no rule reads. */
export const CLASSIC_DEPLOYMENT_WITH_UNREAD_ERROR = classicDeployment(2).replace('      - name: nginx\n', '      - name: nginx\n        name: httpd\n');

/** CLASSIC_SERVICE, then in the same file CLASSIC_DEPLOYMENT_WITH_UNREAD_ERROR, its YAML error on DUPLICATE_KEY_LINE. */
export const APP_WITH_UNREAD_ERROR = `${CLASSIC_SERVICE}\n---\n${CLASSIC_DEPLOYMENT_WITH_UNREAD_ERROR}`;
/** The 0-based line of APP_WITH_UNREAD_ERROR's duplicate key, `        name: httpd`. */
export const DUPLICATE_KEY_LINE = APP_WITH_UNREAD_ERROR.split('\n').indexOf('        name: httpd');

/** Deployment "a": two replicas of pods labelled `app: a`, so that a Service selecting them has two backends. */
export const TWO_REPLICA_DEPLOYMENT = lines(
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: a',
  'spec:',
  '  replicas: 2',
  '  selector: {matchLabels: {app: a}}',
  '  template:',
  '    metadata:',
  '      labels: {app: a}',
  '    spec:',
  '      containers:',
  '      - name: app',
  '        image: nginx',
);
