import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFixes } from '@connlint/server/cli';
import { lines, ruleLinter, workspaceOf } from '../helpers/lintFiles';
import { deployment } from '../helpers/manifests';
import { service } from '../helpers/pathManifests';

const RULE = 'lb-idle-timeout';
const { diagnostics, fixesOf, assertFix } = ruleLinter(RULE);
const NLB = 'service.beta.kubernetes.io/aws-load-balancer-type: external';
const LISTENER = 'service.beta.kubernetes.io/aws-load-balancer-listener-attributes.';
const ELB_IDLE = 'service.beta.kubernetes.io/aws-load-balancer-connection-idle-timeout';
const AZURE_IDLE = 'service.beta.kubernetes.io/azure-load-balancer-tcp-idle-timeout';
const range = (line: number, start: number, end: number) => ({ start: { line, character: start }, end: { line, character: end } });
const loadBalancer = (...annotations: string[]) => ({ 'svc.yaml': service('api', { type: 'LoadBalancer', annotations }) });
const finding = (line: number, key: string, severity: string, message: string) => ({ file: 'svc.yaml', range: range(line, 4, 4 + key.length), rule: RULE, severity, message, related: [] });
/** The files after `connlint --fix`: every preferred fix of every rule, in one run. */
function fixAll(files: Record<string, string>): Record<string, string> {
  const result = { ...files };
  for (const fixed of applyFixes(workspaceOf(files), {}, new Set())) result[fixed.path] = fixed.after;
  return result;
}
const ingress = (...annotations: string[]) => ({
  'ing.yaml': lines('apiVersion: networking.k8s.io/v1', 'kind: Ingress', 'metadata:', '  name: web', '  annotations:', ...annotations.map((line) => `    ${line}`), 'spec:', '  ingressClassName: alb'),
});

test('the Classic ELB annotation on an NLB does nothing: replaced by the listener attribute of its one TCP port', () => {
  const files = loadBalancer(NLB, `${ELB_IDLE}: "3600"`);
  assert.deepEqual(diagnostics(files), [
    finding(6, ELB_IDLE, 'warning', `${ELB_IDLE} does nothing on an NLB: its listeners keep 350 s unless a listener attribute sets tcp.idle_timeout.seconds`),
  ]);
  assertFix(files, `Replace with ${LISTENER}TCP-443: tcp.idle_timeout.seconds=3600`, loadBalancer(NLB, `${LISTENER}TCP-443: "tcp.idle_timeout.seconds=3600"`));
  const twoPorts = { 'svc.yaml': service('api', { type: 'LoadBalancer', annotations: [NLB, `${ELB_IDLE}: "3600"`], ports: [443, 80] }) };
  assert.deepEqual(fixesOf(twoPorts).map((fix) => fix.title), ['Disable lb-idle-timeout for this line'], 'two ports: which listener is not known');
  assert.deepEqual(diagnostics(loadBalancer(`${ELB_IDLE}: "3600"`)), [], 'on a Classic ELB it works');
});

test('a listener attribute for a port the Service lacks, or on a load balancer that is not an NLB', () => {
  const files = loadBalancer(NLB, `${LISTENER}TCP-80: tcp.idle_timeout.seconds=400`);
  assert.deepEqual(diagnostics(files), [finding(6, `${LISTENER}TCP-80`, 'warning', 'Listener attribute for TCP-80 does nothing: Service "api" has no TCP port 80')]);
  assertFix(files, `Replace with ${LISTENER}TCP-443: tcp.idle_timeout.seconds=400`, loadBalancer(NLB, `${LISTENER}TCP-443: "tcp.idle_timeout.seconds=400"`));
  assert.deepEqual(diagnostics(loadBalancer(`${LISTENER}TCP-443: "tcp.idle_timeout.seconds=400"`)), [
    finding(5, `${LISTENER}TCP-443`, 'warning', `${LISTENER}TCP-443 does nothing: only the AWS Load Balancer Controller reads it, for an NLB (aws-load-balancer-type: external or nlb)`),
  ]);
  assert.deepEqual(diagnostics(loadBalancer(NLB, `${LISTENER}TCP-443: "tcp.idle_timeout.seconds=400"`)), []);
});

test('misplaced timeouts that would move to the same listener: only one fix moves there, its value brought into range', () => {
  const files = loadBalancer(NLB, `${ELB_IDLE}: "3600"`, `${LISTENER}TCP-80: tcp.idle_timeout.seconds=7200`, `${LISTENER}TCP-8080: tcp.idle_timeout.seconds=900`);
  const titles = (line: number) => fixesOf(files, { line }).map((fix) => fix.title);
  assert.deepEqual(titles(6), ['Disable lb-idle-timeout for this line'], 'the ELB annotation leaves the key to the listener attribute');
  assert.deepEqual(titles(7), [`Replace with ${LISTENER}TCP-443: tcp.idle_timeout.seconds=6000`, 'Disable lb-idle-timeout for this line']);
  assert.deepEqual(titles(8), ['Disable lb-idle-timeout for this line'], 'the second misplaced attribute');
});

