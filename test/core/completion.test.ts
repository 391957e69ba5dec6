import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Workspace, completionsAt, type CompletionItem } from '@connlint/server';
import { lines } from '../helpers/lintFiles';
import { KEY_ACCEPTED } from '../helpers/completionCases';
import { NODE_SYSCTL as NODE } from '../helpers/sysctl';

/** Completions where `|` stands in the text (the marker is removed). */
function complete(path: string, textWithCursor: string): CompletionItem[] {
  const offset = textWithCursor.indexOf('|');
  assert.notEqual(offset, -1, 'no cursor marker');
  const text = textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 1);
  const workspace = new Workspace({}, () => false);
  workspace.set(path, text);
  return completionsAt(workspace.model(), path, offset);
}

const labels = (items: readonly CompletionItem[]): string[] => items.map((item) => item.label);

/** The text after applying an item at the cursor. */
function apply(textWithCursor: string, item: CompletionItem): string {
  const text = textWithCursor.replace('|', '');
  return text.slice(0, item.replace.start) + (item.insertText ?? item.label) + text.slice(item.replace.end);
}

test('sysctl file: keys starting with what is typed, with unit, default and meaning', () => {
  const items = complete(NODE, lines('# keepalive', 'net.ipv4.tcp_keepalive_|'));
  assert.deepEqual(labels(items), ['net.ipv4.tcp_keepalive_intvl', 'net.ipv4.tcp_keepalive_probes', 'net.ipv4.tcp_keepalive_time']);
  const time = items[2]!;
  assert.equal(time.detail, 'seconds, default 7200');
  assert.equal(
    time.documentation,
    '**net.ipv4.tcp_keepalive_time** — seconds, default 7200\n\nIdle time before TCP sends the first keepalive probe on a socket with SO_KEEPALIVE; every probe refreshes the conntrack entry.\n\nEach network namespace (each pod) has its own value.',
  );
  assert.equal(apply(lines('# keepalive', 'net.ipv4.tcp_keepalive_|'), time), lines('# keepalive', 'net.ipv4.tcp_keepalive_time = '));
  assert.equal(items[1]!.detail, 'count, default 9, 0..255');
});

test('sysctl file: the key is replaced whole, " = " only where the line has none, "-" and slashes kept', () => {
  const withValue = '-net/ipv4/tcp_keep|alive_tme = 600\n';
  const items = complete(NODE, withValue);
  assert.deepEqual(labels(items), ['net/ipv4/tcp_keepalive_intvl', 'net/ipv4/tcp_keepalive_probes', 'net/ipv4/tcp_keepalive_time']);
  assert.equal(apply(withValue, items[2]!), '-net/ipv4/tcp_keepalive_time = 600\n');
  assert.equal(labels(complete(NODE, 'NET.IPV4.VS.SLOPPY|')).join(), 'net.ipv4.vs.sloppy_sctp,net.ipv4.vs.sloppy_tcp', 'case-insensitive');
  assert.equal(complete(NODE, '|').length, 166, 'an empty line proposes every key');
});

test('sysctl file: an accepted key replaces the whole key, with " = " only where the line has no "="', () => {
  for (const [typed, accepted] of KEY_ACCEPTED) {
    // The line after has an "=": only the cursor's line counts.
    const text = lines('# keepalive', typed, 'net.ipv4.tcp_sack = 1');
    const item = complete(NODE, text).find((candidate) => candidate.label === 'net.ipv4.tcp_keepalive_time');
    assert.ok(item !== undefined, `no net.ipv4.tcp_keepalive_time at ${JSON.stringify(typed)}`);
    assert.equal(apply(text, item), lines('# keepalive', accepted, 'net.ipv4.tcp_sack = 1'), JSON.stringify(typed));
  }
});

test('sysctl file: nothing in comments, in values or after a finished key', () => {
  assert.deepEqual(complete(NODE, '# net.ipv4.tcp_|'), []);
  assert.deepEqual(complete(NODE, '; net.ipv4.tcp_|'), []);
  assert.deepEqual(complete(NODE, 'net.ipv4.tcp_sack = |'), []);
  assert.deepEqual(complete(NODE, 'net.ipv4.tcp_sack |'), []);
  assert.deepEqual(complete(NODE, 'kernel.pid|'), []);
});

