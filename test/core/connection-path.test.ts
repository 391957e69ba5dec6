import assert from 'node:assert/strict';
import { test } from 'node:test';
import { connectionPaths, firstToFire, findService, type Assumptions, type ConnectionPath } from '@connlint/server';
import { modelOf } from '../helpers/lintFiles';
import { deployment } from '../helpers/manifests';
import { albIngress, ciliumConfig, destinationRule, felixConfiguration, istioNamespace, meshConfigMap, service } from '../helpers/pathManifests';

type Files = Readonly<Record<string, string>>;

/** Each path of Service `name` as `entry: hop[timer s, source] > …`, the keepalive and the first timer to fire. */
function paths(files: Files, name = 'api', assumptions: Assumptions = {}): string[] {
  const model = modelOf(files, assumptions);
  const found = findService(model, name);
  assert.ok(found, `no Service ${name}`);
  return connectionPaths(model, found).map((path) => describePath(path, (source) => model.describe(source)));
}

function describePath(path: ConnectionPath, describe: (source: NonNullable<ConnectionPath['hops'][number]['timer']>['source']) => string): string {
  const hops = path.hops.map((hop) => (hop.timer === undefined ? hop.label : `${hop.label}[${hop.timer.seconds} s, ${describe(hop.timer.source)}]`)).join(' > ');
  const keepalive = path.keepalive === undefined ? `no keepalive: ${path.noKeepaliveReason}` : `keepalive ${path.keepalive.time.value}+${path.keepalive.interval.value} s`;
  return `${path.entry}: ${hops}; ${keepalive}; first ${firstToFire(path)?.timer?.name ?? 'none'}`;
}

const API = { 'api.yaml': deployment('api') };
const CONNTRACK = "node (conntrack)[86400 s, kube-proxy's default, no kube-proxy configuration in the workspace]";
const NLB = 'service.beta.kubernetes.io/aws-load-balancer-type: external';

test('a ClusterIP Service: client pod, the node’s conntrack, the pods, with the pods’ keepalive', () => {
  assert.deepEqual(paths({ ...API, 'svc.yaml': service('api') }), [`in-cluster: client pod > ${CONNTRACK} > pods of Deployment "api"; keepalive 7200+75 s; first conntrack`]);
});

