import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { analyzeFile, blankUnreadFields, extractObjects, fileRole, parseForAnalysis, splitDocuments, type DocumentSlice } from '@connlint/server';
import { corpusRoot, skipWithoutCorpus } from '../corpus/location';
import { lines } from '../helpers/lintFiles';
import { repoRoot } from '../helpers/runCli';

const whole = (text: string): DocumentSlice => splitDocuments(text)[0]!;

const deployment = lines(
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: api',
  'spec:',
  '  replicas: 2',
  '  template:',
  '    spec:',
  '      containers:',
  '      - name: app',
  '        image: nginx',
  '        env:',
  '        - {name: A, value: "1"}',
  '      hostNetwork: true',
  '      volumes:',
  '        - name: data',
  '          emptyDir: {}',
  '',
);

/** The lines as one line of spaces, as long as they are with the line breaks between them. */
const blankLine = (...lines: string[]): string => ' '.repeat(lines.join('\n').length);

test('a Deployment\'s containers and volumes are blanked, one blank line and their last line; every offset and the fields read stay', () => {
  const blanked = blankUnreadFields(deployment, whole(deployment), 'Deployment');
  assert.equal(
    blanked?.text,
    lines(
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: api',
      'spec:',
      '  replicas: 2',
      '  template:',
      '    spec:',
      '      containers:',
      blankLine('      - name: app', '        image: nginx', '        env:'),
      '        - {name: A, value: "1"}',
      '      hostNetwork: true',
      '      volumes:',
      blankLine('        - name: data'),
      '          emptyDir: {}',
      '',
    ),
  );
  assert.deepEqual(blanked?.fields, [
    { path: ['spec', 'template', 'spec', 'containers'], keyAt: deployment.indexOf('containers:') },
    { path: ['spec', 'template', 'spec', 'volumes'], keyAt: deployment.indexOf('volumes:') },
  ]);
});

test('only workloads are blanked, and a DaemonSet keeps its containers (kube-proxy\'s flags are read there)', () => {
  assert.equal(blankUnreadFields(deployment, whole(deployment), 'Service'), undefined);
  assert.equal(blankUnreadFields(deployment, whole(deployment), undefined), undefined);
  const daemonSet = deployment.replace('kind: Deployment', 'kind: DaemonSet');
  assert.deepEqual(
    blankUnreadFields(daemonSet, whole(daemonSet), 'DaemonSet')?.fields.map((field) => field.path.at(-1)),
    ['volumes'],
  );
});

test('a field is blanked only where the block structure is certain', () => {
  const cases: Record<string, string> = {
    'a block scalar that holds YAML': lines('kind: Pod', 'metadata:', '  annotations:', '    note: |', '      spec:', '        containers:', '        - a', 'spec: {}'),
    'a value on the key\'s line': lines('kind: Pod', 'spec:', '  containers: [', '    {name: a}]'),
    'a tab in the indentation': lines('kind: Pod', 'spec:', '  containers:', '\t- name: a', '  - name: b'),
    'a key inside a sequence item': lines('kind: Pod', 'spec:', '  - containers:', '      - a', '      - b'),
    'a quoted key': lines('kind: Pod', 'spec:', '  "containers":', '  - a', '  - b'),
    'content after ---': lines('--- kind: Pod'),
  };
  for (const [name, text] of Object.entries(cases)) assert.equal(blankUnreadFields(text, whole(text), 'Pod'), undefined, name);
});

test('a sequence at its key\'s column is the key\'s value; the next key at that column ends it', () => {
  const pod = lines('kind: Pod', 'spec:', '  containers:', '  - name: a', '  - name: b', '  # the node', '  hostNetwork: true', '');
  assert.equal(blankUnreadFields(pod, whole(pod), 'Pod')?.text, lines('kind: Pod', 'spec:', '  containers:', blankLine('  - name: a'), '  - name: b', '  # the node', '  hostNetwork: true', ''));
});

