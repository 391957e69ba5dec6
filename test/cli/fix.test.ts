import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { cliFixtures, fixtureCopier, runCli } from '../helpers/runCli';
import { NODE_SYSCTL as NODE_PATH } from '../helpers/sysctl';

const copy = fixtureCopier('connlint-fix-', after);

/** Every file below a folder with its text, by `/`-separated relative path. */
function snapshot(root: string): Record<string, string> {
  const files: Record<string, string> = {};
  const visit = (directory: string): void => {
    for (const name of readdirSync(directory).sort()) {
      const full = path.join(directory, name);
      if (statSync(full).isDirectory()) visit(full);
      else files[path.relative(root, full).split(path.sep).join('/')] = readFileSync(full, 'utf8');
    }
  };
  visit(root);
  return files;
}

const fixture = (...segments: string[]): string => readFileSync(path.join(cliFixtures, 'fix-mixed', ...segments), 'utf8');
const SERVICE = fixture('service.yaml');
const DEPLOYMENT = fixture('deployment.yaml');
const NODE = fixture('node', 'sysctl.d', '60-k8s.conf');
/** service-affinity's preferred fix: the keepalive in the backends' pods. */
const KEEPALIVE = '          - name: net.ipv4.tcp_keepalive_time\n            value: "600"\n';
const FIXED_DEPLOYMENT = DEPLOYMENT + KEEPALIVE;
const FIXED_NODE = NODE.replace('= 90000', '= 600');
const EMPTY_REPORT = '{\n  "version": 1,\n  "diagnostics": []\n}\n';

const DIFF =
  '--- a/deployment.yaml\n' +
  '+++ b/deployment.yaml\n' +
  '@@ -20,3 +20,5 @@\n' +
  '         sysctls:\n' +
  '           - name: net.ipv4.tcp_keepalive_intvl\n' +
  '             value: "30"\n' +
  '+          - name: net.ipv4.tcp_keepalive_time\n' +
  '+            value: "600"\n' +
  '--- a/node/sysctl.d/60-k8s.conf\n' +
  '+++ b/node/sysctl.d/60-k8s.conf\n' +
  '@@ -1,3 +1,3 @@\n' +
  ' # Keepalive for host-network daemons.\n' +
  '-net.ipv4.tcp_keepalive_time = 90000\n' +
  '+net.ipv4.tcp_keepalive_time = 600\n' +
  ' net.ipv4.tcp_keepalive_intvl = 30\n';

test('the fixture has three findings before fixing', () => {
  const result = runCli(['--format', 'json', '.'], { cwd: copy('fix-mixed') });
  assert.equal(result.code, 1);
  assert.deepEqual(
    (JSON.parse(result.stdout) as { diagnostics: { file: string; rule: string }[] }).diagnostics.map(({ file, rule }) => `${file} ${rule}`),
    [`${NODE_PATH} keepalive-not-inherited`, `${NODE_PATH} keepalive-conntrack`, 'service.yaml service-affinity'],
  );
});

test('--fix writes the fixed files and reports what remains: nothing, exit 0', () => {
  const root = copy('fix-mixed');
  assert.deepEqual(runCli(['--fix', '--format', 'json', '.'], { cwd: root }), { code: 0, stdout: EMPTY_REPORT, stderr: '' });
  assert.deepEqual(snapshot(root), { 'deployment.yaml': FIXED_DEPLOYMENT, [NODE_PATH]: FIXED_NODE, 'service.yaml': SERVICE });
  assert.deepEqual(runCli(['--fix', '--format', 'json', '.'], { cwd: root }), { code: 0, stdout: EMPTY_REPORT, stderr: '' }, 'a second run changes nothing');
  assert.deepEqual(snapshot(root), { 'deployment.yaml': FIXED_DEPLOYMENT, [NODE_PATH]: FIXED_NODE, 'service.yaml': SERVICE });
});

test('--fix with the stylish report: the summary counts the files as fixed', () => {
  const root = copy('fix-mixed');
  assert.deepEqual(runCli(['--fix'], { cwd: root }), { code: 0, stdout: '\n✔ No problems (3 files checked)\n', stderr: '' });
  assert.equal(readFileSync(path.join(root, 'deployment.yaml'), 'utf8'), FIXED_DEPLOYMENT);
});

