import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintFindings, type Diagnostic, type KustomizeBuild, type WorkspaceModel } from '@connlint/server';
import { applyFix, lines, modelOf, workspaceOf } from '../helpers/lintFiles';

type Emitted = KustomizeBuild['objects'][number];
type Service = Extract<Emitted, { kind: 'Service' }>;
type Workload = Extract<Emitted, { template: unknown }>;

/** Where a value is written, as `file:line` (1-based): the patch's file when a patch wrote it. */
function at(model: WorkspaceModel, owner: { file: string }, value: { span: { start: number }; file?: string } | { valueSpan?: { start: number }; nameSpan: { start: number }; file?: string } | { keySpan: { start: number }; file?: string } | undefined): string {
  if (value === undefined) return '-';
  const file = value.file ?? owner.file;
  const offset = 'span' in value ? value.span.start : 'keySpan' in value ? value.keySpan.start : (value.valueSpan ?? value.nameSpan).start;
  return `${file}:${model.file(file)!.lineIndex.positionAt(offset).line + 1}`;
}

function only<T>(build: KustomizeBuild, kind: string): T {
  const found = build.objects.filter((object) => object.kind === kind);
  assert.equal(found.length, 1);
  return found[0] as T;
}

/** A diagnostic as `file:line:column-line:column` (1-based) and its message. */
function place(diagnostic: Diagnostic): string {
  const { start, end } = diagnostic.range;
  return `${diagnostic.file}:${start.line + 1}:${start.character + 1}-${end.line + 1}:${end.character + 1}`;
}

const SERVICE = lines(
  'apiVersion: v1',
  'kind: Service',
  'metadata:',
  '  name: web',
  '  annotations:',
  '    service.beta.kubernetes.io/aws-load-balancer-type: external',
  '    team: a',
  'spec:',
  '  type: LoadBalancer',
  '  selector: {app: web}',
  '  ports:',
  '  - {port: 80, targetPort: 8080}',
  '  - {port: 53, protocol: UDP}',
);

const DEPLOYMENT = lines(
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: web',
  'spec:',
  '  replicas: 2',
  '  selector: {matchLabels: {app: web}}',
  '  template:',
  '    metadata:',
  '      labels: {app: web}',
  '    spec:',
  '      securityContext:',
  '        sysctls:',
  '        - name: net.ipv4.tcp_keepalive_time',
  '          value: "7200"',
  '        - name: net.ipv4.tcp_keepalive_intvl',
  '          value: "75"',
);

/** The Deployment without sysctls: its pods keep the default keepalive. */
const PLAIN_DEPLOYMENT = DEPLOYMENT.replace(/ {6}securityContext:[^]*$/, '      containers: [{name: web, image: web}]\n');

const BASE = {
  'base/kustomization.yaml': lines('resources:', '- service.yaml', '- deployment.yaml'),
  'base/service.yaml': SERVICE,
  'base/deployment.yaml': DEPLOYMENT,
};

