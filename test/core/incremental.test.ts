import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Workspace, assumptionsOf, lint, parseSettings, type Assumptions, type Diagnostic, DiagnosticsTracker } from '@connlint/server';
import { lines } from '../helpers/lintFiles';

/** Deterministic pseudo-random numbers, so a failing sequence can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const service = (name: string, namespace: string, affinity: boolean) =>
  lines('apiVersion: v1', 'kind: Service', 'metadata:', `  name: ${name}`, `  namespace: ${namespace}`, 'spec:', ...(affinity ? ['  sessionAffinity: ClientIP', '  sessionAffinityConfig:', '    clientIP:', '      timeoutSeconds: 3600'] : []), '  selector:', `    app: ${name}`);
const deployment = (name: string, namespace: string, replicas: number, keepalive?: string) =>
  lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata:', `  name: ${name}`, `  namespace: ${namespace}`, 'spec:', `  replicas: ${replicas}`, '  template:', '    metadata:', '      labels:', `        app: ${name}`, '    spec:',
    ...(keepalive === undefined ? [] : ['      securityContext:', '        sysctls:', '          - name: net.ipv4.tcp_keepalive_time', `            value: "${keepalive}"`]), '      containers:', `        - name: ${name}`, '          image: example');
const hpa = (name: string, namespace: string, max: number) =>
  lines('apiVersion: autoscaling/v2', 'kind: HorizontalPodAutoscaler', 'metadata:', `  name: ${name}`, `  namespace: ${namespace}`, 'spec:', '  scaleTargetRef:', '    apiVersion: apps/v1', '    kind: Deployment', `    name: ${name}`, `  maxReplicas: ${max}`);
const kubeProxy = (timeout: string, mode: string) =>
  lines('apiVersion: kubeproxy.config.k8s.io/v1alpha1', 'kind: KubeProxyConfiguration', `mode: ${mode}`, 'conntrack:', `  tcpEstablishedTimeout: ${timeout}`);
const sysctl = (keepalive: number, extra: string) => lines(`net.ipv4.tcp_keepalive_time = ${keepalive}`, extra);
const loadBalancer = (name: string, namespace: string, annotation: string | undefined) =>
  lines('apiVersion: v1', 'kind: Service', 'metadata:', `  name: ${name}`, `  namespace: ${namespace}`, ...(annotation === undefined ? [] : ['  annotations:', `    ${annotation}`]), 'spec:', '  type: LoadBalancer', '  selector:', `    app: ${name}`, '  ports:', '  - port: 443');
const CLOUD_ANNOTATIONS = ['service.beta.kubernetes.io/aws-load-balancer-type: external', 'service.beta.kubernetes.io/azure-load-balancer-internal: "true"', 'cloud.google.com/load-balancer-type: "Internal"', undefined];

const KINDS = ['service', 'deployment', 'hpa', 'both', 'proxy', 'sysctl', 'broken'] as const;
/** With kustomize builds: kustomizations that name files of the same directories (or another directory), and patches. */
const WITH_BUILDS = [...KINDS, 'kustomization', 'kustomization', 'patch'] as const;
/** With LoadBalancer Services whose annotations name a cloud, or none: what each Service's paths take as its cloud. */
const WITH_CLOUDS = [...KINDS, 'load-balancer', 'load-balancer'] as const;
const CLUSTERS = assumptionsOf(parseSettings({ clusters: [{ paths: ['env/**'], assume: {} }] }).settings);

/** A kustomization of some of the files `randomFile` writes in its directory, with a patch, a namespace, replicas or a base. */
function kustomization(next: () => number, dir: string): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const apps = ['api', 'web', 'db', 'cache'].filter(() => next() < 0.5);
  const resources = apps.flatMap((app) => [`${app}-service.yaml`, `${app}-deployment.yaml`, `${app}.yaml`, `${app}-hpa.yaml`].filter(() => next() < 0.6));
  if (next() < 0.5) resources.push('kube-proxy.yaml');
  if (dir === 'env/prod' && next() < 0.6) resources.push(pick(['../../apps/a', '../../apps/b']));
  return lines(
    'apiVersion: kustomize.config.k8s.io/v1beta1',
    'kind: Kustomization',
    ...(next() < 0.3 ? ['namespace: shop'] : []),
    'resources:',
    ...resources.map((resource) => `  - ${resource}`),
    ...(next() < 0.5 ? ['patches:', `  - path: ${pick(['api', 'web'])}-patch.yaml`] : []),
    ...(next() < 0.3 ? ['replicas:', `  - name: ${pick(['api', 'web', 'db'])}`, `    count: ${Math.floor(next() * 4)}`] : []),
  );
}

