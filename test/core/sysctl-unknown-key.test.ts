import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyEdits, fixesFor, editDistance, closestKeys, suggestionThreshold } from '@connlint/server';
import { lintBrief, lintFiles, lines, type Brief, modelOf } from '../helpers/lintFiles';
import { NODE_SYSCTL as NODE } from '../helpers/sysctl';

const RULE = 'sysctl-unknown-key';
const NODE_CONSEQUENCE = 'The node skips it.';
const at = (file: string, range: string): Brief => ({ rule: RULE, severity: 'warning', file, range });
const ours = (files: Record<string, string>): Brief[] => lintBrief(files).filter((brief) => brief.rule === RULE);

/** A Deployment "web" whose pods set one sysctl, `name` written as given (quotes included), on line 12. */
function deployment(name: string): string {
  return lines(
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: web',
    'spec:',
    '  selector: {matchLabels: {app: web}}',
    '  template:',
    '    metadata: {labels: {app: web}}',
    '    spec:',
    '      securityContext:',
    '        sysctls:',
    `        - name: ${name}`,
    '          value: "600"',
    '      containers:',
    '      - name: app',
    '        image: nginx',
  );
}

/** The fixes of the rule's finding at `line` of `file`, applied one at a time: title, preferred, and the whole text after. */
function fixed(files: Record<string, string>, file: string, line: number): { title: string; preferred: boolean; text: string }[] {
  const model = modelOf(files);
  const diagnostic = lintFiles(files).find((candidate) => candidate.rule === RULE && candidate.file === file && candidate.range.start.line === line);
  assert.ok(diagnostic, `no ${RULE} finding on ${file}:${line}`);
  return fixesFor(model, diagnostic).map((fix) => ({ title: fix.title, preferred: fix.preferred, text: applyEdits(files[file]!, fix.edits) }));
}

test('a misspelled keepalive key in a node file fires on the key, with the closest real key', () => {
  const diagnostics = lintFiles({ [NODE]: lines('net.ipv4.tcp_keepalive_tme = 600') }).filter((diagnostic) => diagnostic.rule === RULE);
  assert.deepEqual(diagnostics, [
    {
      file: NODE,
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 26 } },
      rule: RULE,
      severity: 'warning',
      message: `net.ipv4.tcp_keepalive_tme is not one of the 92 net.ipv4.tcp_* keys of Linux 6.18; the closest is net.ipv4.tcp_keepalive_time (1 edit away). ${NODE_CONSEQUENCE}`,
      related: [],
    },
  ]);
});

test('each family: conntrack and IPVS keys, a leading "-" and the slash style', () => {
  const text = lines(
    '# node tuning',
    '-net.netfilter.nf_conntrack_tcp_timeout_establised = 3600',
    'net/ipv4/vs/expire_nodest_con = 1',
    '  net.ipv4.tcp_keepailve_intvl=30',
  );
  assert.deepEqual(ours({ [NODE]: text }), [at(NODE, '1:1-1:50'), at(NODE, '2:0-2:29'), at(NODE, '3:2-3:30')]);
  assert.deepEqual(
    [1, 2, 3].map((line) => fixed({ [NODE]: text }, NODE, line)[0]!.title),
    ['Replace with net.netfilter.nf_conntrack_tcp_timeout_established', 'Replace with net/ipv4/vs/expire_nodest_conn', 'Replace with net.ipv4.tcp_keepalive_intvl'],
  );
  assert.match(lintFiles({ [NODE]: text })[0]!.message, /^net\.netfilter\.nf_conntrack_tcp_timeout_establised is not one of the 42 net\.netfilter\.nf_conntrack_\* keys of Linux 6\.18; /);
  assert.match(lintFiles({ [NODE]: text })[1]!.message, /^net\/ipv4\/vs\/expire_nodest_con is not one of the 32 net\.ipv4\.vs\.\* keys of Linux 6\.18; the closest is net\/ipv4\/vs\/expire_nodest_conn \(1 edit away\)\. /);
});

test('no suggestion when nothing is close enough', () => {
  const [diagnostic] = lintFiles({ [NODE]: lines('net.ipv4.tcp_tw_recycle = 1') }).filter((candidate) => candidate.rule === RULE);
  assert.equal(diagnostic!.message, `net.ipv4.tcp_tw_recycle is not one of the 92 net.ipv4.tcp_* keys of Linux 6.18 and none is close to it. ${NODE_CONSEQUENCE}`);
  assert.deepEqual(fixed({ [NODE]: lines('net.ipv4.tcp_tw_recycle = 1') }, NODE, 0).map((fix) => fix.title), ['Disable sysctl-unknown-key for this line']);
});

test('silent: known keys, other families, globs, comments, and lines sysctl rejects anyway', () => {
  const text = lines(
    'net.ipv4.tcp_keepalive_time = 600',
    'net/ipv4/tcp_keepalive_intvl = 30',
    'net.ipv4.vs.sloppy_tcp = 1',
    'net.netfilter.nf_conntrack_tcp_no_window_check = 0',
    'net.ipv4.tcp_available_ulp = tls',
    'net.ipv4.ip_forwrd = 1',
    'net.core.somaxconn = 4096',
    'net.ipv4.tcp_keepalive_* = 600',
    'net.ipv4.vs.expire_node?t_conn = 1',
    '# net.ipv4.tcp_keepalive_tme = 600',
    'net.ipv4.tcp_ = 1',
    'net.ipv4.tcp_keepalive_tme =',
  );
  assert.deepEqual(ours({ [NODE]: text }), []);
});

