import assert from 'node:assert/strict';
import { test } from 'node:test';
import { diagnosticsFingerprint, type Diagnostic, type Range } from '@connlint/server';

const range = (line: number, character: number, endLine: number, endCharacter: number): Range => ({ start: { line, character }, end: { line: endLine, character: endCharacter } });

const DIAGNOSTIC: Diagnostic = {
  file: 'svc.yaml',
  range: range(2, 8, 2, 11),
  rule: 'service-affinity',
  severity: 'warning',
  message: 'Service "web" has 3 backends',
  related: [{ file: 'deploy.yaml', range: range(6, 12, 6, 13), message: 'Deployment "web" has replicas: 3' }],
};

/** Each way a diagnostic can differ in what an editor shows of it. */
const VARIANTS: Readonly<Record<string, Diagnostic>> = {
  file: { ...DIAGNOSTIC, file: 'svc2.yaml' },
  rule: { ...DIAGNOSTIC, rule: 'affinity-timeout' },
  severity: { ...DIAGNOSTIC, severity: 'error' },
  message: { ...DIAGNOSTIC, message: 'Service "web" has 4 backends' },
  'start line': { ...DIAGNOSTIC, range: range(3, 8, 2, 11) },
  'start character': { ...DIAGNOSTIC, range: range(2, 9, 2, 11) },
  'end line': { ...DIAGNOSTIC, range: range(2, 8, 3, 11) },
  'end character': { ...DIAGNOSTIC, range: range(2, 8, 2, 12) },
  'a line past 65,535': { ...DIAGNOSTIC, range: range(2 + 65_536, 8, 2, 11) },
  'related file': { ...DIAGNOSTIC, related: [{ ...DIAGNOSTIC.related[0]!, file: 'deploy2.yaml' }] },
  'related range': { ...DIAGNOSTIC, related: [{ ...DIAGNOSTIC.related[0]!, range: range(7, 12, 7, 13) }] },
  'related message': { ...DIAGNOSTIC, related: [{ ...DIAGNOSTIC.related[0]!, message: 'Deployment "web" has replicas: 4' }] },
  'no related location': { ...DIAGNOSTIC, related: [] },
  'two texts split elsewhere': { ...DIAGNOSTIC, related: [{ ...DIAGNOSTIC.related[0]!, message: `${DIAGNOSTIC.related[0]!.message}d`, file: 'eploy.yaml' }] },
};

test('the fingerprint of a list of diagnostics is the same for equal lists, built anew', () => {
  const copy: Diagnostic = JSON.parse(JSON.stringify(DIAGNOSTIC));
  assert.equal(diagnosticsFingerprint([DIAGNOSTIC, VARIANTS.rule!]), diagnosticsFingerprint([copy, { ...VARIANTS.rule! }]));
  assert.equal(diagnosticsFingerprint([]), diagnosticsFingerprint([]));
  assert.ok(Number.isSafeInteger(diagnosticsFingerprint([DIAGNOSTIC])));
});

test('the fingerprint changes with anything an editor shows of a diagnostic, with the order, and with the count', () => {
  const base = diagnosticsFingerprint([DIAGNOSTIC]);
  for (const [what, variant] of Object.entries(VARIANTS)) assert.notEqual(diagnosticsFingerprint([variant]), base, what);
  const all = Object.values(VARIANTS).map((variant) => diagnosticsFingerprint([variant]));
  assert.equal(new Set(all).size, all.length, 'the variants differ from each other too');
  assert.notEqual(diagnosticsFingerprint([DIAGNOSTIC, VARIANTS.rule!]), diagnosticsFingerprint([VARIANTS.rule!, DIAGNOSTIC]));
  assert.notEqual(diagnosticsFingerprint([DIAGNOSTIC, DIAGNOSTIC]), base);
  assert.notEqual(diagnosticsFingerprint([]), base);
});

test('fingerprints of many lists that differ by one number do not collide', () => {
  const seen = new Set<number>();
  for (let line = 0; line < 20_000; line++) seen.add(diagnosticsFingerprint([{ ...DIAGNOSTIC, range: range(line, 8, line, 11) }]));
  for (let count = 0; count < 5_000; count++) seen.add(diagnosticsFingerprint([{ ...DIAGNOSTIC, message: `Service "web" has ${count} backends.` }]));
  assert.equal(seen.size, 25_000);
});
