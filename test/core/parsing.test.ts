import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileRole, parseGoDuration, splitDocuments, normaliseSysctlKey, parseSysctl, sysctlApplicationOrder } from '@connlint/server';
import { lintBrief, lintFiles, lines, type Brief } from '../helpers/lintFiles';

test('parseSysctl: comments, blanks, separators, a leading -, globs and values as written', () => {
  const text = lines(
    '# comment',
    '; comment',
    '',
    '  net.ipv4.tcp_keepalive_time = 600  ',
    '-net/ipv4/tcp_keepalive_intvl=30',
    'net.ipv4.conf.*.rp_filter = 2',
    'net.ipv4.ip_local_port_range = 1024 65000',
    'net.core.somaxconn = 200 # not a comment',
    'net/ipv4/conf/eth0.100/rp_filter = 1',
  );
  const parsed = parseSysctl(text);
  assert.deepEqual(parsed.problems, []);
  assert.deepEqual(
    parsed.assignments.map((a) => [a.line, a.key, a.value, a.ignoreFailure, a.isGlob, text.slice(a.valueSpan.start, a.valueSpan.end)]),
    [
      [3, 'net.ipv4.tcp_keepalive_time', '600', false, false, '600'],
      [4, 'net.ipv4.tcp_keepalive_intvl', '30', true, false, '30'],
      [5, 'net.ipv4.conf.*.rp_filter', '2', false, true, '2'],
      [6, 'net.ipv4.ip_local_port_range', '1024 65000', false, false, '1024 65000'],
      [7, 'net.core.somaxconn', '200 # not a comment', false, false, '200 # not a comment'],
      [8, 'net.ipv4.conf.eth0/100.rp_filter', '1', false, false, '1'],
    ],
  );
  const first = parsed.assignments[0]!;
  assert.deepEqual([first.keySpan, first.valueSpan, first.lineSpan], [{ start: 23, end: 50 }, { start: 53, end: 56 }, { start: 23, end: 56 }]);
  assert.deepEqual(parsed.assignments[1]!.keySpan, { start: 60, end: 88 }, 'the key span leaves the - out');
});

test('parseSysctl: CRLF line endings stay out of values and spans', () => {
  const parsed = parseSysctl('a = 1\r\n\r\nnet.ipv4.tcp_keepalive_time = 600\r\n');
  assert.deepEqual(parsed.problems, []);
  assert.deepEqual(parsed.assignments.map((a) => [a.line, a.key, a.value, a.valueSpan]), [
    [0, 'a', '1', { start: 4, end: 5 }],
    [2, 'net.ipv4.tcp_keepalive_time', '600', { start: 39, end: 42 }],
  ]);
});

test('normaliseSysctlKey swaps separators only when the first one is a slash', () => {
  assert.equal(normaliseSysctlKey('net/ipv4/tcp_keepalive_time'), 'net.ipv4.tcp_keepalive_time');
  assert.equal(normaliseSysctlKey('net/ipv4/conf/eth0.100/rp_filter'), 'net.ipv4.conf.eth0/100.rp_filter');
  assert.equal(normaliseSysctlKey('net.ipv4.conf.eth0/100.rp_filter'), 'net.ipv4.conf.eth0/100.rp_filter');
  assert.equal(normaliseSysctlKey('kernel'), 'kernel');
});

