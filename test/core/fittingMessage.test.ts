import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fittingMessage, MAX_MESSAGE_LENGTH } from '@connlint/server';
import { ruleLinter } from '../helpers/lintFiles';
import { deployment } from '../helpers/manifests';

test('fittingMessage takes the fullest message that fits, else cuts the shortest with an ellipsis', () => {
  assert.equal(MAX_MESSAGE_LENGTH, 200);
  assert.equal(fittingMessage(['a'.repeat(201), 'b'.repeat(200), 'c']), 'b'.repeat(200));
  assert.equal(fittingMessage(['a'.repeat(300), 'b'.repeat(250)]), `${'b'.repeat(199)}…`);
});

test('a pod keepalive sysctl refused by an old cluster: the message fits whatever the workload is called, the fact first', () => {
  const sysctlValue = ruleLinter('sysctl-value');
  const keepalive = (name: string) => ({ 'app.yaml': deployment(name, { keepalive: '"600"' }) });
  const messages = ['api', 'a'.repeat(60), 'a'.repeat(150)].map((name) => sysctlValue.diagnostics(keepalive(name), { kubernetesVersion: '1.28' })[0]!.message);
  assert.equal(messages[0], 'net.ipv4.tcp_keepalive_time is refused in the pods of Deployment "api": Kubernetes 1.28 (the kubernetesVersion setting) refuses pods with keepalive sysctls before 1.29.');
  assert.equal(messages[1], `net.ipv4.tcp_keepalive_time is refused in the pods of Deployment "${'a'.repeat(60)}": Kubernetes 1.28 refuses pods with keepalive sysctls before 1.29.`);
  const long = `net.ipv4.tcp_keepalive_time is refused in the pods of Deployment "${'a'.repeat(150)}": Kubernetes 1.28 refuses pods with keepalive sysctls before 1.29.`;
  assert.equal(messages[2], `${long.slice(0, MAX_MESSAGE_LENGTH - 1)}…`);
});
