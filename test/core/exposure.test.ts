import assert from 'node:assert/strict';
import { test } from 'node:test';
import { effectiveSettingsReport } from '@connlint/server';
import { lintersFor, lines, modelOf } from '../helpers/lintFiles';

const { lintFiles } = lintersFor('service-affinity');

type Files = Readonly<Record<string, string>>;

/** Service "web" (name at 3:8-3:11) with `spec` lines before its selector and the given ports. */
const service = (spec: readonly string[] = [], ports: readonly string[] = ['  - port: 80']): string =>
  lines('apiVersion: v1', 'kind: Service', 'metadata:', '  name: web', 'spec:', ...spec, '  selector:', '    app: web', '  ports:', ...ports);

/** A workload of pods labelled app: web, with extra pod template metadata and pod spec lines. */
const workload = (kind = 'Deployment', replicas: number | undefined = 3, metadata: readonly string[] = [], podSpec: readonly string[] = []): string =>
  lines(
    kind === 'Rollout' ? 'apiVersion: argoproj.io/v1alpha1' : 'apiVersion: apps/v1',
    `kind: ${kind}`,
    'metadata:',
    '  name: web',
    'spec:',
    ...(replicas === undefined ? [] : [`  replicas: ${replicas}`]),
    '  selector: {matchLabels: {app: web}}',
    '  template:',
    '    metadata:',
    '      labels: {app: web}',
    ...metadata,
    '    spec:',
    ...podSpec,
    '      containers: [{name: app, image: nginx}]',
  );

const TAIL = 'and no ClientIP affinity: a connection idle over the 86400 s conntrack timeout can be re-balanced to another pod and reset.';
const REPORTED = `Service "web" has 3 backends (Deployment "web" has replicas: 3) ${TAIL}`;

const messages = (files: Files, assumptions = {}): string[] => lintFiles(files, { assumptions }).map((diagnostic) => diagnostic.message);
const withApp = (files: Files): Files => ({ 'app.yaml': workload(), ...files });

test('a Service of metrics ports only is silent: a scraper connects to each pod at its own address, every scrape interval', () => {
  assert.deepEqual(messages(withApp({ 'service.yaml': service([], ['  - {name: metrics, port: 8083}']) })), []);
  assert.deepEqual(messages(withApp({ 'service.yaml': service([], ['  - {name: http-metrics, port: 9090}', '  - {name: prometheus, port: 9091}']) })), []);
  assert.deepEqual(messages(withApp({ 'service.yaml': service([], ['  - {name: metrics, port: 8083}', '  - {name: http, port: 80}']) })), [REPORTED], 'another port is used by clients');
  assert.deepEqual(messages(withApp({ 'service.yaml': service([], ['  - {name: metricsdb, port: 8086}']) })), [REPORTED], 'a name that only starts with metrics');
  assert.deepEqual(messages(withApp({ 'service.yaml': service([], ['  - {name: metrics, port: 8083}', '  - {name: statsd, port: 8125, protocol: UDP}']) })), [], 'UDP ports do not count');
});

test('only TCP ports count: a UDP-only Service is silent, a DNS Service with TCP and UDP is reported, SCTP is not TCP', () => {
  assert.deepEqual(messages(withApp({ 'service.yaml': service([], ['  - port: 53', '    protocol: UDP']) })), []);
  assert.deepEqual(messages(withApp({ 'service.yaml': service([], ['  - port: 9999', '    protocol: SCTP']) })), []);
  assert.deepEqual(messages(withApp({ 'service.yaml': service([], ['  - {name: dns, port: 53, protocol: UDP}', '  - {name: dns-tcp, port: 53, protocol: TCP}']) })), [REPORTED]);
  assert.deepEqual(messages(withApp({ 'service.yaml': service([], ['  - port: 53', '    protocol: UDP', '  - port: 80']) })), [REPORTED], 'no protocol is TCP');
});

test('internalTrafficPolicy: Local over a DaemonSet is silent; over a Deployment the message says the risk is on the client node', () => {
  const local = service(['  internalTrafficPolicy: Local']);
  assert.deepEqual(messages({ 'service.yaml': local, 'app.yaml': workload('DaemonSet', undefined) }), []);
  assert.deepEqual(messages({ 'service.yaml': local, 'app.yaml': workload() }), [
    'Service "web" has 3 backends (Deployment "web" has replicas: 3) and internalTrafficPolicy: Local: a connection idle over the 86400 s conntrack timeout can be reset by another pod on the client\'s node.',
  ]);
  assert.deepEqual(messages({ 'service.yaml': service(['  internalTrafficPolicy: Cluster']), 'app.yaml': workload('DaemonSet', undefined) }).length, 1);
});