test('with CRLF line breaks, the break before the value\'s last line stays whole', () => {
  const pod = lines('kind: Pod', 'spec:', '  volumes:', '  - name: a', '  - name: b', '  hostNetwork: true', '').replace(/\n/g, '\r\n');
  const blanked = blankUnreadFields(pod, whole(pod), 'Pod');
  assert.equal(blanked?.text, lines('kind: Pod', 'spec:', '  volumes:', blankLine('  - name: a'), '  - name: b', '  hostNetwork: true', '').replace(/\n/g, '\r\n'));
  assert.equal(parseForAnalysis(pod, whole(pod), 'Pod').blanked, true);
});

test('a YAML error inside a blanked field goes unreported; one elsewhere is reported as a whole parse reports it', () => {
  const insideContainers = deployment.replace('        image: nginx', '        image: nginx\n        image: httpd');
  const blanked = parseForAnalysis(insideContainers, whole(insideContainers), 'Deployment');
  assert.deepEqual([blanked.blanked, blanked.document.errors.length], [true, 0]);
  assert.deepEqual(parseForAnalysis(insideContainers, whole(insideContainers), undefined).document.errors.map((error) => error.code), ['DUPLICATE_KEY']);

  const outside = deployment.replace('  replicas: 2', '  replicas: 2\n  replicas: 3');
  const parsed = parseForAnalysis(outside, whole(outside), 'Deployment');
  assert.deepEqual([parsed.blanked, parsed.document.errors.map((error) => [error.code, error.pos[0]])], [false, [['DUPLICATE_KEY', outside.indexOf('replicas: 3')]]]);
});

test('analyzeFile blanks only when YAML syntax is reported elsewhere, and says which documents it blanked', () => {
  const text = lines('kind: Service', 'metadata: {name: api}', '---') + deployment;
  assert.deepEqual(analyzeFile('a.yaml', text).documents.map((document) => document.blanked), [false, false]);
  assert.deepEqual(analyzeFile('a.yaml', text, { syntaxReportedElsewhere: true }).documents.map((document) => document.blanked), [false, true]);
});

/** Every workload document below `root` read blanked and whole: how many were blanked, and those whose objects differ. */
function compareBelow(root: string): { blanked: number; differing: string[] } {
  const differing: string[] = [];
  let blanked = 0;
  for (const file of filesBelow(root)) {
    const text = readFileSync(file, 'utf8');
    for (const slice of splitDocuments(text)) {
      if (blankUnreadFields(text, slice, slice.kind) === undefined) continue;
      const origin = { file, fileText: text, documentIndex: slice.index };
      const [fast, slow] = [parseForAnalysis(text, slice, slice.kind), parseForAnalysis(text, slice, undefined)];
      if (fast.blanked) blanked++;
      const objects = [fast, slow].map(({ reader, document }) => JSON.stringify(extractObjects(reader, document.contents, origin, [])));
      if (objects[0] !== objects[1]) differing.push(`${file} #${slice.index}`);
    }
  }
  return { blanked, differing };
}

function filesBelow(root: string): string[] {
  return readdirSync(root, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && fileRole(path.join(entry.parentPath, entry.name)) === 'manifest')
    .map((entry) => path.join(entry.parentPath, entry.name));
}

test('the examples\' and fixtures\' workloads give the same objects blanked as whole', () => {
  const result = [path.join(repoRoot, 'examples'), path.join(repoRoot, 'test', 'fixtures')].map(compareBelow);
  assert.deepEqual(result.flatMap((each) => each.differing), []);
  // 4 of the examples' workloads and 14 of the fixtures' are blanked; the fixtures' 2 with YAML errors are parsed whole.
  assert.deepEqual(result.map((each) => each.blanked), [4, 14]);
});

test('the real-world corpus\'s workloads give the same objects blanked as whole', (t) => {
  const corpus = path.join(corpusRoot(), 'k8s');
  const skip = skipWithoutCorpus(corpus, `no corpus at ${corpus}`);
  if (skip) return t.skip(skip);
  const { blanked, differing } = compareBelow(corpus);
  assert.deepEqual(differing, []);
  assert.ok(blanked > 500, `${blanked} documents blanked`);
});
