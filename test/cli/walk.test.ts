import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { cliFixtures, runCli } from '../helpers/runCli';

// Trees with ignored files are built outside the repository: its own .gitignore (node_modules/)
// would hide what is being tested, and git would not keep the ignored fixture files.
const scratch = mkdtempSync(path.join(tmpdir(), 'connlint-cli-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

let trees = 0;
/** A fresh copy of a fixture folder (or an empty folder) with extra files. */
function tree(from: string | undefined, files: Readonly<Record<string, string>>): string {
  const root = path.join(scratch, `tree-${++trees}`);
  if (from === undefined) mkdirSync(root);
  else cpSync(path.join(cliFixtures, from), root, { recursive: true });
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return root;
}

const fixtureText = (...segments: string[]): string => readFileSync(path.join(cliFixtures, ...segments), 'utf8');

const brokenDeployment = fixtureText('broken', 'worker.yaml');

interface Finding {
  file: string;
  rule: string;
  line: number;
  message: string;
}

function findings(args: readonly string[], cwd: string): { code: number | null; findings: Finding[]; stderr: string } {
  const result = runCli(['--format', 'json', ...args], { cwd });
  const report = JSON.parse(result.stdout) as { diagnostics: Finding[] };
  return { code: result.code, findings: report.diagnostics.map(({ file, rule, line, message }) => ({ file, rule, line, message })), stderr: result.stderr };
}

const ordersMessage = (backends: string): string =>
  `Service "orders" has 2 backends (${backends}) and no ClientIP affinity: a connection idle over the 86400 s conntrack timeout can be re-balanced to another pod and reset.`;

/** What linting a copy of broken/worker.yaml finds: a file that is read always reports it. */
const brokenFinding = (file: string): Finding => ({
  file,
  rule: 'yaml-syntax',
  line: 19,
  message: 'Flow sequence in block collection must be sufficiently indented and end with a ]',
});

const classicFinding = (prefix = ''): Finding => ({
  file: `${prefix}service.yaml`,
  rule: 'service-affinity',
  line: 4,
  message: ordersMessage('Deployment "orders" has replicas: 2'),
});

const extraFiles = {
  'rendered/canary.yaml': brokenDeployment,
  'orders.generated.yaml': brokenDeployment,
  'node_modules/orders-chart/deployment.yaml': brokenDeployment,
  'node_modules/orders-chart/sysctl.d/90-net.conf': 'net.core.somaxconn = "4096"\n',
};

test('.gitignore\'d files and node_modules are not linted', () => {
  const root = tree('ignored', extraFiles);
  assert.deepEqual(findings(['.'], root), { code: 1, findings: [classicFinding()], stderr: '' });
  assert.deepEqual(runCli([], { cwd: root }).stdout.split('\n').at(-2), '✖ 1 problem (0 errors, 1 warning; 2 files checked)');
});

test('without the .gitignore the same files are linted, but node_modules never is', () => {
  const root = tree('ignored', extraFiles);
  rmSync(path.join(root, '.gitignore'));
  assert.deepEqual(findings(['.'], root), {
    code: 1,
    findings: [brokenFinding('orders.generated.yaml'), brokenFinding('rendered/canary.yaml'), classicFinding()],
    stderr: '',
  });
});

test('a .git directory is skipped', () => {
  const root = tree('classic', { '.git/deployment.yaml': brokenDeployment, '.git/hooks/sysctl.conf': 'net.core.somaxconn = "4096"\n' });
  assert.deepEqual(findings(['.'], root), { code: 1, findings: [classicFinding()], stderr: '' });
});

test('the .gitignore files of the enclosing repository apply to a folder inside it', () => {
  const root = tree(undefined, {
    '.gitignore': '/apps/legacy/\n',
    'apps/service.yaml': fixtureText('classic', 'service.yaml'),
    'apps/deployment.yaml': fixtureText('classic', 'deployment.yaml'),
    'apps/legacy/deployment.yaml': brokenDeployment,
    'apps/legacy.yaml': brokenDeployment,
  });
  mkdirSync(path.join(root, '.git'));
  assert.deepEqual(findings(['apps'], root), { code: 1, findings: [brokenFinding('apps/legacy.yaml'), classicFinding('apps/')], stderr: '' });
  assert.deepEqual(findings(['.'], path.join(root, 'apps')), { code: 1, findings: [brokenFinding('legacy.yaml'), classicFinding()], stderr: '' });
});

test('a named file is linted even when .gitignore ignores it', () => {
  const root = tree('ignored', extraFiles);
  assert.deepEqual(findings(['orders.generated.yaml'], root), {
    code: 1,
    findings: [brokenFinding('orders.generated.yaml')],
    stderr: '',
  });
});

const quotedSysctl = 'net.core.somaxconn = "4096"\n';
const quotedFinding = (file: string): Finding => ({
  file,
  rule: 'sysctl-syntax',
  line: 1,
  message: 'The value of net.core.somaxconn is quoted; sysctl files take no quotes and the kernel rejects "4096".',
});

test('files of a sysctl.d folder are read as sysctl when a parent folder is walked', () => {
  const root = tree(undefined, { 'etc/sysctl.d/90-net.conf': quotedSysctl, 'etc/sysctl.conf': quotedSysctl });
  assert.deepEqual(findings(['etc'], root), { code: 1, findings: [quotedFinding('etc/sysctl.conf'), quotedFinding('etc/sysctl.d/90-net.conf')], stderr: '' });
  assert.deepEqual(findings(['sysctl.d'], path.join(root, 'etc')), { code: 1, findings: [quotedFinding('sysctl.d/90-net.conf')], stderr: '' });
});

test('files of a sysctl.d folder are read as sysctl when it is the current directory', () => {
  const root = tree(undefined, { 'etc/sysctl.d/90-net.conf': quotedSysctl });
  assert.deepEqual(findings([], path.join(root, 'etc', 'sysctl.d')), { code: 1, findings: [quotedFinding('90-net.conf')], stderr: '' });
});

const chart = {
  'chart/Chart.yaml': 'apiVersion: v2\nname: orders\nversion: 0.1.0\n',
  'chart/templates/service.yaml': fixtureText('classic', 'service.yaml').replace('name: orders', 'name: "{{ .Release.Name }}"'),
  'chart/templates/deployment.yaml': fixtureText('classic', 'deployment.yaml'),
};

test('Helm chart templates with {{ are skipped when the chart is walked from its parent; verbatim ones are read', () => {
  const root = tree(undefined, chart);
  assert.deepEqual(findings(['chart'], root), { code: 0, findings: [], stderr: '' });
  assert.deepEqual(runCli(['chart'], { cwd: root }).stdout, [
    '',
    'chart/templates/service.yaml',
    '  4:10  skipped  Not linted: a Helm chart template; lint the rendered chart (helm template … | connlint -).',
    '',
    '✔ No problems (2 files checked, 1 skipped: Helm chart template)',
    '',
  ].join('\n'));
});

test('Helm chart templates with {{ are skipped when the chart is the current directory', () => {
  const root = tree(undefined, chart);
  assert.deepEqual(findings(['.'], path.join(root, 'chart')), { code: 0, findings: [], stderr: '' });
  assert.deepEqual(findings(['templates'], path.join(root, 'chart')), { code: 0, findings: [], stderr: '' });
});

test('a path named twice counts its files once', () => {
  const result = runCli(['classic', 'classic', 'classic/service.yaml'], { cwd: cliFixtures });
  assert.equal(result.stdout.split('\n').at(-2), '✖ 1 problem (0 errors, 1 warning; 2 files checked)');
});