test('externalTrafficPolicy is said on the external path of a NodePort or LoadBalancer Service', () => {
  const related = (spec: string[]) => lintFiles(withApp({ 'service.yaml': service(spec) }))[0]!.related.at(-1);
  assert.deepEqual(related(['  type: LoadBalancer']), {
    file: 'service.yaml',
    range: { start: { line: 5, character: 8 }, end: { line: 5, character: 20 } },
    message: 'externalTrafficPolicy: Cluster (the default): external connections are masqueraded, so after conntrack expiry they are reset even by one backend, and ClientIP affinity cannot help',
  });
  assert.equal(related(['  type: NodePort', '  externalTrafficPolicy: Local'])?.message, 'externalTrafficPolicy: Local: external connections are not masqueraded and reach only pods on the node they arrive at');
});

test('IPVS mode, kube-proxy assumed absent, Cilium and Calico eBPF data planes: silent', () => {
  const ipvs = lines('apiVersion: kubeproxy.config.k8s.io/v1alpha1', 'kind: KubeProxyConfiguration', 'mode: ipvs');
  assert.deepEqual(messages(withApp({ 'service.yaml': service(), 'kube-proxy.yaml': ipvs })), []);
  assert.deepEqual(messages(withApp({ 'service.yaml': service() }), { kubeProxy: false }), []);
  const cilium = lines('apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: cilium-config, namespace: kube-system}', 'data:', '  kube-proxy-replacement: "true"', '  bpf-lb-sock: "false"');
  assert.deepEqual(messages(withApp({ 'service.yaml': service(), 'cilium.yaml': cilium })), []);
  const noReplacement = cilium.replace('"true"', '"false"');
  assert.deepEqual(messages(withApp({ 'service.yaml': service(), 'cilium.yaml': noReplacement })), [REPORTED], 'Cilium beside kube-proxy, no socket LB');
  const values = lines('kubeProxyReplacement: true', 'socketLB:', '  enabled: true');
  assert.deepEqual(messages(withApp({ 'service.yaml': service(), 'cilium/values.yaml': values })), []);
  assert.deepEqual(messages(withApp({ 'service.yaml': service(), 'cilium/other.yaml': values })), [REPORTED], 'only a values file is read as Helm values');
  const felix = (...spec: string[]) => lines('apiVersion: projectcalico.org/v3', 'kind: FelixConfiguration', 'metadata: {name: default}', 'spec:', ...spec);
  assert.deepEqual(messages(withApp({ 'service.yaml': service(), 'felix.yaml': felix('  bpfEnabled: true') })), []);
  assert.deepEqual(messages(withApp({ 'service.yaml': service(), 'felix.yaml': felix('  bpfEnabled: false') })), [REPORTED]);
});

test('the data plane is in the effective settings report, with its source', () => {
  const felix = lines('apiVersion: projectcalico.org/v3', 'kind: FelixConfiguration', 'metadata: {name: default}', 'spec:', '  bpfEnabled: true', '  bpfConnectTimeLoadBalancing: Disabled');
  const report = effectiveSettingsReport(modelOf({ 'felix.yaml': felix }));
  assert.match(report, /^\| Service data plane \| Calico eBPF \| bpfEnabled in FelixConfiguration "default" in felix\.yaml:5 \|$/m);
  const values = lines('kubeProxyReplacement: "true"');
  assert.match(effectiveSettingsReport(modelOf({ 'values.yaml': values })), /^\| Service data plane \| Cilium kube-proxy replacement, socket load balancing \| kubeProxyReplacement in Helm values in values\.yaml:1 \|$/m);
  assert.match(effectiveSettingsReport(modelOf({}, { kubeProxy: false })), /^\| Service data plane \| no kube-proxy \| the kubeProxy setting \|$/m);
});

test('backends injected with an Istio or Linkerd sidecar are silent; a pod that opts out is not', () => {
  const namespace = (...labels: string[]) => lines('apiVersion: v1', 'kind: Namespace', 'metadata:', '  name: default', ...labels);
  assert.deepEqual(messages(withApp({ 'service.yaml': service(), 'ns.yaml': namespace('  labels: {istio-injection: enabled}') })), []);
  assert.deepEqual(messages(withApp({ 'service.yaml': service(), 'ns.yaml': namespace('  labels: {istio.io/rev: canary}') })), []);
  assert.deepEqual(messages(withApp({ 'service.yaml': service(), 'ns.yaml': namespace('  annotations: {linkerd.io/inject: enabled}') })), []);
  const optedOut = workload('Deployment', 3, ['      annotations: {sidecar.istio.io/inject: "false"}']);
  assert.deepEqual(messages({ 'service.yaml': service(), 'app.yaml': optedOut, 'ns.yaml': namespace('  labels: {istio-injection: enabled}') }), [REPORTED]);
  assert.deepEqual(messages({ 'service.yaml': service(), 'app.yaml': workload('Deployment', 3, ['      annotations: {linkerd.io/inject: enabled}']) }), []);
  assert.deepEqual(messages({ 'service.yaml': service(), 'app.yaml': workload('Deployment', 3, ['      labels: {app: web, sidecar.istio.io/inject: "true"}'].slice(0, 0).concat(['      annotations: {sidecar.istio.io/inject: "true"}'])) }), []);
  assert.deepEqual(messages(withApp({ 'service.yaml': service(), 'ns.yaml': namespace('  labels: {istio-injection: disabled}') })), [REPORTED]);
});

