import { formatKubernetesVersion, parseKubernetesVersion } from './model/kubernetesVersion';
import type { AssumedIdleTimer, CloudAssumption } from './model/path';
import type { AssumeSettings, ClusterSettings, SettingsProblem } from './settings';

/** What the workspace cannot show about kube-proxy: detect it from the manifests, or say. */
export type KubeProxyAssumption = 'auto' | 'running' | 'absent';

/** kube-proxy's mode: read from the workspace, or said. */
export type ProxyModeAssumption = 'auto' | 'iptables' | 'ipvs' | 'nftables';

/** The cloud whose load balancers, NAT gateways and firewalls are on the paths: from annotations, or said. */
export type CloudSetting = 'auto' | CloudAssumption;

const KUBE_PROXY_ASSUMPTIONS: readonly KubeProxyAssumption[] = ['auto', 'running', 'absent'];
const PROXY_MODE_ASSUMPTIONS: readonly ProxyModeAssumption[] = ['auto', 'iptables', 'ipvs', 'nftables'];
const CLOUD_SETTINGS: readonly CloudSetting[] = ['auto', 'aws', 'azure', 'gcp', 'none'];
const ASSUME_KEYS = 'conntrackEstablishedTimeout, kubeProxy, proxyMode, kubernetesVersion, cloud, idleTimers';

/** An `assume` mapping over `base` (the defaults, or the top-level `assume` for a cluster); `at` names it in problems. */
export function parseAssume(value: unknown, problems: SettingsProblem[], base: AssumeSettings, at: string): AssumeSettings {
  const assume = { ...base };
  if (value === undefined || value === null) return assume;
  if (!isRecord(value)) {
    problems.push({ key: at, message: `must be a mapping (${ASSUME_KEYS})` });
    return assume;
  }
  for (const [key, item] of Object.entries(value)) {
    if (key === 'conntrackEstablishedTimeout') {
      if (item === null || (typeof item === 'number' && Number.isInteger(item) && item > 0)) assume.conntrackEstablishedTimeout = item;
      else problems.push({ key: `${at}.conntrackEstablishedTimeout`, message: 'must be a whole number of seconds above 0, or null' });
    } else if (key === 'kubeProxy') {
      if (typeof item === 'string' && (KUBE_PROXY_ASSUMPTIONS as readonly string[]).includes(item)) assume.kubeProxy = item as KubeProxyAssumption;
      else problems.push({ key: `${at}.kubeProxy`, message: `must be one of ${KUBE_PROXY_ASSUMPTIONS.join(', ')}` });
    } else if (key === 'proxyMode') {
      if (typeof item === 'string' && (PROXY_MODE_ASSUMPTIONS as readonly string[]).includes(item)) assume.proxyMode = item as ProxyModeAssumption;
      else problems.push({ key: `${at}.proxyMode`, message: `must be one of ${PROXY_MODE_ASSUMPTIONS.join(', ')}` });
    } else if (key === 'kubernetesVersion') {
      const problem = kubernetesVersionProblem(item);
      if (problem === undefined) assume.kubernetesVersion = item === null ? null : formatKubernetesVersion(parseKubernetesVersion(item as string)!);
      else problems.push({ key: `${at}.kubernetesVersion`, message: problem });
    } else if (key === 'cloud') {
      if (typeof item === 'string' && (CLOUD_SETTINGS as readonly string[]).includes(item)) assume.cloud = item as CloudSetting;
      else problems.push({ key: `${at}.cloud`, message: `must be one of ${CLOUD_SETTINGS.join(', ')}` });
    } else if (key === 'idleTimers') assume.idleTimers = parseIdleTimers(item, problems, `${at}.idleTimers`);
    else problems.push({ key: `${at}.${key}`, message: `unknown setting (allowed: ${ASSUME_KEYS})` });
  }
  return assume;
}

/** `assume.idleTimers`: each `{ name, seconds, paths }` checked; a wrong entry is reported and left out. */
function parseIdleTimers(value: unknown, problems: SettingsProblem[], at: string): AssumedIdleTimer[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    problems.push({ key: at, message: 'must be a list of { name, seconds, paths }' });
    return [];
  }
  return value.flatMap((entry: unknown, index): AssumedIdleTimer[] => {
    const key = `${at}[${index}]`;
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

/** What is wrong with a kubernetesVersion setting; undefined when it is null or a version like "1.30". */
function kubernetesVersionProblem(item: unknown): string | undefined {
  if (item === null || (typeof item === 'string' && parseKubernetesVersion(item) !== undefined)) return undefined;
  // YAML reads an unquoted 1.30 as the number 1.3.
  if (typeof item === 'number') return `must be a string: write "${item}" in quotes (unquoted, 1.30 reads as 1.3)`;
  return 'must be a Kubernetes version like "1.30", or null';
}

/** `clusters`: each entry's `paths` checked and its `assume` read over the top-level one; a wrong entry is reported and left out. */
export function parseClusters(value: unknown, problems: SettingsProblem[], assume: AssumeSettings): ClusterSettings[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    problems.push({ key: 'clusters', message: 'must be a list of { paths, assume }' });
    return [];
  }
  return value.flatMap((entry: unknown, index): ClusterSettings[] => {
    const at = `clusters[${index}]`;
    if (!isRecord(entry)) {
      problems.push({ key: at, message: 'must be a mapping with paths and assume' });
      return [];
    }
    for (const key of Object.keys(entry)) if (key !== 'paths' && key !== 'assume') problems.push({ key: `${at}.${key}`, message: 'unknown setting (allowed: paths, assume)' });
    const paths = entry['paths'];
    if (!Array.isArray(paths) || paths.length === 0 || !paths.every((item) => typeof item === 'string' && item !== '')) {
      problems.push({ key: `${at}.paths`, message: 'must be a non-empty list of glob patterns' });
      return [];
    }
    return [{ paths, assume: parseAssume(entry['assume'], problems, assume, `${at}.assume`) }];
  });
}

/** Whether a value is a YAML/JSON mapping. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