test('tcp.idle_timeout.seconds outside 60..6000 or not a number: an error; out of range is clamped, other attributes kept', () => {
  const files = loadBalancer(NLB, `${LISTENER}TCP-443: "proxy_protocol_v2.enabled=true,tcp.idle_timeout.seconds=7200"`);
  assert.deepEqual(diagnostics(files), [
    finding(6, `${LISTENER}TCP-443`, 'error', 'tcp.idle_timeout.seconds is 7200, outside 60..6000: AWS rejects the listener attribute and the controller fails to reconcile'),
  ]);
  assertFix(files, `Set ${LISTENER}TCP-443 to proxy_protocol_v2.enabled=true,tcp.idle_timeout.seconds=6000`, loadBalancer(NLB, `${LISTENER}TCP-443: "proxy_protocol_v2.enabled=true,tcp.idle_timeout.seconds=6000"`));
  assert.equal(diagnostics(loadBalancer(NLB, `${LISTENER}TCP-443: "tcp.idle_timeout.seconds=30"`))[0]?.message.startsWith('tcp.idle_timeout.seconds is 30, outside 60..6000'), true);
  const text = loadBalancer(NLB, `${LISTENER}TCP-443: 'tcp.idle_timeout.seconds=1h'`);
  assert.deepEqual(diagnostics(text), [
    finding(6, `${LISTENER}TCP-443`, 'error', 'tcp.idle_timeout.seconds is "1h", not a whole number: AWS rejects the listener attribute and the controller fails to reconcile'),
  ]);
  assert.deepEqual(fixesOf(text).map((fix) => fix.title), ['Disable lb-idle-timeout for this line']);
});

test('Azure: minutes in 4..100; a value out of range is clamped, one that is not a number is only reported', () => {
  const files = loadBalancer(`${AZURE_IDLE}: "300"`);
  assert.deepEqual(diagnostics(files), [finding(5, AZURE_IDLE, 'error', `${AZURE_IDLE} is 300 minutes, outside 4..100: the Azure cloud provider rejects it`)]);
  assertFix(files, `Set ${AZURE_IDLE} to 100`, loadBalancer(`${AZURE_IDLE}: "100"`));
  assert.deepEqual(diagnostics(loadBalancer(`${AZURE_IDLE}: 4m`)), [finding(5, AZURE_IDLE, 'error', `${AZURE_IDLE} is "4m", not a whole number of minutes: the Azure cloud provider rejects it`)]);
  assert.deepEqual(diagnostics(loadBalancer(`${AZURE_IDLE}: "30"`)), []);
});

test('the Classic ELB timeout must be a whole number of seconds', () => {
  assert.deepEqual(diagnostics(loadBalancer(`${ELB_IDLE}: 10m`)), [finding(5, ELB_IDLE, 'error', `${ELB_IDLE} is "10m", not a whole number of seconds`)]);
});

test('ALB: connection-idle-timeout is not read, load-balancer-attributes is', () => {
  const unread = 'alb.ingress.kubernetes.io/connection-idle-timeout';
  const attributes = 'alb.ingress.kubernetes.io/load-balancer-attributes';
  const files = ingress(`${unread}: "600"`);
  assert.deepEqual(diagnostics(files), [
    { file: 'ing.yaml', range: range(5, 4, 4 + unread.length), rule: RULE, severity: 'warning', message: `${unread} does nothing: the controller reads the ALB idle timeout from load-balancer-attributes idle_timeout.timeout_seconds`, related: [] },
  ]);
  assertFix(files, `Replace with ${attributes}: idle_timeout.timeout_seconds=600`, ingress(`${attributes}: "idle_timeout.timeout_seconds=600"`));
  assert.deepEqual(diagnostics(ingress(`${attributes}: idle_timeout.timeout_seconds=ten,routing.http2.enabled=true`)), [
    { file: 'ing.yaml', range: range(5, 4, 4 + attributes.length), rule: RULE, severity: 'error', message: 'idle_timeout.timeout_seconds is "ten", not a whole number of seconds: the controller fails to reconcile', related: [] },
  ]);
  assert.deepEqual(diagnostics(ingress(`${attributes}: idle_timeout.timeout_seconds=600`)), []);
});

test('odd annotation values never crash', () => {
  for (const value of ['', '"="', '",,,"', 'null', '[1, 2]', '{a: b}', '"tcp.idle_timeout.seconds="', '"tcp.idle_timeout.seconds=99999999999999999999"']) {
    diagnostics(loadBalancer(NLB, `${LISTENER}TCP-443: ${value}`, `${AZURE_IDLE}: ${value}`, `${ELB_IDLE}: ${value}`));
  }
});

test('--fix leaves the load balancer timeouts as written: moving or clamping one is offered, not preferred, so a second --fix changes nothing', () => {
  const files = {
    ...loadBalancer(NLB, `${ELB_IDLE}: "60"`, `${AZURE_IDLE}: "2"`),
    'app.yaml': deployment('api'),
  };
  const once = fixAll(files);
  assert.equal(once['svc.yaml'], files['svc.yaml']);
  assert.deepEqual(fixAll(once), once);
  assert.deepEqual(fixesOf(files, { line: 6 }).map((fix) => [fix.title, fix.preferred]), [
    [`Replace with ${LISTENER}TCP-443: tcp.idle_timeout.seconds=60`, false],
    ['Disable lb-idle-timeout for this line', false],
  ]);
});
