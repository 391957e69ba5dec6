import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cliFixtures, runCli } from '../helpers/runCli';

const ANSI = /\x1b\[[0-9;]*m/g;

const ordersMessage =
  'Service "orders" has 2 backends (Deployment "orders" has replicas: 2) and no ClientIP affinity: a connection idle over the 86400 s conntrack timeout can be re-balanced to another pod and reset.';

const classicReport = [
  '',
  'classic/service.yaml',
  `  4:9  warning  ${ordersMessage}  service-affinity`,
  '       ↳ classic/deployment.yaml:8:13  Backend of Service "orders": Deployment "orders" has replicas: 2',
  '',
  '✖ 1 problem (0 errors, 1 warning; 2 files checked)',
  '',
].join('\n');

test('stylish is the default: grouped by file, one row per finding, related places, a summary', () => {
  assert.deepEqual(runCli(['classic'], { cwd: cliFixtures }), { code: 1, stdout: classicReport, stderr: '' });
  assert.deepEqual(runCli(['--format', 'stylish', 'classic'], { cwd: cliFixtures }), { code: 1, stdout: classicReport, stderr: '' });
});

test('stylish: a clean run says so and counts the files', () => {
  assert.deepEqual(runCli(['clean'], { cwd: cliFixtures }), { code: 0, stdout: '\n✔ No problems (2 files checked)\n', stderr: '' });
  assert.deepEqual(runCli(['clean/service.yaml'], { cwd: cliFixtures }), { code: 0, stdout: '\n✔ No problems (1 file checked)\n', stderr: '' });
});

test('stylish: columns aligned per file, files in order, errors and warnings counted', () => {
  const apiMessage =
    'Service "api" has 3 backends (Deployment "api" has replicas: 3) and no ClientIP affinity: a connection idle over the 86400 s conntrack timeout can be re-balanced to another pod and reset.';
  const expected = [
    '',
    'mixed/api.yaml',
    `   4:9  warning  ${apiMessage}  service-affinity`,
    '        ↳ mixed/api.yaml:17:13  Backend of Service "api": Deployment "api" has replicas: 3',
    '  38:3  error    Flow map in block collection must be sufficiently indented and end with a }  yaml-syntax',
    '',
    'sysctl/node.conf',
    '  3:22  error  The value of net.core.somaxconn is quoted; sysctl files take no quotes and the kernel rejects "4096".  sysctl-syntax',
    '   9:1  error  kernel.pid_max has an empty value; the kernel rejects it.  sysctl-syntax',
    '  12:1  error  This line is not a `key = value` assignment; sysctl ignores it.  sysctl-syntax',
    '',
    '✖ 5 problems (4 errors, 1 warning; 2 files checked)',
    '',
  ].join('\n');
  assert.deepEqual(runCli(['sysctl/node.conf', 'mixed'], { cwd: cliFixtures }), { code: 1, stdout: expected, stderr: '' });
});

test('stylish: a single error is "1 error"', () => {
  const result = runCli(['broken/worker.yaml'], { cwd: cliFixtures });
  assert.deepEqual(result, {
    code: 1,
    stdout: [
      '',
      'broken/worker.yaml',
      '  19:1  error  Flow sequence in block collection must be sufficiently indented and end with a ]  yaml-syntax',
      '',
      '✖ 1 problem (1 error, 0 warnings; 1 file checked)',
      '',
    ].join('\n'),
    stderr: '',
  });
});

test('no ANSI codes with NO_COLOR, nor when stdout is not a terminal', () => {
  assert.equal(runCli(['classic'], { cwd: cliFixtures, env: { NO_COLOR: '1' } }).stdout, classicReport);
  assert.equal(runCli(['classic'], { cwd: cliFixtures, env: { NO_COLOR: undefined } }).stdout, classicReport);
  assert.equal(runCli(['classic'], { cwd: cliFixtures, env: { NO_COLOR: '1', FORCE_COLOR: '1' } }).stdout, classicReport);
  assert.equal(runCli(['classic'], { cwd: cliFixtures, env: { FORCE_COLOR: '0' } }).stdout, classicReport);
});

test('ANSI codes with FORCE_COLOR=1, around the same text', () => {
  const result = runCli(['classic'], { cwd: cliFixtures, env: { FORCE_COLOR: '1' } });
  assert.equal(result.code, 1);
  const lines = result.stdout.split('\n');
  assert.equal(lines[1], '\x1b[4mclassic/service.yaml\x1b[24m');
  assert.equal(lines[2], `  \x1b[2m4:9\x1b[22m  \x1b[33mwarning\x1b[39m  ${ordersMessage}  \x1b[2mservice-affinity\x1b[22m`);
  assert.equal(result.stdout.replace(ANSI, ''), classicReport);
});

test('--color and --no-color override the environment', () => {
  assert.equal(runCli(['--no-color', 'classic'], { cwd: cliFixtures, env: { FORCE_COLOR: '1' } }).stdout, classicReport);
  const forced = runCli(['--color', 'classic'], { cwd: cliFixtures, env: { NO_COLOR: '1' } }).stdout;
  assert.notEqual(forced, classicReport);
  assert.equal(forced.replace(ANSI, ''), classicReport);
});
