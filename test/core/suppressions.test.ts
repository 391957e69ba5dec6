import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseSuppressions } from '@connlint/server';
import { lintBrief, lines, type Brief } from '../helpers/lintFiles';

/** Service "web" with optional annotations; `before` maps a 0-based line of the plain Service to comment lines put above it. */
function service({ annotations, before = {} }: { annotations?: string; before?: Readonly<Record<number, string>> } = {}): string[] {
  const plain = [
    'apiVersion: v1',
    'kind: Service',
    'metadata:',
    '  name: web',
    ...(annotations === undefined ? [] : ['  annotations:', `    connlint.dev/ignore: "${annotations}"`]),
    'spec:',
    '  selector:',
    '    app: web',
    '  ports:',
    '  - port: 80',
  ];
  return plain.flatMap((line, index) => (before[index] === undefined ? [line] : [before[index]!, line]));
}

const deployment = (annotations?: string, keepalive = true): string[] => [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: web',
  ...(annotations === undefined ? [] : ['  annotations:', `    connlint.dev/ignore: ${annotations}`]),
  'spec:',
  '  replicas: 2',
  '  selector: {matchLabels: {app: web}}',
  '  template:',
  '    metadata:',
  '      labels: {app: web}',
  '    spec:',
  ...(keepalive ? ['      securityContext:', '        sysctls: [{name: net.ipv4.tcp_keepalive_time, value: "90000"}]'] : []),
  '      containers: [{name: app, image: nginx}]',
];

const affinity = (range: string, severity = 'warning'): Brief => ({ rule: 'service-affinity', severity, file: 'service.yaml', range });
const keepalive = (file: string, range: string): Brief => ({ rule: 'keepalive-conntrack', severity: 'warning', file, range });
/** Lints the Service next to a two-replica Deployment without keepalive sysctls. */
const withService = (text: string[] | string, options?: Parameters<typeof lintBrief>[1]): Brief[] =>
  lintBrief({ 'service.yaml': typeof text === 'string' ? text : lines(...text), 'app.yaml': lines(...deployment(undefined, false)) }, options);

test('the connlint.dev/ignore annotation silences the rules it lists on its object', () => {
  assert.deepEqual(withService(service()), [affinity('3:8-3:11')], 'without the annotation');
  assert.deepEqual(withService(service({ annotations: 'service-affinity' })), []);
  assert.deepEqual(withService(service({ annotations: 'keepalive-conntrack, service-affinity' })), []);
  assert.deepEqual(withService(service({ annotations: 'keepalive-conntrack' })), [affinity('3:8-3:11')]);
  assert.deepEqual(withService(service({ annotations: 'service-affinity-x' })), [affinity('3:8-3:11')]);
});

test('the annotation on a workload silences its own findings only', () => {
  const files = (annotations?: string) => ({ 'service.yaml': lines(...service()), 'app.yaml': lines(...deployment(annotations)) });
  assert.deepEqual(lintBrief(files()), [keepalive('app.yaml', '12:61-12:68'), affinity('3:8-3:11')]);
  assert.deepEqual(lintBrief(files('keepalive-conntrack')), [affinity('3:8-3:11')]);
  assert.deepEqual(lintBrief(files('service-affinity')), [keepalive('app.yaml', '14:61-14:68'), affinity('3:8-3:11')], "the Service's finding is the Service's");
});

test('connlint-disable-next-line silences the line below it', () => {
  assert.deepEqual(withService(service({ before: { 3: '  # connlint-disable-next-line service-affinity' } })), []);
  assert.deepEqual(withService(service({ before: { 3: '# connlint-disable-next-line service-affinity -- one pod per zone is fine' } })), []);
  assert.deepEqual(withService(service({ before: { 3: '  # connlint-disable-next-line keepalive-conntrack, service-affinity' } })), []);
  assert.deepEqual(withService(service({ before: { 3: '  # connlint-disable-next-line' } })), [], 'no rule ids: every rule');
  assert.deepEqual(withService(service({ before: { 3: '  # connlint-disable-next-line keepalive-conntrack' } })), [affinity('4:8-4:11')], 'another rule');
  assert.deepEqual(withService(service({ before: { 2: '# connlint-disable-next-line service-affinity' } })), [affinity('4:8-4:11')], 'above another line');
  assert.deepEqual(withService(service({ before: { 3: '  # connlint-disable-next-lines service-affinity' } })), [affinity('4:8-4:11')], 'not a directive');
  assert.deepEqual(withService(service({ before: { 3: '  #   connlint-disable-next-line   service-affinity  ' } })), [], 'blanks around the words');
});

