import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { validateXML } from 'xmllint-wasm';
import { escapeXmlAttribute, escapeXmlText } from '@connlint/server/cli';
import { cliFixtures, fixtureCopier, repoRoot, runCli } from '../helpers/runCli';

// The Jenkins xUnit plugin's JUnit schema (see test/fixtures/junit/README.md).
const schema = { fileName: 'junit-10.xsd', contents: readFileSync(path.join(repoRoot, 'test', 'fixtures', 'junit', 'junit-10.xsd'), 'utf8') };
const copyFixture = fixtureCopier('connlint-junit-', after);

/** The schema's complaints about a report (none when it is valid JUnit XML). */
async function schemaErrors(xml: string): Promise<string[]> {
  const result = await validateXML({ xml: { fileName: 'report.xml', contents: xml }, schema });
  return result.valid ? [] : result.errors.map((error) => error.rawMessage);
}

/** Runs connlint with --format junit and checks the report against the schema. */
async function junit(args: readonly string[], cwd = cliFixtures): Promise<{ code: number | null; xml: string }> {
  const result = runCli(['--format', 'junit', ...args], { cwd });
  assert.equal(result.stderr, '');
  assert.deepEqual(await schemaErrors(result.stdout), [], 'valid JUnit XML');
  return { code: result.code, xml: result.stdout };
}

const RULE_PAGES = 'https://github.com/connlint/connlint/blob/main/docs/rules';

test('one suite, a test case per file checked, a failure per finding with its place, related places and rule page', async () => {
  const { code, xml } = await junit(['classic']);
  assert.equal(code, 1);
  const message =
    "Service &quot;orders&quot; has 2 backends (Deployment &quot;orders&quot; has replicas: 2) and no ClientIP affinity: a connection idle over the 86400 s conntrack timeout can be re-balanced to another pod and reset.";
  assert.equal(
    xml,
    [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<testsuites name="connlint" tests="2" failures="1" errors="0">',
      '  <testsuite name="connlint" tests="2" failures="1" errors="0" skipped="0">',
      '    <testcase name="classic/deployment.yaml" classname="connlint"/>',
      '    <testcase name="classic/service.yaml" classname="connlint">',
      `      <failure type="service-affinity" message="${message}">classic/service.yaml:4:9: warning: ${message.replace(/&quot;/g, '"')}`,
      '↳ classic/deployment.yaml:8:13  Backend of Service "orders": Deployment "orders" has replicas: 2',
      `Rule service-affinity: ${RULE_PAGES}/service-affinity.md</failure>`,
      '    </testcase>',
      '  </testsuite>',
      '</testsuites>',
      '',
    ].join('\n'),
  );
  const clean = await junit(['clean']);
  assert.equal(clean.code, 0);
  assert.match(clean.xml, /<testsuite name="connlint" tests="2" failures="0" errors="0" skipped="0">\n {4}<testcase name="clean\/deployment\.yaml" classname="connlint"\/>\n {4}<testcase name="clean\/service\.yaml" classname="connlint"\/>\n {2}<\/testsuite>/);
});

test('the schema rejects what JUnit readers cannot take', async () => {
  const { xml } = await junit(['classic']);
  assert.notDeepEqual(await schemaErrors(xml.replace(' name="classic/service.yaml"', '')), [], 'a test case without a name');
  assert.notDeepEqual(await schemaErrors(xml.replace(/ failures="1"/g, '')), [], 'a suite without its failure count');
  assert.notDeepEqual(await schemaErrors(xml.replace('</failure>', '\u001b</failure>')), [], 'a control character XML forbids');
});

test('the failures are the findings of the JSON report, several to a file when it has several', async () => {
  const args = ['classic', 'broken', 'unicode', 'sysctl/node.conf', 'mixed'];
  const { code, xml } = await junit(args);
  const json = runCli(['--format', 'json', ...args], { cwd: cliFixtures });
  assert.equal(code, json.code);
  const diagnostics = (JSON.parse(json.stdout) as { diagnostics: { file: string; rule: string; line: number; column: number }[] }).diagnostics;
  const failures = [...xml.matchAll(/<failure type="([^"]+)" message="[^"]*">([^:]+):(\d+):(\d+):/g)].map((m) => [m[2], m[1], Number(m[3]), Number(m[4])]);
  assert.deepEqual(
    failures,
    diagnostics.map((d) => [d.file, d.rule, d.line, d.column]),
  );
  assert.match(xml, /<testsuite name="connlint" tests="10" failures="9" errors="0" skipped="0">/, "ten files checked, nine findings");
  assert.equal([...xml.matchAll(/<testcase name="sysctl\/node\.conf" classname="connlint">/g)].length, 1);
  assert.equal([...xml.matchAll(/<failure type="sysctl-syntax"/g)].length, 3, 'the three findings of one file are three failures of one test case');
});

test('file names and messages are escaped: markup characters, and control characters XML forbids as visible escapes', async () => {
  const name = 'a&b <"quoted"> \u001b[31m.yaml';
  const root = copyFixture('classic');
  writeFileSync(path.join(root, name), 'apiVersion: v1\nkind: Service\nmetadata:\n  name: x\nspec: [\n');
  const { xml } = await junit(['.'], root);
  const escapedName = 'a&amp;b &lt;&quot;quoted&quot;&gt; \\u001b[31m.yaml';
  assert.ok(xml.includes(`<testcase name="${escapedName}" classname="connlint">`), xml);
  assert.ok(xml.includes(`>a&amp;b &lt;"quoted"&gt; \\u001b[31m.yaml:6:1: error: Flow sequence`), xml);
});

test('XML escaping: text and attribute values, forbidden characters, line breaks kept in attributes', () => {
  assert.equal(escapeXmlText('a < b && c > d "q" \'s\''), 'a &lt; b &amp;&amp; c &gt; d "q" \'s\'');
  assert.equal(escapeXmlText('bell\u0007 nul\u0000 esc\u001b tab\t lf\n cr\r'), 'bell\\u0007 nul\\u0000 esc\\u001b tab\t lf\n cr&#13;');
  assert.equal(escapeXmlText('lone \ud800 low \udc00 pair \ud83d\ude00 \ufffe\uffff'), 'lone \\ud800 low \\udc00 pair \ud83d\ude00 \\ufffe\\uffff');
  assert.equal(escapeXmlText('C1 \u0085 and \u007f stay'), 'C1 \u0085 and \u007f stay');
  assert.equal(escapeXmlAttribute('say "hi"\tthen\nnext\r\n<&>'), 'say &quot;hi&quot;&#9;then&#10;next&#13;&#10;&lt;&amp;&gt;');
  assert.equal(escapeXmlAttribute('\\u001b stays as typed'), '\\u001b stays as typed');
});
