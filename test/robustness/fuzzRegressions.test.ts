import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { Workspace, lint, fixAllEdits } from '@connlint/server';
import { repoRoot } from '../helpers/runCli';
import { assertInside } from './bounds';

const regressions = path.join(repoRoot, 'test', 'fixtures', 'fuzz-regressions');

/** The name a saved input is linted under: its role is in the name the fuzzer saved it with. */
function lintedName(saved: string): string {
  return saved.endsWith('.conf') ? 'sysctl.d/99-fuzz.conf' : 'manifest.yaml';
}

test('every input the fuzzer ever failed on lints without throwing, inside its ranges, the same twice', () => {
  const inputs = readdirSync(regressions).filter((name) => name !== 'README.md');
  for (const saved of inputs) {
    const text = readFileSync(path.join(regressions, saved), 'utf8');
    const name = lintedName(saved);
    const run = (): string => {
      const workspace = new Workspace({}, () => false);
      workspace.set(name, text);
      const diagnostics = lint(workspace.model());
      for (const diagnostic of diagnostics) assertInside(diagnostic, text);
      fixAllEdits(workspace.model(), {});
      return JSON.stringify(diagnostics);
    };
    assert.equal(run(), run(), saved);
  }
});