test('strategic-merge patches of Service fields: traffic policies and the class replace, ports merge by port and protocol, annotations by key', () => {
  // kustomize build overlays/a emits the Service with annotations {aws-load-balancer-type: external,
  // team: b, listener-attributes.TCP-80: ...}, ports [{port: 80, targetPort: 9090}, {port: 53,
  // protocol: UDP}, {port: 53}] (53/TCP is a new entry: the list's keys are port and protocol),
  // externalTrafficPolicy: Local, internalTrafficPolicy: Local, loadBalancerClass: service.k8s.aws/nlb.
  const model = modelOf({
    ...BASE,
    'overlays/a/kustomization.yaml': lines('resources:', '- ../../base', 'patches:', '- path: service.yaml'),
    'overlays/a/service.yaml': lines(
      'kind: Service',
      'metadata:',
      '  name: web',
      '  annotations:',
      '    team: b',
      '    service.beta.kubernetes.io/aws-load-balancer-listener-attributes.TCP-80: tcp.idle_timeout.seconds=400',
      'spec:',
      '  externalTrafficPolicy: Local',
      '  internalTrafficPolicy: Local',
      '  loadBalancerClass: service.k8s.aws/nlb',
      '  ports:',
      '  - {port: 80, targetPort: 9090}',
      '  - {port: 53}',
    ),
  });
  const service = only<Service>(model.builds[0]!, 'Service');
  assert.deepEqual(
    [...service.annotations].map(([key, annotation]) => `${key}=${annotation.value}@${at(model, service, annotation)}`),
    [
      'service.beta.kubernetes.io/aws-load-balancer-type=external@base/service.yaml:6',
      'team=b@overlays/a/service.yaml:5',
      'service.beta.kubernetes.io/aws-load-balancer-listener-attributes.TCP-80=tcp.idle_timeout.seconds=400@overlays/a/service.yaml:6',
    ],
  );
  assert.deepEqual(
    service.ports.map((port) => `${port.port}/${port.protocol}@${at(model, service, port)}`),
    ['80/TCP@overlays/a/service.yaml:12', '53/UDP@base/service.yaml:13', '53/TCP@overlays/a/service.yaml:13'],
  );
  assert.deepEqual(
    [service.externalTrafficPolicy?.value, at(model, service, service.externalTrafficPolicy), service.internalTrafficPolicy?.value, at(model, service, service.internalTrafficPolicy), service.loadBalancerClass],
    ['Local', 'overlays/a/service.yaml:8', 'Local', 'overlays/a/service.yaml:9', 'service.k8s.aws/nlb'],
  );
});

test('strategic-merge patches of the pod template: hostNetwork replaces, sysctls merge by name', () => {
  // kustomize build overlays/a emits sysctls [tcp_keepalive_time "600" (the patch's value),
  // tcp_keepalive_intvl "75" (the patch's entry has no value: the base's stays), tcp_keepalive_probes "5"]
  // and hostNetwork: false.
  const model = modelOf({
    ...BASE,
    'overlays/a/kustomization.yaml': lines('resources:', '- ../../base', 'patchesStrategicMerge:', '- pod.yaml'),
    'overlays/a/pod.yaml': lines(
      'kind: Deployment',
      'metadata: {name: web}',
      'spec:',
      '  template:',
      '    spec:',
      '      hostNetwork: false',
      '      securityContext:',
      '        sysctls:',
      '        - {name: net.ipv4.tcp_keepalive_probes, value: "5"}',
      '        - {name: net.ipv4.tcp_keepalive_time, value: "600"}',
      '        - {name: net.ipv4.tcp_keepalive_intvl}',
    ),
  });
  const workload = only<Workload>(model.builds[0]!, 'Deployment');
  assert.deepEqual(
    workload.template!.sysctls.map((sysctl) => `${sysctl.name}=${sysctl.value}@${at(model, workload, sysctl)}`),
    ['net.ipv4.tcp_keepalive_time=600@overlays/a/pod.yaml:10', 'net.ipv4.tcp_keepalive_intvl=75@base/deployment.yaml:17', 'net.ipv4.tcp_keepalive_probes=5@overlays/a/pod.yaml:9'],
  );
  assert.deepEqual([workload.template!.hostNetwork?.value, at(model, workload, workload.template!.hostNetwork)], [false, 'overlays/a/pod.yaml:6']);
});

test('JSON 6902 operations on traffic policies, hostNetwork and annotations', () => {
  // kustomize build overlays/a: externalTrafficPolicy: Local, team annotation removed, a new
  // listener attribute annotation; the Deployment's pods use the host network.
  const model = modelOf({
    ...BASE,
    'overlays/a/kustomization.yaml': lines(
      'resources:',
      '- ../../base',
      'patches:',
      '- target: {kind: Service, name: web}',
      '  patch: |-',
      '    - {op: add, path: /spec/externalTrafficPolicy, value: Local}',
      '    - {op: remove, path: /metadata/annotations/team}',
      '    - {op: add, path: /metadata/annotations/service.beta.kubernetes.io~1aws-load-balancer-listener-attributes.TCP-80, value: tcp.idle_timeout.seconds=400}',
      '- target: {kind: Deployment}',
      '  patch: |-',
      '    - {op: add, path: /spec/template/spec/hostNetwork, value: true}',
    ),
  });
  const build = model.builds[0]!;
  const service = only<Service>(build, 'Service');
  const workload = only<Workload>(build, 'Deployment');
  assert.deepEqual(
    [...service.annotations].map(([key, annotation]) => `${key}@${at(model, service, annotation)}`),
    ['service.beta.kubernetes.io/aws-load-balancer-type@base/service.yaml:6', 'service.beta.kubernetes.io/aws-load-balancer-listener-attributes.TCP-80@overlays/a/kustomization.yaml:8'],
  );
  assert.deepEqual([service.externalTrafficPolicy?.value, at(model, service, service.externalTrafficPolicy)], ['Local', 'overlays/a/kustomization.yaml:6']);
  assert.deepEqual([workload.template!.hostNetwork?.value, at(model, workload, workload.template!.hostNetwork)], [true, 'overlays/a/kustomization.yaml:11']);
});

