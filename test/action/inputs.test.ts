import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Diagnostic } from '@connlint/server';
import { actionInput, actionInputs, ActionInputError, failsJob, jobSummary, markdownCell, outputCommand, splitPaths, SUMMARY_FINDINGS_LIMIT, workflowCommand } from '@connlint/server/action';

function finding(severity: Diagnostic['severity'], line = 0): Diagnostic {
  return { file: 'k8s/app.yaml', rule: 'service-affinity', severity, message: 'm', related: [], range: { start: { line, character: 2 }, end: { line, character: 5 } } };
}

test("inputs are read as the toolkit's getInput reads them: INPUT_ + upper case, spaces as _, trimmed, empty is unset", () => {
  assert.equal(actionInput({ 'INPUT_FAIL-ON': '  warning \n' }, 'fail-on'), 'warning');
  assert.equal(actionInput({ INPUT_FAIL_ON: 'warning' }, 'fail-on'), undefined);
  assert.equal(actionInput({ INPUT_MY_INPUT: 'x' }, 'my input'), 'x');
  assert.equal(actionInput({ INPUT_SARIF: '   ' }, 'sarif'), undefined);
  assert.deepEqual(actionInputs({}), { paths: ['.'], config: undefined, failOn: 'error', sarif: undefined });
  assert.deepEqual(actionInputs({ INPUT_PATHS: 'a b', INPUT_CONFIG: 'c.yaml', 'INPUT_FAIL-ON': 'never', INPUT_SARIF: 'r.sarif' }), {
    paths: ['a', 'b'],
    config: 'c.yaml',
    failOn: 'never',
    sarif: 'r.sarif',
  });
  assert.throws(() => actionInputs({ 'INPUT_FAIL-ON': 'Error' }), ActionInputError);
});

test('paths: several lines are one path each (spaces kept); one line splits on spaces', () => {
  assert.deepEqual(splitPaths(undefined), ['.']);
  assert.deepEqual(splitPaths('k8s nodes/sysctl.d'), ['k8s', 'nodes/sysctl.d']);
  assert.deepEqual(splitPaths('k8s\r\n\nmy charts/out\n'), ['k8s', 'my charts/out']);
  assert.deepEqual(splitPaths('k8s\t\tother'), ['k8s', 'other']);
});

test('fail-on compares each finding with the chosen severity; hints count as infos', () => {
  const rows = (['error', 'warning', 'info', 'never'] as const).map((failOn) => [failOn, ...(['error', 'warning', 'info', 'hint'] as const).map((severity) => failsJob([finding(severity)], failOn))]);
  assert.deepEqual(rows, [
    ['error', true, false, false, false],
    ['warning', true, true, false, false],
    ['info', true, true, true, true],
    ['never', false, false, false, false],
  ]);
  assert.equal(failsJob([], 'info'), false);
});

test('outputs in the delimited file-command form; a value holding the delimiter is refused', () => {
  assert.equal(outputCommand('total', '3', 'EOF_1'), 'total<<EOF_1\n3\nEOF_1\n');
  assert.equal(outputCommand('list', 'a\nb', 'EOF_1'), 'list<<EOF_1\na\nb\nEOF_1\n');
  assert.throws(() => outputCommand('x', 'a\nEOF_1\nb', 'EOF_1'), /delimiter/);
  assert.match(outputCommand('total', '3'), /^total<<ghadelimiter_[0-9a-f-]{36}\n3\nghadelimiter_[0-9a-f-]{36}\n$/);
  assert.equal(workflowCommand('error', '100% sure\nreally'), '::error::100%25 sure%0Areally\n');
});

test('summary cells: file names and messages stay text (no markup, no table break, no control characters)', () => {
  assert.equal(markdownCell('a|b <img src=x> *bold* `code` [l](u) _u_ ~s~ \\ & c'), 'a\\|b &lt;img src=x&gt; \\*bold\\* \\`code\\` \\[l\\](u) \\_u\\_ \\~s\\~ \\\\ &amp; c');
  assert.equal(markdownCell('one\ntwo\r\nthree\u001b[0m'), 'one<br>two<br>three\\u001b\\[0m');
});

test('the summary lists at most a bounded number of findings, then counts the rest', () => {
  const many = Array.from({ length: SUMMARY_FINDINGS_LIMIT + 3 }, (_, line) => finding('warning', line));
  const summary = jobSummary(many, 1);
  assert.equal(summary.split('\n').filter((line) => line.startsWith('| k8s/app.yaml:')).length, SUMMARY_FINDINGS_LIMIT);
  assert.ok(summary.includes('\nAnd 3 more: see the annotations or the SARIF report.\n'));
  assert.ok(summary.includes(`${SUMMARY_FINDINGS_LIMIT + 3} problems: 0 errors, ${SUMMARY_FINDINGS_LIMIT + 3} warnings, 0 info (1 file checked).`));
  assert.equal(jobSummary([], 3), '## Connlint\n\nNo problems (3 files checked).\n');
});