/** A strategic-merge patch of a Deployment's replicas or a Service's affinity. */
function patch(next: () => number, app: string): string {
  if (next() < 0.5) return lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata:', `  name: ${app}`, 'spec:', `  replicas: ${Math.floor(next() * 4)}`);
  return lines('apiVersion: v1', 'kind: Service', 'metadata:', `  name: ${app}`, 'spec:', '  sessionAffinity: ClientIP');
}

/** One random file of the kinds the rules relate, or a broken one. */
function randomFile(next: () => number, kinds: readonly string[] = KINDS): { path: string; text: string } {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const app = pick(['api', 'web', 'db', 'cache']);
  const namespace = pick(['default', 'shop']);
  const dir = pick(['apps/a', 'apps/b', 'env/prod']);
  switch (pick(kinds)) {
    case 'kustomization':
      return { path: `${dir}/kustomization.yaml`, text: kustomization(next, dir) };
    case 'patch':
      return { path: `${dir}/${pick(['api', 'web'])}-patch.yaml`, text: patch(next, app) };
    case 'service':
      return { path: `${dir}/${app}-service.yaml`, text: service(app, namespace, next() < 0.4) };
    case 'load-balancer':
      return { path: `${dir}/${app}-service.yaml`, text: loadBalancer(app, namespace, pick(CLOUD_ANNOTATIONS)) };
    case 'deployment':
      return { path: `${dir}/${app}-deployment.yaml`, text: deployment(app, namespace, Math.floor(next() * 4), next() < 0.3 ? pick(['600', '90000']) : undefined) };
    case 'hpa':
      return { path: `${dir}/${app}-hpa.yaml`, text: hpa(app, namespace, 2 + Math.floor(next() * 5)) };
    case 'both':
      return { path: `${dir}/${app}.yaml`, text: `${service(app, namespace, next() < 0.5)}---\n${deployment(app, namespace, 2)}` };
    case 'proxy':
      return { path: `${dir}/kube-proxy.yaml`, text: kubeProxy(pick(['24h0m0s', '1h', '2h', '90x']), pick(['iptables', 'ipvs'])) };
    case 'sysctl':
      return { path: `nodes/${pick(['a', 'b'])}/sysctl.d/${pick(['10', '90'])}-net.conf`, text: sysctl(pick([600, 7200, 90000]), pick(['net.netfilter.nf_conntrack_tcp_loose = 0', 'net.ipv4.tcp_keepalive_tim = 1', ''])) };
    default:
      return { path: `${dir}/${app}-service.yaml`, text: `${service(app, namespace, false)}  ports: [\n` };
  }
}

function fromScratch(files: ReadonlyMap<string, string>, assumptions: Assumptions): Diagnostic[] {
  const workspace = new Workspace(assumptions);
  for (const [path, text] of files) workspace.set(path, text);
  return lint(workspace.model());
}

function groupByFile(diagnostics: readonly Diagnostic[]): Map<string, Diagnostic[]> {
  const byFile = new Map<string, Diagnostic[]>();
  for (const diagnostic of diagnostics) byFile.set(diagnostic.file, [...(byFile.get(diagnostic.file) ?? []), diagnostic]);
  return byFile;
}

const SEQUENCES: readonly { seed: number; kinds: readonly string[]; label: string; assumptions?: Assumptions }[] = [
  ...[1, 2, 3, 4, 5, 6, 7, 8].map((seed) => ({ seed, kinds: KINDS, label: '' })),
  // Edits of the files builds read change what the builds emit, and only some of them which files they read.
  ...[11, 12, 13, 14, 15, 16, 17, 18].map((seed) => ({ seed, kinds: WITH_BUILDS, label: ', with kustomize builds' })),
  // The cloud each Service's paths take is one value of the workspace, kept while the annotations that name it stay.
  ...[21, 22, 23].map((seed) => ({ seed, kinds: WITH_CLOUDS, label: ', with load balancers of several clouds' })),
  ...[24, 25, 26].map((seed) => ({ seed, kinds: WITH_CLOUDS, label: ', with load balancers of several clouds and a cluster', assumptions: CLUSTERS })),
];

