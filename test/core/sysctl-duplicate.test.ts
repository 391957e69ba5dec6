import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyEdits, nodeKeepaliveTime } from '@connlint/server';
import { lintFiles, lines, modelOf, ruleLinter } from '../helpers/lintFiles';
import { KEEPALIVE_TIME as KEEPALIVE, NODE_SYSCTL as A } from '../helpers/sysctl';

type Files = Readonly<Record<string, string>>;
const RULE = 'sysctl-duplicate';
const { where, fixesOf } = ruleLinter(RULE);
const B = 'node/sysctl.d/99-override.conf';

test('an assignment overridden later in the same file: info on the line, both values, related at the winner', () => {
  const diagnostics = lintFiles({ [A]: lines(`${KEEPALIVE} = 7200`, 'net.ipv4.tcp_keepalive_probes = 5', `${KEEPALIVE} = 600`) });
  assert.deepEqual(diagnostics, [
    {
      file: A,
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 34 } },
      rule: RULE,
      severity: 'info',
      message: `${KEEPALIVE} = 7200 has no effect: ${KEEPALIVE} = 600 in 60-k8s.conf:3 is applied later and wins`,
      related: [{ file: A, range: { start: { line: 2, character: 30 }, end: { line: 2, character: 33 } }, message: `The assignment of ${KEEPALIVE} that wins: 600` }],
    },
  ]);
});

test('across files the sysctl.d order decides, and every overridden assignment is reported', () => {
  const files = { [B]: lines(`${KEEPALIVE} = 300`), [A]: lines(`${KEEPALIVE} = 7200`, `net/ipv4/tcp_keepalive_time = 600`) };
  assert.deepEqual(where(files), [`${A} 0:0-0:34`, `${A} 1:0-1:33`]);
  assert.match(lintFiles(files)[1]!.message, /= 600 has no effect: net\.ipv4\.tcp_keepalive_time = 300 in 99-override\.conf:1 is applied later/);
  assert.deepEqual(where({ 'etc/sysctl.conf': lines(`${KEEPALIVE} = 300`), 'etc/sysctl.d/50-a.conf': lines(`${KEEPALIVE} = 600`) }), ['etc/sysctl.d/50-a.conf 0:0-0:33'], 'sysctl.conf last');
});

test('sysctl.conf: systemd-sysctl applies it at boot as 99-sysctl.conf, sysctl --system last; a line that wins for one is never removed', () => {
  const files = { 'etc/sysctl.conf': lines(`${KEEPALIVE} = 7200`), 'etc/sysctl.d/99-zz-k8s.conf': lines(`${KEEPALIVE} = 600`), 'etc/sysctl.d/60-a.conf': lines(`${KEEPALIVE} = 300`) };
  const found = lintFiles(files).filter((diagnostic) => diagnostic.rule === RULE);
  assert.deepEqual(found.map((diagnostic) => [diagnostic.file, diagnostic.range.start.line, diagnostic.message]), [
    ['etc/sysctl.d/60-a.conf', 0, `${KEEPALIVE} = 300 has no effect: ${KEEPALIVE} = 7200 in sysctl.conf:1 is applied later and wins`],
    ['etc/sysctl.d/99-zz-k8s.conf', 0, `${KEEPALIVE} = 600 applies at boot, but sysctl --system ends with 7200 from sysctl.conf:1, as it applies sysctl.conf last.`],
  ]);
  assert.deepEqual(found[1]!.related, [
    { file: 'etc/sysctl.conf', range: { start: { line: 0, character: 30 }, end: { line: 0, character: 34 } }, message: `sysctl --system applies this last: ${KEEPALIVE} = 7200` },
  ]);
  assert.deepEqual(fixesOf(files, { file: 'etc/sysctl.d/99-zz-k8s.conf' }).map((fix) => [fix.title, fix.preferred]), [['Disable sysctl-duplicate for this line', false]]);
  assert.deepEqual(where({ 'etc/sysctl.conf': lines(`${KEEPALIVE} = 600`), 'etc/sysctl.d/99-zz-k8s.conf': lines(`${KEEPALIVE} = 600`) }), [], 'the same value');
  assert.deepEqual(where({ 'etc/sysctl.conf': lines(`${KEEPALIVE} = 7200`), 'etc/sysctl.d/10-a.conf': lines(`${KEEPALIVE} = 600`) }), ['etc/sysctl.d/10-a.conf 0:0-0:33'], 'before 99-sysctl.conf: overridden by both');
});

test('silent for single assignments, different keys, glob keys and masked files', () => {
  assert.deepEqual(where({ [A]: lines(`${KEEPALIVE} = 600`, 'net.ipv4.tcp_keepalive_intvl = 600') }), []);
  assert.deepEqual(where({ [A]: lines('net.ipv4.conf.*.rp_filter = 2', 'net.ipv4.conf.*.rp_filter = 1') }), []);
  assert.deepEqual(where({ 'etc/sysctl.d/60-k8s.conf': lines(`${KEEPALIVE} = 600`), 'usr/lib/sysctl.d/60-k8s.conf': lines(`${KEEPALIVE} = 300`) }), [], 'the /usr/lib file is masked');
  assert.deepEqual(where({ [A]: lines(`${KEEPALIVE} = 600`), 'app.yaml': lines('apiVersion: v1', 'kind: Pod', 'spec:', '  securityContext:', '    sysctls:', `    - {name: ${KEEPALIVE}, value: "300"}`) }), [], 'pods are not the node');
});

