import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assumptionsOf, lint, parseSettings, servicePathsReport } from '@connlint/server';
import { applyFix, lines, ruleLinter, workspaceOf } from '../helpers/lintFiles';
import { deployment } from '../helpers/manifests';
import { destinationRule, felixConfiguration, istioNamespace, service } from '../helpers/pathManifests';

const RULE = 'keepalive-path';
const { diagnostics, fixesOf, assertFix } = ruleLinter(RULE);
const NLB = 'service.beta.kubernetes.io/aws-load-balancer-type: external';
const AZURE = 'service.beta.kubernetes.io/azure-load-balancer-internal: "true"';
const range = (line: number, start: number, end: number) => ({ start: { line, character: start }, end: { line, character: end } });
const ON_API = { file: 'svc.yaml', range: range(3, 8, 11), rule: RULE, severity: 'warning' };
const API_DEFAULT = { file: 'api.yaml', range: range(3, 8, 11), message: 'Deployment "api" sets no net.ipv4.tcp_keepalive_time: 7200 s applies' };

test('an NLB’s 350 s before the pods’ keepalive: reported on the Service, naming the timer, the keepalive and their sources', () => {
  const files = { 'svc.yaml': service('api', { type: 'LoadBalancer', annotations: [NLB] }), 'api.yaml': deployment('api', { keepalive: '"600"' }) };
  assert.deepEqual(diagnostics(files), [
    {
      ...ON_API,
      message: 'AWS NLB listener TCP-443 drops connections idle 350 s (the NLB\'s default for TCP listeners); keepalive of the pods of Deployment "api" starts at 600 s, +75 s retry',
      related: [{ file: 'api.yaml', range: range(13, 17, 22), message: 'Keepalive time of the pods of Deployment "api": 600 s' }],
    },
  ]);
  assertFix(files, 'Set net.ipv4.tcp_keepalive_time to 175 in Deployment "api"', { 'api.yaml': deployment('api', { keepalive: '"175"' }) });
  const raise = fixesOf(files).find((fix) => fix.title === 'Set tcp.idle_timeout.seconds=750 on listener TCP-443');
  assert.ok(raise && !raise.preferred, 'raising the listener’s timeout is offered, not preferred');
  const raised = service('api', { type: 'LoadBalancer', annotations: [NLB, 'service.beta.kubernetes.io/aws-load-balancer-listener-attributes.TCP-443: "tcp.idle_timeout.seconds=750"'] });
  assert.deepEqual(applyFix(files, raise), { ...files, 'svc.yaml': raised });
  assert.deepEqual(diagnostics({ ...files, 'svc.yaml': raised }), []);
});

test('keepalive must leave room for one retry: time + tcp_keepalive_intvl below the timer', () => {
  const files = (keepalive: string, interval?: string) => ({
    'svc.yaml': service('api', { type: 'LoadBalancer', annotations: [AZURE] }),
    'api.yaml': deployment('api', { keepalive }).replace(
      '          value: ' + keepalive,
      '          value: ' + keepalive + (interval === undefined ? '' : `\n        - name: net.ipv4.tcp_keepalive_intvl\n          value: "${interval}"`),
    ),
  });
  assert.equal(diagnostics(files('"165"')).length, 1, '165 + 75 = 240: not below the 240 s of Azure');
  assert.deepEqual(diagnostics(files('"164"')), [], '164 + 75 < 240');
  assert.deepEqual(diagnostics(files('"200"', '30')), [], '200 + 30 < 240');
  assert.equal(diagnostics(files('"200"', '40')).length, 1, '200 + 40 = 240');
});

test('the default keepalive behind Azure: the pod keepalive fix fits the retry in, no raise beyond 100 minutes', () => {
  const files = { 'svc.yaml': service('api', { type: 'LoadBalancer', annotations: [AZURE] }), 'api.yaml': deployment('api') };
  assert.deepEqual(diagnostics(files), [
    { ...ON_API, message: 'Azure Load Balancer drops connections idle 240 s (Azure Load Balancer\'s default, 4 minutes); keepalive of the pods of Deployment "api" starts at 7200 s, +75 s retry', related: [API_DEFAULT] },
  ]);
  assertFix(files, 'Add net.ipv4.tcp_keepalive_time = 120 to the securityContext.sysctls of Deployment "api"', {
    'api.yaml': deployment('api') + lines('      securityContext:', '        sysctls:', '          - name: net.ipv4.tcp_keepalive_time', '            value: "120"'),
  });
  assert.deepEqual(fixesOf(files).map((fix) => fix.title).filter((title) => title.startsWith('Set service')), []);
  const keepalive900 = { ...files, 'api.yaml': deployment('api', { keepalive: '"900"' }) };
  assertFix(keepalive900, 'Set service.beta.kubernetes.io/azure-load-balancer-tcp-idle-timeout to 18 (minutes)', {
    'svc.yaml': service('api', { type: 'LoadBalancer', annotations: [AZURE, 'service.beta.kubernetes.io/azure-load-balancer-tcp-idle-timeout: "18"'] }),
  });
});

