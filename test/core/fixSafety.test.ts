import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lint, LineIndex, type Diagnostic } from '@connlint/server';
import { applyEdits, fixesFor, planFixAll, type Fix } from '@connlint/server';
import { applyFixes } from '@connlint/server/cli';
import { parseAllDocuments } from 'yaml';
import { applyFix, lines, workspaceOf } from '../helpers/lintFiles';
import { kubeProxyConfigMap, TWO_REPLICA_DEPLOYMENT } from '../helpers/manifests';

type Files = Readonly<Record<string, string>>;

/** What `connlint --fix` makes of the files, file by file (unchanged files as they were). */
function fixAll(files: Files): Record<string, string> {
  const workspace = workspaceOf(files);
  const result: Record<string, string> = { ...files };
  for (const fixed of applyFixes(workspace, {}, new Set())) result[fixed.path] = fixed.after;
  return result;
}

/** The files after the service-affinity finding's "Add sessionAffinity: ClientIP" fix (not the preferred one: --fix adds a pod keepalive). */
function withClientIp(files: Files): Record<string, string> {
  return applyFix(files, fixNamed(files, 'service-affinity', CLIENT_IP_TITLE));
}

const CLIENT_IP_TITLE = 'Add sessionAffinity: ClientIP (pins each client to one pod; pods added later get no traffic from existing clients)';

function diagnosticsOf(files: Files, rule: string): Diagnostic[] {
  return lint(workspaceOf(files).model(), {}).filter((diagnostic) => diagnostic.rule === rule);
}

function fixNamed(files: Files, rule: string, title: string): Fix {
  const diagnostics = diagnosticsOf(files, rule);
  assert.equal(diagnostics.length, 1, `one ${rule} diagnostic expected`);
  const fix = fixesFor(workspaceOf(files).model(), diagnostics[0]!).find((candidate) => candidate.title === title);
  assert.ok(fix, `no fix "${title}"`);
  return fix;
}

function yamlErrors(text: string): string[] {
  return parseAllDocuments(text).flatMap((document) => ('errors' in document ? document.errors.map((error) => error.code) : []));
}

const DEPLOYMENT = TWO_REPLICA_DEPLOYMENT;

/** A Service selecting app: a, with `affinity` lines between its selector and its ports. */
function service(...affinity: string[]): string {
  return lines('apiVersion: v1', 'kind: Service', 'metadata:', '  name: s', 'spec:', '  selector:', '    app: a', ...affinity, '  ports:', '  - port: 80');
}

/** kube-proxy's configuration with a conntrack established timeout of 20 minutes: keepalive fixes set 600 s. */
const KUBE_PROXY = kubeProxyConfigMap('apiVersion: kubeproxy.config.k8s.io/v1alpha1', 'kind: KubeProxyConfiguration', 'conntrack:', '  tcpEstablishedTimeout: 20m0s');

const CLIENT_IP = ['  sessionAffinityConfig:', '    clientIP:', '      timeoutSeconds: 86400'];

test('a block scalar value is replaced up to its last character: the next key keeps its line', () => {
  for (const header of ['>-', '|', '|-', '>']) {
    const fixed = withClientIp({ 'd.yaml': DEPLOYMENT, 's.yaml': service(`  sessionAffinity: ${header}`, '    None') });
    assert.equal(fixed['s.yaml'], lines('apiVersion: v1', 'kind: Service', 'metadata:', '  name: s', 'spec:', '  selector:', '    app: a', '  sessionAffinity: ClientIP', '  ports:', '  - port: 80', ...CLIENT_IP), header);
  }
});

test('a pod sysctl value written as a literal block is replaced without gluing the next key to it', () => {
  const pod = (...value: string[]) =>
    lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', 'spec:', '  securityContext:', '    sysctls:', '    - name: net.ipv4.tcp_keepalive_time', ...value, '  containers:', '  - name: app', '    image: nginx');
  const fixed = fixAll({ 'kube-proxy.yaml': KUBE_PROXY, 'p.yaml': pod('      value: |', '        7200') });
  assert.equal(fixed['p.yaml'], pod('      value: "600"'));
  assert.deepEqual(yamlErrors(fixed['p.yaml']!), []);
});

