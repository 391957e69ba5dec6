import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { Workspace, lint, analyzeFile, type Diagnostic, MAX_FILE_SIZE, fixAllEdits } from '@connlint/server';
import { repoRoot } from '../helpers/runCli';
import { assertInside } from './bounds';

/** The classic example: a Service in front of two replicas, whose service-affinity finding shows the rest of the workspace is still linted. */
const classic = readFileSync(path.join(repoRoot, 'examples', 'classic', 'app.yaml'), 'utf8');

/** Lints a hostile file next to the classic example; checks ranges, fixes and that the example's finding survives. */
function lintBeside(name: string, text: string, options: { fixAll?: boolean } = {}): Diagnostic[] {
  const workspace = new Workspace({}, () => false);
  workspace.set('classic/app.yaml', classic);
  workspace.set(name, text);
  const diagnostics = lint(workspace.model());
  assert.ok(
    diagnostics.some((diagnostic) => diagnostic.file === 'classic/app.yaml' && diagnostic.rule === 'service-affinity'),
    'the rest of the workspace is still linted',
  );
  for (const diagnostic of diagnostics) assertInside(diagnostic, diagnostic.file === name ? text : classic);
  if (options.fixAll !== false) fixAllEdits(workspace.model(), {});
  return diagnostics.filter((diagnostic) => diagnostic.file === name);
}

/** `levels` levels of anchors, each a sequence of nine aliases of the level below: 9^levels nodes if expanded. */
function billionLaughs(levels: number, root: string): string {
  const rows = [root, '  base: &l0 {app: web}'];
  for (let level = 1; level <= levels; level++) rows.push(`  l${level}: &l${level} [${Array(9).fill(`*l${level - 1}`).join(', ')}]`);
  return rows.join('\n') + '\n';
}

test('alias bombs are never expanded: a Service whose selector, labels and ports are 9^30 nodes', () => {
  const text = billionLaughs(30, 'kind: Service\nmetadata:\n  name: bomb\n  annotations: *l0\nx:') + 'spec:\n  selector: *l30\n  ports: *l30\n';
  const diagnostics = lintBeside('bomb.yaml', text);
  assert.ok(diagnostics.length <= 5);
});

test('alias bombs are never expanded: a List whose items are 9^20 aliases of a Service, and a Deployment made of them', () => {
  const list = billionLaughs(20, 'kind: List\nx:').replace('{app: web}', '{kind: Service, metadata: {name: s}, spec: {selector: {app: web}}}') + 'items: *l20\n';
  assert.ok(lintBeside('list.yaml', list).length <= 5);
  const deployment = billionLaughs(25, 'kind: Deployment\nmetadata: {name: d}\nx:') + 'spec:\n  replicas: *l25\n  template:\n    metadata:\n      labels: *l25\n    spec:\n      securityContext:\n        sysctls: *l25\n';
  assert.ok(lintBeside('deployment.yaml', deployment).length <= 5);
});

test('20,000 aliases in one document are resolved in one pass, not one walk of the document each', () => {
  const rows = ['kind: Deployment', 'metadata: {name: d, labels: &l {app: web}}', 'spec:', '  template:', '    metadata: {labels: *l}', '    spec:', '      securityContext:', '        sysctls:'];
  for (let i = 0; i < 20_000; i++) rows.push('        - *l');
  const analyzed = analyzeFile('many.yaml', rows.join('\n'));
  assert.equal(analyzed.objects.length, 1);
  assert.ok(lintBeside('many.yaml', rows.join('\n')).length <= 1);
});

test('10,000-deep nesting, flow and block, is a yaml-syntax error on its document, not a crash', () => {
  const cases = {
    'flow-seq.yaml': `kind: Service\nspec: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`,
    'flow-map.yaml': `kind: Service\nspec: ${'{a: '.repeat(10_000)}1${'}'.repeat(10_000)}\n`,
    'block-seq.yaml': `kind: Service\nspec:\n${'- '.repeat(10_000)}x\n`,
    'block-map.yaml': `kind: Service\nspec:\n${Array.from({ length: 10_000 }, (_, i) => `${' '.repeat(i + 1)}a:`).join('\n')}\n`,
  };
  for (const [name, text] of Object.entries(cases)) {
    const diagnostics = lintBeside(name, text);
    // Deep block mappings are valid YAML and read; the others exceed the parser's stack and say so.
    const expected = name === 'block-map.yaml' ? 0 : 1;
    assert.ok(diagnostics.length >= expected && diagnostics.length <= 3, `${name}: ${JSON.stringify(diagnostics)}`);
    assert.ok(diagnostics.every((diagnostic) => diagnostic.rule === 'yaml-syntax'));
  }
});

