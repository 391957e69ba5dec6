import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyEdits, fixAllEdits, fixesFor } from '@connlint/server';
import { lines, workspaceOf, ruleLinter } from '../helpers/lintFiles';
import { CONNTRACK_LOOSE as LOOSE, NODE_SYSCTL as NODE } from '../helpers/sysctl';

const RULE = 'conntrack-loose';
const { diagnostics, where } = ruleLinter(RULE);

const kubeProxy = lines('apiVersion: kubeproxy.config.k8s.io/v1alpha1', 'kind: KubeProxyConfiguration', 'conntrack:', '  tcpEstablishedTimeout: 1h');

test('nf_conntrack_tcp_loose = 0 on a node: reported on the value, with the conntrack timeout that applies', () => {
  assert.deepEqual(diagnostics({ [NODE]: lines('# strict conntrack', `${LOOSE} = 0`) }), [
    {
      file: NODE,
      range: { start: { line: 1, character: 39 }, end: { line: 1, character: 40 } },
      rule: RULE,
      severity: 'warning',
      message: `${LOOSE} is 0 on the node (set in 60-k8s.conf:2): an idle connection whose conntrack entry expires after 432000 s hangs instead of being reset`,
      related: [],
    },
  ]);
  const [withKubeProxy] = diagnostics({ [NODE]: lines(`${LOOSE}=0`), 'kube-proxy.yaml': kubeProxy });
  assert.match(withKubeProxy!.message, /expires after 3600 s hangs/);
});

test('the value that takes effect decides: the last the kernel accepts, in sysctl.d order', () => {
  assert.deepEqual(where({ [NODE]: lines(`${LOOSE} = 1`) }), []);
  assert.deepEqual(where({ [NODE]: lines(`${LOOSE} = 0`, `${LOOSE} = 1`) }), []);
  assert.deepEqual(where({ [NODE]: lines(`${LOOSE} = 1`, `${LOOSE} = 0`) }), [`${NODE} 1:39-1:40`]);
  assert.deepEqual(where({ [NODE]: lines(`${LOOSE} = 0`, `${LOOSE} = 2`) }), [`${NODE} 0:39-0:40`], 'the kernel rejects 2; 0 stays');
  assert.deepEqual(where({ [NODE]: lines(`${LOOSE} = 1`, `${LOOSE} = off`) }), []);
  assert.deepEqual(where({ 'sysctl.d/10-a.conf': lines(`${LOOSE} = 1`), 'sysctl.d/90-b.conf': lines(`${LOOSE} = 0`) }), ['sysctl.d/90-b.conf 0:39-0:40']);
  assert.deepEqual(where({ 'sysctl.d/10-a.conf': lines(`${LOOSE} = 0`), 'sysctl.d/90-b.conf': lines(`${LOOSE} = 1`) }), []);
  assert.deepEqual(where({ 'etc/sysctl.conf': lines(`${LOOSE} = 0`), 'etc/sysctl.d/99-z.conf': lines(`${LOOSE} = 1`) }), ['etc/sysctl.conf 0:39-0:40']);
  assert.deepEqual(where({ [NODE]: lines('net/netfilter/nf_conntrack_tcp_loose=0') }), [`${NODE} 0:37-0:38`]);
});

test('silent without kube-proxy, and for a pod’s own sysctl', () => {
  assert.deepEqual(where({ [NODE]: lines(`${LOOSE} = 0`) }, { kubeProxy: false }), []);
  const pod = lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: app', 'spec:', '  securityContext:', '    sysctls:', `    - name: ${LOOSE}`, '      value: "0"', '  containers:', '  - name: app', '    image: nginx');
  assert.deepEqual(where({ 'pod.yaml': pod }), [], "a pod's namespace does not carry Service conntrack");
});

test('Set nf_conntrack_tcp_loose to 1: preferred, the only line changed, and the finding is gone', () => {
  const files = { [NODE]: lines('net.netfilter.nf_conntrack_max = 262144', `  ${LOOSE}   =   0  `, 'net.ipv4.ip_forward = 1') };
  const workspace = workspaceOf(files);
  const fixes = fixesFor(workspace.model(), diagnostics(files)[0]!);
  assert.deepEqual(fixes.map((fix) => [fix.title, fix.preferred]), [['Set nf_conntrack_tcp_loose to 1', true], [`Disable ${RULE} for this line`, false]]);
  const fixed = applyEdits(files[NODE], fixes[0]!.edits);
  assert.equal(fixed, lines('net.netfilter.nf_conntrack_max = 262144', `  ${LOOSE}   =   1  `, 'net.ipv4.ip_forward = 1'));
  assert.deepEqual(where({ [NODE]: fixed }), []);
  const all = fixAllEdits(workspace.model(), {}).get(NODE) ?? [];
  assert.equal(applyEdits(files[NODE], all), fixed, 'fix all applies it');
  const disabled = applyEdits(files[NODE], fixes[1]!.edits);
  assert.equal(disabled, lines('net.netfilter.nf_conntrack_max = 262144', `  # connlint-disable-next-line ${RULE}`, `  ${LOOSE}   =   0  `, 'net.ipv4.ip_forward = 1'));
  assert.deepEqual(where({ [NODE]: disabled }), []);
});