/** The findings of one rule, each as its place, message, related places and the text of the files its first fix edits. */
function findingsOf(files: Record<string, string>, rule: string): { at: string; message: string; related: string[]; fixed: Record<string, string> | undefined }[] {
  return lintFindings(workspaceOf(files).model())
    .filter((item) => item.diagnostic.rule === rule)
    .map(({ diagnostic, finding }) => {
      const fix = finding.fixes?.()[0];
      const edited = fix === undefined ? undefined : applyFix(files, fix);
      return {
        at: place(diagnostic),
        message: diagnostic.message,
        related: diagnostic.related.map((item) => `${item.file}:${item.range.start.line + 1} ${item.message}`),
        fixed: edited === undefined ? undefined : Object.fromEntries(fix!.edits.map((edit) => [edit.file, edited[edit.file]!])),
      };
    });
}

test('lb-idle-timeout reads the annotations and ports a patch wrote, reports in the patch and edits it there', () => {
  // kustomize build overlays/range: the listener attribute TCP-80 holds 7000, out of 60..6000.
  // overlays/port: TCP-443 has no port (the base has 80 and 53/UDP); overlays/both adds port 443 too.
  const listener = (port: number, seconds: number) => `    service.beta.kubernetes.io/aws-load-balancer-listener-attributes.TCP-${port}: tcp.idle_timeout.seconds=${seconds}`;
  const patch = (annotation: string, ...spec: string[]) => lines('kind: Service', 'metadata:', '  name: web', '  annotations:', annotation, ...spec);
  const overlay = lines('resources:', '- ../../base', 'patches:', '- path: service.yaml');
  const files = {
    ...BASE,
    'overlays/range/kustomization.yaml': overlay,
    'overlays/range/service.yaml': patch(listener(80, 7000)),
    'overlays/port/kustomization.yaml': overlay,
    'overlays/port/service.yaml': patch(listener(443, 600)),
    'overlays/both/kustomization.yaml': overlay,
    'overlays/both/service.yaml': patch(listener(443, 600), 'spec:', '  ports:', '  - {port: 443}'),
  };
  assert.deepEqual(findingsOf(files, 'lb-idle-timeout'), [
    {
      at: 'overlays/port/service.yaml:5:5-5:77',
      message: 'Listener attribute for TCP-443 does nothing: Service "web" has no TCP port 443',
      related: [],
      // Renaming the patch's key could leave a key of the base's in place: no fix.
      fixed: undefined,
    },
    {
      at: 'overlays/range/service.yaml:5:5-5:76',
      message: 'tcp.idle_timeout.seconds is 7000, outside 60..6000: AWS rejects the listener attribute and the controller fails to reconcile',
      related: [],
      fixed: { 'overlays/range/service.yaml': patch(`${listener(80, 6000).replace(': tcp', ': "tcp')}"`) },
    },
  ]);
});