test('sysctl-syntax: lines sysctl skips or the kernel rejects, with their ranges and messages', () => {
  const file = 'sysctl.d/90-net.conf';
  const text = lines('novalue', '  = 5', 'net.core.somaxconn =', 'net.core.somaxconn = "4096"', "vm.swappiness = '10'", 'net.core.somaxconn = "4096 ', '# = not a line');
  assert.deepEqual(
    lintFiles({ [file]: text }).map((d) => [d.rule, d.severity, `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`, d.message]),
    [
      ['sysctl-syntax', 'error', '0:0-0:7', 'This line is not a `key = value` assignment; sysctl ignores it.'],
      ['sysctl-syntax', 'error', '1:2-1:5', 'This assignment has no key.'],
      ['sysctl-syntax', 'error', '2:0-2:18', 'net.core.somaxconn has an empty value; the kernel rejects it.'],
      ['sysctl-syntax', 'error', '3:21-3:27', 'The value of net.core.somaxconn is quoted; sysctl files take no quotes and the kernel rejects "4096".'],
      ['sysctl-syntax', 'error', '4:16-4:20', "The value of vm.swappiness is quoted; sysctl files take no quotes and the kernel rejects '10'."],
    ],
  );
  assert.deepEqual(lintBrief({ 'notes/90-net.conf': text }), [], 'a .conf outside sysctl.d is not a sysctl file');
});

test('a `-key` line without `=` excludes the key from globs: valid, and it assigns nothing', () => {
  const text = lines('-net.ipv4.conf.all.rp_filter', '  - net.ipv4.conf.eth0.rp_filter', 'net.ipv4.conf.*.rp_filter = 2', '-', '- two words');
  assert.deepEqual(parseSysctl(text).assignments.map((assignment) => assignment.key), ['net.ipv4.conf.*.rp_filter']);
  assert.deepEqual(
    lintFiles({ 'sysctl.d/50-rp.conf': text }).map((d) => [d.rule, `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`]),
    [
      ['sysctl-syntax', '3:0-3:1'],
      ['sysctl-syntax', '4:0-4:11'],
    ],
  );
});

test('fileRole: manifests by extension, sysctl files by name and directory', () => {
  const roles = ['k8s/app.yaml', 'k8s/app.YML', 'app.json', 'etc/sysctl.conf', 'sysctl.d/60-k8s.conf', 'roles\\node\\sysctl.d\\60-k8s.conf', 'etc/60-k8s.conf', 'README.md'].map((path) => fileRole(path));
  assert.deepEqual(roles, ['manifest', 'manifest', 'manifest', 'sysctl', 'sysctl', 'sysctl', undefined, undefined]);
  assert.equal(fileRole('etc/60-k8s.conf', { explicit: true }), 'sysctl');
});

test('sysctlApplicationOrder: by file name, earlier system directories mask later ones, sysctl.conf last', () => {
  const order = sysctlApplicationOrder([
    'etc/sysctl.conf',
    'usr/lib/sysctl.d/50-default.conf',
    'etc/sysctl.d/50-default.conf',
    'usr/lib/sysctl.d/10-base.conf',
    'roles/node/files/sysctl.d/60-k8s.conf',
    'run/sysctl.d/70-run.conf',
  ]);
  assert.deepEqual(order, ['usr/lib/sysctl.d/10-base.conf', 'etc/sysctl.d/50-default.conf', 'roles/node/files/sysctl.d/60-k8s.conf', 'run/sysctl.d/70-run.conf', 'etc/sysctl.conf']);
});

test('a masked sysctl.d file does not apply', () => {
  const app = lines('apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec: {containers: [{name: c, image: nginx}]}');
  const high = lines('net.ipv4.tcp_keepalive_time = 90000');
  const low = lines('net.ipv4.tcp_keepalive_time = 600');
  assert.deepEqual(lintBrief({ 'etc/sysctl.d/50-a.conf': low, 'usr/lib/sysctl.d/50-a.conf': high, 'app.yaml': app }, { only: ['keepalive-conntrack'] }), []);
  assert.deepEqual(lintBrief({ 'etc/sysctl.d/50-a.conf': high, 'usr/lib/sysctl.d/50-a.conf': low, 'app.yaml': app }, { only: ['keepalive-conntrack'] }), [
    { rule: 'keepalive-conntrack', severity: 'warning', file: 'etc/sysctl.d/50-a.conf', range: '0:30-0:35' },
  ]);
});

