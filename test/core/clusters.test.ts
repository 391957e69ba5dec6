import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assumptionsOf, effectiveSettingsReport, lint, parseSettings } from '@connlint/server';
import { lines, workspaceOf } from '../helpers/lintFiles';
import { webApp } from '../helpers/manifests';

/** Service "web" with a Deployment of 2 replicas. */
const APP = webApp(2);

const SETTINGS = {
  assume: { conntrackEstablishedTimeout: 600 },
  clusters: [
    { paths: ['clusters/prod/**'], assume: { conntrackEstablishedTimeout: 3600, proxyMode: 'ipvs' } },
    { paths: ['clusters/edge/**', 'edge/*.yaml'], assume: { kubeProxy: 'absent' } },
  ],
};

test('clusters: each entry is parsed over the top-level assume; bad entries are named by their key', () => {
  const { settings, problems } = parseSettings(SETTINGS);
  assert.deepEqual(problems, []);
  assert.deepEqual(settings.clusters, [
    { paths: ['clusters/prod/**'], assume: { conntrackEstablishedTimeout: 3600, kubeProxy: 'auto', proxyMode: 'ipvs', kubernetesVersion: null, cloud: 'auto', idleTimers: [] } },
    { paths: ['clusters/edge/**', 'edge/*.yaml'], assume: { conntrackEstablishedTimeout: 600, kubeProxy: 'absent', proxyMode: 'auto', kubernetesVersion: null, cloud: 'auto', idleTimers: [] } },
  ]);
  assert.deepEqual(parseSettings({ clusters: [{ paths: [] }, 'prod', { paths: ['a/**'], assume: { proxyMode: 'eBPF' }, name: 'a' }] }).problems, [
    { key: 'clusters[0].paths', message: 'must be a non-empty list of glob patterns' },
    { key: 'clusters[1]', message: 'must be a mapping with paths and assume' },
    { key: 'clusters[2].name', message: 'unknown setting (allowed: paths, assume)' },
    { key: 'clusters[2].assume.proxyMode', message: 'must be one of auto, iptables, ipvs, nftables' },
  ]);
  assert.deepEqual(parseSettings({ clusters: { paths: ['a'] } }).problems, [{ key: 'clusters', message: 'must be a list of { paths, assume }' }]);
});

test("each file's findings use its cluster's assumptions; other files the top-level ones", () => {
  const workspace = workspaceOf({ 'clusters/prod/web.yaml': APP, 'clusters/edge/web.yaml': APP, 'apps/web.yaml': APP }, assumptionsOf(parseSettings(SETTINGS).settings));
  const messages = lint(workspace.model()).filter((diagnostic) => diagnostic.rule === 'service-affinity').map((diagnostic) => `${diagnostic.file}: ${/over the (\d+ s) conntrack timeout/.exec(diagnostic.message)?.[1]}`);
  // The prod cluster's IPVS mode leaves the workloads to keepalive-ipvs; the edge cluster runs no kube-proxy.
  assert.deepEqual(messages, ['apps/web.yaml: 600 s']);
  const prod = workspaceOf({ 'clusters/prod/web.yaml': APP }, assumptionsOf(parseSettings({ clusters: [{ paths: ['clusters/prod/**'], assume: { conntrackEstablishedTimeout: 3600 } }] }).settings));
  assert.deepEqual(
    lint(prod.model()).filter((diagnostic) => diagnostic.rule === 'service-affinity').map((diagnostic) => /over the (\d+ s) conntrack timeout/.exec(diagnostic.message)?.[1]),
    ['3600 s'],
  );
});

test('the effective settings report has one section per cluster, and one for the files outside them', () => {
  const workspace = workspaceOf({ 'clusters/prod/web.yaml': APP, 'apps/web.yaml': APP }, assumptionsOf(parseSettings(SETTINGS).settings));
  assert.equal(
    effectiveSettingsReport(workspace.model()),
    lines(
      '# Connlint: effective network settings',
      '',
      '## Cluster clusters/prod/**',
      '',
      '| Setting | Value | Source |',
      '|---|---|---|',
      '| Conntrack established timeout | 3600 s | the conntrackEstablishedTimeout setting |',
      "| Node TCP keepalive time | 7200 s | the kernel's default |",
      '| Kubernetes version | newest | the newest Kubernetes behaviour, no version in the workspace |',
      '| Service data plane | kube-proxy | no kube-proxy replacement in the workspace |',
      '| kube-proxy mode | ipvs | the proxyMode setting |',
      "| IPVS TCP idle timeout | 900 s | the kernel's IPVS default (kube-proxy leaves it when ipvs.tcpTimeout is 0) |",
      '',
      '### TCP keepalive time in the pods',
      '',
      '| Workload | Keepalive | Source |',
      '|---|---|---|',
      "| Deployment \"web\" (default) | 7200 s | the kernel's default in a pod's own network namespace |",
      '',
      '## Cluster clusters/edge/**, edge/*.yaml',
      '',
      'No file of the workspace belongs to this cluster.',
      '',
      '## Files outside every cluster',
      '',
      '| Setting | Value | Source |',
      '|---|---|---|',
      '| Conntrack established timeout | 600 s | the conntrackEstablishedTimeout setting |',
      "| Node TCP keepalive time | 7200 s | the kernel's default |",
      '| Kubernetes version | newest | the newest Kubernetes behaviour, no version in the workspace |',
      '| Service data plane | kube-proxy | no kube-proxy replacement in the workspace |',
      "| kube-proxy mode | iptables | kube-proxy's default on Linux |",
      '',
      '### TCP keepalive time in the pods',
      '',
      '| Workload | Keepalive | Source |',
      '|---|---|---|',
      "| Deployment \"web\" (default) | 7200 s | the kernel's default in a pod's own network namespace |",
    ),
  );
});

test('cluster globs are matched relative to the settings directory', () => {
  const assumptions = assumptionsOf(parseSettings(SETTINGS).settings, (path) => path.replace(/^repo\//, ''));
  assert.deepEqual(
    ['repo/clusters/prod/a.yaml', 'repo/edge/b.yaml', 'repo/edge/deep/c.yaml', 'clusters/prod/a.yaml'].map((path) => assumptions.clusters?.find((cluster) => cluster.contains(path))?.name ?? '-'),
    ['clusters/prod/**', 'clusters/edge/**, edge/*.yaml', '-', 'clusters/prod/**'],
  );
});
