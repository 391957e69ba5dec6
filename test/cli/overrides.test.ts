import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { main, type CliIo } from '@connlint/server/cli';

const scratch = mkdtempSync(path.join(tmpdir(), 'connlint-overrides-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

/** A Service and the two-replica Deployment behind it: a service-affinity warning at 4:9. */
const PAIR = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: api\nspec:\n  selector: {app: api}\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  replicas: 2\n  selector: {matchLabels: {app: api}}\n  template:\n    metadata: {labels: {app: api}}\n';

const CONFIG = [
  'overrides:',
  '  - files: [test/fixtures/**]',
  '    rules: {service-affinity: "off"}',
  '  - files: [vendor/**]',
  '    excludedFiles: [vendor/ours/**]',
  '    rules: {service-affinity: info}',
  '',
].join('\n');

let trees = 0;
function tree(config: string | undefined): string {
  const root = path.join(scratch, `repo-${++trees}`);
  const files: Record<string, string> = { 'app/api.yaml': PAIR, 'test/fixtures/api.yaml': PAIR, 'vendor/lib/api.yaml': PAIR, 'vendor/ours/api.yaml': PAIR };
  if (config !== undefined) files['.connlint.yaml'] = config;
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return root;
}

async function run(args: readonly string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { cwd, stdout: { write: (text: string) => (stdout += text) }, stderr: { write: (text: string) => (stderr += text) }, readStdin: async () => '', env: { NO_COLOR: '1' } };
  return { code: await main(args, io), stdout, stderr };
}

/** Each finding as `severity file line:column rule`. */
async function findings(args: readonly string[], cwd: string): Promise<string[]> {
  const { stdout } = await run(['--format', 'json', ...args], cwd);
  const report = JSON.parse(stdout) as { diagnostics: { file: string; rule: string; severity: string; line: number; column: number }[] };
  return report.diagnostics.map((d) => `${d.severity} ${d.file} ${d.line}:${d.column} ${d.rule}`);
}

test('without overrides every copy of the pair is a warning', async () => {
  assert.deepEqual(await findings(['.'], tree(undefined)), [
    'warning app/api.yaml 4:9 service-affinity',
    'warning test/fixtures/api.yaml 4:9 service-affinity',
    'warning vendor/lib/api.yaml 4:9 service-affinity',
    'warning vendor/ours/api.yaml 4:9 service-affinity',
  ]);
});

test("overrides quiet test fixtures and vendored files, by globs relative to the configuration's directory", async () => {
  const root = tree(CONFIG);
  const expected = ['warning app/api.yaml 4:9 service-affinity', 'info vendor/lib/api.yaml 4:9 service-affinity', 'warning vendor/ours/api.yaml 4:9 service-affinity'];
  assert.deepEqual(await findings(['.'], root), expected);
  assert.deepEqual(
    await findings(['..'], path.join(root, 'app')),
    ['info ../vendor/lib/api.yaml 4:9 service-affinity', 'warning ../vendor/ours/api.yaml 4:9 service-affinity', 'warning api.yaml 4:9 service-affinity'],
    'from a subdirectory: the same files match',
  );
  assert.equal((await run(['.'], root)).code, 1);
});

test('--print-config resolves every rule for the file named: the matching overrides win', async () => {
  const root = tree(CONFIG);
  const severity = async (file: string): Promise<string> => {
    const report = JSON.parse((await run(['--print-config', file, '--format', 'json'], root)).stdout) as { settings: { rules: Record<string, string> } };
    return report.settings.rules['service-affinity']!;
  };
  assert.deepEqual(await Promise.all(['app/api.yaml', 'test/fixtures/api.yaml', 'vendor/lib/api.yaml', 'vendor/ours/api.yaml'].map(severity)), ['warning', 'off', 'info', 'warning']);
});

test('an invalid override is a configuration error: exit 2 naming the entry and the key', async () => {
  const root = tree('overrides:\n  - files: vendor/**\n    rules: {service-afinity: "off"}\n  - rules: {yaml-syntax: loud}\n');
  assert.deepEqual(await run(['.'], root), {
    code: 2,
    stdout: '',
    stderr:
      'connlint: invalid .connlint.yaml: overrides[0].files: must be a non-empty list of glob patterns; overrides[0].rules.service-afinity: unknown rule (did you mean service-affinity?); ' +
      'overrides[1].files: must be a non-empty list of glob patterns; overrides[1].rules.yaml-syntax: must be one of off, hint, info, warning, error\n',
  });
});

test("clusters: their paths are relative to the configuration's directory, from wherever connlint runs", async () => {
  const root = tree(['clusters:', '  - paths: [vendor/**]', '    assume: {conntrackEstablishedTimeout: 600}', ''].join('\n'));
  /** Each service-affinity finding as `file: the conntrack timeout its message names`. */
  const timeouts = async (args: readonly string[], cwd: string): Promise<string[]> => {
    const { stdout } = await run(['--format', 'json', ...args], cwd);
    const report = JSON.parse(stdout) as { diagnostics: { file: string; rule: string; message: string }[] };
    return report.diagnostics.filter((d) => d.rule === 'service-affinity').map((d) => `${d.file}: ${/over the (\d+ s) conntrack timeout/.exec(d.message)?.[1]}`);
  };
  const expected = ['app/api.yaml: 86400 s', 'test/fixtures/api.yaml: 86400 s', 'vendor/lib/api.yaml: 600 s', 'vendor/ours/api.yaml: 600 s'];
  assert.deepEqual(await timeouts(['.'], root), expected);
  assert.deepEqual(await timeouts(['.'], path.join(root, 'vendor')), ['lib/api.yaml: 600 s', 'ours/api.yaml: 600 s'], 'from a subdirectory: the same files are in the cluster');
});