test('a later assignment the kernel rejects does not win; a rejected earlier one is sysctl-value’s, not a duplicate', () => {
  assert.deepEqual(where({ [A]: lines(`${KEEPALIVE} = 600`, `${KEEPALIVE} = 10m`) }), []);
  assert.deepEqual(where({ [A]: lines(`${KEEPALIVE} = 600`, 'net.ipv4.tcp_keepalive_probes = 5', 'net.ipv4.tcp_keepalive_probes = 300') }), []);
  assert.deepEqual(where({ [A]: lines(`${KEEPALIVE} = 10m`, `${KEEPALIVE} = 600`) }), []);
  assert.deepEqual(where({ [A]: lines(`${KEEPALIVE} = "600"`, `${KEEPALIVE} = 600`) }), [], 'a quoted value is no assignment');
  assert.deepEqual(where({ [A]: lines(`${KEEPALIVE} = 900`, `${KEEPALIVE} = 10m`, `${KEEPALIVE} = 600`) }), [`${A} 0:0-0:33`]);
});

test('Remove this assignment deletes the whole line; preferred within one directory, and clean afterwards', () => {
  const text = lines('# keepalive', `${KEEPALIVE} = 7200`, 'net.ipv4.tcp_keepalive_probes = 5', `${KEEPALIVE} = 600`);
  const fixes = fixesOf({ [A]: text });
  assert.deepEqual(fixes.map((fix) => [fix.title, fix.preferred]), [['Remove this assignment', true], ['Disable sysctl-duplicate for this line', false]]);
  const fixed = applyEdits(text, fixes[0]!.edits);
  assert.equal(fixed, lines('# keepalive', 'net.ipv4.tcp_keepalive_probes = 5', `${KEEPALIVE} = 600`));
  assert.deepEqual(where({ [A]: fixed }), []);
  const crlf = `${KEEPALIVE} = 7200\r\n${KEEPALIVE} = 600\r\n`;
  assert.equal(applyEdits(crlf, fixesOf({ [A]: crlf })[0]!.edits), `${KEEPALIVE} = 600\r\n`);
});

test('the last line without a line break goes with the break before it', () => {
  const files = { [B]: lines(`${KEEPALIVE} = 300`), [A]: `a.b = 1\n${KEEPALIVE} = 600` };
  const fix = fixesOf(files)[0]!;
  assert.equal(applyEdits(files[A], fix.edits), 'a.b = 1');
  assert.equal(fix.preferred, true);
  assert.equal(applyEdits(`${KEEPALIVE} = 600`, fixesOf({ [B]: files[B], [A]: `${KEEPALIVE} = 600` })[0]!.edits), '');
});

test('files of different node images are not compared; the same value repeated is no finding', () => {
  const duplicates = (files: Files): string[] =>
    lintFiles(files, { only: ['sysctl-duplicate'] }).map((d) => `${d.file}:${d.range.start.line}`);
  // Two images of one repository: each root has its own node.
  assert.deepEqual(duplicates({ 'images/a/rootfs/etc/sysctl.conf': lines(`${KEEPALIVE} = 7200`), 'images/b/rootfs/etc/sysctl.conf': lines(`${KEEPALIVE} = 600`) }), []);
  assert.deepEqual(duplicates({ 'roles/base/files/sysctl.d/60-k8s.conf': lines(`${KEEPALIVE} = 7200`), 'roles/k8s/files/sysctl.d/99-k8s.conf': lines(`${KEEPALIVE} = 600`) }), []);
  // One image: its sysctl.d files and its sysctl.conf, applied last.
  const image = { 'rootfs/etc/sysctl.d/60-k8s.conf': lines(`${KEEPALIVE} = 7200`), 'rootfs/etc/sysctl.conf': lines(`${KEEPALIVE} = 600`) };
  assert.deepEqual(duplicates(image), ['rootfs/etc/sysctl.d/60-k8s.conf:0']);
  assert.deepEqual(fixesOf(image).map((fix) => [fix.title, fix.preferred]), [['Remove this assignment', true], ['Disable sysctl-duplicate for this line', false]]);
  assert.deepEqual(duplicates({ 'rootfs/etc/sysctl.d/60-k8s.conf': lines(`${KEEPALIVE} = 600`), 'rootfs/etc/sysctl.conf': lines(`${KEEPALIVE}=600`) }), [], 'same value');
  assert.deepEqual(duplicates({ 'sysctl.d/60-a.conf': lines('net.ipv4.ip_local_port_range = 1024  65000', 'net.ipv4.ip_local_port_range = 1024 65000') }), [], 'blanks folded');
});

test('the node value names the boot value where systemd-sysctl and sysctl --system disagree', () => {
  const files = { 'etc/sysctl.conf': lines(`${KEEPALIVE} = 7200`), 'etc/sysctl.d/99-zz-k8s.conf': lines(`${KEEPALIVE} = 600`) };
  const model = modelOf(files);
  const effective = nodeKeepaliveTime(model);
  assert.equal(effective.value, 7200);
  assert.equal(model.describe(effective.source), `${KEEPALIVE} (by sysctl --system; at boot 600, 99-zz-k8s.conf:1) in sysctl.conf:1`);
  assert.equal(model.describe(nodeKeepaliveTime(modelOf({ 'etc/sysctl.conf': lines(`${KEEPALIVE} = 7200`) })).source), `${KEEPALIVE} in sysctl.conf:1`);
});
