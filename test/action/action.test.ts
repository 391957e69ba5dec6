import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { cliFixtures, repoRoot, runCli } from '../helpers/runCli';

const bundle = path.join(repoRoot, 'action', 'dist', 'index.js');
const scratch = mkdtempSync(path.join(tmpdir(), 'connlint-action-'));
after(() => rmSync(scratch, { recursive: true, force: true }));
let runs = 0;

interface ActionRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly summary: string;
  /** `$GITHUB_OUTPUT` as written. */
  readonly outputFile: string;
  /** The outputs as the runner reads them. */
  readonly outputs: Record<string, string>;
  readonly workspace: string;
}

/**
 * Runs the committed bundle as a runner does: a fresh copy of the CLI fixtures as the workspace,
 * empty summary and output files, the inputs as `INPUT_<NAME>` variables, nothing else.
 */
function runAction(inputs: Record<string, string>, prepare: (workspace: string) => void = () => {}): ActionRun {
  const run = path.join(scratch, `run-${++runs}`);
  const workspace = path.join(run, 'workspace');
  cpSync(cliFixtures, workspace, { recursive: true });
  prepare(workspace);
  const summaryFile = path.join(run, 'step_summary');
  const outputFile = path.join(run, 'output');
  writeFileSync(summaryFile, '');
  writeFileSync(outputFile, '');
  const env: Record<string, string> = { PATH: process.env['PATH'] ?? '', GITHUB_WORKSPACE: workspace, GITHUB_STEP_SUMMARY: summaryFile, GITHUB_OUTPUT: outputFile };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  const result = spawnSync(process.execPath, [bundle], { cwd: run, env, encoding: 'utf8', timeout: 30_000 });
  if (result.error !== undefined) throw result.error;
  const written = readFileSync(outputFile, 'utf8');
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, summary: readFileSync(summaryFile, 'utf8'), outputFile: written, outputs: readOutputs(written), workspace };
}

/** Reads `$GITHUB_OUTPUT` as the runner does: `name<<DELIMITER`, value lines, `DELIMITER`. */
function readOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (lines[i] === '') continue;
    const head = /^([\w-]+)<<(.+)$/.exec(lines[i]!);
    assert.ok(head, `not a delimited output: ${lines[i]}`);
    const end = lines.indexOf(head[2]!, i + 1);
    assert.ok(end > i, `no closing delimiter for ${head[1]}`);
    outputs[head[1]!] = lines.slice(i + 1, end).join('\n');
    i = end;
  }
  return outputs;
}

const ORDERS =
  "Service \"orders\" has 2 backends (Deployment \"orders\" has replicas: 2) and no ClientIP affinity: a connection idle over the 86400 s conntrack timeout can be re-balanced to another pod and reset.";
const RELATED = 'Backend of Service "orders": Deployment "orders" has replicas: 2';
const PAGES = 'https://github.com/connlint/connlint/blob/main/docs/rules';

test('a warning: its annotation, the report in a group, the summary, the outputs; fail-on error passes', () => {
  const run = runAction({ paths: 'classic' });
  assert.equal(run.code, 0);
  assert.equal(run.stderr, '');
  assert.equal(
    run.stdout,
    [
      `::warning file=classic/service.yaml,line=4,col=9,endLine=4,endColumn=15,title=connlint service-affinity::${ORDERS}%0A↳ classic/deployment.yaml:8:13  ${RELATED}`,
      '::group::Connlint report',
      '',
      'classic/service.yaml',
      `  4:9  warning  ${ORDERS}  service-affinity`,
      `       ↳ classic/deployment.yaml:8:13  ${RELATED}`,
      '',
      '✖ 1 problem (0 errors, 1 warning; 2 files checked)',
      '',
      '::endgroup::',
      '',
    ].join('\n'),
  );
  assert.equal(
    run.summary,
    [
      '## Connlint',
      '',
      '1 problem: 0 errors, 1 warning, 0 info (2 files checked).',
      '',
      '| Rule | Errors | Warnings | Infos | What it finds |',
      '| --- | ---: | ---: | ---: | --- |',
      `| [service-affinity](${PAGES}/service-affinity.md) | 0 | 1 | 0 | A Service with several backends and no keepalive below the conntrack timeout; an idle TCP connection can be re-balanced to another pod and reset. |`,
      '',
      '<details><summary>Findings</summary>',
      '',
      '| Place | Severity | Rule | Message |',
      '| --- | --- | --- | --- |',
      `| classic/service.yaml:4:9 | warning | service-affinity | ${ORDERS} |`,
      '',
      '</details>',
      '',
    ].join('\n'),
  );
  assert.deepEqual(run.outputs, { errors: '0', warnings: '1', infos: '0', total: '1' });
  assert.match(run.outputFile, /^errors<<(ghadelimiter_[0-9a-f-]{36})\n0\n\1\nwarnings<<(ghadelimiter_[0-9a-f-]{36})\n1\n\2\n/);
});

