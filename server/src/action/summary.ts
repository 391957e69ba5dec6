import { pushTo } from '../core/collections';
import { ruleById } from '../core/rules/registry';
import { ruleDocsUrl } from '../core/rules/rule';
import type { Diagnostic } from '../core/types';
import { tally } from '../cli/format/stylish';

/** Findings listed one by one in the summary; the rest are counted (a summary holds at most 1 MiB). */
export const SUMMARY_FINDINGS_LIMIT = 200;

/**
 * The job summary (Markdown, appended to `$GITHUB_STEP_SUMMARY`): the counts, a table of the
 * findings by rule with links to the rule pages, and the findings themselves in a folded list.
 */
export function jobSummary(diagnostics: readonly Diagnostic[], filesChecked: number): string {
  const files = `${filesChecked} file${filesChecked === 1 ? '' : 's'} checked`;
  if (diagnostics.length === 0) return `## Connlint\n\nNo problems (${files}).\n`;
  const counts = tally(diagnostics);
  const lines = [
    '## Connlint',
    '',
    `${diagnostics.length} problem${diagnostics.length === 1 ? '' : 's'}: ${counts.errors} error${counts.errors === 1 ? '' : 's'}, ${counts.warnings} warning${counts.warnings === 1 ? '' : 's'}, ${counts.infos} info (${files}).`,
    '',
    '| Rule | Errors | Warnings | Infos | What it finds |',
    '| --- | ---: | ---: | ---: | --- |',
    ...ruleRows(diagnostics),
    '',
    '<details><summary>Findings</summary>',
    '',
    '| Place | Severity | Rule | Message |',
    '| --- | --- | --- | --- |',
    ...diagnostics.slice(0, SUMMARY_FINDINGS_LIMIT).map(findingRow),
    ...(diagnostics.length > SUMMARY_FINDINGS_LIMIT ? ['', `And ${diagnostics.length - SUMMARY_FINDINGS_LIMIT} more: see the annotations or the SARIF report.`] : []),
    '',
    '</details>',
    '',
  ];
  return lines.join('\n');
}

function ruleRows(diagnostics: readonly Diagnostic[]): string[] {
  const byRule = new Map<string, Diagnostic[]>();
  for (const diagnostic of diagnostics) pushTo(byRule, diagnostic.rule, diagnostic);
  return [...byRule.keys()].sort().map((id) => {
    const counts = tally(byRule.get(id)!);
    return `| [${markdownCell(id)}](${ruleDocsUrl(id)}) | ${counts.errors} | ${counts.warnings} | ${counts.infos} | ${markdownCell(ruleById(id)?.description ?? '')} |`;
  });
}

function findingRow(diagnostic: Diagnostic): string {
  const { line, character } = diagnostic.range.start;
  return `| ${markdownCell(`${diagnostic.file}:${line + 1}:${character + 1}`)} | ${diagnostic.severity} | ${markdownCell(diagnostic.rule)} | ${markdownCell(diagnostic.message)} |`;
}

/**
 * Text as the content of a table cell in GitHub's Markdown: HTML and Markdown punctuation as
 * entities or escapes (file names and messages are data, not markup), `|` escaped, line breaks as
 * `<br>`, other control characters as visible `\uXXXX` escapes.
 */
export function markdownCell(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|~])/g, '\\$1')
    .replace(/\r\n|\r|\n/g, '<br>')
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