test('keepalive-conntrack weighs the pod keepalive a patch wrote: none where the patch lowers it, in the patch where it is too high', () => {
  // kustomize build overlays/plain keeps the base's tcp_keepalive_time "90000"; overlays/lowered
  // emits "600"; overlays/raised emits "100000", written in overlays/raised/pod.yaml.
  const pod = (value: string) => lines('kind: Deployment', 'metadata: {name: web}', 'spec:', '  template:', '    spec:', '      securityContext:', '        sysctls:', `        - {name: net.ipv4.tcp_keepalive_time, value: "${value}"}`);
  const overlay = lines('resources:', '- ../../base', 'patches:', '- path: pod.yaml');
  const files = {
    ...BASE,
    'base/deployment.yaml': DEPLOYMENT.replace('"7200"', '"90000"'),
    'overlays/plain/kustomization.yaml': lines('resources:', '- ../../base'),
    'overlays/lowered/kustomization.yaml': overlay,
    'overlays/lowered/pod.yaml': pod('600'),
    'overlays/raised/kustomization.yaml': overlay,
    'overlays/raised/pod.yaml': pod('100000'),
  };
  const conntrack = "86400 s (kube-proxy's default, no kube-proxy configuration in the workspace)";
  assert.deepEqual(findingsOf(files, 'keepalive-conntrack'), [
    {
      at: 'base/deployment.yaml:15:18-15:25',
      message: `net.ipv4.tcp_keepalive_time is 90000 s in the pods of Deployment "web", not below the conntrack established timeout of ${conntrack}`,
      related: [],
      fixed: { 'base/deployment.yaml': DEPLOYMENT.replace('"7200"', '"600"') },
    },
    {
      at: 'overlays/raised/pod.yaml:8:54-8:62',
      message: `net.ipv4.tcp_keepalive_time is 100000 s in the pods of Deployment "web", not below the conntrack established timeout of ${conntrack}`,
      related: [],
      fixed: { 'overlays/raised/pod.yaml': pod('600') },
    },
  ]);
});

const KUBE_PROXY = (timeout: string) =>
  lines(
    'apiVersion: v1',
    'kind: ConfigMap',
    'metadata:',
    '  name: kube-proxy',
    '  namespace: kube-system',
    'data:',
    '  config.conf: |-',
    '    apiVersion: kubeproxy.config.k8s.io/v1alpha1',
    '    kind: KubeProxyConfiguration',
    '    conntrack:',
    `      tcpEstablishedTimeout: ${timeout}`,
  );

test('a patch of the kube-proxy ConfigMap that writes its configuration key replaces the configuration in that build', () => {
  // kustomize build overlays/short emits the ConfigMap with data["config.conf"] as the patch wrote it
  // (a data value is a string: the patch's replaces the base's whole), tcpEstablishedTimeout: 1h.
  const files = {
    'base/kustomization.yaml': lines('resources:', '- kube-proxy.yaml', '- deployment.yaml'),
    'base/kube-proxy.yaml': KUBE_PROXY('24h0m0s'),
    'base/deployment.yaml': PLAIN_DEPLOYMENT,
    'overlays/short/kustomization.yaml': lines('resources:', '- ../../base', 'patches:', '- path: kube-proxy.yaml'),
    'overlays/short/kube-proxy.yaml': KUBE_PROXY('1h').replace('apiVersion: v1\n', ''),
  };
  const model = modelOf(files);
  assert.deepEqual(
    model.kubeProxyConfigurations.map((configuration) => `${configuration.namespace}/${configuration.name} ${configuration.tcpEstablishedTimeout?.value}@${at(model, configuration, configuration.tcpEstablishedTimeout)}`),
    ['kube-system/kube-proxy 3600@overlays/short/kube-proxy.yaml:10'],
  );
  assert.deepEqual(findingsOf(files, 'keepalive-conntrack'), [
    {
      at: 'overlays/short/kube-proxy.yaml:10:30-10:32',
      message: 'tcpEstablishedTimeout sets the conntrack established timeout to 3600 s, not above the default net.ipv4.tcp_keepalive_time of 7200 s that Deployment "web" relies on',
      related: ['base/deployment.yaml:4 Deployment "web" sets no net.ipv4.tcp_keepalive_time in its pods\' securityContext.sysctls'],
      fixed: {
        'base/deployment.yaml': files['base/deployment.yaml'] + lines('      securityContext:', '        sysctls:', '          - name: net.ipv4.tcp_keepalive_time', '            value: "600"'),
      },
    },
  ]);
});

