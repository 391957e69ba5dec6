import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { cliFixtures, fixtureCopier, runCli } from '../helpers/runCli';

// Copies outside the repository: the search for .connlint.yaml goes up to the file system's root.
const copy = fixtureCopier('connlint-config-', after);

interface Finding {
  file: string;
  rule: string;
  severity: string;
}

function report(args: readonly string[], cwd: string): { code: number | null; findings: string[]; stderr: string } {
  const result = runCli(['--format', 'json', ...args], { cwd });
  const diagnostics = (JSON.parse(result.stdout) as { diagnostics: Finding[] }).diagnostics;
  return { code: result.code, findings: diagnostics.map(({ file, rule, severity }) => `${file} ${rule} ${severity}`), stderr: result.stderr };
}

const DID_YOU_MEAN = 'unknown rule (did you mean service-affinity?)';

test('.connlint.yaml is found from a subdirectory upwards: service-affinity off silences the Service', () => {
  const root = copy('config-nested');
  assert.deepEqual(report(['.'], path.join(root, 'k8s')), { code: 0, findings: [], stderr: '' });
  assert.deepEqual(report(['k8s'], root), { code: 0, findings: [], stderr: '' });
  assert.deepEqual(runCli(['--format', 'json', '.'], { cwd: path.join(root, 'k8s') }).stdout, '{\n  "version": 1,\n  "diagnostics": []\n}\n');
});

test('without a configuration file the same Service warns', () => {
  const root = copy('config-nested');
  rmSync(path.join(root, '.connlint.yaml'));
  assert.deepEqual(report(['.'], path.join(root, 'k8s')), { code: 1, findings: ['service.yaml service-affinity warning'], stderr: '' });
});

test('.connlint.yaml with service-affinity: error: severity error, exit 1 even under --max-warnings', () => {
  const root = copy('config-nested', { '.connlint.yaml': 'rules:\n  service-affinity: error\n' });
  const cwd = path.join(root, 'k8s');
  assert.deepEqual(report(['.'], cwd), { code: 1, findings: ['service.yaml service-affinity error'], stderr: '' });
  assert.equal(runCli(['--max-warnings', '10', '.'], { cwd }).code, 1);
  assert.deepEqual(report(['--quiet', '.'], cwd), { code: 1, findings: ['service.yaml service-affinity error'], stderr: '' });
});

test('the nearest .connlint.yaml wins over one further up', () => {
  const root = copy('config-nested', { 'k8s/.connlint.yaml': 'rules:\n  service-affinity: info\n' });
  assert.deepEqual(report(['service.yaml', 'deployment.yaml'], path.join(root, 'k8s')), { code: 0, findings: ['service.yaml service-affinity info'], stderr: '' });
  assert.deepEqual(report(['k8s/service.yaml', 'k8s/deployment.yaml'], root), { code: 0, findings: [], stderr: '' }, 'from the root, the root file applies');
});

test('--config FILE replaces the search, relative to the current directory', () => {
  const root = copy('config-nested');
  assert.deepEqual(report(['--config', 'other.yaml', 'k8s'], root), { code: 1, findings: ['k8s/service.yaml service-affinity error'], stderr: '' });
  assert.deepEqual(report(['-c', '../other.yaml', '.'], path.join(root, 'k8s')), { code: 1, findings: ['service.yaml service-affinity error'], stderr: '' });
  assert.deepEqual(report([`--config=${path.join(root, 'other.yaml')}`, '.'], path.join(root, 'k8s')), { code: 1, findings: ['service.yaml service-affinity error'], stderr: '' });
});

test('exclude skips the matching files of a walked directory', () => {
  const root = copy('config-exclude');
  assert.deepEqual(report([], root), { code: 0, findings: [], stderr: '' });
  assert.deepEqual(report(['.'], path.join(root, 'app')), { code: 0, findings: [], stderr: '' }, 'patterns are relative to the configuration file');
  rmSync(path.join(root, '.connlint.yaml'));
  assert.deepEqual(report([], root), {
    code: 1,
    findings: ['app/orders.generated.yaml service-affinity warning', 'vendor/service.yaml service-affinity warning'],
    stderr: '',
  });
});

test('exclude a directory by name; a file named on the command line is still read', () => {
  const root = copy('config-exclude', { '.connlint.yaml': 'exclude: [vendor]\n' });
  assert.deepEqual(report([], root), { code: 1, findings: ['app/orders.generated.yaml service-affinity warning'], stderr: '' });
  assert.deepEqual(report(['vendor/service.yaml', 'app/deployment.yaml'], root), { code: 1, findings: ['vendor/service.yaml service-affinity warning'], stderr: '' });
});