test('splitDocuments: markers at column 0, empty documents, and the kind read without parsing', () => {
  const text = lines(
    '# head', '%YAML 1.2', '---', 'kind: Service', 'metadata: {name: a}',
    '--- # second', 'kind: Deployment', '...',
    '# a comment only', '---', '---', 'apiVersion: v1', 'data: {kind: x}',
    '---', '{"kind": "Pod"}',
    '---', 'kind: A', 'kind: B',
    '---', 'kind: "Service" # note',
    '---', "kind: 'apps/v1'",
    '---', 'data: |', '  --- not a marker', '  kind: Deployment',
    '---', 'kindness: 1', 'spec: {kind: x}', '"kind": Pod', '  kind: nested',
  );
  assert.deepEqual(
    splitDocuments(text).map((slice) => [slice.index, slice.kind, text.slice(slice.start, slice.end)]),
    [
      [0, 'Service', '# head\n%YAML 1.2\n---\nkind: Service\nmetadata: {name: a}\n'],
      [1, 'Deployment', '--- # second\nkind: Deployment\n...'],
      [3, null, '---\napiVersion: v1\ndata: {kind: x}\n'],
      [4, undefined, '---\n{"kind": "Pod"}\n'],
      [5, undefined, '---\nkind: A\nkind: B\n'],
      [6, 'Service', '---\nkind: "Service" # note\n'],
      [7, undefined, "---\nkind: 'apps/v1'\n"],
      [8, null, '---\ndata: |\n  --- not a marker\n  kind: Deployment\n'],
      [9, 'Pod', '---\nkindness: 1\nspec: {kind: x}\n"kind": Pod\n  kind: nested\n'],
    ],
  );
  assert.deepEqual(splitDocuments('kind: Service\r\n---\r\nkind: Pod\r\n').map((slice) => [slice.index, slice.kind, slice.start, slice.end]), [
    [0, 'Service', 0, 15],
    [1, 'Pod', 15, 31],
  ]);
  assert.deepEqual(splitDocuments(lines('# only a comment', '---', '')), []);
});

test('parseGoDuration reads Go durations in whole seconds', () => {
  const cases: [string, number | undefined][] = [
    ['24h0m0s', 86400], ['1h', 3600], ['2h0m0s', 7200], ['90m', 5400], ['1h30m', 5400], ['1.5h', 5400], ['.5h', 1800], ['1.h', 3600],
    ['1h0.5m', 3630], ['3000ms', 3], ['1.9s', 1], ['999999999ns', 0], ['1500000us', 1], ['0', 0], ['0s', 0], ['-0', 0], ['+1h', 3600], ['-1h', -3600],
    ['', undefined], ['1', undefined], ['1d', undefined], ['1H', undefined], ['1h 30m', undefined], ['h', undefined], ['1e3s', undefined],
  ];
  for (const [text, seconds] of cases) assert.equal(parseGoDuration(text), seconds, JSON.stringify(text));
});

test('parseGoDuration is exact for decimal fractions, as Go is', () => {
  assert.equal(parseGoDuration('4.1h'), 14760);
  assert.equal(parseGoDuration('8.2h'), 29520);
  assert.equal(parseGoDuration('2.05h'), 7380);
  assert.equal(parseGoDuration('4.1m'), 246);
});

const configMap = (...data: string[]): string => lines('apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: kube-proxy', 'data:', ...data);
const conntrackAt = (range: string): Brief[] => [{ rule: 'keepalive-conntrack', severity: 'warning', file: 'kube-proxy.yaml', range }];

