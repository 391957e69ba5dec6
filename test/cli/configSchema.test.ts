import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { RULES, parseSettings } from '@connlint/server';
import { configSchemaText } from '@connlint/server/cli';
import { repoRoot } from '../helpers/runCli';

const schemaFile = path.join(repoRoot, 'schemas', 'connlint.schema.json');
const schemaText = readFileSync(schemaFile, 'utf8');
const validate = new Ajv({ allErrors: true }).compile(JSON.parse(schemaText) as object);

test('schemas/connlint.schema.json is generated from the rule registry and the settings', () => {
  assert.equal(schemaText, configSchemaText(), 'out of date with the rule registry: run npm run build');
  const schema = JSON.parse(schemaText) as { properties: { rules: { properties: Record<string, unknown> } } };
  assert.deepEqual(Object.keys(schema.properties.rules.properties), RULES.map((rule) => rule.id));
});

/** Configurations, as YAML, that the schema and parseSettings must judge alike. */
const CASES: readonly string[] = [
  '',
  '# comments only',
  'rules:',
  'exclude:',
  'assume:',
  'rules: {}',
  'exclude: []',
  'exclude: [vendor/**, "**/*.generated.yaml"]',
  'exclude: vendor/**',
  'exclude: [1]',
  'exclude: {a: b}',
  'rules: [service-affinity]',
  'rules: {service-affinity: warn}',
  'rules: {service-afinity: error}',
  'rules: {service-affinity: 1}',
  'rules: {service-affinity: null}',
  'assume: {conntrackEstablishedTimeout: 3600}',
  'assume: {conntrackEstablishedTimeout: 1}',
  'assume: {conntrackEstablishedTimeout: null}',
  'assume: {conntrackEstablishedTimeout: 0}',
  'assume: {conntrackEstablishedTimeout: -5}',
  'assume: {conntrackEstablishedTimeout: 1.5}',
  'assume: {conntrackEstablishedTimeout: "3600"}',
  'assume: {conntrackEstablishedTimeout: 24h}',
  'assume: {kubeProxy: maybe}',
  'assume: {kubeProxy: null}',
  'assume: {proxyMode: userspace}',
  'assume: {proxyMode: IPVS}',
  'assume: {mode: ipvs}',
  'assume: [kubeProxy]',
  'assume: 3',
  'severity: error',
  '- service-affinity',
  '42',
  ...RULES.flatMap((rule) => ['off', 'hint', 'info', 'warning', 'error'].map((level) => `rules: {${rule.id}: ${level}}`)),
  ...['auto', 'running', 'absent'].map((value) => `assume: {kubeProxy: ${value}}`),
  ...['auto', 'iptables', 'ipvs', 'nftables'].map((value) => `assume: {proxyMode: ${value}}`),
  'rules:\n  service-affinity: "off"\nexclude:\n  - vendor/**\nassume:\n  conntrackEstablishedTimeout: 3600\n  kubeProxy: running\n  proxyMode: ipvs',
];

test('the schema accepts exactly what parseSettings accepts', () => {
  for (const text of CASES) {
    const raw: unknown = parse(text);
    const parsed = parseSettings(raw);
    assert.equal(validate(raw ?? null), parsed.problems.length === 0, `${JSON.stringify(text)}: schema says ${validate(raw ?? null)}, parseSettings says ${JSON.stringify(parsed.problems)}`);
  }
});

test("the schema's enums are the values parseSettings names when it rejects one", () => {
  const schema = JSON.parse(schemaText) as { properties: { assume: { properties: Record<string, { enum?: string[]; default: unknown }> }; rules: { properties: Record<string, { enum: string[] }> } } };
  const allowed = (key: string, value: unknown): string[] => {
    const [problem] = parseSettings({ assume: { [key]: value } }).problems;
    return /must be one of (.*)$/.exec(problem!.message)![1]!.split(', ');
  };
  assert.deepEqual(schema.properties.assume.properties['kubeProxy']!.enum, allowed('kubeProxy', '?'));
  assert.deepEqual(schema.properties.assume.properties['proxyMode']!.enum, allowed('proxyMode', '?'));
  const [severityProblem] = parseSettings({ rules: { [RULES[0]!.id]: '?' } }).problems;
  assert.deepEqual(schema.properties.rules.properties[RULES[0]!.id]!.enum, /must be one of (.*)$/.exec(severityProblem!.message)![1]!.split(', '));
  const [unknownAssumption] = parseSettings({ assume: { '?': 1 } }).problems;
  assert.deepEqual(Object.keys(schema.properties.assume.properties), /\(allowed: (.*)\)$/.exec(unknownAssumption!.message)![1]!.split(', '));
});

test('the extension registers the schema for .connlint.yaml with YAML editors, and the .vsix ships it', () => {
  const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { contributes: { yamlValidation: { fileMatch: string; url: string }[] } };
  assert.deepEqual(manifest.contributes.yamlValidation, [{ fileMatch: '.connlint.yaml', url: './schemas/connlint.schema.json' }]);
  const vscodeignore = readFileSync(path.join(repoRoot, '.vscodeignore'), 'utf8').split('\n');
  assert.ok(vscodeignore.includes('!schemas/connlint.schema.json'));
});