test('a timeoutSeconds written as a block scalar is replaced in place', () => {
  const files = { 'd.yaml': DEPLOYMENT, 's.yaml': service('  sessionAffinity: ClientIP', '  sessionAffinityConfig:', '    clientIP:', '      timeoutSeconds: |', '        90000') };
  const fixed = fixAll(files);
  assert.equal(fixed['s.yaml'], service('  sessionAffinity: ClientIP', ...CLIENT_IP));
});

test('a key that is there with an empty, null or mistyped value is filled or replaced, never written twice', () => {
  const expected = lines('apiVersion: v1', 'kind: Service', 'metadata:', '  name: s', 'spec:', '  selector:', '    app: a', '  sessionAffinity: ClientIP', '  ports:', '  - port: 80', ...CLIENT_IP);
  for (const written of ['  sessionAffinity:', '  sessionAffinity: ~', '  sessionAffinity: null', '  sessionAffinity: [None]', '  sessionAffinity: {}']) {
    const once = withClientIp({ 'd.yaml': DEPLOYMENT, 's.yaml': service(written) });
    assert.equal(once['s.yaml'], expected, written);
    assert.equal(fixAll(once)['s.yaml'], once['s.yaml'], `${written}: --fix afterwards leaves the Service as it is`);
  }
  const config = withClientIp({ 'd.yaml': DEPLOYMENT, 's.yaml': service('  sessionAffinity: None', '  sessionAffinityConfig: ~') });
  assert.equal(config['s.yaml'], service('  sessionAffinity: ClientIP', ...CLIENT_IP));
});

test('an empty annotations: is filled in by "Ignore … for this Service"', () => {
  const text = lines('apiVersion: v1', 'kind: Service', 'metadata:', '  name: s', '  annotations:', 'spec:', '  selector:', '    app: a', '  ports:', '  - port: 80');
  const files = { 'd.yaml': DEPLOYMENT, 's.yaml': text };
  const fixed = applyFix(files, fixNamed(files, 'service-affinity', 'Ignore service-affinity for this Service'));
  assert.equal(fixed['s.yaml'], text.replace('  annotations:\n', '  annotations:\n    connlint.dev/ignore: "service-affinity"\n'));
  assert.deepEqual(diagnosticsOf(fixed, 'service-affinity'), []);
});

test('a mapping whose first key is explicit (`? key`), anchored or tagged gets new keys at its column, not at the key text', () => {
  const firstKeys = [['  ? >-', '    labels', '  : app: a', '  name: s'], ['  &n name: s'], ['  !!str name: s']];
  for (const metadata of firstKeys) {
    const text = lines('apiVersion: v1', 'kind: Service', 'metadata:', ...metadata, 'spec:', '  selector:', '    app: a', '  ports:', '  - port: 80');
    const files = { 'd.yaml': DEPLOYMENT, 's.yaml': text };
    const fixed = applyFix(files, fixNamed(files, 'service-affinity', 'Ignore service-affinity for this Service'));
    const last = metadata[metadata.length - 1]!;
    assert.equal(fixed['s.yaml'], text.replace(`${last}\n`, `${last}\n  annotations:\n    connlint.dev/ignore: "service-affinity"\n`), last);
    assert.deepEqual(yamlErrors(fixed['s.yaml']!), [], last);
    assert.deepEqual(diagnosticsOf(fixed, 'service-affinity'), [], last);
  }
});

test('no keepalive fix when one unprotected backend cannot take it: the finding would stay', () => {
  const service = lines('apiVersion: v1', 'kind: Service', 'metadata:', '  name: s', 'spec:', '  selector:', '    app: a', '  ports:', '  - port: 80');
  // The second Deployment's pod template has no spec to add the sysctl to.
  const specless = lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: b', 'spec:', '  replicas: 1', '  selector: {matchLabels: {app: a}}', '  template:', '    metadata:', '      labels: {app: a}');
  const files = { 's.yaml': service, 'd.yaml': DEPLOYMENT, 'b.yaml': specless };
  const [diagnostic] = diagnosticsOf(files, 'service-affinity');
  assert.deepEqual([diagnostic?.file, diagnostic?.range.start, diagnostic?.severity], ['s.yaml', { line: 3, character: 8 }, 'warning']);
  assert.deepEqual(
    fixesFor(workspaceOf(files).model(), diagnostic!).map((fix) => fix.title),
    [CLIENT_IP_TITLE, 'Ignore service-affinity for this Service', 'Disable service-affinity for this line'],
  );
});

