// Generated inputs for the benchmark: a corpus shaped like real repositories (mostly CRDs and
// other kinds Connlint reads only the kind of) and workspaces of apps spread over namespaces.
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

/** A Service, its Deployment (or StatefulSet) and an autoscaler, as three documents. */
export function app(name, namespace, replicas = 3) {
  return {
    service: [
      'apiVersion: v1',
      'kind: Service',
      'metadata:',
      `  name: ${name}`,
      `  namespace: ${namespace}`,
      '  labels:',
      `    app: ${name}`,
      'spec:',
      '  selector:',
      `    app: ${name}`,
      '  ports:',
      '    - name: http',
      '      port: 80',
      '      targetPort: 8080',
      '',
    ].join('\n'),
    deployment: deployment(name, namespace, replicas),
    hpa: [
      'apiVersion: autoscaling/v2',
      'kind: HorizontalPodAutoscaler',
      'metadata:',
      `  name: ${name}`,
      `  namespace: ${namespace}`,
      'spec:',
      '  scaleTargetRef:',
      '    apiVersion: apps/v1',
      '    kind: Deployment',
      `    name: ${name}`,
      '  minReplicas: 2',
      '  maxReplicas: 10',
      '  metrics:',
      '    - type: Resource',
      '      resource:',
      '        name: cpu',
      '        target:',
      '          type: Utilization',
      '          averageUtilization: 70',
      '',
    ].join('\n'),
  };
}

/** A Deployment with a realistic pod template. */
export function deployment(name, namespace, replicas) {
  return [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    `  name: ${name}`,
    `  namespace: ${namespace}`,
    'spec:',
    `  replicas: ${replicas}`,
    '  selector:',
    '    matchLabels:',
    `      app: ${name}`,
    '  template:',
    '    metadata:',
    '      labels:',
    `        app: ${name}`,
    '        tier: backend',
    '    spec:',
    '      containers:',
    `        - name: ${name}`,
    `          image: registry.example.com/${name}:1.4.2`,
    '          args: ["--listen=:8080", "--log-level=info"]',
    '          ports:',
    '            - containerPort: 8080',
    '          resources:',
    '            requests: { cpu: 100m, memory: 128Mi }',
    '            limits: { cpu: "1", memory: 512Mi }',
    '          readinessProbe:',
    '            httpGet: { path: /healthz, port: 8080 }',
    '            periodSeconds: 10',
    '',
  ].join('\n');
}

/** A CustomResourceDefinition of about `kb` kilobytes: most of a real repository's bytes. */
export function crd(name, kb) {
  const lines = ['apiVersion: apiextensions.k8s.io/v1', 'kind: CustomResourceDefinition', 'metadata:', `  name: ${name}.example.com`, 'spec:', '  group: example.com', '  names:', `    kind: ${name}`, '  versions:', '    - name: v1', '      served: true', '      storage: true', '      schema:', '        openAPIV3Schema:', '          type: object', '          properties:'];
  let size = lines.join('\n').length;
  for (let field = 0; size < kb * 1024; field++) {
    const block = [
      `            field${field}:`,
      `              description: Field ${field} of ${name}; when set, the controller reconciles it against the observed state and reports drift in status.conditions.`,
      '              type: object',
      '              properties:',
      '                enabled: { type: boolean }',
      '                mode: { type: string, enum: [Auto, Manual, Disabled] }',
      '                limits: { type: array, items: { type: integer, format: int32 } }',
    ];
    lines.push(...block);
    size += block.join('\n').length + 1;
  }
  return lines.join('\n') + '\n';
}

/** A ConfigMap that is not kube-proxy's. */
function configMap(name) {
  return ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', `  name: ${name}`, 'data:', '  settings.json: |', '    {"feature": true, "retries": 3, "timeout": "30s"}', ''].join('\n');
}

/**
 * A corpus like the real one: `files` files in directories of ten, 70 % of the bytes in CRDs,
 * the rest apps (Service + Deployment + HPA in one multi-document file) and ConfigMaps.
 */
export function writeCorpus(root, files = 1000) {
  let bytes = 0;
  for (let i = 0; i < files; i++) {
    const dir = path.join(root, `component-${Math.floor(i / 10)}`);
    mkdirSync(dir, { recursive: true });
    let text;
    if (i % 4 === 0) text = crd(`Widget${i}`, 24);
    else if (i % 4 === 1) {
      const parts = app(`svc-${i}`, `ns-${i % 17}`);
      text = [parts.service, parts.deployment, parts.hpa].join('---\n');
    } else if (i % 4 === 2) text = [configMap(`cm-${i}`), crd(`Gadget${i}`, 6)].join('---\n');
    else text = configMap(`cm-${i}`);
    writeFileSync(path.join(dir, `manifest-${i}.yaml`), text);
    bytes += text.length;
  }
  return bytes;
}

/**
 * A workspace of `manifests` manifest files: apps of a Service, a Deployment and an HPA, one file
 * each, in `apps/<namespace>/<app>/`, ten apps to a namespace, plus node sysctl.d files.
 */
export function writeWorkspace(root, manifests) {
  const apps = Math.floor(manifests / 3);
  for (let i = 0; i < apps; i++) {
    const namespace = `team-${Math.floor(i / 10)}`;
    const name = `app-${i}`;
    const dir = path.join(root, 'apps', namespace, name);
    mkdirSync(dir, { recursive: true });
    const parts = app(name, namespace, 3);
    writeFileSync(path.join(dir, 'service.yaml'), parts.service);
    writeFileSync(path.join(dir, 'deployment.yaml'), parts.deployment);
    writeFileSync(path.join(dir, 'hpa.yaml'), parts.hpa);
  }
  for (let pool = 0; pool < 4; pool++) {
    const dir = path.join(root, 'nodes', `pool-${pool}`, 'sysctl.d');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, '10-network.conf'), ['net.core.somaxconn = 4096', 'net.ipv4.tcp_keepalive_time = 600', 'net.ipv4.tcp_keepalive_intvl = 30', ''].join('\n'));
    writeFileSync(path.join(dir, '20-conntrack.conf'), ['net.netfilter.nf_conntrack_tcp_timeout_established = 86400', 'net.netfilter.nf_conntrack_tcp_loose = 1', ''].join('\n'));
  }
  return { apps, appDir: (i) => path.join(root, 'apps', `team-${Math.floor(i / 10)}`, `app-${i}`) };
}

/** A multi-document file of about `kb` kilobytes: Services and Deployments, then CRDs. */
export function multiDocument(kb) {
  const parts = [];
  let size = 0;
  for (let i = 0; size < kb * 1024; i++) {
    const documents = i < 8 ? Object.values(app(`web-${i}`, 'default', 2 + (i % 3))) : [crd(`Thing${i}`, 20)];
    for (const document of documents) {
      parts.push(document);
      size += document.length + 4;
    }
  }
  return parts.join('---\n');
}
