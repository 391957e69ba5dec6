import assert from 'node:assert/strict';
import { test } from 'node:test';
import { conntrackSources, lines, ruleLinter } from '../helpers/lintFiles';
import { deployment, webApp } from '../helpers/manifests';
import { KEEPALIVE_TIME as KEEPALIVE } from '../helpers/sysctl';

const CONNTRACK = 'net.netfilter.nf_conntrack_tcp_timeout_established';
const range = (line: number, start: number, endLine: number, end: number) => ({ start: { line, character: start }, end: { line: endLine, character: end } });
const kubeProxy = (...body: string[]): string => lines('apiVersion: kubeproxy.config.k8s.io/v1alpha1', 'kind: KubeProxyConfiguration', ...body);

/** Two node images, each a root with its own `etc/sysctl.d`, beside the manifests of its cluster. */
const EAST_NODE = 'clusters/east/node/etc/sysctl.d/90-net.conf';
const WEST_NODE = 'clusters/west/node/etc/sysctl.d/90-net.conf';

test("each cluster's manifests use the node image nearest to them, and the finding says why", () => {
  const files = {
    // kube-proxy leaves the node's conntrack timeout (0s): each image's sysctl files decide it.
    'kube-proxy.yaml': kubeProxy('conntrack:', '  tcpEstablishedTimeout: 0s'),
    [EAST_NODE]: lines(`${CONNTRACK} = 3600`),
    'clusters/east/apps/web.yaml': webApp(2),
    [WEST_NODE]: lines(`${CONNTRACK} = 7200`),
    'clusters/west/web.yaml': webApp(2),
    'shared/web.yaml': webApp(2),
  };
  assert.deepEqual(conntrackSources(files), [
    `clusters/east/apps/web.yaml: ${EAST_NODE} 3600 s, ${CONNTRACK} in 90-net.conf:1, the nearest of 2 node images`,
    `clusters/west/web.yaml: ${WEST_NODE} 7200 s, ${CONNTRACK} in 90-net.conf:1, the nearest of 2 node images`,
    `shared/web.yaml: ${EAST_NODE} 3600 s, ${CONNTRACK} in 90-net.conf:1, the first of 2 equally near node images`,
  ]);
});

test('one node image applies everywhere, without a word on the choice', () => {
  const files = { 'kube-proxy.yaml': kubeProxy('conntrack:', '  tcpEstablishedTimeout: 0s'), [EAST_NODE]: lines(`${CONNTRACK} = 3600`), 'apps/web.yaml': webApp(2) };
  assert.deepEqual(conntrackSources(files), [`apps/web.yaml: ${EAST_NODE} 3600 s, ${CONNTRACK} in 90-net.conf:1`]);
});

test("keepalive-conntrack weighs each node image's keepalive on its own: a later image's file does not hide an earlier one's", () => {
  const { diagnostics } = ruleLinter('keepalive-conntrack');
  // In one merged order the west file (same name, later path) would win and the east value would go unseen.
  const files = { [EAST_NODE]: lines(`${KEEPALIVE} = 90000`), [WEST_NODE]: lines(`${KEEPALIVE} = 600`), 'clusters/east/web.yaml': webApp(2), 'clusters/west/web.yaml': webApp(2) };
  assert.deepEqual(
    diagnostics(files).map(({ file, range: where, severity, message }) => ({ file, range: where, severity, message })),
    [
      {
        file: EAST_NODE,
        range: range(0, 30, 0, 35),
        severity: 'warning',
        message: `${KEEPALIVE} is 90000 s on the node, not below the conntrack established timeout of 86400 s (kube-proxy's default, no kube-proxy configuration in the workspace)`,
      },
    ],
  );
});

test('a node image that keeps the default keepalive is named only with the conntrack timeout it has itself', () => {
  const { where } = ruleLinter('keepalive-conntrack');
  // East lowers conntrack below the default keepalive and sets its keepalive; west keeps both defaults.
  const files = { [EAST_NODE]: lines(`${CONNTRACK} = 3600`, `${KEEPALIVE} = 600`), 'clusters/west/node/etc/sysctl.d/50-other.conf': lines('net.core.somaxconn = 4096') };
  assert.deepEqual(where(files), []);
  const eastOnDefault = { [EAST_NODE]: lines(`${CONNTRACK} = 3600`), 'clusters/west/node/etc/sysctl.d/50-other.conf': lines(`${KEEPALIVE} = 600`) };
  assert.deepEqual(where(eastOnDefault), [`${EAST_NODE} 0:53-0:57`]);
});

test('host-network pods take the keepalive of the node image nearest to their workload', () => {
  const { diagnostics } = ruleLinter('keepalive-ipvs');
  const files = {
    'kube-proxy.yaml': kubeProxy('mode: ipvs'),
    [EAST_NODE]: lines(`${KEEPALIVE} = 600`),
    'clusters/east/agent.yaml': deployment('east-agent', { hostNetwork: true }),
    'clusters/west/node/etc/sysctl.d/50-other.conf': lines('net.core.somaxconn = 4096'),
    'clusters/west/agent.yaml': deployment('west-agent', { hostNetwork: true }),
  };
  assert.deepEqual(
    diagnostics(files).map(({ file, message, related }) => ({ file, message, related: related.map((place) => place.file) })),
    [
      {
        file: 'kube-proxy.yaml',
        message: `IPVS's TCP idle timeout of 900 s (the kernel's default) is not above the 7200 s default ${KEEPALIVE} of Deployment "west-agent"`,
        related: ['clusters/west/agent.yaml'],
      },
    ],
  );
});
