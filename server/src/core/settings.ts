import picomatch from 'picomatch';
import { nearestWords } from './editDistance';
import type { AssumedIdleTimer, CloudAssumption } from './model/path';
import type { Assumptions } from './model/workspaceModel';
import type { LintSettings } from './lint';
import { RULES } from './rules/registry';
import type { SeverityLevel } from './types';

/** What the workspace cannot show about kube-proxy: detect it from the manifests, or say. */
type KubeProxyAssumption = 'auto' | 'running' | 'absent';

/** kube-proxy's mode: read from the workspace, or said. */
type ProxyModeAssumption = 'auto' | 'iptables' | 'ipvs' | 'nftables';

/** The cloud whose load balancers, NAT gateways and firewalls are on the paths: from annotations, or said. */
type CloudSetting = 'auto' | CloudAssumption;

/**
 * Connlint's settings, one schema for the editor (`connlint.*`) and the CLI (`.connlint.yaml`).
 * Every field has a default; see DEFAULT_SETTINGS.
 */
export interface ConnlintSettings {
  /** Severity per rule id, over the rule's default. */
  readonly rules: Readonly<Record<string, SeverityLevel>>;
  /** Glob patterns of files to leave out, relative to the workspace folder (or the configuration file's directory). */
  readonly exclude: readonly string[];
  readonly assume: {
    /** The nodes' conntrack established timeout in seconds, when the workspace does not hold it. */
    readonly conntrackEstablishedTimeout: number | null;
    readonly kubeProxy: KubeProxyAssumption;
    readonly proxyMode: ProxyModeAssumption;
    readonly cloud: CloudSetting;
    /** Idle timers of middleboxes the workspace cannot show, on the paths of the Services they name. */
    readonly idleTimers: readonly AssumedIdleTimer[];
  };
}

export const DEFAULT_SETTINGS: ConnlintSettings = {
  rules: {},
  exclude: [],
  assume: { conntrackEstablishedTimeout: null, kubeProxy: 'auto', proxyMode: 'auto', cloud: 'auto', idleTimers: [] },
};

export const SEVERITY_LEVELS: readonly SeverityLevel[] = ['off', 'hint', 'info', 'warning', 'error'];
const KUBE_PROXY_ASSUMPTIONS: readonly KubeProxyAssumption[] = ['auto', 'running', 'absent'];
const PROXY_MODE_ASSUMPTIONS: readonly ProxyModeAssumption[] = ['auto', 'iptables', 'ipvs', 'nftables'];
const CLOUD_SETTINGS: readonly CloudSetting[] = ['auto', 'aws', 'azure', 'gcp', 'none'];
const ASSUME_KEYS = 'conntrackEstablishedTimeout, kubeProxy, proxyMode, cloud, idleTimers';

/** A setting that was not understood, named by its path (`rules.service-afinity`). */
export interface SettingsProblem {
  readonly key: string;
  readonly message: string;
}

/**
 * Reads settings from untrusted input (a client's configuration, a YAML file). Every value is
 * checked; what is wrong is reported and left at its default, never passed on.
 */
export function parseSettings(raw: unknown): { settings: ConnlintSettings; problems: SettingsProblem[] } {
  const problems: SettingsProblem[] = [];
  const input = raw === undefined || raw === null ? {} : raw;
  if (!isRecord(input)) return { settings: DEFAULT_SETTINGS, problems: [{ key: '', message: 'settings must be a mapping' }] };
  for (const key of Object.keys(input)) {
    if (!['rules', 'exclude', 'assume'].includes(key)) problems.push({ key, message: 'unknown setting (allowed: rules, exclude, assume)' });
  }
  return { settings: { rules: parseRules(input['rules'], problems), exclude: parseExclude(input['exclude'], problems), assume: parseAssume(input['assume'], problems) }, problems };
}

function parseRules(value: unknown, problems: SettingsProblem[]): Record<string, SeverityLevel> {
  const rules: Record<string, SeverityLevel> = {};
  if (value === undefined || value === null) return rules;
  if (!isRecord(value)) {
    problems.push({ key: 'rules', message: 'must be a mapping of rule ids to severities' });
    return rules;
  }
  const known = RULES.map((rule) => rule.id);
  for (const [id, level] of Object.entries(value)) {
    if (!known.includes(id)) problems.push({ key: `rules.${id}`, message: unknownRuleMessage(id, known) });
    else if (typeof level !== 'string' || !(SEVERITY_LEVELS as readonly string[]).includes(level)) {
      problems.push({ key: `rules.${id}`, message: `must be one of ${SEVERITY_LEVELS.join(', ')}` });
    } else rules[id] = level as SeverityLevel;
  }
  return rules;
}

function unknownRuleMessage(id: string, known: readonly string[]): string {
  const nearest = nearestWords(id, known, 3);
  return nearest.length > 0 ? `unknown rule (did you mean ${nearest.join(' or ')}?)` : `unknown rule (known: ${known.join(', ')})`;
}

