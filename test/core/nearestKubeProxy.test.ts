import assert from 'node:assert/strict';
import { test } from 'node:test';
import { conntrackSources, lines } from '../helpers/lintFiles';
import { webApp } from '../helpers/manifests';

function kubeProxy(timeout: string): string {
  return lines('apiVersion: kubeproxy.config.k8s.io/v1alpha1', 'kind: KubeProxyConfiguration', 'conntrack:', `  tcpEstablishedTimeout: ${timeout}`);
}

/** Service "web" with a Deployment of 2 replicas. */
const APP = webApp(2);

test('each cluster directory uses its own kube-proxy configuration, and the finding says why', () => {
  const files = {
    'clusters/east/kube-proxy.yaml': kubeProxy('1h'),
    'clusters/east/apps/web.yaml': APP,
    'clusters/west/kube-proxy.yaml': kubeProxy('2h'),
    'clusters/west/web.yaml': APP,
    'shared/web.yaml': APP,
  };
  assert.deepEqual(conntrackSources(files), [
    'clusters/east/apps/web.yaml: clusters/east/kube-proxy.yaml 3600 s, tcpEstablishedTimeout in kube-proxy.yaml:4, the nearest of 2 kube-proxy configurations',
    'clusters/west/web.yaml: clusters/west/kube-proxy.yaml 7200 s, tcpEstablishedTimeout in kube-proxy.yaml:4, the nearest of 2 kube-proxy configurations',
    'shared/web.yaml: clusters/east/kube-proxy.yaml 3600 s, tcpEstablishedTimeout in kube-proxy.yaml:4, the first of 2 equally near kube-proxy configurations',
  ]);
});

test('one kube-proxy configuration applies everywhere, without a word on the choice', () => {
  assert.deepEqual(conntrackSources({ 'infra/kube-proxy.yaml': kubeProxy('1h'), 'apps/web.yaml': APP }), ['apps/web.yaml: infra/kube-proxy.yaml 3600 s, tcpEstablishedTimeout in kube-proxy.yaml:4']);
});