const pod = (...sysctlLines: string[]): string =>
  lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', 'spec:', '  securityContext:', '    sysctls:', ...sysctlLines, '  containers:', '  - name: app', '    image: nginx');

test('YAML: securityContext.sysctls names, in a "- name:" item or a later "name:" key', () => {
  assert.deepEqual(labels(complete('pod.yaml', pod('    - name: net.ipv4.tcp_keepalive_t|'))), ['net.ipv4.tcp_keepalive_time']);
  assert.deepEqual(labels(complete('pod.yaml', pod('    - value: "600"', '      name: net.ipv4.tcp_keepalive_t|'))), ['net.ipv4.tcp_keepalive_time']);
  assert.deepEqual(labels(complete('pod.yaml', pod('    - name: net.ipv4.tcp_sack', '      value: "1"', '    - name: "net.ipv4.vs.sloppy_t|"'))), ['net.ipv4.vs.sloppy_tcp']);
  const zeroIndented = lines('apiVersion: apps/v1', 'kind: Deployment', 'spec:', '  template:', '    spec:', '      securityContext:', '        sysctls:', '        - name: net.netfilter.nf_conntrack_tcp_l|');
  assert.deepEqual(labels(complete('deploy.yaml', zeroIndented)), ['net.netfilter.nf_conntrack_tcp_loose']);
  const quoted = pod('    - name: "net.ipv4.tcp_sa|"');
  assert.equal(apply(quoted, complete('pod.yaml', quoted)[0]!), pod('    - name: "net.ipv4.tcp_sack"'));
  const bare = pod('    - name:|');
  assert.equal(apply(bare, complete('pod.yaml', bare).find((item) => item.label === 'net.ipv4.tcp_sack')!), pod('    - name: net.ipv4.tcp_sack'));
});

test('YAML: half-typed documents that do not parse still get sysctl names', () => {
  const broken = lines('kind: Pod', 'spec:', '  securityContext:', '    sysctls:', '    - name: net.ipv4.tcp_keepalive_p|', '  containers: [', '    {name: app');
  assert.deepEqual(labels(complete('pod.yaml', broken)), ['net.ipv4.tcp_keepalive_probes']);
});

test('YAML: no sysctl names for other "name:" keys', () => {
  assert.deepEqual(complete('pod.yaml', pod('    - name: net.ipv4.tcp_sack', '  containers:', '  - name: net.ipv4.tcp_s|')), []);
  assert.deepEqual(complete('pod.yaml', lines('kind: Pod', 'metadata:', '  name: net.ipv4.tcp_s|')), []);
  assert.deepEqual(complete('pod.yaml', lines('kind: Thing', 'spec:', '  sysctls:', '  - name: net.ipv4.tcp_s|')), [], 'sysctls must sit in a securityContext');
});

const service = (affinity: string): string => lines('apiVersion: v1', 'kind: Service', 'metadata:', '  name: s', 'spec:', '  selector: {app: a}', `  sessionAffinity:${affinity}`);

test('YAML: sessionAffinity values in a Service', () => {
  const items = complete('svc.yaml', service(' |'));
  assert.deepEqual(labels(items), ['ClientIP', 'None']);
  assert.equal(items[0]!.detail, 'session affinity by client IP');
  assert.match(items[0]!.documentation, /timeoutSeconds/);
  assert.deepEqual(labels(complete('svc.yaml', service(' Cl|'))), ['ClientIP']);
  assert.equal(apply(service('|'), complete('svc.yaml', service('|'))[0]!), service(' ClientIP'));
  assert.equal(apply(service(' N|one'), complete('svc.yaml', service(' N|one'))[0]!), service(' None'));
  const multi = `${lines('kind: Deployment', 'spec:', '  sessionAffinity: |')}---\n${service(' None')}`;
  assert.deepEqual(complete('svc.yaml', multi), [], 'only in a Service document');
});
