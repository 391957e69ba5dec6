import assert from 'node:assert/strict';
import { test } from 'node:test';
import { main, type CliIo } from '@connlint/server/cli';
import { repoRoot } from '../helpers/runCli';

/** Runs the CLI in this process over `stdin`, without colour: its exit code and what it wrote. */
async function lintStdin(args: readonly string[], stdin: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    cwd: repoRoot,
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    readStdin: async () => stdin,
    env: { NO_COLOR: '1' },
  };
  const code = await main([...args, '-'], io);
  return { code, stdout, stderr };
}

const TEMPLATE = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: {{ .Values.service.type }}\n';
const REASON = 'Not linted: a template, {{ .Values.service.type }} stands where YAML structure is; lint the rendered output.';

test('a skipped stream is not called checked: its row says why, the summary counts it apart, exit 0', async () => {
  assert.deepEqual(await lintStdin([], TEMPLATE), {
    code: 0,
    stdout: ['', '<stdin>', `  6:9  skipped  ${REASON}`, '', '✔ No problems (0 files checked, 1 skipped: template)', ''].join('\n'),
    stderr: '',
  });
});

test('--quiet leaves the skipped rows out and keeps the counts', async () => {
  assert.deepEqual(await lintStdin(['--quiet'], TEMPLATE), { code: 0, stdout: '\n✔ No problems (0 files checked, 1 skipped: template)\n', stderr: '' });
});

test('the JSON report lists skipped parts and counts files checked and skipped', async () => {
  const { code, stdout } = await lintStdin(['--format', 'json'], TEMPLATE);
  assert.equal(code, 0);
  assert.deepEqual(JSON.parse(stdout), {
    version: 1,
    diagnostics: [],
    files: { checked: 0, skipped: { template: 1 } },
    skipped: [{ file: '<stdin>', kind: 'template', reason: REASON, line: 6, column: 9, endLine: 6, endColumn: 35 }],
  });
});

test('JUnit marks a wholly skipped file as a skipped test case; SARIF notes it in the invocation', async () => {
  const junit = (await lintStdin(['--format', 'junit'], TEMPLATE)).stdout;
  assert.match(junit, /<testsuite name="connlint" tests="1" failures="0" errors="0" skipped="1">/);
  assert.match(junit, /<testcase name="&lt;stdin&gt;" classname="connlint">\n {6}<skipped message="Not linted: a template, \{\{ \.Values\.service\.type \}\} stands where YAML structure is; lint the rendered output\."\/>/);
  const sarif = JSON.parse((await lintStdin(['--format', 'sarif'], TEMPLATE)).stdout) as { runs: { invocations: unknown[]; results: unknown[] }[] };
  assert.deepEqual(sarif.runs[0]!.results, []);
  assert.deepEqual(sarif.runs[0]!.invocations, [
    {
      executionSuccessful: true,
      toolExecutionNotifications: [
        {
          level: 'note',
          message: { text: REASON },
          locations: [{ physicalLocation: { artifactLocation: { uri: '%3Cstdin%3E' }, region: { startLine: 6, startColumn: 9, endLine: 6, endColumn: 35 } } }],
        },
      ],
    },
  ]);
});

test('a stream read in part is checked; its template document is a row of its own', async () => {
  const stream = `${TEMPLATE}---\napiVersion: v1\nkind: Service\nmetadata:\n  name: api\n  annotations: {summary: "{{ $labels.instance }} down"}\n`;
  const { code, stdout } = await lintStdin([], stream);
  assert.equal(code, 0);
  assert.equal(stdout, ['', '<stdin>', `  6:9  skipped  ${REASON.replace('Not linted', 'Document 1 not linted')}`, '', '✔ No problems (1 file checked)', ''].join('\n'));
});