test('a directive in a CRLF file', () => {
  const crlf = service({ before: { 3: '  # connlint-disable-next-line service-affinity' } }).join('\r\n') + '\r\n';
  assert.deepEqual(withService(crlf), []);
  const other = service({ before: { 3: '  # connlint-disable-next-line keepalive-conntrack' } }).join('\r\n') + '\r\n';
  assert.deepEqual(withService(other), [affinity('4:8-4:11')]);
});

const NODE = 'sysctl.d/60-k8s.conf';
const KEEPALIVE = 'net.ipv4.tcp_keepalive_time = 90000';
const nodeLint = (...content: string[]): Brief[] => lintBrief({ [NODE]: lines(...content), 'app.yaml': lines('apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec: {containers: [{name: c, image: nginx}]}') }, { only: ['keepalive-conntrack', 'sysctl-syntax'] });

test('connlint-disable in a sysctl file silences from its line to the end of the file', () => {
  assert.deepEqual(nodeLint(KEEPALIVE), [keepalive(NODE, '0:30-0:35')]);
  assert.deepEqual(nodeLint('# connlint-disable keepalive-conntrack', KEEPALIVE), []);
  assert.deepEqual(nodeLint('; connlint-disable keepalive-conntrack', '', KEEPALIVE), [], 'a ; comment');
  assert.deepEqual(nodeLint(KEEPALIVE, '# connlint-disable keepalive-conntrack'), [keepalive(NODE, '0:30-0:35')], 'after the line');
  assert.deepEqual(nodeLint('# connlint-disable sysctl-syntax', KEEPALIVE), [keepalive(NODE, '1:30-1:35')], 'another rule');
});

test('a connlint-disable without rule ids silences every rule', () => {
  const broken = 'net.core.somaxconn = "4096"';
  assert.deepEqual(nodeLint(broken, KEEPALIVE), [{ rule: 'sysctl-syntax', severity: 'error', file: NODE, range: '0:21-0:27' }, keepalive(NODE, '1:30-1:35')]);
  assert.deepEqual(nodeLint('# connlint-disable', broken, KEEPALIVE), []);
  assert.deepEqual(nodeLint(broken, '# connlint-disable', KEEPALIVE), [{ rule: 'sysctl-syntax', severity: 'error', file: NODE, range: '0:21-0:27' }]);
});

test('severities from the settings: off silences a rule, another level replaces its default', () => {
  assert.deepEqual(withService(service(), { settings: { severities: { 'service-affinity': 'off' } } }), []);
  assert.deepEqual(withService(service(), { settings: { severities: { 'service-affinity': 'error' } } }), [affinity('3:8-3:11', 'error')]);
  assert.deepEqual(withService(service(), { settings: { severities: { 'service-affinity': 'hint' } } }), [affinity('3:8-3:11', 'hint')]);
  assert.deepEqual(withService(service(), { settings: { severities: { 'keepalive-conntrack': 'off' } } }), [affinity('3:8-3:11')], 'another rule off');
  const files = { 'service.yaml': lines(...service()), 'app.yaml': lines(...deployment()) };
  assert.deepEqual(lintBrief(files, { settings: { severities: { 'keepalive-conntrack': 'off', 'service-affinity': 'info' } } }), [affinity('3:8-3:11', 'info')]);
});

test('parseSuppressions: lines and rule lists', () => {
  const suppressions = parseSuppressions(lines('a: 1', '# connlint-disable-next-line rule-a,rule-b', 'b: 2', '  ; connlint-disable rule-c', 'c: 3'));
  const table = (rule: string) => [0, 1, 2, 3, 4, 5].map((line) => suppressions.isSuppressed(rule, line));
  assert.deepEqual(table('rule-a'), [false, false, true, false, false, false]);
  assert.deepEqual(table('rule-b'), [false, false, true, false, false, false]);
  assert.deepEqual(table('rule-c'), [false, false, false, true, true, true]);
  assert.deepEqual(table('rule-d'), [false, false, false, false, false, false]);
  const inline = parseSuppressions(lines('name: web # connlint-disable-next-line', 'x: 1'));
  assert.equal(inline.isSuppressed('service-affinity', 1), false, 'a trailing comment is not a directive');
});