test('an empty or null securityContext: gets the sysctls, once', () => {
  const pod = (...context: string[]) => lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', 'spec:', ...context, '  containers:', '  - name: app', '    image: nginx');
  const sysctl = ['    sysctls:', '      - name: net.ipv4.tcp_keepalive_time', '        value: "600"'];
  const node = { 'kube-proxy.yaml': KUBE_PROXY };
  for (const written of ['  securityContext:', '  securityContext: ~', '  securityContext: []']) {
    const files = { ...node, 'p.yaml': pod(written) };
    const fix = fixNamed(files, 'keepalive-conntrack', 'Add net.ipv4.tcp_keepalive_time = 600 to the securityContext.sysctls of Pod "p"');
    const fixed = applyFix(files, fix);
    assert.equal(fixed['p.yaml'], pod('  securityContext:', ...sysctl), written);
    assert.deepEqual(diagnosticsOf(fixed, 'keepalive-conntrack'), [], written);
  }
});

test('flow mappings: an entry goes after the last one, whatever a trailing comma or a closing brace at column 0', () => {
  const spec = (...text: string[]) => lines('apiVersion: v1', 'kind: Service', 'metadata:', '  name: s', ...text);
  const cases: [string[], string[]][] = [
    [['spec: {selector: {app: a}, ports: [{port: 80}], }'], ['spec: {selector: {app: a}, ports: [{port: 80}], sessionAffinity: ClientIP, sessionAffinityConfig: {clientIP: {timeoutSeconds: 86400}}, }']],
    [['spec: {selector: {app: a},', '  ports: [{port: 80}]', '}'], ['spec: {selector: {app: a},', '  ports: [{port: 80}], sessionAffinity: ClientIP, sessionAffinityConfig: {clientIP: {timeoutSeconds: 86400}}', '}']],
  ];
  for (const [written, expected] of cases) {
    const fixed = withClientIp({ 'd.yaml': DEPLOYMENT, 's.yaml': spec(...written) });
    assert.equal(fixed['s.yaml'], spec(...expected));
    assert.deepEqual(yamlErrors(fixed['s.yaml']!), []);
    assert.deepEqual(diagnosticsOf(fixed, 'service-affinity'), []);
  }
});

test('a lone CR is a line break: ranges and edits count lines as the client does', () => {
  const text = 'net.netfilter.nf_conntrack_tcp_loose = 0\r# tuned\rnet.netfilter.nf_conntrack_tcp_timeout_established = 1200\rnet.ipv4.tcp_keepalive_time = 7200\r';
  const files = { 'sysctl.d/99-k.conf': text };
  assert.deepEqual(
    lint(workspaceOf(files).model(), {}).map((diagnostic) => `${diagnostic.rule} ${diagnostic.range.start.line}:${diagnostic.range.start.character}-${diagnostic.range.end.line}:${diagnostic.range.end.character}`),
    ['conntrack-loose 0:39-0:40', 'keepalive-conntrack 3:30-3:34'],
  );
  const disable = fixNamed(files, 'keepalive-conntrack', 'Disable keepalive-conntrack for this line');
  assert.equal(applyEdits(text, disable.edits), text.replace('net.ipv4.tcp_keepalive_time', '# connlint-disable-next-line keepalive-conntrack\rnet.ipv4.tcp_keepalive_time'));
  assert.equal(fixAll(files)['sysctl.d/99-k.conf'], text.replace('= 0', '= 1').replace('= 7200', '= 600'));
});

