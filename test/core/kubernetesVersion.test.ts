import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assumptionsOf, effectiveConntrackTimeout, effectiveKubernetesVersion, hoverAt, imageTagVersion, parseKubernetesVersion, parseSettings } from '@connlint/server';
import { lines, modelOf, ruleLinter } from '../helpers/lintFiles';
import { deployment, kubeProxyDaemonSet } from '../helpers/manifests';
import { CONNTRACK_ESTABLISHED as ESTABLISHED, CONNTRACK_MAX as MAX, IPVS_CONN_REUSE, NODE_SYSCTL as NODE } from '../helpers/sysctl';

const KUBE_PROXY = 'kube-proxy.yaml';
const APP = deployment('api');
const overridden = ruleLinter('conntrack-overridden');
const keepaliveConntrack = ruleLinter('keepalive-conntrack');

/** The kube-proxy DaemonSet of the helpers, run with --config, with another image (on line 15, offset 299). */
const kubeProxyImaged = (image: string): string => kubeProxyDaemonSet('--config=/var/lib/kube-proxy/config.conf').replace('registry.k8s.io/kube-proxy:v1.31.0', image);

test('versions and image tags: read as major.minor, anything else refused', () => {
  assert.deepEqual(parseKubernetesVersion('1.30'), { major: 1, minor: 30 });
  assert.deepEqual(parseKubernetesVersion('v1.28.4'), { major: 1, minor: 28 });
  assert.equal(parseKubernetesVersion('1'), undefined);
  assert.equal(parseKubernetesVersion('latest'), undefined);
  assert.deepEqual(imageTagVersion('registry.k8s.io/kube-proxy:v1.28.4'), { major: 1, minor: 28 });
  assert.deepEqual(imageTagVersion('602401143452.dkr.ecr.us-west-2.amazonaws.com/eks/kube-proxy:v1.29.0-eksbuild.1'), { major: 1, minor: 29 });
  assert.deepEqual(imageTagVersion('registry.k8s.io/kube-proxy:v1.30.2@sha256:abcd'), { major: 1, minor: 30 });
  assert.equal(imageTagVersion('localhost:5000/kube-proxy'), undefined, 'a registry port is not a tag');
});

test('assume.kubernetesVersion: a string like "1.30"; an unquoted 1.30 is refused, since YAML reads it as 1.3', () => {
  assert.deepEqual(parseSettings({ assume: { kubernetesVersion: 'v1.28.3' } }).settings.assume.kubernetesVersion, '1.28');
  assert.deepEqual(assumptionsOf(parseSettings({ assume: { kubernetesVersion: '1.28' } }).settings), { kubernetesVersion: '1.28' });
  assert.deepEqual(assumptionsOf(parseSettings({}).settings), {});
  assert.deepEqual(parseSettings({ assume: { kubernetesVersion: 1.3 } }).problems, [
    { key: 'assume.kubernetesVersion', message: 'must be a string: write "1.3" in quotes (unquoted, 1.30 reads as 1.3)' },
  ]);
  assert.deepEqual(parseSettings({ assume: { kubernetesVersion: 'newest' } }).problems, [{ key: 'assume.kubernetesVersion', message: 'must be a Kubernetes version like "1.30", or null' }]);
});

test('the version comes from the assumption, else the kube-proxy image, else the newest behaviour', () => {
  const imaged = { [KUBE_PROXY]: kubeProxyImaged('registry.k8s.io/kube-proxy:v1.28.4') };
  const fromImage = effectiveKubernetesVersion(modelOf(imaged));
  assert.deepEqual(fromImage.value, { major: 1, minor: 28 });
  assert.deepEqual(fromImage.source, { kind: 'file', file: KUBE_PROXY, span: { start: 299, end: 333 }, setting: 'the kube-proxy image' });
  assert.deepEqual(effectiveKubernetesVersion(modelOf(imaged, { kubernetesVersion: '1.30' })), {
    value: { major: 1, minor: 30 },
    source: { kind: 'assumption', setting: 'kubernetesVersion' },
  });
  assert.deepEqual(effectiveKubernetesVersion(modelOf({ 'app.yaml': APP })), {
    value: undefined,
    source: { kind: 'default', reason: 'the newest Kubernetes behaviour, no version in the workspace' },
  });
  const hover = hoverAt(modelOf(imaged), KUBE_PROXY, 310);
  assert.equal(
    hover,
    '**Kubernetes version: 1.28** (the kube-proxy image in kube-proxy.yaml:15)\n\n' +
      'kube-proxy only raises a lower node conntrack timeout (1.23 to 1.28); pods may not set the TCP keepalive sysctls (safe from 1.29).',
  );
});

