import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, test } from 'node:test';
import Ajv2020 from 'ajv/dist/2020';
import { codeQualitySeverity, pathFromRoot, repositoryRoot } from '@connlint/server/cli';
import { cliFixtures, fixtureCopier, repoRoot, runCli } from '../helpers/runCli';

// Written from GitLab's documentation of the report (see test/fixtures/gitlab/README.md).
const schema = JSON.parse(readFileSync(path.join(repoRoot, 'test', 'fixtures', 'gitlab', 'code-quality-report.schema.json'), 'utf8')) as object;
const validateReport = new Ajv2020({ allErrors: true }).compile(schema);
const copyFixture = fixtureCopier('connlint-gitlab-', after);

interface Issue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: string;
  location: { path: string; lines: { begin: number } };
}

/** Runs connlint with --format gitlab outside any GitLab job, checks the report against the schema and returns it. */
function gitlab(args: readonly string[], cwd = cliFixtures, env: Record<string, string | undefined> = {}): { code: number | null; issues: Issue[] } {
  const result = runCli(['--format', 'gitlab', ...args], { cwd, env: { CI_PROJECT_DIR: undefined, ...env } });
  assert.equal(result.stderr, '');
  const issues = JSON.parse(result.stdout) as Issue[];
  assert.ok(validateReport(issues), `not a Code Quality report:\n${JSON.stringify(validateReport.errors, null, 2)}`);
  return { code: result.code, issues };
}

const FIXTURES_PATH = 'test/fixtures/cli';

test('one issue per finding: message, rule, severity on GitLab scale, path from the repository root, first line', () => {
  const { code, issues } = gitlab(['classic', 'mixed']);
  assert.equal(code, 1);
  const reset = 'can be re-balanced to another pod and reset.';
  const idle = 'and no ClientIP affinity: a connection idle over the 86400 s conntrack timeout';
  assert.deepEqual(
    issues.map(({ fingerprint, ...issue }) => (assert.match(fingerprint, /^[0-9a-f]{32}$/), issue)),
    [
      {
        description: `Service "orders" has 2 backends (Deployment "orders" has replicas: 2) ${idle} ${reset}`,
        check_name: 'service-affinity',
        severity: 'minor',
        location: { path: `${FIXTURES_PATH}/classic/service.yaml`, lines: { begin: 4 } },
      },
      {
        description: `Service "api" has 3 backends (Deployment "api" has replicas: 3) ${idle} ${reset}`,
        check_name: 'service-affinity',
        severity: 'minor',
        location: { path: `${FIXTURES_PATH}/mixed/api.yaml`, lines: { begin: 4 } },
      },
      {
        description: 'Flow map in block collection must be sufficiently indented and end with a }',
        check_name: 'yaml-syntax',
        severity: 'critical',
        location: { path: `${FIXTURES_PATH}/mixed/api.yaml`, lines: { begin: 38 } },
      },
    ],
  );
  const broken = structuredClone(issues);
  broken[0]!.severity = 'warning';
  assert.equal(validateReport(broken), false, 'the schema is not a no-op');
  assert.deepEqual(gitlab(['clean']), { code: 0, issues: [] });
});

test('the same findings as the JSON report, and the fingerprints of the SARIF report', () => {
  const args = ['classic', 'broken', 'unicode', 'sysctl/node.conf', 'mixed'];
  const { issues } = gitlab(args);
  const json = JSON.parse(runCli(['--format', 'json', ...args], { cwd: cliFixtures }).stdout) as { diagnostics: { file: string; rule: string; message: string; line: number }[] };
  assert.deepEqual(
    issues.map((issue) => [issue.location.path, issue.check_name, issue.description, issue.location.lines.begin]),
    json.diagnostics.map((d) => [`${FIXTURES_PATH}/${d.file}`, d.rule, d.message, d.line]),
  );
  const sarif = JSON.parse(runCli(['--format', 'sarif', ...args], { cwd: cliFixtures }).stdout) as { runs: { results: { partialFingerprints: Record<string, string> }[] }[] };
  assert.deepEqual(
    issues.map((issue) => issue.fingerprint),
    sarif.runs[0]!.results.map((result) => result.partialFingerprints['connlint/v1']),
  );
  assert.equal(new Set(issues.map((issue) => issue.fingerprint)).size, issues.length, 'no two issues share a fingerprint (GitLab would show one)');
});

test('a fingerprint survives lines added above the finding; its line follows', () => {
  const root = copyFixture('classic');
  mkdirSync(path.join(root, '.git'));
  const [before] = gitlab(['.'], root).issues;
  const service = path.join(root, 'service.yaml');
  writeFileSync(service, `# Orders API\n# owned by the payments team\n${readFileSync(service, 'utf8')}`);
  const [afterEdit] = gitlab(['.'], root).issues;
  assert.deepEqual([afterEdit!.fingerprint, afterEdit!.location], [before!.fingerprint, { path: 'service.yaml', lines: { begin: 6 } }]);
});

test('paths start at the repository root: CI_PROJECT_DIR in a GitLab job, else the directory holding .git', () => {
  const root = copyFixture('classic');
  mkdirSync(path.join(root, '.git'));
  mkdirSync(path.join(root, 'deploy'));
  for (const file of ['service.yaml', 'deployment.yaml']) renameSync(path.join(root, file), path.join(root, 'deploy', file));
  assert.deepEqual(
    gitlab(['.'], path.join(root, 'deploy')).issues.map((issue) => issue.location.path),
    ['deploy/service.yaml'],
  );
  assert.deepEqual(
    gitlab(['.'], path.join(root, 'deploy'), { CI_PROJECT_DIR: path.dirname(root) }).issues.map((issue) => issue.location.path),
    [`${path.basename(root)}/deploy/service.yaml`],
  );
  const stdin = runCli(['--format', 'gitlab', '-'], { cwd: root, stdin: 'kind: Service\nspec: [\n', env: { CI_PROJECT_DIR: undefined } });
  assert.deepEqual((JSON.parse(stdin.stdout) as Issue[]).map((issue) => [issue.location.path, issue.check_name]), [['<stdin>', 'yaml-syntax']]);
});

test('severities: error → critical, warning → minor, info and hint → info', () => {
  assert.deepEqual(
    (['error', 'warning', 'info', 'hint'] as const).map(codeQualitySeverity),
    ['critical', 'minor', 'info', 'info'],
  );
});

test('repository paths: relative with / separators; outside the root or not a file, unchanged', () => {
  const isFile = (name: string): boolean => name !== '<stdin>';
  assert.equal(pathFromRoot('k8s/a.yaml', '/repo/deploy', '/repo', isFile), 'deploy/k8s/a.yaml');
  assert.equal(pathFromRoot('../other/a.yaml', '/repo', '/repo', isFile), '../other/a.yaml');
  assert.equal(pathFromRoot('<stdin>', '/repo/deploy', '/repo', isFile), '<stdin>');
  const dirs = new Set(['/repo/.git']);
  assert.equal(repositoryRoot('/repo/deploy/k8s', {}, (file) => dirs.has(file)), '/repo');
  assert.equal(repositoryRoot('/elsewhere/k8s', {}, (file) => dirs.has(file)), '/elsewhere/k8s');
  assert.equal(repositoryRoot('/repo/deploy', { CI_PROJECT_DIR: '/builds/team/app' }, (file) => dirs.has(file)), '/builds/team/app');
  assert.equal(repositoryRoot('/repo/deploy', { CI_PROJECT_DIR: '' }, (file) => dirs.has(file)), '/repo');
});
