import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { parseDocument } from 'yaml';
import { repoRoot } from '../helpers/runCli';

/** Parses a YAML file strictly: any syntax error or warning fails. */
function readYaml(relative: string): unknown {
  const document = parseDocument(readFileSync(path.join(repoRoot, relative), 'utf8'), { uniqueKeys: true });
  assert.deepEqual([...document.errors, ...document.warnings].map((problem) => problem.message), [], relative);
  return document.toJS();
}

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  if?: string;
}

test('examples/ci/github-actions.yml: checkout, setup-node, connlint as SARIF, upload to code scanning', () => {
  const workflow = readYaml('examples/ci/github-actions.yml') as { on: unknown; permissions: Record<string, string>; jobs: Record<string, { 'runs-on': string; steps: Step[] }> };
  assert.ok(workflow.on !== undefined);
  assert.equal(workflow.permissions['security-events'], 'write', 'upload-sarif needs security-events: write');
  const [job] = Object.values(workflow.jobs);
  const steps = job!.steps;
  assert.deepEqual(
    steps.map((step) => step.uses?.replace(/@.*$/, '') ?? 'run'),
    ['actions/checkout', 'actions/setup-node', 'run', 'github/codeql-action/upload-sarif'],
  );
  assert.ok(Number(steps[1]!.with!['node-version']) >= 20, 'Node 20 or later');
  assert.match(steps[2]!.run!, /npx (--yes )?connlint --format sarif \. > connlint\.sarif/);
  assert.match(steps[2]!.run!, /\|\| \[ \$\? -eq 1 \]$/, 'findings (exit 1) do not stop the upload; usage errors (exit 2) do');
  assert.equal(steps[3]!.with!['sarif_file'], 'connlint.sarif');
  assert.equal(steps[3]!.if, 'always()');
});

test('.pre-commit-hooks.yaml: the connlint hook, run on YAML, JSON and sysctl files', () => {
  const hooks = readYaml('.pre-commit-hooks.yaml') as { id: string; entry: string; language: string; files: string; name: string }[];
  assert.deepEqual(
    hooks.map(({ id, entry, language }) => ({ id, entry, language })),
    [{ id: 'connlint', entry: 'connlint', language: 'node' }],
  );
  const { bin } = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { bin: Record<string, string> };
  assert.ok(hooks[0]!.entry in bin, 'the entry is a bin of the package');
  // pre-commit matches `files` with Python's re.search; these patterns mean the same in JavaScript.
  const files = new RegExp(hooks[0]!.files);
  const matched = ['k8s/app.yaml', 'deploy.yml', 'list.json', 'etc/sysctl.conf', 'sysctl.conf', 'etc/sysctl.d/60-tcp.conf', 'nodes/a/sysctl.d/99.conf'];
  const unmatched = ['README.md', 'main.go', 'etc/nginx.conf', 'sysctl.d/README', 'app.yaml.bak', 'mysysctl.conf', 'sysctl.d/x/y.conf'];
  assert.deepEqual(matched.filter((file) => !files.test(file)), []);
  assert.deepEqual(unmatched.filter((file) => files.test(file)), []);
});