test('a CR-only manifest is read: its Service is linted and fixed', () => {
  const text = service().replace(/\n/g, '\r');
  const files = { 'd.yaml': DEPLOYMENT, 's.yaml': text };
  assert.deepEqual(diagnosticsOf(files, 'service-affinity').map((diagnostic) => diagnostic.range), [{ start: { line: 3, character: 8 }, end: { line: 3, character: 9 } }]);
  assert.equal(withClientIp(files)['s.yaml'], lines('apiVersion: v1', 'kind: Service', 'metadata:', '  name: s', 'spec:', '  selector:', '    app: a', '  ports:', '  - port: 80', '  sessionAffinity: ClientIP', ...CLIENT_IP).replace(/\n/g, '\r'));
});

test('a stray CR in a manifest does not hide its Service', () => {
  const text = service().replace('  name: s\n', '  name: s\r');
  assert.equal(diagnosticsOf({ 'd.yaml': DEPLOYMENT, 's.yaml': text }, 'service-affinity').length, 1);
});

test('a byte-order mark the client kept is a character of the first line: edits land where the client sees the value', () => {
  const text = '\uFEFFnet.ipv4.tcp_keepalive_time = 7200\nnet.netfilter.nf_conntrack_tcp_timeout_established = 1200\n';
  const files = { 'sysctl.d/99-k.conf': text };
  const [diagnostic] = diagnosticsOf(files, 'keepalive-conntrack');
  assert.deepEqual(diagnostic?.range, { start: { line: 0, character: 31 }, end: { line: 0, character: 35 } });
  const fix = fixNamed(files, 'keepalive-conntrack', 'Set net.ipv4.tcp_keepalive_time to 600');
  assert.equal(applyEdits(text, fix.edits), text.replace('7200', '600'));
  assert.equal(new LineIndex(text).offsetAt({ line: 0, character: 31 }), text.indexOf('7200'));
});

test('--fix fixes the findings it started with: a value it lowers takes its repeats along, and no line is deleted', () => {
  const text = lines('net.ipv4.tcp_keepalive_time = 7200', 'net.ipv4.tcp_keepalive_time = 7200', 'net.netfilter.nf_conntrack_tcp_timeout_established = 1200');
  const once = fixAll({ 'sysctl.d/99-k.conf': text });
  assert.equal(once['sysctl.d/99-k.conf'], lines('net.ipv4.tcp_keepalive_time = 600', 'net.ipv4.tcp_keepalive_time = 600', 'net.netfilter.nf_conntrack_tcp_timeout_established = 1200'));
  assert.deepEqual(fixAll(once), once);
});

test('--fix renames a mistyped key only when no line sets the key it would become', () => {
  const alone = lines('net.ipv4.tcp_keepalive_tme = 300');
  assert.equal(fixAll({ 'sysctl.d/99-k.conf': alone })['sysctl.d/99-k.conf'], lines('net.ipv4.tcp_keepalive_time = 300'));
  const beside = lines('net.ipv4.tcp_keepalive_tme = 300', 'net.ipv4.tcp_keepalive_time = 600');
  assert.equal(fixAll({ 'sysctl.d/99-k.conf': beside })['sysctl.d/99-k.conf'], beside);
  assert.deepEqual(
    fixesFor(workspaceOf({ 'sysctl.d/99-k.conf': beside }).model(), diagnosticsOf({ 'sysctl.d/99-k.conf': beside }, 'sysctl-unknown-key')[0]!).map((fix) => [fix.title, fix.preferred]),
    [['Replace with net.ipv4.tcp_keepalive_time', false], ['Disable sysctl-unknown-key for this line', false]],
  );
});

test('"Disable … for this line" on a sequence item goes on its own line above the item, at the dash, and silences the finding', () => {
  const pod = (...sysctls: string[]) =>
    lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', 'spec:', '  securityContext:', '    sysctls:', ...sysctls, '  containers:', '  - name: app', '    image: nginx');
  const files = { 'p.yaml': pod('    - name: net.ipv4.tcp_keepalive_tme', '      value: "1"') };
  const fixed = applyFix(files, fixNamed(files, 'sysctl-unknown-key', 'Disable sysctl-unknown-key for this line'));
  assert.equal(fixed['p.yaml'], pod('    # connlint-disable-next-line sysctl-unknown-key', '    - name: net.ipv4.tcp_keepalive_tme', '      value: "1"'));
  assert.deepEqual(yamlErrors(fixed['p.yaml']!), []);
  assert.deepEqual(diagnosticsOf(fixed, 'sysctl-unknown-key'), []);
});

