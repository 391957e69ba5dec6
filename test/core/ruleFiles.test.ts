import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { RULES, type Rule } from '@connlint/server';
import { repoRoot } from '../helpers/runCli';

const rulesSource = path.join(repoRoot, 'server', 'src', 'core', 'rules');
const rulesCompiled = path.join(repoRoot, 'server', 'out', 'core', 'rules');

/** The rule files: every module of core/rules but the registry and the Rule type's own. */
const ruleFiles = readdirSync(rulesSource)
  .filter((name) => name.endsWith('.ts') && name !== 'registry.ts' && name !== 'rule.ts')
  .sort();

test('no rule file imports another rule file: shared code lives in the model, sysctl, edits or rule.ts', () => {
  const imports = ruleFiles.flatMap((name) => {
    const source = readFileSync(path.join(rulesSource, name), 'utf8');
    return [...source.matchAll(/\bfrom\s+'(\.\/[^']+)'/g)].map((match) => `${name} imports ${match[1]}`);
  });
  assert.deepEqual(imports.filter((line) => !line.endsWith(" imports ./rule")), []);
});

test('every rule a rule file exports is registered, once', () => {
  const exported: Rule[] = ruleFiles.flatMap((name) => {
    const module = require(path.join(rulesCompiled, name.replace(/\.ts$/, '.js'))) as Record<string, unknown>;
    return Object.values(module).filter((value): value is Rule => typeof value === 'object' && value !== null && 'check' in value && 'id' in value);
  });
  assert.deepEqual(exported.map((rule) => rule.id).sort(), RULES.map((rule) => rule.id).sort());
  assert.deepEqual(new Set(exported), new Set(RULES));
});
