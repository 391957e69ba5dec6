import type { Span } from '../text';
import type { Rule } from './rule';

/** Findings of plain YAML syntax, which a YAML extension in the same editor reports already. */
export const YAML_PARSE_CATEGORY = 'yaml-parse';

/** YAML that does not parse, in documents whose kind Connlint reads. */
export const yamlSyntax: Rule = {
  id: 'yaml-syntax',
  defaultSeverity: 'error',
  description: 'A Kubernetes manifest (or embedded kube-proxy configuration) that is not valid YAML.',
  scope: 'file',
  check(model, report) {
    for (const file of model.files) {
      for (const problem of file.syntaxProblems) {
        report({ file: file.path, span: offendingToken(file.text, problem.span), message: problem.message, ...(problem.embedded ? {} : { category: YAML_PARSE_CATEGORY }) });
      }
    }
  },
};

/**
 * The token a YAML error points into. The parser marks one character, often a blank of the
 * indentation before the token (`All mapping items must start at the same column`) or the first
 * letter of a key (`Map keys must be unique`): the span grows to the whole key or scalar there.
 * Wider spans, tabs, brackets and the end of the text are left as they are.
 */
export function offendingToken(text: string, span: Span): Span {
  if (span.end - span.start > 1) return span;
  let start = span.start;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  if (text[start] === ' ' && /^ *$/.test(text.slice(lineStart, start))) while (text[start] === ' ') start++;
  const token = /^[^\s:,[\]{}#]+/.exec(text.slice(start));
  return token === null ? span : { start, end: start + token[0].length };
}

/** sysctl lines that sysctl would skip or the kernel would reject. */
export const sysctlSyntax: Rule = {
  id: 'sysctl-syntax',
  defaultSeverity: 'error',
  description: 'A sysctl line that is not an assignment, or whose value is empty or quoted.',
  scope: 'file',
  check(model, report) {
    for (const file of model.files) {
      for (const problem of file.sysctl?.problems ?? []) report({ file: file.path, span: problem.span, message: problem.message });
    }
  },
};