for (const { seed, kinds, label, assumptions = {} } of SEQUENCES) {
  test(`after random edits, deletes and renames the kept results equal a lint from scratch (seed ${seed}${label})`, () => {
    const next = random(seed);
    const files = new Map<string, string>();
    const workspace = new Workspace(assumptions);
    const tracker = new DiagnosticsTracker(workspace.model());
    const shown = new Map<string, Diagnostic[]>();
    for (let step = 0; step < 120; step++) {
      const action = next();
      const paths = [...files.keys()];
      if (action < 0.15 && paths.length > 0) {
        const path = paths[Math.floor(next() * paths.length)]!;
        files.delete(path);
        workspace.delete(path);
      } else if (action < 0.25 && paths.length > 0) {
        const from = paths[Math.floor(next() * paths.length)]!;
        const to = from.replace(/(\.yaml|\.conf)$/, `-renamed$1`);
        const text = files.get(from)!;
        files.delete(from);
        workspace.delete(from);
        files.set(to, text);
        workspace.set(to, text);
      } else {
        const file = randomFile(next, kinds);
        files.set(file.path, file.text);
        workspace.set(file.path, file.text);
      }
      const expected = fromScratch(files, assumptions);
      if (step % 3 === 0) assert.deepEqual(lint(workspace.model()), expected, `lint after step ${step}`);
      for (const [path, diagnostics] of tracker.changes({}, { wholeWorkspace: next() < 0.7 })) shown.set(path, diagnostics);
      if (step % 2 === 0) for (const [path, diagnostics] of tracker.changes({})) shown.set(path, diagnostics);
      else continue;
      const expectedByFile = groupByFile(expected);
      for (const path of new Set([...shown.keys(), ...expectedByFile.keys()])) {
        assert.deepEqual(shown.get(path) ?? [], expectedByFile.get(path) ?? [], `${path} after step ${step}`);
      }
    }
  });
}

test('the tracker reports only the files an edit changes: a Deployment edit re-reports its Service', () => {
  const workspace = new Workspace();
  for (let i = 0; i < 50; i++) {
    workspace.set(`apps/app-${i}/service.yaml`, service(`app-${i}`, `team-${i % 5}`, false));
    workspace.set(`apps/app-${i}/deployment.yaml`, deployment(`app-${i}`, `team-${i % 5}`, 2));
  }
  const tracker = new DiagnosticsTracker(workspace.model());
  assert.equal(tracker.changes({}).size, 50);
  workspace.set('apps/app-7/deployment.yaml', deployment('app-7', 'team-2', 5));
  const changed = tracker.changes({});
  assert.deepEqual([...changed.keys()], ['apps/app-7/service.yaml']);
  assert.match(changed.get('apps/app-7/service.yaml')![0]!.message, /has replicas: 5/);
  workspace.set('apps/app-7/deployment.yaml', deployment('app-7', 'team-2', 1));
  assert.deepEqual([...tracker.changes({})], [['apps/app-7/service.yaml', []]]);
});

test('an edit of a JSON patch re-reports the Service its build emits, and only it', () => {
  const workspace = new Workspace();
  const files = new Map<string, string>([
    ['base/kustomization.yaml', lines('resources:', '  - service.yaml', '  - deployment.yaml')],
    ['base/service.yaml', service('web', 'default', false)],
    ['base/deployment.yaml', deployment('web', 'default', 2)],
    // A JSON patch: the file defines no object, so only what the build emits changes with it.
    ['overlays/prod/kustomization.yaml', lines('resources:', '  - ../../base', 'patches:', '  - path: replicas.yaml', '    target: {kind: Deployment, name: web}')],
    ['overlays/prod/replicas.yaml', lines('- op: replace', '  path: /spec/replicas', '  value: 3')],
  ]);
  for (let i = 0; i < 20; i++) {
    files.set(`apps/app-${i}/service.yaml`, service(`app-${i}`, 'default', false));
    files.set(`apps/app-${i}/deployment.yaml`, deployment(`app-${i}`, 'default', 2));
  }
  for (const [path, text] of files) workspace.set(path, text);
  const tracker = new DiagnosticsTracker(workspace.model());
  assert.equal(tracker.changes({}).size, 21);
  files.set('overlays/prod/replicas.yaml', files.get('overlays/prod/replicas.yaml')!.replace('value: 3', 'value: 5'));
  workspace.set('overlays/prod/replicas.yaml', files.get('overlays/prod/replicas.yaml')!);
  const changed = tracker.changes({});
  assert.deepEqual([...changed.keys()], ['base/service.yaml']);
  assert.deepEqual(changed.get('base/service.yaml'), groupByFile(fromScratch(files, {})).get('base/service.yaml'));
  assert.match(changed.get('base/service.yaml')![0]!.message, /^Service "web" has 5 backends/);
});

test('a settings change reports every file again, with the new severities', () => {
  const workspace = new Workspace();
  workspace.set('service.yaml', service('api', 'default', false));
  workspace.set('deployment.yaml', deployment('api', 'default', 3));
  const tracker = new DiagnosticsTracker(workspace.model());
  assert.equal(tracker.changes({}).get('service.yaml')?.[0]?.severity, 'warning');
  assert.equal(tracker.changes({ severities: { 'service-affinity': 'error' } }).get('service.yaml')?.[0]?.severity, 'error');
  assert.deepEqual(tracker.changes({ severities: { 'service-affinity': 'off' } }).get('service.yaml'), []);
});
