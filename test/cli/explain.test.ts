import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { RULES } from '@connlint/server';
import { repoRoot, runCli } from '../helpers/runCli';

const documented = RULES.filter((rule) => existsSync(path.join(repoRoot, 'docs', 'rules', `${rule.id}.md`)));

test('--explain prints a rule page as plain text: headings underlined, no Markdown marks, code indented', () => {
  const result = runCli(['--explain', 'service-affinity']);
  assert.equal(result.code, 0);
  assert.equal(result.stderr, '');
  const lines = result.stdout.split('\n');
  assert.deepEqual(lines.slice(0, 5), ['service-affinity', '================', '', 'Default severity: warning', '']);
  assert.ok(lines.includes('Why it matters') && lines[lines.indexOf('Why it matters') + 1] === '--------------', 'second-level headings underlined with -');
  assert.ok(!result.stdout.includes('```'), 'no code fences');
  assert.ok(!result.stdout.includes('**'), 'no emphasis marks');
  assert.ok(!/\]\(/.test(result.stdout), 'no Markdown links');
  assert.ok(lines.includes('    apiVersion: apps/v1'), 'code blocks are indented by four spaces');
  assert.ok(result.stdout.includes('sysctl-syntax (connlint --explain sysctl-syntax)'), "a link to another rule's page becomes its --explain");
  const prose = lines.filter((line) => !line.startsWith('    ') && !line.startsWith('|'));
  assert.deepEqual(prose.filter((line) => line.length > 80 && /\S\s+\S/.test(line)), [], 'prose wraps at 80 columns when not on a terminal (a long URL stays whole)');
  assert.ok(!/<https?:/.test(result.stdout), 'autolinks lose their angle brackets');
  assert.ok(!result.stdout.includes('\x1b['), 'no colour when not on a terminal');
});

test('every documented rule explains itself', () => {
  assert.ok(documented.some((rule) => rule.id === 'service-affinity'));
  for (const rule of documented) {
    const result = runCli(['--explain', rule.id]);
    assert.equal(result.code, 0, rule.id);
    assert.ok(result.stdout.startsWith(`${rule.id}\n${'='.repeat(rule.id.length)}\n`), rule.id);
  }
});

test('--color colours headings and code', () => {
  const result = runCli(['--explain', 'service-affinity', '--color']);
  assert.equal(result.code, 0);
  assert.ok(result.stdout.startsWith('\x1b[1mservice-affinity\x1b[22m\n'), JSON.stringify(result.stdout.slice(0, 40)));
});

test('an unknown rule: exit 2, the registered rules listed on stderr', () => {
  const result = runCli(['--explain', 'service-afinity']);
  assert.deepEqual(result, { code: 2, stdout: '', stderr: `connlint: unknown rule "service-afinity" (rules: ${RULES.map((rule) => rule.id).join(', ')})\n` });
});

test('--explain takes one rule and no paths; it does not mix with --fix or --print-config', () => {
  assert.deepEqual(runCli(['--explain', 'service-affinity', 'classic']), { code: 2, stdout: '', stderr: 'connlint: --explain takes one argument; unexpected "classic"\n' });
  assert.equal(runCli(['--explain']).code, 2);
  assert.deepEqual(runCli(['--explain', 'service-affinity', '--fix']), {
    code: 2,
    stdout: '',
    stderr: 'connlint: --explain cannot be combined with --explain, --print-config, --fix or --fix-dry-run\n',
  });
});