test('a line of 10 MB is read; a file over the size limit is skipped with the reason', () => {
  const name = 'x'.repeat(10_000_000);
  const long = `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n  selector: {app: web}\n`;
  assert.equal(lintBeside('long-line.yaml', long).length, 0);
  const huge = 'kind: Service\nmetadata: {name: s}\nspec: {selector: {app: web}}\n# '.padEnd(MAX_FILE_SIZE + 10, 'x');
  const analyzed = analyzeFile('huge.yaml', huge);
  assert.equal(analyzed.role, undefined);
  assert.match(analyzed.skipReason ?? '', /larger than 10 MiB/);
  assert.equal(lintBeside('huge.yaml', huge).length, 0);
});

test('a sysctl file of a million lines is read in one pass, its findings bounded by its lines', () => {
  const rows: string[] = [];
  for (let i = 0; i < 1_000_000; i++) rows.push(i % 3 === 0 ? '# c' : i % 3 === 1 ? `k${i % 7}.x=${i % 5}` : '');
  rows[999_998] = 'net.ipv4.tcp_keepalive_time = 7200';
  // Not fix-all: choosing among 300,000 fixes is quadratic today (fixesFor and overlaps), a known limit.
  const diagnostics = lintBeside('sysctl.d/99-big.conf', rows.join('\n'), { fixAll: false });
  assert.ok(diagnostics.length <= 333_334, `${diagnostics.length} findings`);
});

test('NUL bytes make a file binary: skipped with the reason, whatever its name', () => {
  for (const text of ['kind: Service\0\nspec: {}\n', '\0\0\0', 'net.ipv4.tcp_keepalive_time = 1\0']) {
    for (const name of ['nul.yaml', 'sysctl.conf']) {
      assert.equal(analyzeFile(name, text).skipReason, 'a binary file: it holds a NUL byte');
      assert.deepEqual(lintBeside(name, text), []);
    }
  }
});

test('replacement characters (invalid UTF-8 read as text), lone surrogates and a BOM are read like any text', () => {
  const text = '\uFEFFkind: Service\nmetadata:\n  name: caf\uFFFD\uD800\nspec:\n  selector: {app: web}\n  sessionAffinity: \uFFFD\n';
  const diagnostics = lintBeside('odd.yaml', text);
  assert.ok(diagnostics.length <= 3);
});

test('an empty file, a file of comments, of document markers, of blanks: nothing to report', () => {
  for (const text of ['', '\n', '# only\n# comments\n', '---', '---\n---\n...\n---\n', '   \n\t\n', '\r\n\r\n', '%YAML 1.2\n---\n']) {
    assert.deepEqual(lintBeside('empty.yaml', text), [], JSON.stringify(text));
    if (!/---|\.\.\.|%/.test(text)) assert.deepEqual(lintBeside('sysctl.d/00-empty.conf', text), [], JSON.stringify(text));
  }
});