test('--fix: the exit code reflects the findings no fix resolves', () => {
  const root = copy('fix-mixed', { 'broken.conf': 'net.ipv4.tcp_keepalive_intvl = "30"\n' });
  const result = runCli(['--fix', '--format', 'json', '.', 'broken.conf'], { cwd: root });
  assert.equal(result.code, 1);
  assert.equal(result.stderr, '');
  assert.deepEqual(
    (JSON.parse(result.stdout) as { diagnostics: { file: string; rule: string }[] }).diagnostics.map(({ file, rule }) => `${file} ${rule}`),
    ['broken.conf sysctl-syntax'],
  );
  assert.deepEqual(snapshot(root), { 'broken.conf': 'net.ipv4.tcp_keepalive_intvl = "30"\n', 'deployment.yaml': FIXED_DEPLOYMENT, [NODE_PATH]: FIXED_NODE, 'service.yaml': SERVICE });
});

test('--fix only touches the files named on the command line', () => {
  const root = copy('fix-mixed');
  assert.equal(runCli(['--fix', 'service.yaml', 'deployment.yaml'], { cwd: root }).code, 0);
  assert.deepEqual(snapshot(root), { 'deployment.yaml': FIXED_DEPLOYMENT, [NODE_PATH]: NODE, 'service.yaml': SERVICE });
});

test('--fix keeps a byte-order mark and CRLF line ends', () => {
  const crlf = DEPLOYMENT.replace(/\n/g, '\r\n');
  const root = copy('fix-mixed', { 'deployment.yaml': `\uFEFF${crlf}` });
  assert.equal(runCli(['--fix', '.'], { cwd: root }).code, 0);
  assert.equal(readFileSync(path.join(root, 'deployment.yaml'), 'utf8'), `\uFEFF${crlf}${KEEPALIVE.replace(/\n/g, '\r\n')}`);
  const plain = copy('fix-mixed');
  runCli(['--fix', '.'], { cwd: plain });
  assert.equal(readFileSync(path.join(plain, 'deployment.yaml'), 'utf8').charCodeAt(0), 'a'.charCodeAt(0), 'no mark added');
});

test('--fix never writes standard input; its findings stay in the report', () => {
  const root = copy('fix-mixed');
  const result = runCli(['--fix', '--format', 'json', '-', 'service.yaml', NODE_PATH], { cwd: root, stdin: DEPLOYMENT });
  assert.equal(result.code, 1);
  assert.deepEqual(
    (JSON.parse(result.stdout) as { diagnostics: { file: string; rule: string }[] }).diagnostics.map(({ file, rule }) => `${file} ${rule}`),
    [`${NODE_PATH} keepalive-not-inherited`, 'service.yaml service-affinity'],
  );
  assert.deepEqual(snapshot(root), { 'deployment.yaml': DEPLOYMENT, [NODE_PATH]: FIXED_NODE, 'service.yaml': SERVICE });
  assert.deepEqual(runCli(['--fix-dry-run', '-', 'service.yaml'], { cwd: root, stdin: DEPLOYMENT }), { code: 1, stdout: '', stderr: '' });
});

test('--fix-dry-run prints the unified diff and changes nothing', () => {
  const root = copy('fix-mixed');
  assert.deepEqual(runCli(['--fix-dry-run'], { cwd: root }), { code: 0, stdout: DIFF, stderr: '' });
  assert.deepEqual(runCli(['--fix-dry-run', '--format', 'json', '.'], { cwd: root }), { code: 0, stdout: DIFF, stderr: '' }, 'the format does not matter');
  assert.deepEqual(snapshot(root), { 'deployment.yaml': DEPLOYMENT, [NODE_PATH]: NODE, 'service.yaml': SERVICE });
});

