import type { AnalyzedFile } from '../analyze';
import type { KubeProxyConfiguration } from '../k8s/objects';
import { winningNodeAssignment, parseInteger } from '../model/effective';
import { effectiveKubernetesVersion, kubeProxyCapsConntrackMax, kubeProxyOnlyRaisesConntrack } from '../model/kubernetesVersion';
import { kubeProxyFlag, type LocatedFlag } from '../model/proxy';
import { baseName, type ValueSource } from '../model/sources';
import type { NodeSysctl, WorkspaceModel } from '../model/workspaceModel';
import type { Fix, TextEdit } from '../edits/fix';
import { kubeProxyConfigMap } from '../edits/kubeProxyEdits';
import { addToMap, childMap, replaceSpan } from '../edits/yamlEdits';
import { parseGoDuration } from '../yaml/duration';
import { fittingMessage, type Finding, type RelatedSpan, type Rule } from './rule';
import { kubeProxyRuns } from '../model/dataPlane';

/** A conntrack sysctl kube-proxy writes at start-up, and where its value is configured. */
interface ConntrackSetting {
  readonly key: string;
  /** The field under `conntrack:` in KubeProxyConfiguration. */
  readonly field: string;
  readonly flag: string;
  /** kube-proxy's default, in seconds or entries. */
  readonly kubeProxyDefault: number;
  /** The value that makes kube-proxy leave the node's value alone. */
  readonly leave: string;
}

const ESTABLISHED: ConntrackSetting = {
  key: 'net.netfilter.nf_conntrack_tcp_timeout_established',
  field: 'tcpEstablishedTimeout',
  flag: 'conntrack-tcp-timeout-established',
  kubeProxyDefault: 86400,
  leave: '0s',
};

const CLOSE_WAIT: ConntrackSetting = {
  key: 'net.netfilter.nf_conntrack_tcp_timeout_close_wait',
  field: 'tcpCloseWaitTimeout',
  flag: 'conntrack-tcp-timeout-close-wait',
  kubeProxyDefault: 3600,
  leave: '0s',
};

const MAX_PER_CORE: ConntrackSetting = {
  key: 'net.netfilter.nf_conntrack_max',
  field: 'maxPerCore',
  flag: 'conntrack-max-per-core',
  kubeProxyDefault: 32768,
  leave: '0',
};

/** The cap kube-proxy 1.36 and later put on maxPerCore × CPUs before comparing it with `min` (kubernetes #137002). */
const CONNTRACK_MAX_CAP = 1_048_576;

/** kube-proxy's `conntrack.min` default: the floor of the nf_conntrack_max it writes. */
const KUBE_PROXY_CONNTRACK_MIN = 131072;

/** A value kube-proxy writes, where it comes from, and what would change it. */
interface KubeProxyValue {
  readonly value: number;
  readonly source: ValueSource;
  readonly flag?: LocatedFlag;
  readonly configuration?: KubeProxyConfiguration;
}

/**
 * A node sysctl file sets a conntrack value that kube-proxy overwrites at start-up: its
 * configuration, or its default, decides the value the node runs with.
 */
export const conntrackOverridden: Rule = {
  id: 'conntrack-overridden',
  defaultSeverity: 'warning',
  description: 'A node sysctl file sets a conntrack timeout or nf_conntrack_max that kube-proxy overwrites at start-up.',
  scope: 'workspace',
  check(model, report) {
    const onlyRaises = kubeProxyOnlyRaisesConntrack(effectiveKubernetesVersion(model).value);
    for (const setting of [ESTABLISHED, CLOSE_WAIT]) {
      const node = winningNodeAssignment(model, setting.key);
      const kubeProxy = node && kubeProxyValue(model, setting, parseGoDuration);
      if (node === undefined || kubeProxy === undefined || kubeProxy.value === node.value) continue;
      // Kubernetes 1.23 to 1.28 keep a node value above kube-proxy's.
      if (onlyRaises && node.value > kubeProxy.value) continue;
      report(finding(model, setting, node, kubeProxy, [kubeProxy], { value: `${kubeProxy.value} s`, why: model.describe(kubeProxy.source) }));
    }
    const maxFinding = conntrackMaxFinding(model);
    if (maxFinding !== undefined) report(maxFinding);
  },
};

