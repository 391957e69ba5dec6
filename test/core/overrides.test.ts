import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintSettingsOf, parseSettings } from '@connlint/server';
import { brief, lines, lintFiles } from '../helpers/lintFiles';

/** A Service and the two-replica Deployment behind it, in one file: a service-affinity warning on the Service's name (3:8-3:11). */
const PAIR = lines(
  'apiVersion: v1',
  'kind: Service',
  'metadata:',
  '  name: api',
  'spec:',
  '  selector: {app: api}',
  '---',
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: api',
  'spec:',
  '  replicas: 2',
  '  selector: {matchLabels: {app: api}}',
  '  template:',
  '    metadata: {labels: {app: api}}',
);

const FILES = { 'app/api.yaml': PAIR, 'test/fixtures/api.yaml': PAIR, 'test/keep/api.yaml': PAIR, 'vendor/api.yaml': PAIR };

/** The findings of FILES under `raw` settings, each as `severity file`; paths are already relative to the settings' folder. */
function findings(raw: unknown, files: Readonly<Record<string, string>> = FILES): string[] {
  const { settings, problems } = parseSettings(raw);
  assert.deepEqual(problems, []);
  return lintFiles(files, { settings: lintSettingsOf(settings, (file) => file) }).map((diagnostic) => {
    const { rule, severity, file, range } = brief(diagnostic);
    assert.deepEqual([rule, range], ['service-affinity', '3:8-3:11']);
    return `${severity} ${file}`;
  });
}

test('without overrides every file has its finding', () => {
  assert.deepEqual(findings({}), ['warning app/api.yaml', 'warning test/fixtures/api.yaml', 'warning test/keep/api.yaml', 'warning vendor/api.yaml']);
});

test('an override quiets the files its patterns match, and not those its excludedFiles match', () => {
  assert.deepEqual(findings({ overrides: [{ files: ['test/**', 'vendor'], excludedFiles: ['test/keep/*.yaml'], rules: { 'service-affinity': 'off' } }] }), [
    'warning app/api.yaml',
    'warning test/keep/api.yaml',
  ]);
});

test('overrides apply in order, a later entry winning, over the rules setting', () => {
  const everywhere = { files: ['**'], rules: { 'service-affinity': 'error' } };
  const vendor = { files: ['vendor/**'], rules: { 'service-affinity': 'info' } };
  const base = { rules: { 'service-affinity': 'hint' } };
  assert.deepEqual(findings({ ...base, overrides: [everywhere, vendor] }), ['error app/api.yaml', 'error test/fixtures/api.yaml', 'error test/keep/api.yaml', 'info vendor/api.yaml']);
  assert.deepEqual(findings({ ...base, overrides: [vendor, everywhere] }), ['error app/api.yaml', 'error test/fixtures/api.yaml', 'error test/keep/api.yaml', 'error vendor/api.yaml']);
  assert.deepEqual(findings({ ...base, overrides: [vendor] }), ['hint app/api.yaml', 'hint test/fixtures/api.yaml', 'hint test/keep/api.yaml', 'info vendor/api.yaml']);
});

test('a rule off in rules still runs for the files an override turns it on for', () => {
  assert.deepEqual(findings({ rules: { 'service-affinity': 'off' }, overrides: [{ files: ['app/**'], rules: { 'service-affinity': 'error' } }] }), ['error app/api.yaml']);
});

test('a cross-file finding is decided by the file it is reported in, not by its related places', () => {
  const [service, deployment] = PAIR.split('---\n');
  const files = { 'app/service.yaml': service!, 'vendor/deployment.yaml': deployment! };
  assert.deepEqual(findings({ overrides: [{ files: ['vendor/**'], rules: { 'service-affinity': 'off' } }] }, files), ['warning app/service.yaml']);
  assert.deepEqual(findings({ overrides: [{ files: ['app/**'], rules: { 'service-affinity': 'off' } }] }, files), []);
});

test('invalid entries are named by their place in the list; the other entries are kept', () => {
  const { settings, problems } = parseSettings({
    overrides: [
      { files: ['a/**'], rules: { 'service-affinity': 'off' } },
      'vendor/**',
      { files: [], rules: { 'service-afinity': 'off', 'yaml-syntax': 'loud' } },
      { files: 'b/**', excludedFiles: [3], rules: null, severity: 'off' },
    ],
  });
  assert.deepEqual(settings.overrides, [{ files: ['a/**'], excludedFiles: [], rules: { 'service-affinity': 'off' } }]);
  assert.deepEqual(problems, [
    { key: 'overrides[1]', message: 'must be a mapping with files, rules and, optionally, excludedFiles' },
    { key: 'overrides[2].files', message: 'must be a non-empty list of glob patterns' },
    { key: 'overrides[2].rules.service-afinity', message: 'unknown rule (did you mean service-affinity?)' },
    { key: 'overrides[2].rules.yaml-syntax', message: 'must be one of off, hint, info, warning, error' },
    { key: 'overrides[3].severity', message: 'unknown key (allowed: files, excludedFiles, rules)' },
    { key: 'overrides[3].files', message: 'must be a non-empty list of glob patterns' },
    { key: 'overrides[3].excludedFiles', message: 'must be a list of glob patterns' },
    { key: 'overrides[3].rules', message: 'must be a mapping of rule ids to severities' },
  ]);
  assert.deepEqual(parseSettings({ overrides: { files: ['a'] } }).problems, [{ key: 'overrides', message: 'must be a list of entries { files, excludedFiles, rules }' }]);
});
