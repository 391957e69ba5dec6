import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { RULES, ruleDocsUrl } from '@connlint/server';
import { cliFixtures, repoRoot, runCli } from '../helpers/runCli';

// The SARIF 2.1.0 schema as Microsoft's SARIF SDK ships it (see test/fixtures/sarif/README.md).
const schema = JSON.parse(readFileSync(path.join(repoRoot, 'test', 'fixtures', 'sarif', 'sarif-schema-2.1.0.json'), 'utf8')) as object;
const ajv = new Ajv2020({ allErrors: true });
addFormats(ajv);
const validateSarif = ajv.compile(schema);

const scratch = mkdtempSync(path.join(tmpdir(), 'connlint-sarif-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

interface Region {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}
interface PhysicalLocation {
  artifactLocation: { uri: string; uriBaseId?: string };
  region: Region;
}
interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: { physicalLocation: PhysicalLocation }[];
  relatedLocations?: { id: number; physicalLocation: PhysicalLocation; message: { text: string } }[];
  partialFingerprints: Record<string, string>;
}
interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { name: string; version: string; informationUri: string; rules: Record<string, unknown>[] } };
    columnKind: string;
    results: SarifResult[];
  }[];
}
interface JsonDiagnostic {
  file: string;
  rule: string;
  severity: string;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  related: { file: string; line: number; column: number; message: string }[];
}

/** Runs connlint with --format sarif, checks the log against the schema and returns it. */
function sarif(args: readonly string[], cwd = cliFixtures, stdin?: string): { code: number | null; log: SarifLog } {
  const result = runCli(['--format', 'sarif', ...args], { cwd, ...(stdin === undefined ? {} : { stdin }) });
  assert.equal(result.stderr, '');
  const log = JSON.parse(result.stdout) as SarifLog;
  assert.ok(validateSarif(log), `not valid SARIF 2.1.0:\n${JSON.stringify(validateSarif.errors, null, 2)}`);
  return { code: result.code, log };
}

function json(args: readonly string[], cwd = cliFixtures, stdin?: string): { code: number | null; diagnostics: JsonDiagnostic[] } {
  const result = runCli(['--format', 'json', ...args], { cwd, ...(stdin === undefined ? {} : { stdin }) });
  return { code: result.code, diagnostics: (JSON.parse(result.stdout) as { diagnostics: JsonDiagnostic[] }).diagnostics };
}

const fingerprint = (result: SarifResult): string => result.partialFingerprints['connlint/v1']!;
const STDIN_MANIFEST = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\n  labels: {app: api}\nspec:\n  replicas: [2\n';

test('the SARIF log validates against the SARIF 2.1.0 schema, and the schema rejects a broken log', () => {
  const { log } = sarif(['classic', 'broken', 'unicode', 'sysctl/node.conf', '-'], cliFixtures, STDIN_MANIFEST);
  assert.ok(log.runs[0]!.results.length >= 4);
  const broken = structuredClone(log);
  broken.runs[0]!.results[0]!.level = 'warn';
  assert.equal(validateSarif(broken), false, 'the validator is not a no-op');
  const clean = sarif(['clean']);
  assert.deepEqual([clean.code, clean.log.runs[0]!.results], [0, []]);
});

test('tool.driver lists every registered rule with its page and default level', () => {
  const { version } = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string };
  const { driver } = sarif(['clean']).log.runs[0]!.tool;
  assert.deepEqual([driver.name, driver.version, driver.informationUri], ['connlint', version, 'https://github.com/connlint/connlint']);
  assert.deepEqual(
    driver.rules.map((rule) => rule['id']),
    RULES.map((rule) => rule.id),
  );
  const levels = { error: 'error', warning: 'warning', info: 'note', hint: 'note' } as const;
  for (const [index, rule] of RULES.entries()) {
    const descriptor = driver.rules[index] as { name: string; shortDescription: { text: string }; fullDescription: { text: string }; helpUri: string; defaultConfiguration: { level: string } };
    assert.equal(descriptor.shortDescription.text, rule.description, rule.id);
    assert.ok(descriptor.fullDescription.text.length > 0, rule.id);
    assert.match(descriptor.name, /^[A-Z][A-Za-z0-9]*$/, rule.id);
    assert.equal(descriptor.helpUri, ruleDocsUrl(rule.id));
    assert.equal(descriptor.defaultConfiguration.level, levels[rule.defaultSeverity], rule.id);
  }
  const affinity = driver.rules.find((rule) => rule['id'] === 'service-affinity') as { fullDescription: { text: string } };
  assert.match(affinity.fullDescription.text, /^A Service that kube-proxy load-balances over several pods/, "the page's opening paragraph");
  assert.ok(!affinity.fullDescription.text.includes('**'));
});

