import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DiagnosticsTracker, Workspace, applyEdits, findTarget, lint, lintFindings, quickFixesOf } from '@connlint/server';
import { lines } from '../helpers/lintFiles';
import { NODE_SYSCTL as NODE } from '../helpers/sysctl';

const typo = (value: number): string => `net.ipv4.tcp_keepalive_tme = ${value}`;

test('lintFindings pairs each diagnostic of lint with the finding behind it, in the same order', () => {
  const workspace = new Workspace();
  workspace.set(NODE, lines(typo(600), 'net.ipv4.tcp_keepalive_time = 7200', 'net.ipv4.tcp_keepalive_time = 600'));
  const linted = lintFindings(workspace.model());
  assert.deepEqual(
    linted.map(({ diagnostic }) => diagnostic),
    lint(workspace.model()),
  );
  assert.deepEqual(
    linted.map(({ diagnostic, finding }) => [diagnostic.rule, finding.file, finding.span.start, finding.message === diagnostic.message]),
    [
      ['sysctl-unknown-key', NODE, 0, true],
      ['sysctl-duplicate', NODE, 33, true],
    ],
  );
});

test('findTarget matches by rule and start offset, or by rule and exact range', () => {
  const workspace = new Workspace();
  workspace.set(NODE, lines('# tuning', typo(600)));
  const linted = lintFindings(workspace.model());
  const range = { start: { line: 1, character: 0 }, end: { line: 1, character: 26 } };
  assert.equal(findTarget(linted, { rule: 'sysctl-unknown-key', file: NODE, start: 9 }), linted[0]);
  assert.equal(findTarget(linted, { rule: 'sysctl-unknown-key', file: NODE, range }), linted[0]);
  assert.equal(findTarget(linted, { rule: 'sysctl-unknown-key', file: NODE, start: 10 }), undefined);
  assert.equal(findTarget(linted, { rule: 'sysctl-unknown-key', file: NODE, range: { ...range, end: { line: 1, character: 25 } } }), undefined);
  assert.equal(findTarget(linted, { rule: 'sysctl-duplicate', file: NODE, start: 9 }), undefined);
  assert.equal(findTarget(linted, { rule: 'sysctl-unknown-key', file: 'other.conf', start: 9 }), undefined);
});

test('the tracker keeps the linted findings it reported; an edit outdates them until the next report', () => {
  const workspace = new Workspace();
  const before = lines('# tuning', typo(600));
  workspace.set(NODE, before);
  const tracker = new DiagnosticsTracker(workspace.model());
  tracker.changes({});
  const [reported] = tracker.upToDate(NODE);
  assert.equal(reported?.diagnostic.rule, 'sysctl-unknown-key');
  assert.equal(applyEdits(before, quickFixesOf(workspace.model(), reported!)[0]!.edits), lines('# tuning', 'net.ipv4.tcp_keepalive_time = 600'));

  const after = lines('# tuning', '# more tuning', typo(600));
  workspace.set(NODE, after);
  assert.deepEqual(tracker.upToDate(NODE), [], 'the findings reported for the old text are outdated');
  assert.equal(tracker.current(NODE)[0], reported, 'what was reported stays reported until the next call');
  tracker.changes({});
  const [current] = tracker.upToDate(NODE);
  assert.equal(current?.diagnostic.range.start.line, 2);
  assert.equal(applyEdits(after, quickFixesOf(workspace.model(), current!)[0]!.edits), lines('# tuning', '# more tuning', 'net.ipv4.tcp_keepalive_time = 600'));
});
