import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeFile, fileRole } from '@connlint/server';
import { lines, ruleLinter } from '../helpers/lintFiles';
import { CONNTRACK_ESTABLISHED as ESTABLISHED, CONNTRACK_LOOSE as LOOSE, IPVS_CONN_REUSE } from '../helpers/sysctl';

const SYSCTL = 'image/etc/sysctl.d/60-k8s.conf';
const MODULES = 'image/etc/modules-load.d/k8s.conf';
const loose = ruleLinter('conntrack-loose');
const NOT_LOADED = `nf_conntrack is not in the node image's modules-load.d: at boot ${LOOSE} does not exist yet and systemd-sysctl skips this line`;

test('modules-load.d files are read: one module per line, comments skipped, - and _ alike', () => {
  assert.equal(fileRole(MODULES), 'modules-load');
  assert.equal(fileRole('image/etc/modules-load.d/README'), undefined);
  assert.deepEqual(analyzeFile(MODULES, lines('# for kube-proxy', 'br_netfilter', '; old', '  nf-conntrack  ', '')).modules, ['br_netfilter', 'nf_conntrack']);
});

test('a conntrack key whose module the node image does not load at boot: findings relying on it say so', () => {
  const files = { [SYSCTL]: lines(`${LOOSE} = 0`), [MODULES]: lines('br_netfilter', 'overlay') };
  const [finding] = loose.diagnostics(files, { kubeProxy: true });
  assert.deepEqual(finding!.related, [{ file: SYSCTL, range: { start: { line: 0, character: 39 }, end: { line: 0, character: 40 } }, message: NOT_LOADED }]);
  assert.deepEqual(loose.diagnostics({ ...files, [MODULES]: lines('nf_conntrack') }, { kubeProxy: true })[0]!.related, [], 'loaded');
  assert.deepEqual(loose.diagnostics({ [SYSCTL]: lines(`${LOOSE} = 0`) }, { kubeProxy: true })[0]!.related, [], 'no modules-load.d in the workspace: unknown');
  const otherImage = { [SYSCTL]: lines(`${LOOSE} = 0`), 'other/etc/modules-load.d/k8s.conf': lines('overlay') };
  assert.deepEqual(loose.diagnostics(otherImage, { kubeProxy: true })[0]!.related, [], "another image's modules-load.d");
  const repository = { 'roles/node/files/sysctl.d/60-k8s.conf': lines(`${LOOSE} = 0`), 'roles/node/files/modules-load.d/k8s.conf': lines('overlay') };
  assert.equal(loose.diagnostics(repository, { kubeProxy: true })[0]!.related?.length, 1, 'folders without /etc: the folder holding both');
});

test('keepalive-conntrack on a node conntrack timeout, and ipvs-conn-reuse, name the missing module too', () => {
  const keepalive = ruleLinter('keepalive-conntrack');
  const [conntrack] = keepalive.diagnostics({ [SYSCTL]: lines(`${ESTABLISHED} = 3600`), [MODULES]: lines('overlay'), 'image/etc/sysctl.d/50-keepalive.conf': lines('net.ipv4.tcp_keepalive_time = 7200') });
  assert.deepEqual(conntrack!.related?.map((related) => related.message), [
    'The conntrack established timeout: 3600 s',
    `nf_conntrack is not in the node image's modules-load.d: at boot ${ESTABLISHED} does not exist yet and systemd-sysctl skips this line`,
  ]);
  const reuse = ruleLinter('ipvs-conn-reuse');
  const [ipvs] = reuse.diagnostics({ [SYSCTL]: lines(`${IPVS_CONN_REUSE} = 0`), [MODULES]: lines('nf_conntrack') }, { proxyMode: 'ipvs' });
  assert.deepEqual(ipvs!.related?.map((related) => related.message), [`ip_vs is not in the node image's modules-load.d: at boot ${IPVS_CONN_REUSE} does not exist yet and systemd-sysctl skips this line`]);
});
