import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lines, modelOf } from '../helpers/lintFiles';
import { at, BASE, KUBE_PROXY, only, type Service, type Workload } from '../helpers/kustomizePatches';

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