/**
 * nf_conntrack_max: kube-proxy writes the larger of maxPerCore × CPUs (capped at 1,048,576 from
 * 1.36) and min. The CPU count is unknown and some kube-proxy versions only raise the value, so
 * only a node value below the least kube-proxy can write (one CPU) is reported: it is raised on every node.
 */
function conntrackMaxFinding(model: WorkspaceModel): Finding | undefined {
  const node = winningNodeAssignment(model, MAX_PER_CORE.key);
  const perCore = node && kubeProxyValue(model, MAX_PER_CORE, parseInteger);
  if (node === undefined || perCore === undefined) return undefined;
  const min = kubeProxyValue(model, { ...MAX_PER_CORE, field: 'min', flag: 'conntrack-min', kubeProxyDefault: KUBE_PROXY_CONNTRACK_MIN }, parseInteger);
  const caps = kubeProxyCapsConntrackMax(effectiveKubernetesVersion(model).value);
  const floor = Math.max(caps ? Math.min(perCore.value, CONNTRACK_MAX_CAP) : perCore.value, min?.value ?? 0);
  if (node.value >= floor) return undefined;
  const capped = caps && perCore.value > CONNTRACK_MAX_CAP ? `, at most ${CONNTRACK_MAX_CAP}` : '';
  const written = { value: `at least ${floor}`, why: `maxPerCore ${perCore.value} × the node's CPUs${capped}${min === undefined ? '' : `, min ${min.value}`}` };
  return finding(model, MAX_PER_CORE, node, perCore, min === undefined ? [perCore] : [perCore, min], written);
}

function finding(
  model: WorkspaceModel,
  setting: ConntrackSetting,
  node: NodeSysctl & { readonly value: number },
  kubeProxy: KubeProxyValue,
  sources: readonly KubeProxyValue[],
  /** What kube-proxy writes, and where that comes from. */
  written: { readonly value: string; readonly why: string },
): Finding {
  const nodeSource: ValueSource = { kind: 'file', file: node.file, span: node.assignment.valueSpan, setting: 'set' };
  const nodeValue = setting === MAX_PER_CORE ? String(node.value) : `${node.value} s`;
  // Shorter forms leave out where the node's value is set (the finding's own line), then why kube-proxy writes what it does.
  const overwritten = `${setting.key} is ${nodeValue} on the node`;
  return {
    file: node.file,
    span: node.assignment.lineSpan,
    message: fittingMessage([
      `${overwritten} (${model.describe(nodeSource)}), but kube-proxy overwrites it with ${written.value} (${written.why})`,
      `${overwritten}, but kube-proxy overwrites it with ${written.value} (${written.why})`,
      `${overwritten}, but kube-proxy overwrites it with ${written.value}`,
    ]),
    related: sources.flatMap((source): RelatedSpan[] =>
      source.source.kind === 'file'
        ? [{ file: source.source.file, span: source.source.span, message: `kube-proxy's ${source.source.setting}: ${source.value}${setting === MAX_PER_CORE ? '' : ' s'}; it sets ${setting.key} from it at start-up` }]
        : [],
    ),
    fixes: () => [leaveNodeValue(model, setting, kubeProxy)].filter((fix): fix is Fix => fix !== undefined),
  };
}

/**
 * What kube-proxy writes for a setting, or undefined when it leaves the node's value (0, an
 * unreadable value, kube-proxy absent or not in view). Flags win over the configuration, as in the model.
 */
