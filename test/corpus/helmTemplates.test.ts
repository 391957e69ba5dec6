import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { Workspace, coverageOf, fileRole, lint } from '@connlint/server';
import { corpusRoot, skipWithoutCorpus } from './location';

/** The Helm charts of the shared corpus (read where they lie): every directory holding a Chart.yaml. */
const helm = path.join(corpusRoot(), 'helm');

function filesBelow(root: string, relative = ''): string[] {
  return readdirSync(path.join(root, relative), { withFileTypes: true }).flatMap((entry) => {
    const child = relative === '' ? entry.name : `${relative}/${entry.name}`;
    return entry.isDirectory() ? filesBelow(root, child) : entry.isFile() ? [child] : [];
  });
}

test('Helm chart templates of the corpus are never YAML errors, and are reported as skipped', (t) => {
  const skip = skipWithoutCorpus(helm, `no Helm corpus at ${helm}`);
  if (skip) {
    t.skip(skip);
    return;
  }
  const workspace = new Workspace({}, (file) => existsSync(path.join(helm, file)));
  const files = filesBelow(helm).filter((file) => fileRole(file) !== undefined);
  for (const file of files) workspace.set(file, readFileSync(path.join(helm, file), 'utf8'));
  const inChart = (file: string): boolean => {
    const segments = file.split('/');
    return segments.some((segment, i) => segment === 'templates' && existsSync(path.join(helm, ...segments.slice(0, i), 'Chart.yaml')));
  };
  const templateFiles = files.filter(inChart);
  assert.ok(templateFiles.length > 50, `the corpus holds chart templates (${templateFiles.length})`);
  const syntaxInTemplates = lint(workspace.model()).filter((diagnostic) => diagnostic.rule === 'yaml-syntax' && inChart(diagnostic.file));
  assert.deepEqual(syntaxInTemplates.map((diagnostic) => `${diagnostic.file}:${diagnostic.range.start.line + 1}`), []);
  const coverage = coverageOf(workspace.model().files);
  const helmSkipped = coverage.filesSkipped.filter((part) => part.label === 'Helm chart template');
  assert.ok(helmSkipped.every((part) => inChart(part.file)), 'only files of a chart are Helm chart templates');
  assert.ok(helmSkipped.length > templateFiles.length / 2, `most chart templates are skipped (${helmSkipped.length} of ${templateFiles.length})`);
  t.diagnostic(`${files.length} files: ${coverage.filesChecked} checked, ${coverage.filesSkipped.length} skipped (${helmSkipped.length} Helm chart templates), ${coverage.skipped.length} documents skipped`);
});
