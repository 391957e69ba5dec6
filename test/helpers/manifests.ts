import { lines } from './lintFiles';

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
