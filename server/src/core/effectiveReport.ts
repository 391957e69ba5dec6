import { objectLabel } from './k8s/objects';
import { effectiveConntrackTimeout, nodeKeepaliveTime, podKeepaliveTime } from './model/effective';
import { effectiveKubernetesVersion, formatKubernetesVersion } from './model/kubernetesVersion';
import { effectiveIpvsTcpTimeout, effectiveProxyMode } from './model/proxy';
import { describeDataPlane, effectiveDataPlane } from './model/dataPlane';
import type { WorkspaceModel } from './model/workspaceModel';

/** A Markdown report of the values that decide whether idle connections survive, with their sources. */
export function effectiveSettingsReport(model: WorkspaceModel): string {
  const conntrack = effectiveConntrackTimeout(model);
  const keepalive = nodeKeepaliveTime(model);
  const ipvs = effectiveIpvsTcpTimeout(model);
  const mode = effectiveProxyMode(model);
  const version = effectiveKubernetesVersion(model);
  const plane = effectiveDataPlane(model);
  const rows = [
    '| Setting | Value | Source |',
    '|---|---|---|',
    `| Conntrack established timeout | ${conntrack.value} s | ${model.describe(conntrack.source)} |`,
    `| Node TCP keepalive time | ${keepalive.value} s | ${model.describe(keepalive.source)} |`,
    `| Kubernetes version | ${version.value === undefined ? 'newest' : formatKubernetesVersion(version.value)} | ${model.describe(version.source)} |`,
    `| Service data plane | ${describeDataPlane(plane.value)} | ${model.describe(plane.source)} |`,
    `| kube-proxy mode | ${mode.value} | ${model.describe(mode.source)} |`,
    ...(mode.value === 'ipvs' ? [`| IPVS TCP idle timeout | ${ipvs.value} s | ${model.describe(ipvs.source)} |`] : []),
  ];
  const pods = model.workloads.map((workload) => {
    const effective = podKeepaliveTime(workload, model);
    return `| ${objectLabel(workload)} (${workload.namespace}) | ${effective.value} s | ${model.describe(effective.source)} |`;
  });
  return [
    '# Connlint: effective network settings',
    '',
    ...rows,
    ...(pods.length === 0 ? [] : ['', '## TCP keepalive time in the pods', '', '| Workload | Keepalive | Source |', '|---|---|---|', ...pods]),
    '',
  ].join('\n');
}