test('embedded kube-proxy configuration: quoted single-line config.conf maps character by character', () => {
  const doubleQuoted = '  config.conf: "kind: KubeProxyConfiguration\\nconntrack:\\n  tcpEstablishedTimeout: 1h\\n"';
  assert.deepEqual(lintBrief({ 'kube-proxy.yaml': configMap(doubleQuoted) }), conntrackAt('5:83-5:85'));
  const escapes = '  config.conf: "{kind: KubeProxyConfiguration, mode: \\"\\x41\\", conntrack: {tcpEstablishedTimeout: 1h}}"';
  assert.deepEqual(lintBrief({ 'kube-proxy.yaml': configMap(escapes) }), conntrackAt('5:98-5:100'));
  const singleQuoted = "  config.conf: '{kind: KubeProxyConfiguration, conntrack: {tcpEstablishedTimeout: ''1h''}}'";
  assert.deepEqual(lintBrief({ 'kube-proxy.yaml': configMap(singleQuoted) }), conntrackAt('5:82-5:88'));
});

test('embedded kube-proxy configuration: literal blocks with blank lines and CRLF, folded blocks at the scalar start', () => {
  const literal = configMap('  config.conf: |', '    kind: KubeProxyConfiguration', '', '    conntrack:', '      tcpEstablishedTimeout: 1h');
  assert.deepEqual(lintBrief({ 'kube-proxy.yaml': literal }), conntrackAt('9:29-9:31'));
  assert.deepEqual(lintBrief({ 'kube-proxy.yaml': literal.replace(/\n/g, '\r\n') }), conntrackAt('9:29-9:31'));
  const folded = configMap('  config.conf: >', '    kind: KubeProxyConfiguration', '', '    conntrack: {tcpEstablishedTimeout: 1h}');
  assert.deepEqual(lintBrief({ 'kube-proxy.yaml': folded }), conntrackAt('5:15-5:15'));
});

test('yaml-syntax: errors of a modelled document, in file positions, with the parser message', () => {
  const brokenFlow = lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata: {name: other', 'spec:', '  replicas: 2');
  const diagnostics = lintFiles({ 'broken.yaml': brokenFlow });
  assert.deepEqual(diagnostics, [
    {
      file: 'broken.yaml',
      range: { start: { line: 3, character: 0 }, end: { line: 3, character: 4 } },
      rule: 'yaml-syntax',
      severity: 'error',
      message: 'Flow map in block collection must be sufficiently indented and end with a }',
      related: [],
    },
  ]);
  const syntax = (file: string, range: string): Brief => ({ rule: 'yaml-syntax', severity: 'error', file, range });
  assert.deepEqual(lintBrief({ 'tabs.yaml': lines('kind: Service', 'metadata:', '\tname: web') }), [syntax('tabs.yaml', '2:0-2:1')]);
  assert.deepEqual(lintBrief({ 'dup.yaml': lines('kind: Service', 'metadata:', '  name: web', '  name: dup') }), [syntax('dup.yaml', '3:2-3:6')]);
  assert.deepEqual(lintBrief({ 'svc.json': '{"apiVersion": "v1", "kind": "Service", "metadata": {"name": "web"}' }), [syntax('svc.json', '0:67-0:67')]);
  assert.deepEqual(lintBrief({ 'second.yaml': lines('kind: ConfigMap', 'metadata: {name: x}', '---', 'kind: Service', 'metadata:', '\tname: web') }), [syntax('second.yaml', '5:0-5:1')]);
  assert.deepEqual(lintBrief({ 'other.yaml': lines('kind: Secret', 'metadata:', '\tname: web') }), [], 'a kind Connlint does not read');
});

test('yaml-syntax inside the embedded config.conf is reported where it is written', () => {
  const broken = configMap('  config.conf: |', '    kind: KubeProxyConfiguration', '    conntrack:', '      tcpEstablishedTimeout: 1h', '    mode: [ipvs');
  const diagnostics = lintFiles({ 'kube-proxy.yaml': broken });
  assert.deepEqual(diagnostics.map((d) => [d.rule, d.severity, `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`]), [
    ['keepalive-conntrack', 'warning', '8:29-8:31'],
    ['yaml-syntax', 'error', '9:4-9:8'],
  ]);
  assert.equal(diagnostics[1]!.message, 'In config.conf: Flow sequence in block collection must be sufficiently indented and end with a ]');
});
