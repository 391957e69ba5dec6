import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findService, formatSeconds, pathsReportText, pathsSvg, servicePathsReport, escapeXml, type ServicePathsReport } from '@connlint/server';
import { modelOf } from '../helpers/lintFiles';
import { deployment } from '../helpers/manifests';
import { albIngress, service } from '../helpers/pathManifests';

const NLB = 'service.beta.kubernetes.io/aws-load-balancer-type: external';

function reportOf(files: Readonly<Record<string, string>>, name = 'api'): ServicePathsReport {
  const model = modelOf(files);
  return servicePathsReport(model, findService(model, name)!);
}

const NLB_FILES = { 'api.yaml': deployment('api', { keepalive: '"600"' }), 'svc.yaml': service('api', { type: 'LoadBalancer', annotations: [NLB] }) };

test('the text of --explain-path: every hop with its timer and source, the keepalive, the first timer marked', () => {
  assert.equal(
    pathsReportText(reportOf(NLB_FILES)),
    [
      'Service default/api',
      '',
      'From a pod in the cluster to Deployment "api":',
      '    client pod',
      "  * node (conntrack)  idle 86400 s (24 h) (kube-proxy's default, no kube-proxy configuration in the workspace)",
      '    pods of Deployment "api"',
      '    keepalive: 600 s (10 min), then every 75 s, from the pods of Deployment "api" (net.ipv4.tcp_keepalive_time of Deployment "api" in api.yaml:14)',
      '    conntrack ends connections idle 86400 s first; keepalive at 600 s (+75 s for a retry) keeps it open.',
      '',
      'Through the Service\'s load balancer to Deployment "api":',
      '    client',
      "  * AWS NLB  idle 350 s (the NLB's default for TCP listeners)",
      "    node (conntrack)  idle 86400 s (24 h) (kube-proxy's default, no kube-proxy configuration in the workspace)",
      '    pods of Deployment "api"',
      '    keepalive: 600 s (10 min), then every 75 s, from the pods of Deployment "api" (net.ipv4.tcp_keepalive_time of Deployment "api" in api.yaml:14)',
      '    AWS NLB listener TCP-443 ends connections idle 350 s first; keepalive at 600 s (+75 s for a retry) comes too late.',
      '',
      'Leaving the cluster from its pods:',
      '    AWS NAT gateway  idle 350 s (AWS NAT gateway, not configurable)',
      '',
    ].join('\n'),
  );
  assert.deepEqual([formatSeconds(59), formatSeconds(240), formatSeconds(7200), formatSeconds(8000)], ['59 s', '240 s (4 min)', '7200 s (2 h)', '8000 s']);
});

test('the report says where each value is written, for links', () => {
  const report = reportOf(NLB_FILES);
  assert.deepEqual(report.paths[0]?.keepalive, { sender: 'the pods of Deployment "api"', seconds: 600, interval: 75, source: 'net.ipv4.tcp_keepalive_time of Deployment "api" in api.yaml:14', location: { file: 'api.yaml', line: 13 } });
  assert.equal(report.paths[1]?.hops[1]?.timer?.location, undefined, 'a default is written nowhere');
  assert.equal(report.paths[1]?.verdict, 'AWS NLB listener TCP-443 ends connections idle 350 s first; keepalive at 600 s (+75 s for a retry) comes too late.');
  assert.deepEqual(report.paths.map((path) => path.keptOpen), [true, false]);
});

test('a proxy first to fire: keepalive does not reset it', () => {
  const report = reportOf({ 'api.yaml': deployment('api'), 'svc.yaml': service('api'), 'ing.yaml': albIngress('web', 'api') });
  assert.equal(report.paths[1]?.verdict, 'AWS ALB ends connections idle 60 s first; TCP keepalive does not reset it (only data does).');
});

test('the SVG: one group per path, hops in order, the first timer marked, the keepalive on the axis, text escaped, nothing external', () => {
  const svg = pathsSvg(reportOf(NLB_FILES));
  assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 760 \d+" width="760" height="\d+" role="img" aria-label="Connection paths of Service default\/api">/);
  assert.deepEqual([...svg.matchAll(/<g class="path" data-entry="([^"]+)">/g)].map((match) => match[1]), ['in-cluster', 'load-balancer']);
  assert.deepEqual([...svg.matchAll(/<g class="hop hop-([a-z-]+)( first)?">/g)].map((match) => match[1] + (match[2] ?? '')), ['client', 'node first', 'pod', 'client', 'load-balancer first', 'node', 'pod']);
  assert.equal((svg.match(/<g class="keepalive">/g) ?? []).length, 2);
  assert.match(svg, /keepalive 600 s \(\+75 s\)/);
  assert.match(svg, /<text [^>]+ text-anchor="end">conntrack 86400 s<\/text>/, 'a label near the right edge ends there');
  assert.match(svg, /<g class="timer first"><line [^>]+\/><text [^>]+ text-anchor="middle">AWS NLB listener TCP-443 350 s<\/text><\/g>/);
  assert.equal((svg.match(/<g\b/g) ?? []).length, (svg.match(/<\/g>/g) ?? []).length, 'groups closed');
  assert.doesNotMatch(svg.replace('http://www.w3.org/2000/svg', ''), /https?:|<script|<image|href=|style=/);
  assert.deepEqual([...svg.matchAll(/<text class="(verdict[^"]*)"/g)].map((match) => match[1]), ['verdict', 'verdict first-text'], 'the path whose keepalive comes too late is marked');
  const meshed = pathsSvg({ service: 'a/<b>', paths: [{ title: 'T & "q"', entry: 'in-cluster', hops: [{ kind: 'client', label: '<x>', timer: undefined }], keepalive: undefined, noKeepaliveReason: "ends at the sidecar's", firstToFire: undefined, verdict: 'No idle timer is known on this path.', keptOpen: false }], egress: [] });
  assert.match(meshed, /Service a\/&#60;b&#62;/);
  assert.match(meshed, /T &#38; &#34;q&#34;/);
  assert.match(meshed, /No keepalive: ends at the sidecar&#39;s/);
  assert.equal(escapeXml(`<&>"'`), '&#60;&#38;&#62;&#34;&#39;');
});

test('a Service with no path (headless) draws a note', () => {
  const svg = pathsSvg({ service: 'default/db', paths: [], egress: [] });
  assert.match(svg, /No path through kube-proxy: a headless or ExternalName Service\./);
});