test('Calico eBPF’s conntrack timer, with its source as a related location', () => {
  const files = { 'svc.yaml': service('api'), 'api.yaml': deployment('api'), 'felix.yaml': felixConfiguration('bpfConntrackTimeouts:', '  tcpEstablished: 30m') };
  assert.deepEqual(diagnostics(files), [
    {
      ...ON_API,
      message: 'Calico eBPF conntrack drops connections idle 1800 s (bpfConntrackTimeouts.tcpEstablished in felix.yaml:8); keepalive of the pods of Deployment "api" starts at 7200 s, +75 s retry',
      related: [{ file: 'felix.yaml', range: range(7, 20, 23), message: 'Calico eBPF conntrack: idle timeout 1800 s' }, API_DEFAULT],
    },
  ]);
  assert.deepEqual(diagnostics({ ...files, 'felix.yaml': felixConfiguration() }).length, 1, 'the 1 h default is below 7200 s too');
});

test('conntrack and IPVS are left to keepalive-conntrack and keepalive-ipvs; proxies that only data resets are not reported', () => {
  const ipvs = 'apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\nmode: ipvs\n';
  assert.deepEqual(diagnostics({ 'svc.yaml': service('api'), 'api.yaml': deployment('api'), 'kp.yaml': ipvs }), []);
  assert.deepEqual(diagnostics({ 'svc.yaml': service('api', { type: 'LoadBalancer' }), 'api.yaml': deployment('api') }, { cloud: 'aws' }), [], 'Classic ELB: a proxy');
  assert.deepEqual(diagnostics({ 'svc.yaml': service('api'), 'api.yaml': deployment('api'), 'ns.yaml': istioNamespace('default') }), [], 'the sidecar: a proxy');
});

test('a meshed Service behind a middlebox: the sidecar sets no keepalive; the fix is a DestinationRule tcpKeepalive', () => {
  const firewall = { idleTimers: [{ name: 'firewall', seconds: 900, paths: ['api'] }] };
  const files = { 'svc.yaml': service('api'), 'api.yaml': deployment('api'), 'ns.yaml': istioNamespace('default') };
  assert.deepEqual(diagnostics(files, firewall), [
    {
      ...ON_API,
      message: "firewall drops connections idle 900 s; no keepalive reaches it: the app's keepalive ends at the sidecar, which sets none (no tcpKeepalive in a DestinationRule or the mesh)",
      related: [{ file: 'api.yaml', range: range(3, 8, 11), message: "the app's keepalive ends at the sidecar, which sets none (no tcpKeepalive in a DestinationRule or the mesh)" }],
    },
  ]);
  const [added] = fixesOf(files, { assumptions: firewall });
  assert.equal(added?.title, 'Add a DestinationRule with tcpKeepalive time 450s for Service "api"');
  const rule = lines('---', 'apiVersion: networking.istio.io/v1', 'kind: DestinationRule', 'metadata:', '  name: api-keepalive', '  namespace: default', 'spec:', '  host: api.default.svc.cluster.local', '  trafficPolicy:', '    connectionPool:', '      tcp:', '        tcpKeepalive:', '          time: 450s', '          interval: 75s');
  const fixed = applyFix(files, added!);
  assert.equal(fixed['svc.yaml'], files['svc.yaml'] + rule);
  assert.deepEqual(diagnostics(fixed, firewall), []);
  const existing = { ...files, 'dr.yaml': destinationRule('api', 'api', 'maxConnections: 100') };
  const [set] = fixesOf(existing, { assumptions: firewall });
  assert.equal(set?.title, 'Set tcpKeepalive time 450s in DestinationRule "api"');
  assert.equal(applyFix(existing, set!)['dr.yaml'], destinationRule('api', 'api', 'maxConnections: 100', 'tcpKeepalive:', '  time: 450s', '  interval: 75s'));
});

test('connlint.dev/ignore on the Service silences it', () => {
  const files = { 'svc.yaml': service('api', { type: 'LoadBalancer', annotations: [AZURE, 'connlint.dev/ignore: keepalive-path'] }), 'api.yaml': deployment('api') };
  assert.deepEqual(diagnostics(files), []);
});

