import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { runCli } from '../helpers/runCli';
import { deployment } from '../helpers/manifests';
import { service } from '../helpers/pathManifests';

let folder: string;

before(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'connlint-explain-path-'));
  // The Deployment is in another namespace: the Service shows no backends, so the kernel's default keepalive is assumed.
  writeFileSync(path.join(folder, 'api.yaml'), deployment('api'));
  writeFileSync(path.join(folder, 'svc.yaml'), service('api', { namespace: 'shop', type: 'LoadBalancer', annotations: ['service.beta.kubernetes.io/azure-load-balancer-tcp-idle-timeout: "10"'] }));
  writeFileSync(path.join(folder, '.connlint.yaml'), 'assume:\n  idleTimers:\n    - {name: office firewall, seconds: 300, paths: [shop/*]}\n');
});

after(() => rmSync(folder, { recursive: true, force: true }));

test('--explain-path SERVICE prints each hop with its timer and source, and exits 0', () => {
  const result = runCli(['--explain-path', 'shop/api', '.'], { cwd: folder });
  assert.equal(result.code, 0, result.stderr);
  const firewall = '  * office firewall  idle 300 s (5 min) (the assume.idleTimers "office firewall" setting)';
  const node = "    node (conntrack)  idle 86400 s (24 h) (kube-proxy's default, no kube-proxy configuration in the workspace)";
  const keepalive = "    keepalive: 7200 s (2 h), then every 75 s, from the backends (the kernel's default)";
  const verdict = '    office firewall ends connections idle 300 s first; keepalive at 7200 s (+75 s for a retry) comes too late.';
  assert.equal(
    result.stdout,
    [
      'Service shop/api',
      '',
      'From a pod in the cluster:',
      '    client pod',
      firewall,
      node,
      '    pod',
      keepalive,
      verdict,
      '',
      "Through the Service's load balancer:",
      '    client',
      firewall,
      '    Azure Load Balancer  idle 600 s (10 min) (service.beta.kubernetes.io/azure-load-balancer-tcp-idle-timeout in svc.yaml:7)',
      node,
      '    pod',
      keepalive,
      verdict,
      '',
      'Leaving the cluster from its pods:',
      "    Azure NAT gateway  idle 240 s (4 min) (Azure NAT gateway's default, 4 minutes)",
      '',
    ].join('\n'),
  );
});

test('--explain-path with --format json prints the report as data', () => {
  const result = runCli(['--explain-path', 'api', '--format', 'json', '.'], { cwd: folder });
  assert.equal(result.code, 0, result.stderr);
  const report = JSON.parse(result.stdout) as { service: string; paths: { entry: string; firstToFire: number }[] };
  assert.equal(report.service, 'shop/api');
  assert.deepEqual(report.paths.map((path) => [path.entry, path.firstToFire]), [['in-cluster', 1], ['load-balancer', 1]]);
});

test('--explain-path for a Service the files do not hold is a usage error; it excludes --fix', () => {
  assert.deepEqual(runCli(['--explain-path', 'web', '.'], { cwd: folder }), { code: 2, stdout: '', stderr: 'connlint: no Service "web" in the files read (found: shop/api)\n' });
  assert.deepEqual(runCli(['--explain-path', 'default/api', '.'], { cwd: folder }).code, 2, 'another namespace');
  assert.deepEqual(runCli(['--explain-path', 'api', '--fix', '.'], { cwd: folder }), { code: 2, stdout: '', stderr: 'connlint: --explain-path cannot be combined with --explain, --print-config, --fix or --fix-dry-run\n' });
});
