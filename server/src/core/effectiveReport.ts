import { objectLabel, type Workload } from './k8s/objects';
import { effectiveConntrackTimeout, nodeKeepaliveTime, podKeepaliveTime } from './model/effective';
import { effectiveKubernetesVersion, formatKubernetesVersion } from './model/kubernetesVersion';
import { effectiveIpvsTcpTimeout, effectiveProxyMode } from './model/proxy';
import { describeDataPlane, effectiveDataPlane } from './model/dataPlane';
import type { WorkspaceModel } from './model/workspaceModel';

/**
 * A Markdown report of the values that decide whether idle connections survive, with their
 * sources: one section per cluster of `clusters:` in the settings (and one for the files outside
 * them), each with the values its files are checked against.
 */
export function effectiveSettingsReport(model: WorkspaceModel): string {
  const clusters = model.assumptions.clusters ?? [];
  if (clusters.length === 0) return ['# Connlint: effective network settings', '', ...settingsSection(model, model.workloads, '##'), ...buildsSection(model), ''].join('\n');
  const sections: string[] = [];
  const paths = [...model.files].map((file) => file.path);
  for (const cluster of clusters) {
    const files = paths.filter((path) => model.clusterOf(path) === cluster);
    sections.push('', `## Cluster ${cluster.name}`, '');
    if (files.length === 0) sections.push('No file of the workspace belongs to this cluster.');
    else sections.push(...settingsSection(model.scopedTo(files[0]!), model.workloads.filter((workload) => files.includes(workload.file)), '###'));
  }
  const outside = paths.filter((path) => model.clusterOf(path) === undefined);
  if (outside.length > 0) {
    sections.push('', '## Files outside every cluster', '');
    sections.push(...settingsSection(model.scopedTo(outside[0]!), model.workloads.filter((workload) => outside.includes(workload.file)), '###'));
  }
  return ['# Connlint: effective network settings', ...sections, ...buildsSection(model), ''].join('\n');
}

/** The kustomize builds, each with what it uses that Connlint does not read, and why. */
function buildsSection(model: WorkspaceModel): string[] {
  if (model.builds.length === 0) return [];
  const rows = model.builds.map((build) => {
    const skipped = build.skipped.map((input) => `${input.reason} (${input.file}:${(model.file(input.file)?.lineIndex.positionAt(input.span.start).line ?? 0) + 1})`);
    return `| ${build.name} | ${build.objects.length} | ${skipped.length === 0 ? 'nothing' : skipped.join('; ')} |`;
  });
  return ['', '## Kustomize builds', '', '| Build | Objects read | Not read |', '|---|---|---|', ...rows];
}

/** The settings table as `view` sees them, and the keepalive time in the pods of `workloads`. */
function settingsSection(view: WorkspaceModel, workloads: readonly Workload[], heading: string): string[] {
  const conntrack = effectiveConntrackTimeout(view);
  const keepalive = nodeKeepaliveTime(view);
  const ipvs = effectiveIpvsTcpTimeout(view);
  const mode = effectiveProxyMode(view);
  const version = effectiveKubernetesVersion(view);
  const plane = effectiveDataPlane(view);
  const rows = [
    '| Setting | Value | Source |',
    '|---|---|---|',
    `| Conntrack established timeout | ${conntrack.value} s | ${view.describe(conntrack.source)} |`,
    `| Node TCP keepalive time | ${keepalive.value} s | ${view.describe(keepalive.source)} |`,
    `| Kubernetes version | ${version.value === undefined ? 'newest' : formatKubernetesVersion(version.value)} | ${view.describe(version.source)} |`,
    `| Service data plane | ${describeDataPlane(plane.value)} | ${view.describe(plane.source)} |`,
    `| kube-proxy mode | ${mode.value} | ${view.describe(mode.source)} |`,
    ...(mode.value === 'ipvs' ? [`| IPVS TCP idle timeout | ${ipvs.value} s | ${view.describe(ipvs.source)} |`] : []),
  ];
  const pods = workloads.map((workload) => {
    const effective = podKeepaliveTime(workload, view);
    return `| ${objectLabel(workload)} (${workload.namespace}) | ${effective.value} s | ${view.describe(effective.source)} |`;
  });
  return [...rows, ...(pods.length === 0 ? [] : ['', `${heading} TCP keepalive time in the pods`, '', '| Workload | Keepalive | Source |', '|---|---|---|', ...pods])];
}
