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
        report({ file: file.path, span: problem.span, message: problem.message, ...(problem.embedded ? {} : { category: YAML_PARSE_CATEGORY }) });
      }
    }
  },
};

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