test('1.23 to 1.28: kube-proxy keeps a higher node conntrack timeout, so it is not overridden and it applies', () => {
  const files = { [NODE]: lines(`${ESTABLISHED} = 432000`), 'app.yaml': APP };
  for (const version of ['1.23', '1.28']) {
    assert.deepEqual(overridden.where(files, { kubernetesVersion: version }), [], version);
    assert.deepEqual(effectiveConntrackTimeout(modelOf(files, { kubernetesVersion: version })), {
      value: 432000,
      source: { kind: 'file', file: NODE, span: { start: 53, end: 59 }, setting: ESTABLISHED },
    });
  }
  for (const version of ['1.22', '1.29']) {
    assert.deepEqual(overridden.where(files, { kubernetesVersion: version }), [`${NODE} 0:0-0:59`], version);
    assert.equal(effectiveConntrackTimeout(modelOf(files, { kubernetesVersion: version })).value, 86400);
  }
  const lower = { [NODE]: lines(`${ESTABLISHED} = 3600`), 'app.yaml': APP };
  assert.deepEqual(overridden.where(lower, { kubernetesVersion: '1.28' }), [`${NODE} 0:0-0:57`], 'a lower node value is raised in every version');
  assert.equal(effectiveConntrackTimeout(modelOf(lower, { kubernetesVersion: '1.28' })).value, 86400);
  const imaged = { ...files, [KUBE_PROXY]: kubeProxyImaged('registry.k8s.io/kube-proxy:v1.27.16') };
  assert.deepEqual(overridden.where(imaged), [], 'the version read from the kube-proxy image');
  assert.deepEqual(overridden.where(imaged, { kubernetesVersion: '1.31' }), [`${NODE} 0:0-0:59`], 'an assumption wins over the image');
});

test('1.36 caps maxPerCore × CPUs at 1,048,576 before comparing with min', () => {
  const kubeProxy = lines('apiVersion: kubeproxy.config.k8s.io/v1alpha1', 'kind: KubeProxyConfiguration', 'conntrack:', '  maxPerCore: 2000000');
  const files = { [NODE]: lines(`${MAX} = 1500000`), [KUBE_PROXY]: kubeProxy };
  assert.deepEqual(overridden.where(files, { kubernetesVersion: '1.36' }), []);
  const [before] = overridden.diagnostics(files, { kubernetesVersion: '1.35' });
  assert.match(before!.message, /^net\.netfilter\.nf_conntrack_max is 1500000 on the node .* at least 2000000 \(maxPerCore 2000000 × the node's CPUs, min 131072\)$/);
  const [capped] = overridden.diagnostics({ [NODE]: lines(`${MAX} = 1000000`), [KUBE_PROXY]: kubeProxy });
  assert.match(capped!.message, /^net\.netfilter\.nf_conntrack_max is 1000000 on the node .* at least 1048576 \(maxPerCore 2000000 × the node's CPUs, at most 1048576, min 131072\)$/);
});

test('before 1.29, or under Pod Security pinned before v1.29, the pod keepalive fix is offered but not preferred', () => {
  const kubeProxy = lines('apiVersion: kubeproxy.config.k8s.io/v1alpha1', 'kind: KubeProxyConfiguration', 'conntrack:', '  tcpEstablishedTimeout: 1h');
  const files = { [KUBE_PROXY]: kubeProxy, 'app.yaml': APP };
  const title = 'Add net.ipv4.tcp_keepalive_time = 600 to the securityContext.sysctls of Deployment "api"';
  const summary = (assumptions = {}, extra = {}) =>
    keepaliveConntrack.fixesOf({ ...files, ...extra }, { assumptions }).filter((fix) => fix.title.startsWith('Add')).map(({ title: t, preferred }) => ({ title: t, preferred }));
  assert.deepEqual(summary(), [{ title, preferred: true }]);
  assert.deepEqual(summary({ kubernetesVersion: '1.28' }), [
    { title: `${title} (Kubernetes 1.28 (the kubernetesVersion setting) refuses pods with keepalive sysctls before 1.29)`, preferred: false },
  ]);
  const namespace = (version: string) =>
    lines('apiVersion: v1', 'kind: Namespace', 'metadata:', '  name: default', '  labels:', '    pod-security.kubernetes.io/enforce: baseline', `    pod-security.kubernetes.io/enforce-version: ${version}`);
  assert.deepEqual(summary({}, { 'ns.yaml': namespace('v1.28') }), [
    { title: `${title} (namespace default enforces Pod Security baseline at v1.28, which rejects keepalive sysctls before v1.29)`, preferred: false },
  ]);
  assert.deepEqual(summary({}, { 'ns.yaml': namespace('v1.29') }), [{ title, preferred: true }]);
  assert.deepEqual(summary({}, { 'ns.yaml': namespace('latest') }), [{ title, preferred: true }]);
  assert.deepEqual(summary({}, { 'ns.yaml': namespace('v1.28').replace('enforce: baseline', 'enforce: privileged') }), [{ title, preferred: true }]);
});

test('kube-proxy before 1.22 writes conn_reuse_mode 0 on every kernel: the node value is overwritten', () => {
  const ipvs = lines('apiVersion: kubeproxy.config.k8s.io/v1alpha1', 'kind: KubeProxyConfiguration', 'mode: ipvs');
  const reuse = ruleLinter('ipvs-conn-reuse');
  const [finding] = reuse.diagnostics({ [KUBE_PROXY]: ipvs, [NODE]: lines(`${IPVS_CONN_REUSE} = 1`) }, { kubernetesVersion: '1.21' });
  assert.equal(
    finding!.message,
    `${IPVS_CONN_REUSE} = 1 is overwritten: kube-proxy 1.21 writes 0 on every kernel from 4.1 (1.22 leaves 5.9+ alone, kubernetes#102122); 0 sends port-reusing clients to deleted pods.`,
  );
  assert.ok(finding!.message.length <= 200);
  const [newer] = reuse.diagnostics({ [KUBE_PROXY]: ipvs, [NODE]: lines(`${IPVS_CONN_REUSE} = 1`) }, { kubernetesVersion: '1.22' });
  assert.match(newer!.message, /^net\.ipv4\.vs\.conn_reuse_mode = 1 \(the kernel's default\) in IPVS mode: kube-proxy writes 0 over it on kernels 4\.1 to 5\.8/);
});
