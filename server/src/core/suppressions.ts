import { parsableText } from './text';

/**
 * Comment directives that silence rules in YAML and sysctl files:
 * `# connlint-disable-next-line rule-a, rule-b` for the next line and
 * `# connlint-disable rule-a` from its line to the end of the file.
 * Without rule ids, a directive silences every rule.
 */
export interface Suppressions {
  /** Whether `rule` is silenced on a 0-based line. */
  isSuppressed(rule: string, line: number): boolean;
}

interface Directive {
  readonly line: number;
  readonly rules: ReadonlySet<string> | 'all';
}

const DIRECTIVE = /^[ \t]*[#;][ \t]*connlint-(disable-next-line|disable)(?:[ \t]+([^\r\n]*?))?[ \t]*\r?$/gm;

/** No directive at all: what files without comments share. */
export const NO_SUPPRESSIONS: Suppressions = { isSuppressed: () => false };

/** Finds the directives of a file's comment lines. */
export function parseSuppressions(fileText: string): Suppressions {
  if (!fileText.includes('connlint-disable')) return NO_SUPPRESSIONS;
  const text = parsableText(fileText);
  const nextLine: Directive[] = [];
  const toEnd: Directive[] = [];
  let line = 0;
  let counted = 0;
  for (const match of text.matchAll(DIRECTIVE)) {
    line += countNewlines(text, counted, match.index);
    counted = match.index;
    const rules = parseRules(match[2]);
    if (match[1] === 'disable-next-line') nextLine.push({ line: line + 1, rules });
    else toEnd.push({ line, rules });
  }
  const covers = (directive: Directive, rule: string): boolean => directive.rules === 'all' || directive.rules.has(rule);
  return {
    isSuppressed: (rule, target) =>
      nextLine.some((directive) => directive.line === target && covers(directive, rule)) ||
      toEnd.some((directive) => directive.line <= target && covers(directive, rule)),
  };
}

function parseRules(list: string | undefined): ReadonlySet<string> | 'all' {
  const withoutReason = (list ?? '').split(/(?:^|[ \t])--(?:[ \t]|$)/)[0]!;
  const rules = withoutReason
    .split(/[,\s]+/)
    .map((rule) => rule.trim())
    .filter((rule) => rule !== '');
  return rules.length === 0 ? 'all' : new Set(rules);
}

function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) count++;
  return count;
}
