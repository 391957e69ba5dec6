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

test("examples/ci/github-actions.yml: checkout, Connlint's action with a SARIF report, upload to code scanning", () => {
  const workflow = readYaml('examples/ci/github-actions.yml') as { on: unknown; permissions: Record<string, string>; jobs: Record<string, { 'runs-on': string; steps: (Step & { id?: string })[] }> };
  assert.ok(workflow.on !== undefined);
  assert.equal(workflow.permissions['security-events'], 'write', 'upload-sarif needs security-events: write');
  const [job] = Object.values(workflow.jobs);
  const steps = job!.steps;
  assert.deepEqual(
    steps.map((step) => step.uses?.replace(/@.*$/, '')),
    ['actions/checkout', 'connlint/connlint', 'github/codeql-action/upload-sarif'],
  );
  const { repository } = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { repository: { url: string } };
  assert.equal(`https://github.com/${steps[1]!.uses!.replace(/@.*$/, '')}`, repository.url, 'the action is this repository');
  const action = readYaml('action.yml') as { inputs: Record<string, unknown> };
  assert.deepEqual(Object.keys(steps[1]!.with!).filter((input) => !(input in action.inputs)), [], 'only inputs action.yml declares');
  assert.equal(steps[1]!.with!['sarif'], steps[2]!.with!['sarif_file']);
  assert.equal(steps[2]!.if, `\${{ !cancelled() && steps.${steps[1]!.id}.outputs.total != '' }}`, 'uploads after findings failed the job, not after a usage error');
});

test('examples/ci/gitlab-ci.yml: the Code Quality and JUnit reports as artifacts, kept when the job fails', () => {
  const jobs = readYaml('examples/ci/gitlab-ci.yml') as Record<string, { script: string[]; artifacts: { when: string; reports: Record<string, string> } }>;
  const job = jobs['connlint']!;
  assert.match(job.script[0]!, /^npx --yes connlint --format gitlab \. > (\S+) \|\| \[ \$\? -eq 1 \]$/);
  assert.match(job.script[1]!, /^npx --yes connlint --format junit \. > (\S+)$/);
  assert.deepEqual(job.artifacts, {
    when: 'always',
    reports: { codequality: job.script[0]!.split(' > ')[1]!.split(' ')[0], junit: job.script[1]!.split(' > ')[1] },
  });
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
