import { keepaliveConntrack } from './keepaliveConntrack';
import type { Rule } from './rule';
import { serviceAffinity } from './serviceAffinity';
import { sysctlSyntax, yamlSyntax } from './syntax';

/** Every rule, in the order their findings are documented. */
export const RULES: readonly Rule[] = [serviceAffinity, keepaliveConntrack, yamlSyntax, sysctlSyntax];

/** A rule by id. */
export function ruleById(id: string): Rule | undefined {
  return RULES.find((rule) => rule.id === id);
}
