import picomatch from 'picomatch';
import { nearestWords } from './editDistance';
import type { AssumedIdleTimer } from './model/path';
import type { Assumptions } from './model/workspaceModel';
import type { LintSettings } from './lint';
import { RULES } from './rules/registry';
import { isRecord, parseAssume, parseClusters, type CloudSetting, type KubeProxyAssumption, type ProxyModeAssumption } from './settingsAssume';
import type { SeverityLevel } from './types';

/**
 * Connlint's settings, one schema for the editor (`connlint.*`) and the CLI (`.connlint.yaml`).
 * Every field has a default; see DEFAULT_SETTINGS.
 */
export interface ConnlintSettings {
  /** Severity per rule id, over the rule's default. */
  readonly rules: Readonly<Record<string, SeverityLevel>>;
  /** Glob patterns of files to leave out, relative to the workspace folder (or the configuration file's directory). */
  readonly exclude: readonly string[];
  /** Severities for some files, over `rules`: entries apply in order, a later one winning. */
  readonly overrides: readonly Override[];
  readonly assume: AssumeSettings;
  /** Clusters the files cannot show apart: files matching a cluster's globs take its `assume` (absent: none). */
  readonly clusters?: readonly ClusterSettings[];
}

/** What is assumed about a cluster the files cannot show. */
export interface AssumeSettings {
  /** The nodes' conntrack established timeout in seconds, when the workspace does not hold it. */
  readonly conntrackEstablishedTimeout: number | null;
  readonly kubeProxy: KubeProxyAssumption;
  readonly proxyMode: ProxyModeAssumption;
  /** The cluster's Kubernetes version (`1.30`); null: a kube-proxy image's tag, else the newest behaviour. */
  readonly kubernetesVersion: string | null;
  readonly cloud: CloudSetting;
  /** Idle timers of middleboxes the workspace cannot show, on the paths of the Services they name. */
  readonly idleTimers: readonly AssumedIdleTimer[];
}

/** One entry of `clusters`: the files deployed to a cluster, and what is assumed about it (over the top-level `assume`). */
export interface ClusterSettings {
  /** Glob patterns, relative like `exclude`; the first cluster that matches a file is its. */
  readonly paths: readonly string[];
  readonly assume: AssumeSettings;
}

/** Rule severities for the files some glob patterns match (and others do not), as in ESLint's `overrides`. */
export interface Override {
  /** Glob patterns relative to the workspace folder (or the configuration file's directory); a pattern matching a directory matches what is below it. */
  readonly files: readonly string[];
  readonly excludedFiles: readonly string[];
  readonly rules: Readonly<Record<string, SeverityLevel>>;
}

export const DEFAULT_SETTINGS: ConnlintSettings = {
  rules: {},
  exclude: [],
  overrides: [],
  assume: { conntrackEstablishedTimeout: null, kubeProxy: 'auto', proxyMode: 'auto', kubernetesVersion: null, cloud: 'auto', idleTimers: [] },
};

export const SEVERITY_LEVELS: readonly SeverityLevel[] = ['off', 'hint', 'info', 'warning', 'error'];

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
    if (!['rules', 'exclude', 'overrides', 'assume', 'clusters'].includes(key)) problems.push({ key, message: 'unknown setting (allowed: rules, exclude, overrides, assume, clusters)' });
  }
  const rules = parseRules(input['rules'], problems);
  const exclude = parseExclude(input['exclude'], problems);
  const overrides = parseOverrides(input['overrides'], problems);
  const assume = parseAssume(input['assume'], problems, DEFAULT_SETTINGS.assume, 'assume');
  const clusters = parseClusters(input['clusters'], problems, assume);
  return { settings: { rules, exclude, overrides, assume, ...(clusters.length === 0 ? {} : { clusters }) }, problems };
}

function parseRules(value: unknown, problems: SettingsProblem[], key = 'rules'): Record<string, SeverityLevel> {
  const rules: Record<string, SeverityLevel> = {};
  if (value === undefined || value === null) return rules;
  if (!isRecord(value)) {
    problems.push({ key, message: 'must be a mapping of rule ids to severities' });
    return rules;
  }
  const known = RULES.map((rule) => rule.id);
  for (const [id, level] of Object.entries(value)) {
    if (!known.includes(id)) problems.push({ key: `${key}.${id}`, message: unknownRuleMessage(id, known) });
    else if (typeof level !== 'string' || !(SEVERITY_LEVELS as readonly string[]).includes(level)) {
      problems.push({ key: `${key}.${id}`, message: `must be one of ${SEVERITY_LEVELS.join(', ')}` });
    } else rules[id] = level as SeverityLevel;
  }
  return rules;
}

/** `overrides`: each entry checked on its own; an entry with a problem is left out whole. */
function parseOverrides(value: unknown, problems: SettingsProblem[]): Override[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    problems.push({ key: 'overrides', message: 'must be a list of entries { files, excludedFiles, rules }' });
    return [];
  }
  return value.flatMap((entry: unknown, index) => {
    const found: SettingsProblem[] = [];
    const override = parseOverride(entry, `overrides[${index}]`, found);
    problems.push(...found);
    return found.length === 0 && override !== undefined ? [override] : [];
  });
}

