import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DiagnosticsTracker, Workspace, applyEdits, findTarget, lint, lintFindings, quickFixesOf, type LintedFinding } from '@connlint/server';
import { lines } from '../helpers/lintFiles';
import { TWO_REPLICA_DEPLOYMENT } from '../helpers/manifests';
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
  assert.deepEqual(tracker.current(NODE), [reported], 'what was reported stays reported, at its range in the text it was reported in, until the next call');
  tracker.changes({});
  const [current] = tracker.upToDate(NODE);
  assert.equal(current?.diagnostic.range.start.line, 2);
  assert.equal(applyEdits(after, quickFixesOf(workspace.model(), current!)[0]!.edits), lines('# tuning', '# more tuning', 'net.ipv4.tcp_keepalive_time = 600'));
});

test('until the next report, the tracker gives a related location in another file at the range it was reported at, not where an edit of that file moved it', () => {
  const service = lines('apiVersion: v1', 'kind: Service', 'metadata: {name: a}', 'spec:', '  selector: {app: a}');
  const workspace = new Workspace();
  workspace.set('svc.yaml', service);
  workspace.set('deploy.yaml', TWO_REPLICA_DEPLOYMENT);
  const tracker = new DiagnosticsTracker(workspace.model());
  tracker.changes({});
  const relatedRange = (linted: readonly LintedFinding[]) => linted.map(({ diagnostic }) => [diagnostic.rule, diagnostic.related.map((related) => [related.file, related.range])]);
  const reported = relatedRange(tracker.current('svc.yaml'));
  const replicasAt = (line: number) => ({ start: { line, character: 12 }, end: { line, character: 13 } });
  assert.deepEqual(reported, [['service-affinity', [['deploy.yaml', replicasAt(5)]]]]);

  workspace.set('deploy.yaml', lines('# two comment lines', '# above the Deployment', TWO_REPLICA_DEPLOYMENT));
  assert.deepEqual(relatedRange(tracker.current('svc.yaml')), reported);
  const changed = tracker.changes({});
  assert.deepEqual([...changed.keys()], ['svc.yaml'], 'the related range moved: the Service file is reported again');
  assert.deepEqual(relatedRange(tracker.current('svc.yaml')), [['service-affinity', [['deploy.yaml', replicasAt(7)]]]]);
  assert.deepEqual(tracker.changes({}), new Map(), 'nothing changed since');
});
