import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { URI } from 'vscode-uri';
import { fileRole, lint, Workspace, type Diagnostic } from '@connlint/server';
import { corpusRoot, skipWithoutCorpus } from '../corpus/location';
import { lines } from '../helpers/lintFiles';

/**
 * The language server's paths are URIs, the command line's file system paths: kustomize resolves
 * the paths a kustomization writes against either, and the builds must come out the same.
 */
function lintKeyed(files: ReadonlyMap<string, string>, root: string, asUri: boolean): string[] {
  const keyOf = (relative: string) => (asUri ? URI.file(path.join(root, relative)).toString() : relative);
  const relativeOf = (key: string) => (asUri ? path.relative(root, URI.parse(key).fsPath).split(path.sep).join('/') : key);
  // The builds' names differ by design (the server names them relative to its folder): compared as the command line names them.
  const workspace = new Workspace({}, undefined, asUri ? (directory) => relativeOf(directory) || '.' : undefined);
  for (const [relative, text] of files) workspace.set(keyOf(relative), text);
  const place = (diagnostic: Diagnostic) => `${relativeOf(diagnostic.file)}:${diagnostic.range.start.line + 1}`;
  return lint(workspace.model()).map((diagnostic) => `${place(diagnostic)} ${diagnostic.rule} ${diagnostic.message} | ${diagnostic.related.map((item) => `${relativeOf(item.file)}:${item.range.start.line + 1} ${item.message}`).join(' | ')}`);
}

function filesBelow(root: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (fileRole(full) !== undefined) files.set(path.relative(root, full).split(path.sep).join('/'), readFileSync(full, 'utf8'));
    }
  };
  walk(root);
  return files;
}

test('a build reads the same files under URIs: bases written with a trailing slash, a directory with a space', () => {
  const files = new Map([
    ['my apps/base/kustomization.yaml', lines('resources:', '  - service.yaml', '  - deployment.yaml')],
    ['my apps/base/service.yaml', lines('apiVersion: v1', 'kind: Service', 'metadata:', '  name: web', 'spec:', '  selector:', '    app: web')],
    ['my apps/base/deployment.yaml', lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: web', 'spec:', '  replicas: 1', '  template:', '    metadata:', '      labels:', '        app: web')],
    ['my apps/overlays/prod/kustomization.yaml', lines('resources:', '  - ../../base/', 'replicas:', '  - name: web', '    count: 4')],
  ]);
  const expected = [
    'my apps/base/service.yaml:4 service-affinity Service "web" has 4 backends (Deployment "web") and no ClientIP affinity: a connection idle over the 86400 s conntrack timeout can be re-balanced to another pod and reset. | my apps/overlays/prod/kustomization.yaml:5 Backend of Service "web": Deployment "web" of my apps/overlays/prod has replicas: 4',
  ];
  assert.deepEqual(lintKeyed(files, '/work', false), expected);
  assert.deepEqual(lintKeyed(files, '/work', true), expected);
});

test('over the real-world corpus, each repository with kustomizations is linted the same under URIs as under paths', (t) => {
  const corpus = path.join(corpusRoot(), 'k8s');
  const skip = skipWithoutCorpus(corpus, `no corpus at ${corpus}`);
  if (skip) return void t.skip(skip);
  let compared = 0;
  for (const repo of readdirSync(corpus, { withFileTypes: true }).filter((entry) => entry.isDirectory())) {
    const root = path.join(corpus, repo.name);
    const files = filesBelow(root);
    if (![...files.keys()].some((name) => /(^|\/)kustomization\.ya?ml$/.test(name))) continue;
    assert.deepEqual(lintKeyed(files, root, true), lintKeyed(files, root, false), repo.name);
    compared++;
  }
  assert.ok(compared > 0, `no repository with a kustomization in ${corpus}`);
});
