import type { Effective } from './sources';
import type { WorkspaceModel } from './workspaceModel';

/** A Kubernetes minor release: `1.30`. */
export interface KubernetesVersion {
  readonly major: number;
  readonly minor: number;
}

/** The cluster's Kubernetes version, or undefined for the newest behaviour (nothing says otherwise). */
export type EffectiveKubernetesVersion = Effective<KubernetesVersion | undefined>;

/**
 * Reads `1.30`, `v1.30`, `1.30.2`, or an image tag (`v1.28.4`, EKS `v1.29.0-eksbuild.1`):
 * undefined for anything else.
 */
export function parseKubernetesVersion(text: string): KubernetesVersion | undefined {
  const match = /^v?(\d{1,3})\.(\d{1,3})(?:\.\d+)?(?:[-+][0-9A-Za-z.+-]*)?$/.exec(text.trim());
  return match === null ? undefined : { major: Number(match[1]), minor: Number(match[2]) };
}

/** `1.30`. */
export function formatKubernetesVersion(version: KubernetesVersion): string {
  return `${version.major}.${version.minor}`;
}

/**
 * The Kubernetes version: an assumption (it wins), else the tag of a kube-proxy DaemonSet's
 * image (kube-proxy runs the cluster's version), else the newest behaviour.
 */
export function effectiveKubernetesVersion(model: WorkspaceModel): EffectiveKubernetesVersion {
  const assumed = model.assumptions.kubernetesVersion;
  const parsedAssumption = assumed === undefined ? undefined : parseKubernetesVersion(assumed);
  if (parsedAssumption !== undefined) return { value: parsedAssumption, source: { kind: 'assumption', setting: 'kubernetesVersion' } };
  for (const daemonSet of model.kubeProxyDaemonSets) {
    const image = daemonSet.kubeProxyImage;
    const version = image === undefined ? undefined : imageTagVersion(image.value);
    if (image !== undefined && version !== undefined) {
      return { value: version, source: { kind: 'file', file: daemonSet.file, span: image.span, setting: 'the kube-proxy image' } };
    }
  }
  return { value: undefined, source: { kind: 'default', reason: 'the newest Kubernetes behaviour, no version in the workspace' } };
}

/** The version in an image reference's tag (`registry.k8s.io/kube-proxy:v1.28.4`, with or without a digest). */
export function imageTagVersion(image: string): KubernetesVersion | undefined {
  const withoutDigest = image.split('@')[0]!;
  const colon = withoutDigest.lastIndexOf(':');
  if (colon === -1 || withoutDigest.indexOf('/', colon) !== -1) return undefined;
  return parseKubernetesVersion(withoutDigest.slice(colon + 1));
}

/** Whether the version is `major.minor` or later; true for the newest behaviour. */
export function isAtLeast(version: KubernetesVersion | undefined, major: number, minor: number): boolean {
  return version === undefined || version.major > major || (version.major === major && version.minor >= minor);
}

/**
 * Whether kube-proxy writes a conntrack timeout only when the node's is lower: 1.23 to 1.28
 * (kubernetes #103174, reverted by #120448). Elsewhere it writes any value that differs.
 */
export function kubeProxyOnlyRaisesConntrack(version: KubernetesVersion | undefined): boolean {
  return isAtLeast(version, 1, 23) && !isAtLeast(version, 1, 29);
}

/** Whether pods may set the TCP keepalive sysctls: safe sysctls from 1.29 (kubernetes #118846). */
export function podKeepaliveAllowed(version: KubernetesVersion | undefined): boolean {
  return isAtLeast(version, 1, 29);
}

/** Whether kube-proxy leaves net.ipv4.vs.conn_reuse_mode alone on kernel 5.9 and later: 1.22 on (kubernetes #102122). */
export function kubeProxyLeavesConnReuse(version: KubernetesVersion | undefined): boolean {
  return isAtLeast(version, 1, 22);
}

/** Whether kube-proxy caps maxPerCore × CPUs at 1,048,576 before comparing with `min`: 1.36 on (kubernetes #137002). */
export function kubeProxyCapsConntrackMax(version: KubernetesVersion | undefined): boolean {
  return isAtLeast(version, 1, 36);
}