test("each Service's paths use its cluster's assumptions, in the finding and in the path view alike", () => {
  const settings = { clusters: [{ paths: ['azure/**'], assume: { cloud: 'azure' } }, { paths: ['onprem/**'], assume: { cloud: 'none' } }] };
  const app = { 'svc.yaml': service('api', { type: 'LoadBalancer' }), 'api.yaml': deployment('api') };
  const files = Object.fromEntries(['azure', 'onprem'].flatMap((cluster) => Object.entries(app).map(([name, text]) => [`${cluster}/${name}`, text])));
  const model = workspaceOf(files, assumptionsOf(parseSettings(settings).settings)).model();
  assert.deepEqual(
    lint(model).filter((diagnostic) => diagnostic.rule === RULE).map((diagnostic) => `${diagnostic.file} ${diagnostic.message.split(';')[0]}`),
    ["azure/svc.yaml Azure Load Balancer drops connections idle 240 s (Azure Load Balancer's default, 4 minutes)"],
  );
  const balancers = (file: string) => servicePathsReport(model, model.services.find((object) => object.file === file)!).paths.flatMap((path) => path.hops.filter((hop) => hop.kind === 'load-balancer').map((hop) => hop.label));
  assert.deepEqual({ azure: balancers('azure/svc.yaml'), onprem: balancers('onprem/svc.yaml') }, { azure: ['Azure Load Balancer'], onprem: ['load balancer outside any cloud (its idle timer is not known)'] });
});

test('the cloud the annotations name is one value of the workspace: an edit of a Service that leaves it re-runs no other Service’s paths, one that changes it does', () => {
  const files: Record<string, string> = {
    'a/svc.yaml': service('a', { type: 'LoadBalancer', annotations: [AZURE] }),
    'a/app.yaml': deployment('a'),
    'b/svc.yaml': service('b', { type: 'LoadBalancer' }),
    'b/app.yaml': deployment('b'),
    'c/svc.yaml': service('c'),
  };
  // One workspace whose changes are watched, and one linted as an editor would, through its kept findings.
  const [watched, linted] = [workspaceOf(files), workspaceOf(files)];
  const model = watched.model();
  const onB = () => lint(linted.model()).filter((diagnostic) => diagnostic.rule === RULE && diagnostic.file === 'b/svc.yaml').map((diagnostic) => diagnostic.message.split(' drops')[0]);
  assert.deepEqual(onB(), ['Azure Load Balancer']);
  const b = model.services.find((object) => object.file === 'b/svc.yaml')!;
  const { reads } = model.recordReads(() => servicePathsReport(model, b));
  const edit = (path: string, text: string): boolean => {
    model.takeChanges();
    for (const workspace of [watched, linted]) workspace.set(path, (files[path] = text));
    const changes = model.takeChanges();
    return changes === 'everything' || [...reads].some((facet) => changes.has(facet));
  };
  assert.equal(edit('c/svc.yaml', service('c', { type: 'LoadBalancer', ports: [80] })), false);
  assert.equal(edit('a/svc.yaml', service('a', { type: 'LoadBalancer' })), true);
  assert.deepEqual(onB(), []);
  assert.deepEqual(lint(linted.model()), lint(workspaceOf(files).model()));
});

test('a workspace whose annotations name several clouds: each Service takes the nearest one, within its cluster', () => {
  const GKE = 'cloud.google.com/load-balancer-type: "Internal"';
  const files = {
    'azure/edge.yaml': service('edge', { type: 'LoadBalancer', annotations: [AZURE] }),
    'azure/svc.yaml': service('api', { type: 'LoadBalancer' }),
    'azure/api.yaml': deployment('api'),
    'gcp/edge.yaml': service('edge', { type: 'LoadBalancer', annotations: [GKE] }),
    'gcp/svc.yaml': service('web', { type: 'LoadBalancer' }),
    'gcp/web.yaml': deployment('web'),
  };
  const timers = (settings: object) =>
    lint(workspaceOf(files, assumptionsOf(parseSettings(settings).settings)).model())
      .filter((diagnostic) => diagnostic.rule === RULE && diagnostic.file.endsWith('svc.yaml'))
      .map((diagnostic) => `${diagnostic.file} ${diagnostic.message.split(' drops')[0]}`);
  assert.deepEqual(timers({}), ['azure/svc.yaml Azure Load Balancer', 'gcp/svc.yaml GCP VPC firewall']);
  // In a cluster of its own, with no annotation naming a cloud, nothing tells gcp/svc.yaml's cloud.
  assert.deepEqual(timers({ clusters: [{ paths: ['gcp/svc.yaml', 'gcp/web.yaml'], assume: {} }] }), ['azure/svc.yaml Azure Load Balancer']);
});
