import { affinityIgnored } from './affinityIgnored';
import { affinityTimeout } from './affinityTimeout';
import { conntrackLoose } from './conntrackLoose';
import { conntrackOverridden } from './conntrackOverridden';
import { ipvsConnReuse } from './ipvsConnReuse';
import { keepaliveConntrack } from './keepaliveConntrack';
import { keepaliveIpvs } from './keepaliveIpvs';
import { keepaliveNotInherited } from './keepaliveNotInherited';
import { keepalivePath } from './keepalivePath';
import { lbIdleTimeout } from './lbIdleTimeout';
import type { Rule } from './rule';
import { serviceAffinity } from './serviceAffinity';
import { sysctlSyntax, yamlSyntax } from './syntax';
import { sysctlDuplicate } from './sysctlDuplicate';
import { sysctlValue } from './sysctlValue';
import { sysctlUnknownKey } from './sysctlUnknownKey';

/** Every rule, in the order their findings are documented. */
export const RULES: readonly Rule[] = [
  serviceAffinity,
  keepaliveConntrack,
  keepaliveIpvs,
  keepalivePath,
  lbIdleTimeout,
  affinityTimeout,
  affinityIgnored,
  keepaliveNotInherited,
  conntrackOverridden,
  conntrackLoose,
  ipvsConnReuse,
  sysctlValue,
  sysctlUnknownKey,
  sysctlDuplicate,
  yamlSyntax,
  sysctlSyntax,
];

/** A rule by id. */
export function ruleById(id: string): Rule | undefined {
  return RULES.find((rule) => rule.id === id);
}