test('AWS NLB: 350 s by default, a listener attribute per port (60..6000), the shortest of the TCP ports', () => {
  assert.deepEqual(paths({ ...API, 'svc.yaml': service('api', { type: 'LoadBalancer', annotations: [NLB] }) })[1], `load-balancer: client > AWS NLB[350 s, the NLB's default for TCP listeners] > ${CONNTRACK} > pods of Deployment "api"; keepalive 7200+75 s; first AWS NLB listener TCP-443`);
  const attribute = (port: number, value: string) => `service.beta.kubernetes.io/aws-load-balancer-listener-attributes.TCP-${port}: "tcp.idle_timeout.seconds=${value}"`;
  const withAttribute = paths({ ...API, 'svc.yaml': service('api', { type: 'LoadBalancer', annotations: [NLB, attribute(443, '1000'), attribute(80, '400')], ports: [443, 80] }) })[1]!;
  assert.match(withAttribute, /AWS NLB\[400 s, service\.beta\.kubernetes\.io\/aws-load-balancer-listener-attributes\.TCP-80 in svc\.yaml:8\]/);
  const outOfRange = paths({ ...API, 'svc.yaml': service('api', { type: 'LoadBalancer', annotations: [NLB, attribute(443, '7000')] }) })[1]!;
  assert.match(outOfRange, /AWS NLB\[350 s, the NLB's default/);
  assert.match(paths({ ...API, 'svc.yaml': service('api', { type: 'LoadBalancer', annotations: ['service.beta.kubernetes.io/aws-load-balancer-type: nlb'] }) })[1]!, /AWS NLB\[350 s/);
});

test('AWS Classic ELB: the in-tree default on AWS, 60 s or its annotation; a proxy, which keepalive does not reset', () => {
  const elb = paths({ ...API, 'svc.yaml': service('api', { type: 'LoadBalancer', annotations: ['service.beta.kubernetes.io/aws-load-balancer-internal: "true"'] }) })[1];
  assert.equal(elb, `load-balancer: client > AWS Classic ELB[60 s, the Classic ELB's default] > ${CONNTRACK} > pods of Deployment "api"; keepalive 7200+75 s; first AWS Classic ELB`);
  const configured = paths({ ...API, 'svc.yaml': service('api', { type: 'LoadBalancer', annotations: ['service.beta.kubernetes.io/aws-load-balancer-connection-idle-timeout: "300"'] }) })[1]!;
  assert.match(configured, /AWS Classic ELB\[300 s, service\.beta\.kubernetes\.io\/aws-load-balancer-connection-idle-timeout in svc\.yaml:6\]/);
  const model = modelOf({ ...API, 'svc.yaml': service('api', { type: 'LoadBalancer' }) }, { cloud: 'aws' });
  assert.equal(connectionPaths(model, model.services[0]!)[1]?.hops[1]?.timer?.refreshedByKeepalive, false);
});

test('Azure Load Balancer: 4 minutes, or its annotation in minutes (4..100)', () => {
  assert.match(paths({ ...API, 'svc.yaml': service('api', { type: 'LoadBalancer', annotations: ['service.beta.kubernetes.io/azure-load-balancer-internal: "true"'] }) })[1]!, /Azure Load Balancer\[240 s, Azure Load Balancer's default, 4 minutes\]/);
  assert.match(paths({ ...API, 'svc.yaml': service('api', { type: 'LoadBalancer', annotations: ['service.beta.kubernetes.io/azure-load-balancer-tcp-idle-timeout: "30"'] }) })[1]!, /Azure Load Balancer\[1800 s, service\.beta\.kubernetes\.io\/azure-load-balancer-tcp-idle-timeout in svc\.yaml:6\]/);
  assert.match(paths({ ...API, 'svc.yaml': service('api', { type: 'LoadBalancer', annotations: ['service.beta.kubernetes.io/azure-load-balancer-tcp-idle-timeout: "120"'] }) })[1]!, /Azure Load Balancer\[240 s/);
});

test('assume.cloud when no annotation tells: GCP adds its firewall’s 10 minutes; none leaves the balancer unknown', () => {
  const files = { ...API, 'svc.yaml': service('api', { type: 'LoadBalancer' }) };
  assert.equal(paths(files, 'api', { cloud: 'gcp' })[1], `load-balancer: client > GCP passthrough load balancer > GCP VPC firewall[600 s, GCP firewall connection tracking] > ${CONNTRACK} > pods of Deployment "api"; keepalive 7200+75 s; first GCP VPC firewall`);
  assert.match(paths(files)[1]!, /^load-balancer: client > cloud load balancer \(set assume\.cloud\) > node/);
});

test('an ALB Ingress in front of the Service: 60 s, or load-balancer-attributes idle_timeout.timeout_seconds', () => {
  const files = { ...API, 'svc.yaml': service('api'), 'ing.yaml': albIngress('web', 'api') };
  assert.match(paths(files)[1]!, /^ingress: client > AWS ALB \(Ingress "web"\)\[60 s, the ALB's default\] > node/);
  const configured = { ...files, 'ing.yaml': albIngress('web', 'api', 'alb.ingress.kubernetes.io/load-balancer-attributes: idle_timeout.timeout_seconds=600') };
  assert.match(paths(configured)[1]!, /AWS ALB \(Ingress "web"\)\[600 s, alb\.ingress\.kubernetes\.io\/load-balancer-attributes in ing\.yaml:7\]/);
  assert.equal(paths({ ...files, 'ing.yaml': albIngress('web', 'other') }).length, 1, 'an Ingress for another Service');
});

test('Cilium with kube-proxy replacement: its conntrack, 8000 s, or the shorter of its two bpf-ct-timeout keys', () => {
  assert.match(paths({ ...API, 'svc.yaml': service('api'), 'cilium.yaml': ciliumConfig() })[0]!, /node \(Cilium eBPF\)\[8000 s, Cilium's default bpf-ct-timeout-service-tcp\]/);
  const configured = { ...API, 'svc.yaml': service('api'), 'cilium.yaml': ciliumConfig('bpf-ct-timeout-regular-tcp: "2h"', 'bpf-ct-timeout-service-tcp: "6h"') };
  assert.match(paths(configured)[0]!, /node \(Cilium eBPF\)\[7200 s, bpf-ct-timeout-regular-tcp in cilium\.yaml:8\]/);
});

test('Calico eBPF: bpfConntrackTimeouts.tcpEstablished, 1 h by default', () => {
  assert.match(paths({ ...API, 'svc.yaml': service('api'), 'felix.yaml': felixConfiguration() })[0]!, /node \(Calico eBPF\)\[3600 s, Calico eBPF's default for established TCP\] > pods of Deployment "api"; keepalive 7200\+75 s; first Calico eBPF conntrack/);
  const configured = { ...API, 'svc.yaml': service('api'), 'felix.yaml': felixConfiguration('bpfConntrackTimeouts:', '  tcpEstablished: 30m') };
  assert.match(paths(configured)[0]!, /node \(Calico eBPF\)\[1800 s, bpfConntrackTimeouts\.tcpEstablished in felix\.yaml:8\]/);
  assert.match(paths({ ...API, 'svc.yaml': service('api'), 'felix.yaml': felixConfiguration().replace('bpfEnabled: true', 'bpfEnabled: false') })[0]!, /node \(conntrack\)/);
});

test('IPVS mode: IPVS’s 900 s on the node', () => {
  const ipvs = 'apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\nmode: ipvs\n';
  assert.match(paths({ ...API, 'svc.yaml': service('api'), 'kp.yaml': ipvs })[0]!, /node \(IPVS\)\[900 s, the kernel's IPVS default/);
});

test('Istio sidecars: in the cluster the sidecar replaces kube-proxy on the path; its idle timeout and upstream keepalive', () => {
  const meshed = { ...API, 'svc.yaml': service('api'), 'ns.yaml': istioNamespace('default') };
  assert.deepEqual(paths(meshed), [
    'in-cluster: client pod > Istio sidecar[3600 s, Envoy\'s default idle timeout in Istio] > pods of Deployment "api"; no keepalive: the app\'s keepalive ends at the sidecar, which sets none (no tcpKeepalive in a DestinationRule or the mesh); first Istio sidecar',
  ]);
  const withRule = { ...meshed, 'dr.yaml': destinationRule('api', 'api.default.svc.cluster.local', 'idleTimeout: 2h', 'tcpKeepalive:', '  time: 300s', '  interval: 30s') };
  assert.equal(paths(withRule)[0], 'in-cluster: client pod > Istio sidecar[7200 s, idleTimeout of DestinationRule "api" in dr.yaml:10] > pods of Deployment "api"; keepalive 300+30 s; first Istio sidecar');
  const mesh = { ...meshed, 'mesh.yaml': meshConfigMap('defaultConfig:', '  proxyMetadata:', '    ISTIO_META_IDLE_TIMEOUT: 30m', 'tcpKeepalive:', '  interval: 60s') };
  assert.equal(paths(mesh)[0], 'in-cluster: client pod > Istio sidecar[1800 s, ISTIO_META_IDLE_TIMEOUT in mesh.yaml:10] > pods of Deployment "api"; keepalive 7200+60 s; first Istio sidecar');
  const revision = { ...meshed, 'mesh.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: "istio-1-22", namespace: istio-system}\ndata: {mesh: "defaultConfig: {proxyMetadata: {ISTIO_META_IDLE_TIMEOUT: 20m}}"}\n' };
  assert.equal(paths(revision)[0], 'in-cluster: client pod > Istio sidecar[1200 s, ISTIO_META_IDLE_TIMEOUT in mesh.yaml:4] > pods of Deployment "api"; no keepalive: the app\'s keepalive ends at the sidecar, which sets none (no tcpKeepalive in a DestinationRule or the mesh); first Istio sidecar');
  const optedOut = { ...meshed, 'api.yaml': deployment('api').replace('      labels: {app: api}', '      labels: {app: api, sidecar.istio.io/inject: "false"}') };
  assert.match(paths(optedOut)[0]!, /node \(conntrack\)/);
});

test('a meshed Service behind a load balancer: the sidecar after the node, and no keepalive crosses it', () => {
  const annotated = deployment('api').replace('      labels: {app: api}', '      labels: {app: api}\n      annotations: {linkerd.io/inject: enabled}');
  assert.equal(
    paths({ 'api.yaml': annotated, 'svc.yaml': service('api', { type: 'LoadBalancer', annotations: [NLB] }) })[1],
    `load-balancer: client > AWS NLB[350 s, the NLB's default for TCP listeners] > ${CONNTRACK} > Linkerd proxy > pods of Deployment "api"; no keepalive: the app's keepalive ends at its sidecar, whose inbound connection has none; first AWS NLB listener TCP-443`,
  );
});

test('assume.idleTimers: on the paths of the Services their globs name', () => {
  const files = { ...API, 'svc.yaml': service('api', { namespace: 'prod' }) };
  const firewall = { name: 'corporate firewall', seconds: 1800, paths: ['prod/*'] };
  assert.equal(paths(files, 'prod/api', { idleTimers: [firewall] })[0], `in-cluster: client pod > corporate firewall[1800 s, the assume.idleTimers "corporate firewall" setting] > ${CONNTRACK} > pods of Deployment "api"; keepalive 7200+75 s; first corporate firewall`.replace('pods of Deployment "api"; keepalive 7200+75', 'pod; keepalive 7200+75'));
  assert.doesNotMatch(paths(files, 'prod/api', { idleTimers: [{ ...firewall, paths: ['staging/*'] }] })[0]!, /corporate firewall/);
});

test('headless and ExternalName Services have no path through kube-proxy; bad input draws nothing', () => {
  const model = modelOf({ 'svc.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: db\nspec:\n  clusterIP: None\n', 'bad.yaml': 'kind: Service\nmetadata: [\nspec: {ports: [{port: x}], type: [1]}\n' });
  assert.deepEqual(connectionPaths(model, findService(model, 'db')!), []);
  const bad = model.services.find((candidate) => candidate.name === undefined)!;
  assert.deepEqual(bad.ports.map((port) => port.port), [undefined], 'a port that is not a number has no number');
  assert.equal(connectionPaths(model, bad).length, 1, 'a Service without a name still has its in-cluster path');
  assert.equal(findService(model, 'nothing'), undefined);
  const externalName = modelOf({ 'svc.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: ext\nspec:\n  type: ExternalName\n  externalName: example.com\n' });
  assert.deepEqual(connectionPaths(externalName, externalName.services[0]!), []);
});