test('wrong types where Kubernetes expects others: no crash, and no finding built on a value that is not there', () => {
  const workload = (spec: string): string => `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n${spec}\n  template:\n    metadata: {labels: {app: web}}\n`;
  const service = (spec: string): string => `apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n${spec}\n`;
  const cases: Record<string, string> = {
    'replicas quoted': workload('  replicas: "2"'),
    'replicas a word': workload('  replicas: two'),
    'replicas a float': workload('  replicas: 2.5'),
    'replicas huge': workload('  replicas: 1e400'),
    'selector a sequence': service('  selector: []'),
    'selector a scalar': service('  selector: app'),
    'labels null': 'kind: Deployment\nmetadata: {name: web, labels: null}\nspec:\n  replicas: 3\n  template:\n    metadata: {labels: null}\n',
    'ports a mapping': service('  selector: {app: web}\n  ports: {}'),
    'timeoutSeconds 1e9': service('  selector: {app: web}\n  sessionAffinity: ClientIP\n  sessionAffinityConfig: {clientIP: {timeoutSeconds: 1e9}}'),
    'timeoutSeconds a sequence': service('  sessionAffinity: ClientIP\n  sessionAffinityConfig: {clientIP: {timeoutSeconds: [1]}}'),
    'numbers as keys': 'kind: Service\n1: 2\nmetadata: {3: 4, name: web}\nspec:\n  selector: {1: 2, 0x10: true}\n  5: 6\n',
    'duplicate keys': 'kind: Service\nkind: Service\nmetadata: {name: a, name: b}\nspec:\n  selector: {app: web}\n  selector: {app: other}\n',
    'kind a sequence': 'kind: [Service]\nmetadata: {name: web}\nspec: {selector: {app: web}}\n',
    'kind a mapping': 'kind: {Service: 1}\nspec: {}\n',
    'spec a string': 'kind: Service\nmetadata: {name: web}\nspec: ClusterIP\n',
    'metadata a sequence': 'kind: Deployment\nmetadata: [web]\nspec: {replicas: 3, template: [1]}\n',
    'sysctls a mapping': workload('  replicas: 2').replace('metadata: {labels: {app: web}}', 'metadata: {labels: {app: web}}\n    spec:\n      securityContext:\n        sysctls: {name: net.ipv4.tcp_keepalive_time, value: 7200}'),
    'sysctl value a mapping': workload('  replicas: 2').replace('metadata: {labels: {app: web}}', 'metadata: {labels: {app: web}}\n    spec:\n      securityContext:\n        sysctls: [{name: net.ipv4.tcp_keepalive_time, value: {a: 1}}, {name: [x]}]'),
    'a tagged root': '!!map {kind: Service, spec: !!str x}\n',
    'a List of scalars': 'kind: List\nitems: [1, null, "Service", [kind, Service]]\n',
    'items a mapping': 'kind: ServiceList\nitems: {kind: Service}\n',
    'kube-proxy config.conf not a string': 'kind: ConfigMap\nmetadata: {name: kube-proxy}\ndata:\n  config.conf: {mode: ipvs}\n',
    'kube-proxy config.conf not YAML': 'kind: ConfigMap\nmetadata: {name: kube-proxy}\ndata:\n  config.conf: |\n    conntrack: [\n    mode: {\n',
    'KubeProxyConfiguration wrong types': 'kind: KubeProxyConfiguration\nmode: [ipvs]\nconntrack: {tcpEstablishedTimeout: 5, maxPerCore: "x", min: {}}\nipvs: []\n',
  };
  for (const [what, text] of Object.entries(cases)) {
    const diagnostics = lintBeside('wrong.yaml', text);
    assert.ok(diagnostics.length <= 6, `${what}: ${diagnostics.length} findings`);
    assert.ok(
      diagnostics.every((diagnostic) => diagnostic.message.length > 0 && !/undefined|NaN|\[object Object\]/.test(diagnostic.message)),
      `${what}: ${JSON.stringify(diagnostics.map((diagnostic) => diagnostic.message))}`,
    );
  }
});

test('every prefix of each example manifest lints without throwing, as in an editor between keystrokes', () => {
  const examples = path.join(repoRoot, 'examples');
  let prefixes = 0;
  for (const folder of readdirSync(examples)) {
    for (const file of filesBelow(path.join(examples, folder))) {
      const relative = path.relative(examples, file).split(path.sep).join('/');
      const text = readFileSync(file, 'utf8');
      const workspace = new Workspace({}, () => false);
      for (const sibling of filesBelow(path.join(examples, folder))) workspace.set(path.relative(examples, sibling).split(path.sep).join('/'), readFileSync(sibling, 'utf8'));
      for (let end = 0; end <= text.length; end++) {
        const prefix = text.slice(0, end);
        workspace.set(relative, prefix);
        for (const diagnostic of lint(workspace.model())) if (diagnostic.file === relative) assertInside(diagnostic, prefix);
        if (end % 97 === 0) fixAllEdits(workspace.model(), {}, relative);
        prefixes++;
      }
    }
  }
  assert.ok(prefixes > 1000, `${prefixes} prefixes`);
});

function filesBelow(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return filesBelow(full);
    return /\.(ya?ml|conf)$/.test(entry.name) ? [full] : [];
  });
}