test('each result says what the JSON report says: rule, level, message, place in UTF-16 columns, related places', () => {
  const args = ['classic', 'broken', 'unicode', 'sysctl/node.conf'];
  const { code, log } = sarif(args);
  const expected = json(args);
  assert.equal(code, expected.code);
  const run = log.runs[0]!;
  assert.equal(run.columnKind, 'utf16CodeUnits');
  const levels: Record<string, string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };
  assert.deepEqual(
    run.results.map((result) => ({
      ruleId: result.ruleId,
      rule: run.tool.driver.rules[result.ruleIndex]!['id'],
      level: result.level,
      message: result.message.text,
      location: result.locations.map((location) => location.physicalLocation),
      related: (result.relatedLocations ?? []).map((related) => [related.physicalLocation.artifactLocation.uri, related.physicalLocation.region.startLine, related.physicalLocation.region.startColumn, related.message.text]),
    })),
    expected.diagnostics.map((diagnostic) => ({
      ruleId: diagnostic.rule,
      rule: diagnostic.rule,
      level: levels[diagnostic.severity],
      message: diagnostic.message,
      location: [
        {
          artifactLocation: { uri: diagnostic.file, uriBaseId: '%SRCROOT%' },
          region: { startLine: diagnostic.line, startColumn: diagnostic.column, endLine: diagnostic.endLine, endColumn: diagnostic.endColumn },
        },
      ],
      related: diagnostic.related.map((related) => [related.file, related.line, related.column, related.message]),
    })),
  );
  const unicode = run.results.find((result) => result.locations[0]!.physicalLocation.artifactLocation.uri === 'unicode/service.yaml')!;
  assert.deepEqual(unicode.locations[0]!.physicalLocation.region, { startLine: 4, startColumn: 45, endLine: 4, endColumn: 53 }, 'columns count UTF-16 code units');
});

test('severities set in .connlint.yaml: info and hint are note, error is error; --quiet keeps errors', () => {
  const root = path.join(scratch, 'levels');
  cpSync(path.join(cliFixtures, 'classic'), root, { recursive: true });
  for (const [severity, level] of [['info', 'note'], ['hint', 'note'], ['error', 'error']] as const) {
    writeFileSync(path.join(root, '.connlint.yaml'), `rules:\n  service-affinity: ${severity}\n`);
    const { log } = sarif(['.'], root);
    assert.deepEqual(log.runs[0]!.results.map((result) => [result.ruleId, result.level]), [['service-affinity', level]], severity);
  }
  writeFileSync(path.join(root, '.connlint.yaml'), '');
  assert.deepEqual(sarif(['--quiet', '.'], root).log.runs[0]!.results, []);
});

test('standard input and unusual file names: percent-encoded relative URIs; stdin has no base', () => {
  const root = path.join(scratch, 'names');
  cpSync(path.join(cliFixtures, 'classic'), root, { recursive: true });
  cpSync(path.join(root, 'service.yaml'), path.join(root, 'my service#1.yaml'));
  rmSync(path.join(root, 'service.yaml'));
  const { log } = sarif(['.', '-'], root, STDIN_MANIFEST);
  const uris = log.runs[0]!.results.map((result) => result.locations[0]!.physicalLocation.artifactLocation);
  assert.deepEqual(uris, [{ uri: '%3Cstdin%3E' }, { uri: 'my%20service%231.yaml', uriBaseId: '%SRCROOT%' }]);
});

/** A copy of the classic fixture with two namespaces, so two findings share the anchored text. */
function twoNamespaces(prefix: string): string {
  const service = readFileSync(path.join(cliFixtures, 'classic', 'service.yaml'), 'utf8');
  const deployment = readFileSync(path.join(cliFixtures, 'classic', 'deployment.yaml'), 'utf8');
  const inNamespace = (text: string, namespace: string): string => text.replace(/^metadata:\n/m, `metadata:\n  namespace: ${namespace}\n`);
  return `${prefix}${inNamespace(service, 'a')}---\n${inNamespace(service, 'b')}---\n${inNamespace(deployment, 'a')}---\n${inNamespace(deployment, 'b')}`;
}

test('fingerprints stay when unrelated lines move, change with the anchored text, and differ for twins', () => {
  const root = path.join(scratch, 'fingerprints');
  cpSync(path.join(cliFixtures, 'classic'), root, { recursive: true });
  rmSync(path.join(root, 'deployment.yaml'));
  const file = path.join(root, 'service.yaml');
  writeFileSync(file, twoNamespaces(''));
  const before = sarif(['.'], root).log.runs[0]!.results;
  assert.equal(before.length, 2);
  assert.notEqual(fingerprint(before[0]!), fingerprint(before[1]!), 'the same text twice: told apart by occurrence');

  writeFileSync(file, twoNamespaces('# Orders, in two namespaces.\n# Owned by the payments team.\n\n'));
  const moved = sarif(['.'], root).log.runs[0]!.results;
  assert.deepEqual(moved.map((result) => result.locations[0]!.physicalLocation.region.startLine), before.map((result) => result.locations[0]!.physicalLocation.region.startLine + 3));
  assert.deepEqual(moved.map(fingerprint), before.map(fingerprint), 'lines added above do not change the fingerprints');

  writeFileSync(file, twoNamespaces('').replace(/replicas: 2/g, 'replicas: 3'));
  assert.deepEqual(sarif(['.'], root).log.runs[0]!.results.map(fingerprint), before.map(fingerprint), 'a changed message on the same anchor keeps it');

  writeFileSync(file, twoNamespaces('').replace(/name: orders\n/, 'name: orders # the shop\n'));
  const edited = sarif(['.'], root).log.runs[0]!.results.map(fingerprint);
  assert.notEqual(edited[0], fingerprint(before[0]!), 'editing the anchored line changes its fingerprint');
  assert.match(edited[0]!, /^[0-9a-f]{32}$/);
});