test('service-affinity names the externalTrafficPolicy a patch wrote, at its line in the patch', () => {
  // kustomize build overlays/local emits the LoadBalancer Service with externalTrafficPolicy: Local.
  const files = {
    ...BASE,
    'base/deployment.yaml': PLAIN_DEPLOYMENT,
    'overlays/local/kustomization.yaml': lines('resources:', '- ../../base', 'patches:', '- path: service.yaml'),
    'overlays/local/service.yaml': lines('kind: Service', 'metadata: {name: web}', 'spec:', '  externalTrafficPolicy: Local'),
  };
  assert.deepEqual(
    findingsOf(files, 'service-affinity').map((finding) => [finding.at, finding.related.filter((related) => related.includes('externalTrafficPolicy'))]),
    [['base/service.yaml:4:9-4:12', ['overlays/local/service.yaml:4 externalTrafficPolicy: Local: external connections are not masqueraded and reach only pods on the node they arrive at']]],
  );
});

test('sysctl-unknown-key and sysctl-value report a patched pod sysctl in the patch; a patched name gets no rename', () => {
  // kustomize build overlays/a emits sysctls [tcp_keepalive_time "7200", tcp_keepalive_intvl "75",
  // tcp_keepalive_prob "5"] and hostNetwork: true, each of the last two as overlays/a/pod.yaml writes it.
  const files = {
    ...BASE,
    'overlays/a/kustomization.yaml': lines('resources:', '- ../../base', 'patches:', '- path: pod.yaml'),
    'overlays/a/pod.yaml': lines(
      'kind: Deployment',
      'metadata: {name: web}',
      'spec:',
      '  template:',
      '    spec:',
      '      hostNetwork: true',
      '      securityContext:',
      '        sysctls:',
      '        - {name: net.ipv4.tcp_keepalive_prob, value: "5"}',
    ),
  };
  // Renaming the patch's entry to tcp_keepalive_probes would leave a base entry of the old name, if it had one: no fix.
  assert.deepEqual(findingsOf(files, 'sysctl-unknown-key').map((finding) => [finding.at, finding.fixed]), [['overlays/a/pod.yaml:9:18-9:45', undefined]]);
  assert.deepEqual(findingsOf(files, 'sysctl-value').map((finding) => [finding.at, finding.related]), [
    ['base/deployment.yaml:14:17-14:44', ['overlays/a/pod.yaml:6 Deployment "web" uses the host network']],
    ['base/deployment.yaml:16:17-16:45', ['overlays/a/pod.yaml:6 Deployment "web" uses the host network']],
    ['overlays/a/pod.yaml:9:18-9:45', ['overlays/a/pod.yaml:6 Deployment "web" uses the host network']],
  ]);
});

test('a patch with a target of kind ConfigMap applies to the kube-proxy ConfigMap; one writing another data key leaves its configuration', () => {
  // kustomize build overlays/target emits data["config.conf"] as the patch wrote it (tcpEstablishedTimeout: 2h);
  // overlays/other emits both config.conf (the base's, read first) and config.yaml.
  const overlay = (target: string) => lines('resources:', '- ../../base', 'patches:', '- path: kube-proxy.yaml', target);
  const model = modelOf({
    'base/kustomization.yaml': lines('resources:', '- kube-proxy.yaml'),
    'base/kube-proxy.yaml': KUBE_PROXY('24h0m0s'),
    'overlays/target/kustomization.yaml': overlay('  target: {kind: ConfigMap, name: kube-.*}'),
    'overlays/target/kube-proxy.yaml': KUBE_PROXY('2h').replace('name: kube-proxy', 'name: any'),
    'overlays/other/kustomization.yaml': overlay(''),
    'overlays/other/kube-proxy.yaml': KUBE_PROXY('1h').replace('config.conf', 'config.yaml'),
  });
  assert.deepEqual(
    model.kubeProxyConfigurations.map((configuration) => `${model.buildOf(configuration)?.name} ${configuration.tcpEstablishedTimeout?.value}@${at(model, configuration, configuration.tcpEstablishedTimeout)}`),
    ['overlays/other 86400@base/kube-proxy.yaml:11', 'overlays/target 7200@overlays/target/kube-proxy.yaml:11'],
  );
});