test('pod securityContext.sysctls names: fires on the name (inside quotes), with the workload as subject', () => {
  const files = { 'app.yaml': deployment('"net.ipv4.tcp_keepalive_tme"') };
  const [diagnostic] = lintFiles(files).filter((candidate) => candidate.rule === RULE);
  assert.deepEqual(diagnostic!.range, { start: { line: 11, character: 17 }, end: { line: 11, character: 43 } });
  assert.equal(
    diagnostic!.message,
    'net.ipv4.tcp_keepalive_tme is not one of the 92 net.ipv4.tcp_* keys of Linux 6.18; the closest is net.ipv4.tcp_keepalive_time (1 edit away). ' +
      'The pods of Deployment "web" cannot set it.',
  );
  assert.deepEqual(ours({ 'app.yaml': deployment('net.ipv4.tcp_keepalive_time') }), []);
  assert.deepEqual(ours({ 'app.yaml': deployment('kernel.shm_rmid_forced') }), []);
  const annotated = deployment('net.ipv4.tcp_keepalive_tme').replace('  name: web\n', '  name: web\n  annotations:\n    connlint.dev/ignore: "sysctl-unknown-key"\n');
  assert.deepEqual(ours({ 'app.yaml': annotated }), [], 'the annotation on the workload silences it');
});

test('"Replace with" fixes the node key, keeping the slash style, the "-" and the rest of the line', () => {
  const files = { [NODE]: lines('# tuning', '-net/ipv4/tcp_keepalive_tme = 600', 'net.ipv4.tcp_keepalive_probes = 5') };
  assert.deepEqual(fixed(files, NODE, 1), [
    { title: 'Replace with net/ipv4/tcp_keepalive_time', preferred: true, text: lines('# tuning', '-net/ipv4/tcp_keepalive_time = 600', 'net.ipv4.tcp_keepalive_probes = 5') },
    { title: 'Disable sysctl-unknown-key for this line', preferred: false, text: lines('# tuning', '# connlint-disable-next-line sysctl-unknown-key', '-net/ipv4/tcp_keepalive_tme = 600', 'net.ipv4.tcp_keepalive_probes = 5') },
  ]);
  const after = { [NODE]: fixed(files, NODE, 1)[0]!.text };
  assert.deepEqual(ours(after), []);
});

test('"Replace with" fixes a pod sysctl name inside its quotes; re-linting is clean', () => {
  const files = { 'app.yaml': deployment("'net.ipv4.tcp_keepalive_tme'") };
  const [replace] = fixed(files, 'app.yaml', 11);
  assert.deepEqual(replace, { title: 'Replace with net.ipv4.tcp_keepalive_time', preferred: true, text: deployment("'net.ipv4.tcp_keepalive_time'") });
  assert.deepEqual(ours({ 'app.yaml': replace!.text }), []);
});

test('tied candidates: every one is offered, none preferred', () => {
  const result = closestKeys('net.ipv4.tcp_xmem');
  assert.deepEqual(result, { keys: ['net.ipv4.tcp_mem', 'net.ipv4.tcp_rmem', 'net.ipv4.tcp_wmem'], distance: 1 });
  const files = { [NODE]: lines('net.ipv4.tcp_xmem = 4096 131072 6291456') };
  assert.deepEqual(
    fixed(files, NODE, 0).map((fix) => [fix.title, fix.preferred]),
    [
      ['Replace with net.ipv4.tcp_mem', false],
      ['Replace with net.ipv4.tcp_rmem', false],
      ['Replace with net.ipv4.tcp_wmem', false],
      ['Disable sysctl-unknown-key for this line', false],
    ],
  );
});

test('the threshold: 1 edit up to 8 characters after the family prefix, 2 up to 16, 3 beyond', () => {
  assert.deepEqual([suggestionThreshold('sack'), suggestionThreshold('12345678'), suggestionThreshold('123456789'), suggestionThreshold('a'.repeat(16)), suggestionThreshold('a'.repeat(17))], [1, 1, 2, 2, 3]);
  assert.equal(editDistance('keepalive_tme', 'keepalive_time'), 1);
  assert.equal(editDistance('keepailve_time', 'keepalive_time'), 1, 'a swap of neighbours is one edit');
  assert.equal(editDistance('abc', 'xyz', 2), 2, 'stops at the limit');
  assert.equal(closestKeys('net.ipv4.tcp_sac')?.keys[0], 'net.ipv4.tcp_sack');
  assert.equal(closestKeys('net.ipv4.tcp_sa'), undefined, '2 edits from "sack" is too far for a 2-letter name');
  assert.deepEqual(closestKeys('net.ipv4.tcp_Keepalive_Time'), { keys: ['net.ipv4.tcp_keepalive_time'], distance: 0 });
  assert.equal(closestKeys('net.core.somaxcon'), undefined, 'outside the families');
});
