import type { LintSettings } from '../core/lint';
import { RULES } from '../core/rules/registry';
import type { SeverityLevel } from '../core/types';

const LEVELS: readonly SeverityLevel[] = ['off', 'hint', 'info', 'warning', 'error'];

/**
 * Reads the `connlint` settings section sent by the client into lint settings, keeping only
 * known rules and severities: a typo in a user's settings never reaches the core.
 */
export function lintSettingsFrom(section: unknown): LintSettings {
  const rules = isRecord(section) && isRecord(section['rules']) ? section['rules'] : {};
  const severities: Record<string, SeverityLevel> = {};
  for (const rule of RULES) {
    const level = rules[rule.id];
    if (typeof level === 'string' && (LEVELS as readonly string[]).includes(level)) severities[rule.id] = level as SeverityLevel;
  }
  return { severities };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
