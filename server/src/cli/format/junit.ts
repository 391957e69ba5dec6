import { pushTo } from '../../core/collections';
import { ruleDocsUrl } from '../../core/rules/rule';
import type { SkippedPart } from '../../core/skipped';
import type { Diagnostic } from '../../core/types';

/** What the JUnit report needs beyond the findings. */
export interface JunitContext {
  /** Every file checked: one test case each, passing when it has no finding. */
  readonly files: readonly string[];
  /** The files of which nothing was read (templates): their test cases are skipped. */
  readonly filesSkipped?: readonly SkippedPart[];
}

/**
 * A JUnit XML report, as GitLab, Jenkins and Azure DevOps read test results: one `<testsuite>`
 * named `connlint`, one `<testcase>` per file checked, and one `<failure>` per finding (its
 * `type` the rule, its `message` the finding's message, its text the place, the related places
 * and the rule's page). Every finding is a failure, whatever its severity; a file of which
 * nothing was read (a template) is a skipped test case. Test cases are sorted by file, as findings are.
 */
export function formatJunit(diagnostics: readonly Diagnostic[], context: JunitContext): string {
  const byFile = new Map<string, Diagnostic[]>(context.files.map((file) => [file, []]));
  for (const diagnostic of diagnostics) pushTo(byFile, diagnostic.file, diagnostic);
  const skipped = new Map((context.filesSkipped ?? []).map((part) => [part.file, part.reason]));
  const counts = `tests="${byFile.size}" failures="${diagnostics.length}" errors="0"`;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="connlint" ${counts}>`,
    `  <testsuite name="connlint" ${counts} skipped="${[...byFile.keys()].filter((file) => skipped.has(file)).length}">`,
    ...[...byFile.keys()].sort().flatMap((file) => testCase(file, byFile.get(file)!, skipped.get(file))),
    '  </testsuite>',
    '</testsuites>',
    '',
  ];
  return lines.join('\n');
}

function testCase(file: string, findings: readonly Diagnostic[], skipped: string | undefined): string[] {
  const open = `    <testcase name="${escapeXmlAttribute(file)}" classname="connlint"`;
  if (findings.length === 0 && skipped !== undefined) return [`${open}>`, `      <skipped message="${escapeXmlAttribute(skipped)}"/>`, '    </testcase>'];
  if (findings.length === 0) return [`${open}/>`];
  return [`${open}>`, ...findings.map(failure), '    </testcase>'];
}

function failure(diagnostic: Diagnostic): string {
  const place = (file: string, position: { line: number; character: number }): string => `${file}:${position.line + 1}:${position.character + 1}`;
  const body = [
    `${place(diagnostic.file, diagnostic.range.start)}: ${diagnostic.severity}: ${diagnostic.message}`,
    ...diagnostic.related.map((related) => `↳ ${place(related.file, related.range.start)}  ${related.message}`),
    `Rule ${diagnostic.rule}: ${ruleDocsUrl(diagnostic.rule)}`,
  ].join('\n');
  return `      <failure type="${escapeXmlAttribute(diagnostic.rule)}" message="${escapeXmlAttribute(diagnostic.message)}">${escapeXmlText(body)}</failure>`;
}

/** Characters XML 1.0 cannot hold at all: C0 controls but tab, LF and CR; lone surrogates; U+FFFE and U+FFFF. */
const NOT_XML_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text with the characters XML cannot hold written as visible `\uXXXX` escapes. */
function visibleEscapes(text: string): string {
  return text.replace(NOT_XML_CHARACTER, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Element content: `&`, `<` and `>` as entities, CR as a character reference (parsers turn a
 * literal CR into LF), characters XML cannot hold as visible escapes.
 */
export function escapeXmlText(text: string): string {
  return visibleEscapes(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

/**
 * A double-quoted attribute value: as element content, plus `"`, and tab and LF as character
 * references, which attribute-value normalisation would otherwise turn into spaces.
 */
export function escapeXmlAttribute(text: string): string {
  return escapeXmlText(text).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}
