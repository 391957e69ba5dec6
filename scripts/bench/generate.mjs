// Generated inputs for the benchmark: a corpus shaped like real repositories (mostly CRDs and
// other kinds Connlint reads only the kind of) and workspaces of apps spread over namespaces.
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

/** A Service, its Deployment (or StatefulSet) and an autoscaler, as three documents. */
export function app(name, namespace, replicas = 3, serviceType = 'ClusterIP') {
  return {
    service: service(name, namespace, serviceType),
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

/** A Service of one HTTP port selecting `app: name`; the default type (ClusterIP) is left implicit. */
export function service(name, namespace, type = 'ClusterIP') {
  return [
    'apiVersion: v1',
    'kind: Service',
    'metadata:',
    `  name: ${name}`,
    `  namespace: ${namespace}`,
    '  labels:',
    `    app: ${name}`,
    'spec:',
    ...(type === 'ClusterIP' ? [] : [`  type: ${type}`]),
    '  selector:',
    `    app: ${name}`,
    '  ports:',
    '    - name: http',
    '      port: 80',
    '      targetPort: 8080',
    '',
  ].join('\n');
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
 * A workspace of about `files` files: apps of a Service (every fifth a LoadBalancer), a Deployment
 * and an HPA, one file each, in `apps/<namespace>/<app>/`, ten apps to a namespace; every tenth
 * app a kustomize build (a kustomization.yaml with its resources and a replicas patch); node
 * sysctl.d files and a sysctl.conf per node pool.
 */
export function writeWorkspace(root, files) {
  const apps = Math.floor(files / 3.2);
  for (let i = 0; i < apps; i++) {
    const namespace = `team-${Math.floor(i / 10)}`;
    const name = `app-${i}`;
    const dir = path.join(root, 'apps', namespace, name);
    mkdirSync(dir, { recursive: true });
    const parts = app(name, namespace, 3, i % 5 === 4 ? 'LoadBalancer' : 'ClusterIP');
    writeFileSync(path.join(dir, 'service.yaml'), parts.service);
    writeFileSync(path.join(dir, 'deployment.yaml'), parts.deployment);
    writeFileSync(path.join(dir, 'hpa.yaml'), parts.hpa);
    if (isBuildApp(i)) writeKustomizeBuild(dir, name);
  }
  for (let pool = 0; pool < 8; pool++) writeNodePool(path.join(root, 'nodes', `pool-${pool}`), pool);
  return { apps, appDir: (i) => path.join(root, 'apps', `team-${Math.floor(i / 10)}`, `app-${i}`) };
}

/** Whether app `i` of a generated workspace is a kustomize build: every tenth, the one numbered 7. */
export const isBuildApp = (i) => i % 10 === 7;

/** A kustomization.yaml over an app's three files, with a strategic-merge patch of its replicas. */
function writeKustomizeBuild(dir, name) {
  const kustomization = ['apiVersion: kustomize.config.k8s.io/v1beta1', 'kind: Kustomization', 'resources:', '  - service.yaml', '  - deployment.yaml', '  - hpa.yaml', 'patches:', '  - path: replicas-patch.yaml', ''];
  writeFileSync(path.join(dir, 'kustomization.yaml'), kustomization.join('\n'));
  writeFileSync(path.join(dir, 'replicas-patch.yaml'), ['apiVersion: apps/v1', 'kind: Deployment', 'metadata:', `  name: ${name}`, 'spec:', '  replicas: 5', ''].join('\n'));
}

/** A node pool's sysctl files: keepalive and conntrack settings in sysctl.d, and a sysctl.conf. */
function writeNodePool(dir, pool) {
  mkdirSync(path.join(dir, 'sysctl.d'), { recursive: true });
  writeFileSync(path.join(dir, 'sysctl.d', '10-network.conf'), ['net.core.somaxconn = 4096', 'net.ipv4.tcp_keepalive_time = 600', 'net.ipv4.tcp_keepalive_intvl = 30', ''].join('\n'));
  writeFileSync(path.join(dir, 'sysctl.d', '20-conntrack.conf'), ['net.netfilter.nf_conntrack_tcp_timeout_established = 86400', 'net.netfilter.nf_conntrack_tcp_loose = 1', ''].join('\n'));
  writeFileSync(path.join(dir, 'sysctl.conf'), ['# node pool ' + pool, 'net.ipv4.tcp_keepalive_probes = 5', `net.ipv4.ip_local_port_range = 10240 ${60000 + pool}`, ''].join('\n'));
}

/**
 * A manifest file of about `mb` megabytes, most of its objects findings: apps of a Deployment of
 * three replicas and eight Services without session affinity that select it, one document each.
 */
export function largeManifest(mb, prefix) {
  const parts = [];
  let size = 0;
  for (let i = 0; size < mb * 1024 * 1024; i++) {
    const name = `${prefix}-${i}`;
    const documents = [deployment(name, `ns-${i % 50}`, 3), ...Array.from({ length: 8 }, (_, port) => service(name, `ns-${i % 50}`).replace(`  name: ${name}\n`, `  name: ${name}-${port}\n`))];
    for (const document of documents) {
      parts.push(document);
      size += document.length + 4;
    }
  }
  return parts.join('---\n');
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