test('--fix-dry-run from another directory names the files as the report does', () => {
  const root = copy('fix-mixed');
  const result = runCli(['--fix-dry-run', path.basename(root)], { cwd: path.dirname(root) });
  const prefix = path.basename(root);
  assert.deepEqual(result, { code: 0, stdout: DIFF.replace(/^(---|\+\+\+) ([ab])\//gm, `$1 $2/${prefix}/`), stderr: '' });
});

test('--fix-dry-run with nothing to fix prints nothing; the exit code is that of the findings', () => {
  const root = copy('fix-mixed', { 'broken.conf': 'net.ipv4.tcp_keepalive_intvl = "30"\n' });
  assert.deepEqual(runCli(['--fix-dry-run', 'deployment.yaml'], { cwd: root }), { code: 0, stdout: '', stderr: '' });
  assert.deepEqual(runCli(['--fix-dry-run', 'broken.conf'], { cwd: root }), { code: 1, stdout: '', stderr: '' });
});

test('--fix and --fix-dry-run together: usage error, exit 2, nothing written', () => {
  const root = copy('fix-mixed');
  assert.deepEqual(runCli(['--fix', '--fix-dry-run', '.'], { cwd: root }), { code: 2, stdout: '', stderr: 'connlint: --fix and --fix-dry-run exclude each other\n' });
  assert.deepEqual(runCli(['--fix-dry-run', '--fix'], { cwd: root }).code, 2);
  assert.deepEqual(snapshot(root), { 'deployment.yaml': DEPLOYMENT, [NODE_PATH]: NODE, 'service.yaml': SERVICE });
});

test('--fix applies the pod keepalive to every workload over several passes', () => {
  const kubeProxy = 'apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\nconntrack:\n  tcpEstablishedTimeout: 1h\n';
  const pod = (name: string): string => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers:\n    - name: app\n      image: busybox\n`;
  const fixedPod = (name: string): string => `${pod(name)}  securityContext:\n    sysctls:\n      - name: net.ipv4.tcp_keepalive_time\n        value: "600"\n`;
  const root = copy('fix-mixed', { 'kube-proxy.yaml': kubeProxy, 'a.yaml': pod('a'), 'b.yaml': pod('b'), 'c.yaml': pod('c') });
  assert.deepEqual(runCli(['--fix', '--format', 'json', 'kube-proxy.yaml', 'a.yaml', 'b.yaml', 'c.yaml'], { cwd: root }), { code: 0, stdout: EMPTY_REPORT, stderr: '' });
  assert.deepEqual(snapshot(root), {
    'a.yaml': fixedPod('a'),
    'b.yaml': fixedPod('b'),
    'c.yaml': fixedPod('c'),
    'deployment.yaml': DEPLOYMENT,
    'kube-proxy.yaml': kubeProxy,
    [NODE_PATH]: NODE,
    'service.yaml': SERVICE,
  });
});

test('--fix applies the pod keepalive to seven workloads', () => {
  const kubeProxy = 'apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\nconntrack:\n  tcpEstablishedTimeout: 1h\n';
  const names = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
  const pod = (name: string): string => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers:\n    - name: app\n      image: busybox\n`;
  const root = copy('fix-mixed', { 'kube-proxy.yaml': kubeProxy, ...Object.fromEntries(names.map((name) => [`${name}.yaml`, pod(name)])) });
  const result = runCli(['--fix', '--format', 'json', 'kube-proxy.yaml', ...names.map((name) => `${name}.yaml`)], { cwd: root });
  assert.deepEqual(result, { code: 0, stdout: EMPTY_REPORT, stderr: '' });
});

test('--fix leaves alone the rules a configuration turns off', () => {
  const root = copy('fix-mixed', { '.connlint.yaml': 'rules:\n  service-affinity: "off"\n' });
  assert.deepEqual(runCli(['--fix', '--format', 'json', 'service.yaml', 'deployment.yaml', NODE_PATH], { cwd: root }), { code: 0, stdout: EMPTY_REPORT, stderr: '' });
  assert.equal(readFileSync(path.join(root, 'service.yaml'), 'utf8'), SERVICE);
  assert.equal(readFileSync(path.join(root, NODE_PATH), 'utf8'), FIXED_NODE);
});