function parseOverride(entry: unknown, key: string, problems: SettingsProblem[]): Override | undefined {
  if (!isRecord(entry)) {
    problems.push({ key, message: 'must be a mapping with files, rules and, optionally, excludedFiles' });
    return undefined;
  }
  for (const name of Object.keys(entry)) {
    if (!['files', 'excludedFiles', 'rules'].includes(name)) problems.push({ key: `${key}.${name}`, message: 'unknown key (allowed: files, excludedFiles, rules)' });
  }
  const files = entry['files'];
  if (!isPatternList(files) || files.length === 0) problems.push({ key: `${key}.files`, message: 'must be a non-empty list of glob patterns' });
  const excludedFiles = entry['excludedFiles'] ?? [];
  if (!isPatternList(excludedFiles)) problems.push({ key: `${key}.excludedFiles`, message: 'must be a list of glob patterns' });
  if (!isRecord(entry['rules'])) problems.push({ key: `${key}.rules`, message: 'must be a mapping of rule ids to severities' });
  const rules = isRecord(entry['rules']) ? parseRules(entry['rules'], problems, `${key}.rules`) : {};
  return isPatternList(files) && isPatternList(excludedFiles) ? { files, excludedFiles, rules } : undefined;
}

function isPatternList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string' && item !== '');
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


/**
 * The part of the settings the rules take. `relativePath` turns a finding's file into a
 * `/`-separated path relative to the folder the overrides' patterns belong to (undefined when the
 * file is not below it: no override applies); `scope` names what `relativePath` depends on (the
 * workspace folders), for caches.
 */
export function lintSettingsOf(settings: ConnlintSettings, relativePath?: (file: string) => string | undefined, scope = ''): LintSettings {
  if (settings.overrides.length === 0 || relativePath === undefined) return { severities: settings.rules };
  return { severities: settings.rules, fileSeverities: new FileSeverities(settings.overrides, relativePath, scope) };
}

/** The `overrides` compiled: the severities each file's findings take over the rules' own settings. */
export class FileSeverities {
  private readonly matchers: readonly { readonly matches: (relative: string) => boolean; readonly rules: Readonly<Record<string, SeverityLevel>> }[];
  private readonly byFile = new Map<string, Readonly<Record<string, SeverityLevel>> | undefined>();
  /** Equal keys, equal severities for every file: what caches of linted findings compare. */
  readonly key: string;

  constructor(
    overrides: readonly Override[],
    private readonly relativePath: (file: string) => string | undefined,
    scope = '',
  ) {
    this.matchers = overrides.map((override) => {
      const included = pathMatcher(override.files);
      const excluded = pathMatcher(override.excludedFiles);
      return { matches: (relative: string) => included(relative) && !excluded(relative), rules: override.rules };
    });
    this.key = JSON.stringify([scope, overrides]);
  }

  /** The severities the matching entries set for the file's findings, later entries winning; undefined when none matches. */
  forFile(file: string): Readonly<Record<string, SeverityLevel>> | undefined {
    if (this.byFile.has(file)) return this.byFile.get(file);
    const relative = this.relativePath(file);
    const matching = relative === undefined ? [] : this.matchers.filter((matcher) => matcher.matches(relative));
    const severities = matching.length === 0 ? undefined : Object.assign({}, ...matching.map((matcher) => matcher.rules));
    this.byFile.set(file, severities);
    return severities;
  }

  /** Whether some entry turns the rule on for its files: a rule off in `rules` must still run then. */
  enables(rule: string): boolean {
    return this.matchers.some((matcher) => matcher.rules[rule] !== undefined && matcher.rules[rule] !== 'off');
  }
}

/**
 * The part of the settings the workspace model takes. `relativePath` turns a workspace path into
 * one relative to the settings' directory, for the clusters' globs (by default, the path itself).
 */
export function assumptionsOf(settings: ConnlintSettings, relativePath: (path: string) => string = (path) => path): Assumptions {
  if (settings.clusters === undefined || settings.clusters.length === 0) return assumedValues(settings.assume);
  return {
    ...assumedValues(settings.assume),
    clusters: settings.clusters.map((cluster) => {
      const isMatch = picomatch([...cluster.paths], { dot: true });
      return { name: cluster.paths.join(', '), assumptions: assumedValues(cluster.assume), contains: (path: string) => isMatch(relativePath(path)) };
    }),
  };
}

function assumedValues(assume: AssumeSettings): Assumptions {
  const { conntrackEstablishedTimeout, kubeProxy, proxyMode, kubernetesVersion, cloud, idleTimers } = assume;
  return {
    ...(kubernetesVersion === null ? {} : { kubernetesVersion }),
    ...(conntrackEstablishedTimeout === null ? {} : { conntrackEstablishedTimeout }),
    ...(kubeProxy === 'auto' ? {} : { kubeProxy: kubeProxy === 'running' }),
    ...(proxyMode === 'auto' ? {} : { proxyMode }),
    ...(cloud === 'auto' ? {} : { cloud }),
    ...(idleTimers.length === 0 ? {} : { idleTimers }),
  };
}

/** A predicate over `/`-separated paths relative to the folder the patterns belong to. */
export function exclusionMatcher(settings: ConnlintSettings): (relativePath: string) => boolean {
  return pathMatcher(settings.exclude);
}

/** Whether a `/`-separated relative path, or a directory above it, matches one of the glob patterns. */
function pathMatcher(patterns: readonly string[]): (relativePath: string) => boolean {
  if (patterns.length === 0) return () => false;
  const isMatch = picomatch([...patterns], { dot: true });
  return (relativePath) => {
    const segments = relativePath.split('/');
    return segments.some((_, index) => isMatch(segments.slice(0, index + 1).join('/')));
  };
}