test('a keepalive below the conntrack timeout in every backend\'s pods keeps the Service silent; the kernel default does not', () => {
  const keepalive = (value: string) => ['      securityContext:', '        sysctls:', '        - name: net.ipv4.tcp_keepalive_time', `          value: "${value}"`];
  assert.deepEqual(messages({ 'service.yaml': service(), 'app.yaml': workload('Deployment', 3, [], keepalive('600')) }), []);
  assert.deepEqual(messages({ 'service.yaml': service(), 'app.yaml': workload('Deployment', 3, [], keepalive('90000')) }), [REPORTED]);
  assert.deepEqual(messages({ 'service.yaml': service(), 'app.yaml': workload('Deployment', 3, [], keepalive('-1')) }), [REPORTED], 'a negative time turns probing off');
  const other = workload('Deployment', 2).replace('name: web', 'name: web-b');
  assert.deepEqual(messages({ 'service.yaml': service(), 'app.yaml': workload('Deployment', 3, [], keepalive('600')), 'b.yaml': other }), [
    `Service "web" has 5 backends (Deployment "web" and 1 more) ${TAIL}`,
  ]);
});

test('Argo Rollouts count like Deployments; a workloadRef Rollout runs the referenced Deployment\'s pods', () => {
  assert.deepEqual(messages({ 'service.yaml': service(), 'app.yaml': workload('Rollout', 4) }), [`Service "web" has 4 backends (Rollout "web" has replicas: 4) ${TAIL}`]);
  const deployment = workload('Deployment', 0);
  const rollout = lines('apiVersion: argoproj.io/v1alpha1', 'kind: Rollout', 'metadata:', '  name: web-rollout', 'spec:', '  replicas: 5', '  workloadRef: {apiVersion: apps/v1, kind: Deployment, name: web}');
  assert.deepEqual(messages({ 'service.yaml': service(), 'app.yaml': deployment, 'rollout.yaml': rollout }), [
    `Service "web" has 5 backends (Rollout "web-rollout") ${TAIL}`,
  ]);
});

test('a KEDA ScaledObject raises its target to maxReplicaCount, 100 by default, and the count says "up to"', () => {
  const scaled = (...spec: string[]) => lines('apiVersion: keda.sh/v1alpha1', 'kind: ScaledObject', 'metadata:', '  name: web-scaler', 'spec:', '  scaleTargetRef: {name: web}', ...spec);
  const diagnostics = lintFiles({ 'service.yaml': service(), 'app.yaml': workload('Deployment', 1), 'keda.yaml': scaled('  maxReplicaCount: 8') });
  assert.equal(diagnostics[0]!.message, `Service "web" has up to 8 backends (ScaledObject "web-scaler") ${TAIL}`);
  assert.deepEqual(diagnostics[0]!.related, [
    {
      file: 'keda.yaml',
      range: { start: { line: 6, character: 19 }, end: { line: 6, character: 20 } },
      message: 'Backend of Service "web": Deployment "web" has replicas: 1 and ScaledObject "web-scaler" scales it up to maxReplicaCount: 8',
    },
  ]);
  const byDefault = lintFiles({ 'service.yaml': service(), 'app.yaml': workload('Deployment', 1), 'keda.yaml': scaled() });
  assert.equal(byDefault[0]!.message, `Service "web" has up to 100 backends (ScaledObject "web-scaler") ${TAIL}`);
  assert.match(byDefault[0]!.related[0]!.message, /maxReplicaCount: 100 \(KEDA's default\)$/);
  const statefulTarget = scaled('  maxReplicaCount: 8').replace('{name: web}', '{name: web, kind: StatefulSet}');
  assert.deepEqual(messages({ 'service.yaml': service(), 'app.yaml': workload('Deployment', 1), 'keda.yaml': statefulTarget }), [], 'another kind is another target');
});

test('every message is at most 200 characters, however long the names', () => {
  const long = 'a'.repeat(63);
  const files = { 'service.yaml': service().replace('name: web', `name: ${long}`), 'app.yaml': workload('Deployment', 1).replace('name: web', `name: ${'b'.repeat(200)}`), 'hpa.yaml': lines('apiVersion: autoscaling/v2', 'kind: HorizontalPodAutoscaler', 'metadata:', `  name: ${'c'.repeat(200)}`, 'spec:', `  scaleTargetRef: {kind: Deployment, name: ${'b'.repeat(200)}}`, '  maxReplicas: 9') };
  const [message] = messages(files);
  assert.equal(message, `Service "${long}" has up to 9 backends: a connection idle over 86400 s can be re-balanced to another pod and reset.`);
  assert.ok(message!.length <= 200);
});

test('no message says "another pod" of a Service with one backend', () => {
  assert.deepEqual(messages({ 'service.yaml': service(['  type: LoadBalancer']), 'app.yaml': workload('Deployment', 1) }), []);
});
