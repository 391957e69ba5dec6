import type { AssumedIdleTimer, CloudAssumption } from './path';

/** What the user tells Connlint about the cluster that the workspace cannot show. */
export interface Assumptions {
  /** The conntrack established timeout on the nodes, in seconds. */
  readonly conntrackEstablishedTimeout?: number;
  /** Whether kube-proxy runs (it sets the conntrack timeout at start-up); assumed when manifests are present. */
  readonly kubeProxy?: boolean;
  /** kube-proxy's mode (`iptables`, `ipvs`, `nftables`), over what the workspace says. */
  readonly proxyMode?: string;
  /** The cluster's Kubernetes version (`1.30`), over a kube-proxy image's tag. */
  readonly kubernetesVersion?: string;
  /** Clusters the files cannot show apart, each with its own assumptions; the first that contains a file is its. */
  readonly clusters?: readonly ClusterAssumptions[];
  /** The cloud the cluster runs in, over what the annotations tell. */
  readonly cloud?: CloudAssumption;
  /** Idle timers of middleboxes the workspace cannot show. */
  readonly idleTimers?: readonly AssumedIdleTimer[];
}

/** A cluster of `clusters:` in the settings: which files it holds, and what is assumed about it. */
export interface ClusterAssumptions {
  /** How reports name it: its globs. */
  readonly name: string;
  readonly assumptions: Assumptions;
  contains(path: string): boolean;
}
