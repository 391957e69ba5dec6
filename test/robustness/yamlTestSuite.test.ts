import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test, type TestContext } from 'node:test';
import { Workspace, lint, fixAllEdits } from '@connlint/server';
import { runCli } from '../helpers/runCli';
import { corpusRoot, skipWithoutCorpus } from '../corpus/location';
import { assertInside } from './bounds';

// The YAML test suite (MIT) is read where it lies, next to the repository; it is never copied here.
const suite = path.join(corpusRoot(), 'yaml-test-suite', 'data');

/** Skips the test when the suite is not there (in CI, fails it instead); whether it was skipped. */
function skipped(t: TestContext): boolean {
  const reason = skipWithoutCorpus(suite, `the YAML test suite is not at ${suite}`);
  if (reason) t.skip(reason);
  return reason !== false;
}

/** Every `in.yaml` of the suite, valid and invalid (an `error` file marks the invalid ones). */
function cases(): { id: string; text: string; invalid: boolean }[] {
  const found: { id: string; text: string; invalid: boolean }[] = [];
  for (const id of readdirSync(suite).sort()) {
    const directory = path.join(suite, id);
    const variants = existsSync(path.join(directory, 'in.yaml')) ? [''] : readdirSync(directory).sort();
    for (const variant of variants) {
      const file = path.join(directory, variant, 'in.yaml');
      if (existsSync(file)) found.push({ id: variant ? `${id}/${variant}` : id, text: readFileSync(file, 'utf8'), invalid: existsSync(path.join(directory, variant, 'error')) });
    }
  }
  return found;
}

const indent = (text: string, by: string): string => text.split('\n').map((line) => by + line).join('\n');

/** Each case as it is, and placed where the model reads values: under a Service, as a Deployment, as kube-proxy's embedded configuration. */
function placements(text: string): Record<string, string> {
  return {
    'as-is.yaml': text,
    'service.yaml': `kind: Service\nmetadata: {name: s}\nspec:\n  selector:\n${indent(text, '    ')}\n`,
    'deployment.yaml': `kind: Deployment\n${text}`,
    'configmap.yaml': `kind: ConfigMap\nmetadata: {name: kube-proxy}\ndata:\n  config.conf: |\n${indent(text, '    ')}\n`,
    'sysctl.conf': text,
  };
}

test('every case of the YAML test suite, valid and invalid, through the core: no exception, ranges inside the file, the same twice', (t) => {
  if (skipped(t)) return;
  const all = cases();
  assert.ok(all.length > 300, `${all.length} cases`);
  let diagnosticsSeen = 0;
  for (const { id, text, invalid } of all) {
    for (const [name, placed] of Object.entries(placements(text))) {
      const run = (): string => {
        const workspace = new Workspace({}, () => false);
        workspace.set(name, placed);
        const diagnostics = lint(workspace.model());
        for (const diagnostic of diagnostics) assertInside(diagnostic, placed);
        fixAllEdits(workspace.model(), {});
        diagnosticsSeen += diagnostics.length;
        return JSON.stringify(diagnostics);
      };
      assert.equal(run(), run(), `${id} ${name}: not deterministic`);
    }
    if (invalid) {
      // An invalid stream whose document is a modelled object is reported, never silently read.
      const workspace = new Workspace({}, () => false);
      const placed = `kind: Service\n${text}`;
      workspace.set('invalid.yaml', placed);
      for (const diagnostic of lint(workspace.model())) assertInside(diagnostic, placed);
    }
  }
  assert.ok(diagnosticsSeen > 0);
});

test('a sample of the YAML test suite through the CLI: never exit code 2 for a readable file', (t) => {
  if (skipped(t)) return;
  const all = cases();
  const scratch = mkdtempSync(path.join(tmpdir(), 'connlint-yts-'));
  try {
    const sample = all.filter((_, index) => index % 8 === 0);
    for (const [index, { text }] of sample.entries()) {
      mkdirSync(path.join(scratch, `c${index}`, 'sysctl.d'), { recursive: true });
      writeFileSync(path.join(scratch, `c${index}`, 'case.yaml'), text);
      writeFileSync(path.join(scratch, `c${index}`, 'service.yaml'), placements(text)['service.yaml']!);
      writeFileSync(path.join(scratch, `c${index}`, 'sysctl.d', '10-case.conf'), text);
    }
    const result = runCli(['--format', 'json', scratch]);
    assert.ok(result.code === 0 || result.code === 1, `exit ${result.code}: ${result.stderr}`);
    const report = JSON.parse(result.stdout) as { diagnostics: unknown[] };
    assert.ok(Array.isArray(report.diagnostics));
    assert.equal(result.stderr, '');
    for (const [index, { id, text }] of sample.slice(0, 12).entries()) {
      const single = runCli(['--format', 'json', path.join(scratch, `c${index}`, 'case.yaml')]);
      assert.ok(single.code === 0 || single.code === 1, `${id}: exit ${single.code}: ${single.stderr}`);
      const piped = runCli(['--format', 'json', '-'], { stdin: text });
      assert.ok(piped.code === 0 || piped.code === 1, `${id} on standard input: exit ${piped.code}: ${piped.stderr}`);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
});