function kubeProxyValue(model: WorkspaceModel, setting: ConntrackSetting, parse: (text: string) => number | undefined): KubeProxyValue | undefined {
  if (!kubeProxyRuns(model)) return undefined;
  const flag = kubeProxyFlag(model, setting.flag);
  const flagValue = flag && parse(flag.flag.value.value);
  if (flag !== undefined && flagValue !== undefined) return flagValue > 0 ? { value: flagValue, source: { kind: 'file', file: flag.daemonSet.file, span: flagValueSpan(model, flag), setting: `--${flag.flag.name}` }, flag } : undefined;
  const configuration = model.kubeProxyConfigurations[0];
  if (configuration !== undefined) {
    const written = configuredValue(configuration, setting.field);
    if (written === 'unreadable' || (written !== undefined && written.value <= 0)) return undefined;
    if (written !== undefined) return { ...written, configuration };
    const reason = `kube-proxy's default, unset in ${baseName(configuration.file)}`;
    return { value: setting.kubeProxyDefault, source: { kind: 'default', reason }, configuration };
  }
  if (!model.hasManifests && model.assumptions.kubeProxy !== true) return undefined;
  return { value: setting.kubeProxyDefault, source: { kind: 'default', reason: "kube-proxy's default, no kube-proxy configuration in the workspace" } };
}

/** A `conntrack.<field>` written in the configuration: its value, `unreadable`, or undefined when unset. */
function configuredValue(configuration: KubeProxyConfiguration, field: string): Omit<KubeProxyValue, 'configuration'> | 'unreadable' | undefined {
  const setting = `conntrack.${field}`;
  const at = (value: number, span: TextEdit['span']) => ({ value, source: { kind: 'file' as const, file: configuration.file, span, setting } });
  if (field === 'maxPerCore' || field === 'min') {
    const located = field === 'maxPerCore' ? configuration.conntrackMaxPerCore : configuration.conntrackMin;
    return located === undefined ? undefined : at(located.value, located.span);
  }
  const duration = configuration.durations.find((candidate) => candidate.field === setting);
  if (duration === undefined) return undefined;
  return duration.seconds === undefined ? 'unreadable' : at(duration.seconds, duration.span);
}

/** Makes kube-proxy leave the node's value: the flag set to zero, or the configuration's field. */
function leaveNodeValue(model: WorkspaceModel, setting: ConntrackSetting, kubeProxy: KubeProxyValue): Fix | undefined {
  if (kubeProxy.flag !== undefined) {
    const flag = kubeProxy.flag;
    const span = flagValueSpan(model, flag);
    const written = model.file(flag.daemonSet.file)?.text.slice(span.start, span.end);
    if (written !== flag.flag.value.value) return undefined;
    return { title: `Set --${setting.flag} to ${setting.leave}`, edits: [replaceSpan(flag.daemonSet.file, span, setting.leave)], preferred: false };
  }
  const configuration = kubeProxy.configuration;
  const file = configuration && model.file(configuration.file);
  const edit = file && configuration && setConntrackField(file, configuration, setting.field, setting.leave);
  return edit && { title: `Set conntrack.${setting.field}: ${setting.leave}`, edits: [edit], preferred: false };
}

/** Where a flag's value is written, without the closing quote the model's span takes in for a quoted argument. */
function flagValueSpan(model: WorkspaceModel, flag: LocatedFlag): TextEdit['span'] {
  const { span, value } = flag.flag.value;
  const exact = { start: span.start, end: span.start + value.length };
  return model.file(flag.daemonSet.file)?.text.slice(exact.start, exact.end) === value ? exact : span;
}

/** Sets `conntrack.<field>` in a KubeProxyConfiguration (also inside the ConfigMap's config.conf), adding what is missing. */
function setConntrackField(file: AnalyzedFile, configuration: KubeProxyConfiguration, field: string, value: string): TextEdit | undefined {
  const root = kubeProxyConfigMap(file, configuration);
  if (root === undefined) return undefined;
  const conntrack = childMap(root, 'conntrack');
  if (conntrack !== undefined) {
    const current = conntrack.reader.get(conntrack.map, field);
    const span = conntrack.reader.string(current) === undefined ? undefined : conntrack.reader.span(current);
    if (span !== undefined) return replaceSpan(file.path, span, value);
    return addToMap(file.text, conntrack, [{ key: field, value }], file.path);
  }
  // An empty, null or mistyped `conntrack:` is filled in or replaced, never written twice.
  return addToMap(file.text, root, [{ key: 'conntrack', value: [{ key: field, value }] }], file.path);
}