test('assume settings in .connlint.yaml reach the model', () => {
  const root = copy('config-nested', {
    '.connlint.yaml': 'rules:\n  service-affinity: "off"\nassume:\n  conntrackEstablishedTimeout: 3600\n',
    'k8s/pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  securityContext:\n    sysctls:\n      - name: net.ipv4.tcp_keepalive_time\n        value: "4000"\n  containers:\n    - name: app\n      image: busybox\n',
  });
  assert.deepEqual(report(['k8s'], root), { code: 1, findings: ['k8s/pod.yaml keepalive-conntrack warning'], stderr: '' });
});

test('an empty .connlint.yaml means the defaults', () => {
  const root = copy('config-nested', { '.connlint.yaml': '' });
  assert.deepEqual(report(['k8s'], root), { code: 1, findings: ['k8s/service.yaml service-affinity warning'], stderr: '' });
  const comments = copy('config-nested', { '.connlint.yaml': '# nothing configured yet\n' });
  assert.deepEqual(report(['k8s'], comments), { code: 1, findings: ['k8s/service.yaml service-affinity warning'], stderr: '' });
});

test('an invalid configuration: exit 2, one line on stderr naming every bad key', () => {
  const root = copy('config-nested', {
    '.connlint.yaml': 'rules:\n  service-afinity: off\n  keepalive-conntrack: warn\nexclude: vendor/**\nassume:\n  kubeProxy: maybe\nseverity: error\n',
  });
  const problems = [
    'severity: unknown setting (allowed: rules, exclude, overrides, assume, clusters)',
    `rules.service-afinity: ${DID_YOU_MEAN}`,
    'rules.keepalive-conntrack: must be one of off, hint, info, warning, error',
    'exclude: must be a list of glob patterns',
    'assume.kubeProxy: must be one of auto, running, absent',
  ].join('; ');
  assert.deepEqual(runCli(['k8s'], { cwd: root }), { code: 2, stdout: '', stderr: `connlint: invalid .connlint.yaml: ${problems}\n` });
  assert.deepEqual(runCli(['.'], { cwd: path.join(root, 'k8s') }), { code: 2, stdout: '', stderr: `connlint: invalid ../.connlint.yaml: ${problems}\n` });
  assert.deepEqual(runCli(['--fix', '.'], { cwd: path.join(root, 'k8s') }).code, 2);
  assert.equal(readFileSync(path.join(root, 'k8s', 'service.yaml'), 'utf8'), readFileSync(path.join(cliFixtures, 'config-nested', 'k8s', 'service.yaml'), 'utf8'), '--fix wrote nothing');
});

test('a configuration that is not a mapping, or not YAML', () => {
  const list = copy('config-nested', { 'other.yaml': '- service-affinity\n' });
  assert.deepEqual(runCli(['--config', 'other.yaml', 'k8s'], { cwd: list }), { code: 2, stdout: '', stderr: 'connlint: invalid other.yaml: settings must be a mapping\n' });
  const broken = copy('config-nested', { 'other.yaml': 'rules: {service-affinity: off\n' });
  assert.deepEqual(runCli(['--config', 'other.yaml', 'k8s'], { cwd: broken }), {
    code: 2,
    stdout: '',
    stderr: 'connlint: cannot use other.yaml: Flow map in block collection must be sufficiently indented and end with a }\n',
  });
  const duplicate = copy('config-nested', { '.connlint.yaml': 'rules:\n  service-affinity: "off"\nrules:\n  service-affinity: error\n' });
  assert.deepEqual(runCli(['k8s'], { cwd: duplicate }), { code: 2, stdout: '', stderr: 'connlint: cannot use .connlint.yaml: Map keys must be unique\n' });
});

test('a missing --config file: exit 2', () => {
  const root = copy('config-nested');
  assert.deepEqual(runCli(['--config', 'missing.yaml', 'k8s'], { cwd: root }), { code: 2, stdout: '', stderr: 'connlint: cannot use missing.yaml: no such file\n' });
  assert.deepEqual(runCli(['--config', 'nope/missing.yaml'], { cwd: root }), { code: 2, stdout: '', stderr: 'connlint: cannot use nope/missing.yaml: no such file\n' });
  assert.deepEqual(runCli(['--config'], { cwd: root }).code, 2);
});
