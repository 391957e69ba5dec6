import { RULES, ruleById } from '../core/rules/registry';
import { renderMarkdown } from './format/markdown';
import { HOMEPAGE } from './packageInfo';
import { readRuleDoc, RULE_DOCS_DIRECTORY } from './ruleDocs';

/** `--explain` asked about something that has no page: exit code 2. */
export class ExplainError extends Error {}

/** The page of a rule, for the terminal: `connlint --explain service-affinity`. */
export function explainRule(id: string, options: { width: number; color: boolean }): string {
  if (ruleById(id) === undefined) throw new ExplainError(`unknown rule "${id}" (rules: ${RULES.map((rule) => rule.id).join(', ')})`);
  const page = readRuleDoc(id);
  if (page === undefined) throw new ExplainError(`no page for ${id} in ${RULE_DOCS_DIRECTORY}`);
  return renderMarkdown(page, { ...options, resolveLink });
}

/** Another rule's page is its own `--explain`; other relative links point at the repository. */
function resolveLink(target: string): string {
  if (/^[a-z]+:/i.test(target) || target.startsWith('#')) return target;
  const rule = /^([\w-]+)\.md(#.*)?$/.exec(target);
  if (rule && ruleById(rule[1]!) !== undefined) return `connlint --explain ${rule[1]}`;
  return new URL(target, `${HOMEPAGE}/blob/main/docs/rules/`).href;
}
