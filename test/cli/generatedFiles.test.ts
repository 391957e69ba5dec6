import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { createTwoFilesPatch } from 'diff';
import { RULES, type Rule } from '@connlint/server';
import { GENERATED_FILES, REGENERATE_HINT, replaceRuleSection, staleFiles } from '@connlint/server/cli';
import { repoRoot } from '../helpers/runCli';

for (const file of GENERATED_FILES) {
  test(`${file.path} is what the rule registry says`, () => {
    const current = readFileSync(path.join(repoRoot, file.path), 'utf8');
    const expected = file.generate(current, RULES);
    const patch = createTwoFilesPatch(file.path, `${file.path} (from the registry)`, current, expected, undefined, undefined, { context: 1 });
    assert.ok(current === expected, `${file.path} is out of date with the rule registry, to fix: ${REGENERATE_HINT}.\n${patch}`);
  });
}

const NEW_RULE: Rule = {
  id: 'example-rule',
  defaultSeverity: 'hint',
  description: 'An example finding.',
  scope: 'file',
  check() {},
};

test('a rule added to the registry is written into every generated file', () => {
  const stale = new Map(staleFiles(repoRoot, [...RULES, NEW_RULE]).map((file) => [file.path, file.expected]));
  assert.deepEqual([...stale.keys()], ['package.json', 'schemas/connlint.schema.json', 'README.md', 'client/README.md', 'docs/suppressing.md']);
  const manifest = JSON.parse(stale.get('package.json')!) as { contributes: { configuration: { properties: Record<string, { properties: Record<string, unknown> }> } } };
  assert.deepEqual(manifest.contributes.configuration.properties['connlint.rules']!.properties['example-rule'], {
    type: 'string',
    enum: ['off', 'hint', 'info', 'warning', 'error'],
    default: 'hint',
    markdownDescription: 'Severity of [`example-rule`](https://github.com/connlint/connlint/blob/main/docs/rules/example-rule.md): An example finding. Default: `hint`.',
  });
  const schema = JSON.parse(stale.get('schemas/connlint.schema.json')!) as { properties: { rules: { properties: Record<string, unknown> } } };
  assert.deepEqual(schema.properties.rules.properties['example-rule'], {
    description: 'An example finding. Default: hint. https://github.com/connlint/connlint/blob/main/docs/rules/example-rule.md',
    enum: ['off', 'hint', 'info', 'warning', 'error'],
    default: 'hint',
  });
  const last = RULES[RULES.length - 1]!;
  assert.ok(stale.get('README.md')!.includes(`| ${last.description} |\n| [\`example-rule\`](docs/rules/example-rule.md) | hint | An example finding. |\n<!-- rules:end -->\n`));
  assert.ok(stale.get('client/README.md')!.includes(`| [\`example-rule\`](https://github.com/connlint/connlint/blob/main/docs/rules/example-rule.md) | hint | An example finding. |\n<!-- rules:end -->\n`));
  assert.ok(stale.get('docs/suppressing.md')!.includes(`\`${last.id}\`, \`example-rule\`.\n<!-- rules:end -->\n`));
});

test('the rule section is replaced between its markers, keeping the text around it and its line endings', () => {
  assert.equal(replaceRuleSection('a\n<!-- rules:start -->\nold\nlines\n<!-- rules:end -->\nb\n', 'x\ny', 'f.md'), 'a\n<!-- rules:start -->\nx\ny\n<!-- rules:end -->\nb\n');
  assert.equal(replaceRuleSection('a\r\n<!-- rules:start -->\r\n<!-- rules:end -->\r\n', 'x\ny', 'f.md'), 'a\r\n<!-- rules:start -->\r\nx\r\ny\r\n<!-- rules:end -->\r\n');
  assert.throws(() => replaceRuleSection('a\n<!-- rules:end -->\n<!-- rules:start -->\n', 'x', 'f.md'), { message: 'f.md has no <!-- rules:start --> … <!-- rules:end --> section for the rules' });
  assert.throws(() => replaceRuleSection('no markers', 'x', 'README.md'), { message: 'README.md has no <!-- rules:start --> … <!-- rules:end --> section for the rules' });
});

test('scripts/generate.mjs --check names the stale files and how to fix them; without --check it rewrites them, and only them', (t) => {
  const copy = mkdtempSync(path.join(tmpdir(), 'connlint-generate-'));
  t.after(() => rmSync(copy, { recursive: true, force: true }));
  for (const file of ['scripts/generate.mjs', ...GENERATED_FILES.map((generated) => generated.path)]) {
    mkdirSync(path.dirname(path.join(copy, file)), { recursive: true });
    cpSync(path.join(repoRoot, file), path.join(copy, file));
  }
  symlinkSync(path.join(repoRoot, 'server'), path.join(copy, 'server'), 'dir');
  const generate = (...args: string[]) => spawnSync(process.execPath, [path.join(copy, 'scripts', 'generate.mjs'), ...args], { encoding: 'utf8' });
  generate();
  const readme = readFileSync(path.join(copy, 'README.md'), 'utf8');
  writeFileSync(path.join(copy, 'README.md'), readme.replace('| warning | A Service with several backends', '| error | A Service with several backends'));

  const check = generate('--check');
  assert.deepEqual([check.status, check.stdout, check.stderr], [1, '', 'Out of date with the rule registry: README.md. To fix: run npm run build.\n']);
  const written = generate();
  assert.deepEqual([written.status, written.stdout, written.stderr], [0, 'generated README.md\n', '']);
  assert.equal(readFileSync(path.join(copy, 'README.md'), 'utf8'), readme);
  assert.deepEqual([generate('--check').status, generate().stdout], [0, '']);

  writeFileSync(path.join(copy, 'docs', 'suppressing.md'), '# Suppressing findings\n');
  const broken = generate('--check');
  assert.deepEqual([broken.status, broken.stderr], [2, 'generate: docs/suppressing.md has no <!-- rules:start --> … <!-- rules:end --> section for the rules\n']);
});