test('LineIndex counts LF, CRLF and lone CR as line breaks, and an offset inside a CRLF is its line\'s end', () => {
  const index = new LineIndex('a\r\nbc\rd\ne');
  assert.equal(index.lineCount, 4);
  assert.deepEqual([0, 1, 2, 3].map((line) => [index.lineStart(line), index.lineEnd(line)]), [[0, 1], [3, 5], [6, 7], [8, 9]]);
  assert.deepEqual(index.positionAt(2), { line: 0, character: 1 });
  assert.deepEqual(index.positionAt(6), { line: 2, character: 0 });
  assert.equal(index.offsetAt({ line: 1, character: 9 }), 5);
  assert.equal(index.eol, '\r\n');
  assert.equal(new LineIndex('a\rb\r').eol, '\r');
});

test('a pass of fix-all fixes only the findings it accepts, named by rule, file, subject and line', () => {
  const text = lines('net.netfilter.nf_conntrack_tcp_loose = 0', 'net.netfilter.nf_conntrack_tcp_timeout_established = 1200', 'net.ipv4.tcp_keepalive_time = 7200');
  const model = workspaceOf({ 'sysctl.d/99-k.conf': text }).model();
  const all = planFixAll(model, {});
  assert.deepEqual(all.fixed, [
    'conntrack-loose\0sysctl.d/99-k.conf\0\0net.netfilter.nf_conntrack_tcp_loose = 0',
    'keepalive-conntrack\0sysctl.d/99-k.conf\0\0net.ipv4.tcp_keepalive_time = 7200',
  ]);
  assert.deepEqual(all.deferred, []);
  const one = planFixAll(model, {}, { accept: (identity) => identity.startsWith('keepalive-conntrack\0') });
  assert.deepEqual(one.edits.get('sysctl.d/99-k.conf')?.map((edit) => edit.newText), ['600']);
  assert.deepEqual(planFixAll(model, {}, { readOnly: new Set(['sysctl.d/99-k.conf']) }).edits.size, 0);
});

test('no rule fix edits a file with YAML syntax errors; the same file without them gets its fix', () => {
  const broken = DEPLOYMENT.replace('    spec:\n', '    spec:\n      bad: [unclosed\n');
  assert.ok(yamlErrors(broken).length > 0);
  const titles = (files: Files): string[] => fixesFor(workspaceOf(files).model(), { rule: 'service-affinity', file: 's.yaml', start: files['s.yaml']!.indexOf('name: s') + 6 }).map((fix) => fix.title);
  assert.deepEqual(titles({ 'd.yaml': broken, 's.yaml': service() }), ['Add sessionAffinity: ClientIP (pins each client to one pod; pods added later get no traffic from existing clients)', 'Ignore service-affinity for this Service', 'Disable service-affinity for this line']);
  assert.deepEqual(fixAll({ 'd.yaml': broken, 's.yaml': service() })['d.yaml'], broken);
  assert.equal(titles({ 'd.yaml': DEPLOYMENT, 's.yaml': service() })[0], 'Add net.ipv4.tcp_keepalive_time = 600 to the securityContext.sysctls of Deployment "a"');
});

test('an unclosed quote in one document blocks the fixes of the next one, whose `---` it may swallow', () => {
  const file = `${DEPLOYMENT.replace('image: nginx', 'image: "nginx')}---\n${service()}`;
  const diagnostics = diagnosticsOf({ 'a.yaml': file }, 'service-affinity');
  assert.equal(diagnostics.length, 1);
  assert.deepEqual(fixesFor(workspaceOf({ 'a.yaml': file }).model(), diagnostics[0]!).map((fix) => fix.title), ['Disable service-affinity for this line']);
  assert.deepEqual(fixAll({ 'a.yaml': file })['a.yaml'], file);
});
