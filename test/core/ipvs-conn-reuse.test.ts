import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type Assumptions, fixesFor } from '@connlint/server';
import { lines, workspaceOf, ruleLinter } from '../helpers/lintFiles';
import { IPVS_CONN_REUSE as KEY, NODE_SYSCTL as NODE } from '../helpers/sysctl';

type Files = Readonly<Record<string, string>>;
const RULE = 'ipvs-conn-reuse';
const { diagnostics } = ruleLinter(RULE);
const IPVS = lines('apiVersion: kubeproxy.config.k8s.io/v1alpha1', 'kind: KubeProxyConfiguration', 'mode: ipvs');
const MODE_RELATED = { file: 'kube-proxy.yaml', range: { start: { line: 2, character: 6 }, end: { line: 2, character: 10 } }, message: 'kube-proxy runs in IPVS mode' };
const COSTS_OF_0 = 'on kernel 5.9 or later, a connection reusing a client port goes to the old, maybe deleted, backend (kubernetes#81775)';
const COSTS_OF_1 = 'kube-proxy writes 0 over it on kernels 4.1 to 5.8, and before 5.9, 1 delays new connections under load (kubernetes#70747)';

const where = (files: Files, assumptions: Assumptions = {}): string[] =>
  diagnostics(files, assumptions).map(({ file, severity, range: { start, end } }) => `${severity} ${file} ${start.line}:${start.character}-${end.line}:${end.character}`);

test('conn_reuse_mode = 0 in IPVS mode: the deleted-pod problem, and why kube-proxy once wrote 0', () => {
  assert.deepEqual(diagnostics({ 'kube-proxy.yaml': IPVS, [NODE]: lines('# IPVS', `${KEY} = 0`) }), [
    {
      file: NODE,
      range: { start: { line: 1, character: 30 }, end: { line: 1, character: 31 } },
      rule: RULE,
      severity: 'info',
      message: `${KEY} = 0 in IPVS mode (mode in kube-proxy.yaml:3): ${COSTS_OF_0}`,
      related: [MODE_RELATED],
    },
  ]);
});

test('conn_reuse_mode = 1, the default, and other values: the 1 s delays before 5.9 and kube-proxy’s override', () => {
  const [one] = diagnostics({ 'kube-proxy.yaml': IPVS, [NODE]: lines(`${KEY} = 1`) });
  // Where IPVS mode is set is left out here (a related location says it): with it, the message would pass 200 characters.
  assert.equal(one?.message, `${KEY} = 1 (the kernel's default) in IPVS mode: ${COSTS_OF_1}`);
  const [two] = diagnostics({ [NODE]: lines(`${KEY}=2`) }, { proxyMode: 'ipvs' });
  assert.equal(
    two?.message,
    `${KEY} = 2 in IPVS mode (the proxyMode setting): ${COSTS_OF_1}`,
  );
  assert.deepEqual(two?.related, [], 'an assumed mode has no place in a file');
});

test('only the assignment that applies is reported: the last one the kernel accepts, in sysctl.d order', () => {
  const files = { 'kube-proxy.yaml': IPVS, 'etc/sysctl.d/10-a.conf': lines(`${KEY} = 0`), 'etc/sysctl.d/90-b.conf': lines(`${KEY} = 1`, `${KEY} = x`), 'etc/sysctl.conf': lines('vm.swappiness = 10') };
  assert.deepEqual(where(files), ['info etc/sysctl.d/90-b.conf 0:30-0:31']);
  assert.deepEqual(where({ 'kube-proxy.yaml': IPVS, [NODE]: lines('net/ipv4/vs/conn_reuse_mode = 0') }), [`info ${NODE} 0:30-0:31`], 'slash separators');
  assert.deepEqual(where({ 'kube-proxy.yaml': IPVS, [NODE]: lines(`${KEY} = "0"`) }), [], 'a value the kernel rejects sets nothing');
});

test('silent outside IPVS mode, without kube-proxy, and when the nodes leave the value alone', () => {
  const node = { [NODE]: lines(`${KEY} = 0`) };
  assert.deepEqual(where(node), [], 'iptables by default');
  assert.deepEqual(where({ ...node, 'kube-proxy.yaml': IPVS.replace('ipvs', 'nftables') }), []);
  assert.deepEqual(where({ ...node, 'kube-proxy.yaml': IPVS }, { kubeProxy: false }), []);
  assert.deepEqual(where({ 'kube-proxy.yaml': IPVS, [NODE]: lines('net.ipv4.vs.expire_nodest_conn = 1') }), []);
  const pod = lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', 'spec:', '  securityContext:', '    sysctls:', `    - name: ${KEY}`, '      value: "0"', '  containers: [{name: a, image: b}]');
  assert.deepEqual(where({ 'kube-proxy.yaml': IPVS, 'pod.yaml': pod }), [], 'a pod’s sysctls are not the node’s');
});

test('no fix but disabling the line: no value is safe on every kernel', () => {
  const files = { 'kube-proxy.yaml': IPVS, [NODE]: lines(`${KEY} = 0`) };
  const model = workspaceOf(files).model();
  const fixes = fixesFor(model, diagnostics(files)[0]!);
  assert.deepEqual(fixes.map(({ title, preferred }) => ({ title, preferred })), [{ title: `Disable ${RULE} for this line`, preferred: false }]);
});
