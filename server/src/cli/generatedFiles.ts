import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../core/rules/registry';
import { RULE_DOCS_BASE, ruleDocsUrl, type Rule } from '../core/rules/rule';
import { SEVERITY_LEVELS } from '../core/settings';
import { configSchemaText } from './configSchema';

/** A file of the repository written from the rule registry, wholly or between markers. */
export interface GeneratedFile {
  /** Relative to the repository root, with `/` separators. */
  readonly path: string;
  /** The file's text as the registry says it must be, given its current text. */
  generate(current: string, rules: readonly Rule[]): string;
}

/** A generated file whose text on disk is not what the registry says. */
export interface StaleFile {
  readonly path: string;
  readonly expected: string;
}

/** What to do when a generated file is stale. */
export const REGENERATE_HINT = 'run npm run build';

/** The VS Code setting of each rule's severity, as package.json's `connlint.rules` declares it. */
export function ruleSettings(rules: readonly Rule[]): Record<string, object> {
  return Object.fromEntries(
    rules.map((rule) => [
      rule.id,
      {
        type: 'string',
        enum: SEVERITY_LEVELS,
        default: rule.defaultSeverity,
        markdownDescription: `Severity of [\`${rule.id}\`](${ruleDocsUrl(rule.id)}): ${rule.description} Default: \`${rule.defaultSeverity}\`.`,
      },
    ]),
  );
}

/** package.json with `contributes.configuration.properties["connlint.rules"].properties` from the registry. */
function manifestWithRuleSettings(current: string, rules: readonly Rule[]): string {
  const manifest = JSON.parse(current) as { contributes?: { configuration?: { properties?: Record<string, { properties?: unknown }> } } };
  const setting = manifest.contributes?.configuration?.properties?.['connlint.rules'];
  if (setting === undefined) throw new Error('package.json has no contributes.configuration.properties["connlint.rules"]');
  setting.properties = ruleSettings(rules);
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** The README's table of rules: a link to each page, the default severity, the description. */
export function readmeRuleTable(rules: readonly Rule[]): string {
  const rows = rules.map((rule) => `| [\`${rule.id}\`](docs/rules/${rule.id}.md) | ${rule.defaultSeverity} | ${rule.description} |`);
  return ['| Rule | Default | Finds |', '|---|---|---|', ...rows].join('\n');
}

/** The list of rule ids in docs/suppressing.md. */
export function suppressibleRuleList(rules: readonly Rule[]): string {
  return `Rule ids: ${rules.map((rule) => `\`${rule.id}\``).join(', ')}.`;
}

/**
 * `text` with the lines between `<!-- rules:start -->` and `<!-- rules:end -->` replaced by
 * `section`; the markers and everything around them are kept.
 */
export function replaceRuleSection(text: string, section: string, file: string): string {
  const start = '<!-- rules:start -->';
  const end = '<!-- rules:end -->';
  const from = text.indexOf(start);
  const to = text.indexOf(end, from);
  if (from === -1 || to === -1) throw new Error(`${file} has no ${start} … ${end} section for the rules`);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return `${text.slice(0, from + start.length)}${eol}${section.split('\n').join(eol)}${eol}${text.slice(to)}`;
}

/** Every file written from the rule registry. */
export const GENERATED_FILES: readonly GeneratedFile[] = [
  { path: 'package.json', generate: manifestWithRuleSettings },
  { path: 'schemas/connlint.schema.json', generate: (_current, rules) => configSchemaText(rules) },
  { path: 'README.md', generate: (current, rules) => replaceRuleSection(current, readmeRuleTable(rules), 'README.md') },
  // The extension's page links each rule to its page on the web: relative links do not resolve there.
  { path: 'client/README.md', generate: (current, rules) => replaceRuleSection(current, readmeRuleTable(rules).replaceAll('](docs/rules/', `](${RULE_DOCS_BASE}`), 'client/README.md') },
  { path: 'docs/suppressing.md', generate: (current, rules) => replaceRuleSection(current, suppressibleRuleList(rules), 'docs/suppressing.md') },
];

/** The generated files under `root` whose text is not what `rules` make of it. */
export function staleFiles(root: string, rules: readonly Rule[] = RULES): StaleFile[] {
  const stale: StaleFile[] = [];
  for (const file of GENERATED_FILES) {
    const current = readFileSync(path.join(root, file.path), 'utf8');
    const expected = file.generate(current, rules);
    if (expected !== current) stale.push({ path: file.path, expected });
  }
  return stale;
}

/** Brings the generated files under `root` up to date, writing only those that differ; their paths. */
export function writeGeneratedFiles(root: string, rules: readonly Rule[] = RULES): string[] {
  const stale = staleFiles(root, rules);
  for (const file of stale) writeFileSync(path.join(root, file.path), file.expected);
  return stale.map((file) => file.path);
}
