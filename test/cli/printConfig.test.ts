import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { parse } from 'yaml';
import { RULES } from '@connlint/server';
import { cliFixtures, runCli } from '../helpers/runCli';

// Copies outside the repository: the search for .connlint.yaml goes up to the file system's root.
const scratch = mkdtempSync(path.join(tmpdir(), 'connlint-print-config-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

let copies = 0;
function copy(fixture: string, files: Readonly<Record<string, string>> = {}): string {
  const root = path.join(scratch, `${fixture}-${++copies}`);
  cpSync(path.join(cliFixtures, fixture), root, { recursive: true });
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return root;
}

interface Report {
  file: string;
  configuration: string | null;
  excluded: string | false;
  readAs: string;
  reason: string;
  reads: string[];
  settings: { rules: Record<string, string>; exclude: string[]; assume: Record<string, unknown> };
}

function printConfig(file: string, cwd: string, extra: readonly string[] = []): Report {
  const result = runCli(['--print-config', file, ...extra], { cwd });
  assert.equal(result.stderr, '');
  assert.equal(result.code, 0);
  return (extra.includes('json') ? JSON.parse(result.stdout) : parse(result.stdout)) as Report;
}

const defaults = (overrides: Record<string, string> = {}): Record<string, string> => Object.fromEntries(RULES.map((rule) => [rule.id, overrides[rule.id] ?? rule.defaultSeverity]));

test('a manifest under a .connlint.yaml found upwards: the file, its settings with every rule resolved, what it holds', () => {
  const root = copy('config-nested', { '.connlint.yaml': 'rules:\n  service-affinity: error\nassume:\n  conntrackEstablishedTimeout: 3600\n' });
  const report = printConfig('service.yaml', path.join(root, 'k8s'));
  assert.deepEqual(report, {
    file: 'service.yaml',
    configuration: '../.connlint.yaml',
    excluded: false,
    readAs: 'manifest',
    reason: 'a .yaml, .yml or .json file: its documents of the kinds Connlint models are read as Kubernetes objects',
    reads: ['Service default/orders'],
    settings: { rules: defaults({ 'service-affinity': 'error' }), exclude: [], overrides: [], assume: { conntrackEstablishedTimeout: 3600, kubeProxy: 'auto', proxyMode: 'auto', kubernetesVersion: null, cloud: 'auto', idleTimers: [] } },
  });
  assert.deepEqual(printConfig('k8s/service.yaml', root, ['--format', 'json']), { ...report, file: 'k8s/service.yaml', configuration: '.connlint.yaml' }, 'JSON with --format json');
});

test('no configuration file: null, the defaults; --config names another', () => {
  const root = copy('config-nested');
  rmSync(path.join(root, '.connlint.yaml'));
  const report = printConfig('k8s/service.yaml', root);
  assert.equal(report.configuration, null);
  assert.deepEqual(report.settings, { rules: defaults(), exclude: [], overrides: [], assume: { conntrackEstablishedTimeout: null, kubeProxy: 'auto', proxyMode: 'auto', kubernetesVersion: null, cloud: 'auto', idleTimers: [] } });
  assert.equal(printConfig('k8s/service.yaml', root, ['--config', 'other.yaml']).configuration, 'other.yaml');
});

test('an excluded file names the pattern; it is still read when named on the command line', () => {
  const root = copy('config-exclude');
  const vendored = printConfig('vendor/service.yaml', root);
  assert.deepEqual([vendored.excluded, vendored.readAs, vendored.reads], ['vendor/**', 'skipped', []]);
  assert.equal(vendored.reason, 'excluded by "vendor/**" in .connlint.yaml when a directory is linted; read as manifest when named on the command line');
  assert.equal(printConfig('orders.generated.yaml', path.join(root, 'app')).excluded, '**/*.generated.yaml');
  assert.equal(printConfig('app/service.yaml', root).excluded, false);
});

test('sysctl files, other files, Helm templates and the configuration file itself', () => {
  const root = copy('clean', {
    'nodes/sysctl.d/60-tcp.conf': 'net.ipv4.tcp_keepalive_time = 600\nnet.ipv4.tcp_keepalive_intvl=30\n',
    'nodes/sysctl.conf': 'net.netfilter.nf_conntrack_tcp_timeout_established = 86400\n',
    'notes.txt': 'hello\n',
    'chart/Chart.yaml': 'apiVersion: v2\nname: shop\nversion: 0.1.0\n',
    'chart/templates/service.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: shop\n  labels: {chart: "{{ .Chart.Name }}"}\n',
    'chart/templates/verbatim.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: shop\n',
    'templated.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .name }}\n',
    '.connlint.yaml': '',
  });
  const sysctlD = printConfig('nodes/sysctl.d/60-tcp.conf', root);
  assert.deepEqual([sysctlD.readAs, sysctlD.reason, sysctlD.reads], ['sysctl', 'a .conf file in a sysctl.d directory: applied in file-name order', ['net.ipv4.tcp_keepalive_time', 'net.ipv4.tcp_keepalive_intvl']]);
  assert.deepEqual([printConfig('nodes/sysctl.conf', root).readAs, printConfig('nodes/sysctl.conf', root).reason], ['sysctl', 'sysctl.conf: applied after every sysctl.d file']);
  const other = printConfig('notes.txt', root);
  assert.deepEqual([other.readAs, other.reason], ['skipped', 'not a .yaml, .yml or .json file, sysctl.conf or sysctl.d/*.conf: skipped when a directory is linted; read as sysctl when named on the command line']);
  const template = printConfig('chart/templates/service.yaml', root);
  assert.deepEqual([template.readAs, template.reason], ['skipped', 'Not linted: a Helm chart template; lint the rendered chart (helm template … | connlint -).']);
  assert.deepEqual(printConfig('chart/templates/verbatim.yaml', root).readAs, 'manifest');
  assert.deepEqual(
    [printConfig('templated.yaml', root).readAs, printConfig('templated.yaml', root).reason],
    ['skipped', 'Not linted: a template, {{ .name }} stands where YAML structure is; lint the rendered output.'],
  );
  assert.deepEqual([printConfig('.connlint.yaml', root).readAs, printConfig('.connlint.yaml', root).reason], ['skipped', "connlint's configuration file"]);
});

test('errors: an invalid configuration names the key (exit 2); a missing file or a directory is exit 2', () => {
  const root = copy('config-nested', { '.connlint.yaml': 'assume:\n  proxyMode: userspace\n' });
  assert.deepEqual(runCli(['--print-config', 'k8s/service.yaml'], { cwd: root }), {
    code: 2,
    stdout: '',
    stderr: 'connlint: invalid .connlint.yaml: assume.proxyMode: must be one of auto, iptables, ipvs, nftables\n',
  });
  const valid = copy('config-nested');
  assert.deepEqual(runCli(['--print-config', 'missing.yaml'], { cwd: valid }), { code: 2, stdout: '', stderr: 'connlint: cannot read missing.yaml: no such file or directory\n' });
  assert.deepEqual(runCli(['--print-config', 'k8s'], { cwd: valid }), { code: 2, stdout: '', stderr: 'connlint: --print-config takes a file, and k8s is a directory\n' });
  assert.deepEqual(runCli(['--print-config', 'k8s/service.yaml', 'k8s'], { cwd: valid }), { code: 2, stdout: '', stderr: 'connlint: --print-config takes one argument; unexpected "k8s"\n' });
});
