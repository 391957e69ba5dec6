import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lines, modelOf } from '../helpers/lintFiles';
import { at, BASE, DEPLOYMENT, findingsOf, KUBE_PROXY, PLAIN_DEPLOYMENT } from '../helpers/kustomizePatches';

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
  assert.deepEqual(findingsOf(files, 'service-affinity'), [
    {
      at: 'base/service.yaml:4:9-4:12',
      message: 'Service "web" has 2 backends (Deployment "web") and no ClientIP affinity: a connection idle over the 86400 s conntrack timeout can be re-balanced to another pod and reset.',
      related: [
        'base/deployment.yaml:6 Backend of Service "web": Deployment "web" of overlays/local has replicas: 2',
        'overlays/local/service.yaml:4 externalTrafficPolicy: Local: external connections are not masqueraded and reach only pods on the node they arrive at',
      ],
      fixed: {
        'base/deployment.yaml': PLAIN_DEPLOYMENT + lines('      securityContext:', '        sysctls:', '          - name: net.ipv4.tcp_keepalive_time', '            value: "600"'),
      },
    },
  ]);
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
  assert.deepEqual(findingsOf(files, 'sysctl-unknown-key'), [
    {
      at: 'overlays/a/pod.yaml:9:18-9:45',
      message: 'net.ipv4.tcp_keepalive_prob is not one of the 92 net.ipv4.tcp_* keys of Linux 6.18; the closest is net.ipv4.tcp_keepalive_probes (2 edits away). The pods of Deployment "web" cannot set it.',
      related: [],
      fixed: undefined,
    },
  ]);
  const hostNetwork = (key: string) => `${key} is set in the pods of Deployment "web", which use the host network: the API server rejects net.* sysctls with hostNetwork: true`;
  const related = ['overlays/a/pod.yaml:6 Deployment "web" uses the host network'];
  assert.deepEqual(findingsOf(files, 'sysctl-value'), [
    { at: 'base/deployment.yaml:14:17-14:44', message: hostNetwork('net.ipv4.tcp_keepalive_time'), related, fixed: undefined },
    { at: 'base/deployment.yaml:16:17-16:45', message: hostNetwork('net.ipv4.tcp_keepalive_intvl'), related, fixed: undefined },
    { at: 'overlays/a/pod.yaml:9:18-9:45', message: hostNetwork('net.ipv4.tcp_keepalive_prob'), related, fixed: undefined },
  ]);
});