function parseExclude(value: unknown, problems: SettingsProblem[]): string[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value;
  problems.push({ key: 'exclude', message: 'must be a list of glob patterns' });
  return [];
}

function parseAssume(value: unknown, problems: SettingsProblem[]): ConnlintSettings['assume'] {
  const assume: { -readonly [K in keyof ConnlintSettings['assume']]: ConnlintSettings['assume'][K] } = { ...DEFAULT_SETTINGS.assume };
  if (value === undefined || value === null) return assume;
  if (!isRecord(value)) {
    problems.push({ key: 'assume', message: `must be a mapping (${ASSUME_KEYS})` });
    return assume;
  }
  for (const [key, item] of Object.entries(value)) {
    if (key === 'conntrackEstablishedTimeout') {
      if (item === null || (typeof item === 'number' && Number.isInteger(item) && item > 0)) assume.conntrackEstablishedTimeout = item;
      else problems.push({ key: 'assume.conntrackEstablishedTimeout', message: 'must be a whole number of seconds above 0, or null' });
    } else if (key === 'kubeProxy') {
      if (typeof item === 'string' && (KUBE_PROXY_ASSUMPTIONS as readonly string[]).includes(item)) assume.kubeProxy = item as KubeProxyAssumption;
      else problems.push({ key: 'assume.kubeProxy', message: `must be one of ${KUBE_PROXY_ASSUMPTIONS.join(', ')}` });
    } else if (key === 'proxyMode') {
      if (typeof item === 'string' && (PROXY_MODE_ASSUMPTIONS as readonly string[]).includes(item)) assume.proxyMode = item as ProxyModeAssumption;
      else problems.push({ key: 'assume.proxyMode', message: `must be one of ${PROXY_MODE_ASSUMPTIONS.join(', ')}` });
    } else if (key === 'cloud') {
      if (typeof item === 'string' && (CLOUD_SETTINGS as readonly string[]).includes(item)) assume.cloud = item as CloudSetting;
      else problems.push({ key: 'assume.cloud', message: `must be one of ${CLOUD_SETTINGS.join(', ')}` });
    } else if (key === 'idleTimers') assume.idleTimers = parseIdleTimers(item, problems);
    else problems.push({ key: `assume.${key}`, message: `unknown setting (allowed: ${ASSUME_KEYS})` });
  }
  return assume;
}

/** `assume.idleTimers`: each `{ name, seconds, paths }` checked; a wrong entry is reported and left out. */
function parseIdleTimers(value: unknown, problems: SettingsProblem[]): AssumedIdleTimer[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    problems.push({ key: 'assume.idleTimers', message: 'must be a list of { name, seconds, paths }' });
    return [];
  }
  return value.flatMap((entry: unknown, index): AssumedIdleTimer[] => {
    const key = `assume.idleTimers[${index}]`;
    if (!isRecord(entry) || typeof entry['name'] !== 'string' || entry['name'].trim() === '') {
      problems.push({ key, message: 'must be a mapping with a name' });
      return [];
    }
    const seconds = entry['seconds'];
    const paths = entry['paths'] ?? [];
    if (typeof seconds !== 'number' || !Number.isInteger(seconds) || seconds <= 0) problems.push({ key: `${key}.seconds`, message: 'must be a whole number of seconds above 0' });
    else if (!Array.isArray(paths) || !paths.every((item) => typeof item === 'string')) problems.push({ key: `${key}.paths`, message: 'must be a list of Service names or globs over namespace/name' });
    else return [{ name: entry['name'], seconds, paths }];
    return [];
  });
}

/** The part of the settings the rules take. */
export function lintSettingsOf(settings: ConnlintSettings): LintSettings {
  return { severities: settings.rules };
}

/** The part of the settings the workspace model takes. */
export function assumptionsOf(settings: ConnlintSettings): Assumptions {
  const { conntrackEstablishedTimeout, kubeProxy, proxyMode, cloud, idleTimers } = settings.assume;
  return {
    ...(conntrackEstablishedTimeout === null ? {} : { conntrackEstablishedTimeout }),
    ...(kubeProxy === 'auto' ? {} : { kubeProxy: kubeProxy === 'running' }),
    ...(proxyMode === 'auto' ? {} : { proxyMode }),
    ...(cloud === 'auto' ? {} : { cloud }),
    ...(idleTimers.length === 0 ? {} : { idleTimers }),
  };
}

/** A predicate over `/`-separated paths relative to the folder the patterns belong to. */
export function exclusionMatcher(settings: ConnlintSettings): (relativePath: string) => boolean {
  if (settings.exclude.length === 0) return () => false;
  const isMatch = picomatch([...settings.exclude], { dot: true });
  return (relativePath) => {
    const segments = relativePath.split('/');
    return segments.some((_, index) => isMatch(segments.slice(0, index + 1).join('/')));
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