test('fail-on: the severity from which findings fail the job (exit code 1)', () => {
  assert.equal(runAction({ paths: 'classic', 'fail-on': 'warning' }).code, 1);
  assert.equal(runAction({ paths: 'classic', 'fail-on': 'info' }).code, 1);
  assert.equal(runAction({ paths: 'classic', 'fail-on': 'never' }).code, 0);
  assert.equal(runAction({ paths: 'classic', 'fail-on': '' }).code, 0, 'empty: the default, error');
  const infoOnly = (workspace: string): void => writeFileSync(path.join(workspace, '.connlint.yaml'), 'rules:\n  service-affinity: info\n');
  assert.equal(runAction({ paths: 'classic', 'fail-on': 'warning' }, infoOnly).code, 0);
  const info = runAction({ paths: 'classic', 'fail-on': 'info' }, infoOnly);
  assert.equal(info.code, 1);
  assert.deepEqual(info.outputs, { errors: '0', warnings: '0', infos: '1', total: '1' });
  assert.match(info.stdout, /^::notice file=classic\/service\.yaml,line=4,/);
  const errors = runAction({ paths: 'classic mixed sysctl/node.conf' });
  assert.equal(errors.code, 1);
  assert.deepEqual(errors.outputs, { errors: '4', warnings: '2', infos: '0', total: '6' });
  assert.equal(runAction({ paths: 'mixed', 'fail-on': 'never' }).code, 0);
});

test('runners name inputs INPUT_<NAME> with hyphens kept: INPUT_FAIL_ON is not fail-on', () => {
  const run = runAction({ paths: 'classic', fail_on: 'warning' });
  assert.equal(run.code, 0);
});

test('paths: one per line, or separated by spaces; empty is the whole workspace', () => {
  const lines = runAction({ paths: 'classic\nmixed dir\n' }, (workspace) => cpSync(path.join(workspace, 'mixed'), path.join(workspace, 'mixed dir'), { recursive: true }));
  assert.deepEqual(
    lines.stdout.split('\n').filter((line) => line.startsWith('::warning') || line.startsWith('::error')).map((line) => line.slice(0, line.indexOf(',line='))),
    ['::warning file=classic/service.yaml', '::warning file=mixed dir/api.yaml', '::error file=mixed dir/api.yaml'],
  );
  assert.equal(runAction({ paths: ' classic   mixed ' }).outputs['total'], '3');
  const whole = runAction({ paths: '', 'fail-on': 'never' });
  const cli = runCli(['--format', 'json', '.'], { cwd: whole.workspace });
  assert.equal(whole.outputs['total'], String((JSON.parse(cli.stdout) as { diagnostics: unknown[] }).diagnostics.length));
});

test('config: a settings file relative to the workspace', () => {
  const missing = runAction({ paths: 'classic', config: 'settings/strict.yaml' });
  assert.deepEqual([missing.code, missing.stdout], [2, '::error::connlint: cannot use settings/strict.yaml: no such file\n']);
  const strict = runAction({ paths: 'classic', config: 'strict.yaml' }, (workspace) => writeFileSync(path.join(workspace, 'strict.yaml'), 'rules:\n  service-affinity: error\n'));
  assert.equal(strict.code, 1);
  assert.match(strict.stdout, /^::error file=classic\/service\.yaml,line=4,col=9,/);
});

test('usage and configuration errors: exit code 2, one ::error:: line, no summary or outputs', () => {
  const cases: [Record<string, string>, string, ((workspace: string) => void)?][] = [
    [{ paths: 'classic', 'fail-on': 'warnings' }, '::error::connlint: fail-on must be error, warning, info or never, not "warnings"\n'],
    [{ paths: 'classic nowhere' }, '::error::connlint: cannot read nowhere: no such file or directory\n'],
    [{ paths: '-' }, '::error::connlint: paths: "-" (standard input) cannot be used in the action; name files or directories\n'],
    [
      { paths: 'classic' },
      '::error::connlint: invalid .connlint.yaml: rules.service-affinity: must be one of off, hint, info, warning, error\n',
      (workspace) => writeFileSync(path.join(workspace, '.connlint.yaml'), 'rules:\n  service-affinity: loud\n'),
    ],
  ];
  for (const [inputs, stdout, prepare] of cases) {
    const run = runAction(inputs, prepare);
    assert.deepEqual([run.code, run.stdout, run.summary, run.outputFile], [2, stdout, '', ''], JSON.stringify(inputs));
  }
});

test('sarif: the SARIF report, at a path relative to the workspace, as the CLI writes it', () => {
  const run = runAction({ paths: 'classic broken', sarif: 'reports/connlint.sarif' });
  const report = path.join(run.workspace, 'reports', 'connlint.sarif');
  assert.ok(existsSync(report));
  assert.equal(readFileSync(report, 'utf8'), runCli(['--format', 'sarif', 'classic', 'broken'], { cwd: run.workspace }).stdout);
  assert.equal(existsSync(path.join(runAction({ paths: 'classic' }).workspace, 'reports')), false, 'no report unless asked');
});

test('files that cannot be linted are named in warning annotations; the rest is linted', () => {
  const run = runAction({ paths: 'classic' }, (workspace) => writeFileSync(path.join(workspace, 'classic', 'image.yaml'), 'kind: \u0000Service\n'));
  assert.equal(run.code, 0);
  assert.match(run.stdout, /^::warning::connlint: skipped classic\/image\.yaml: [^\n]+\n::warning file=classic\/service\.yaml,/);
  assert.equal(run.outputs['total'], '1');
});

test('without GITHUB_STEP_SUMMARY and GITHUB_OUTPUT (a local run), annotations and exit code only', () => {
  const result = spawnSync(process.execPath, [bundle], { cwd: cliFixtures, env: { PATH: process.env['PATH'] ?? '', INPUT_PATHS: 'classic', 'INPUT_FAIL-ON': 'warning' }, encoding: 'utf8' });
  assert.equal(result.status, 1);
  assert.match(result.stdout, /^::warning file=classic\/service\.yaml,line=4,/);
});
