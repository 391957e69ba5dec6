import type { ValueSource } from './sources';

/** What kind of box holds an idle timer; `conntrack` and `ipvs` are the node's, which keepalive-conntrack and keepalive-ipvs check. */
export type TimerKind = 'conntrack' | 'ipvs' | 'ebpf-conntrack' | 'load-balancer' | 'sidecar' | 'nat' | 'firewall' | 'assumed';

/** An idle timer on a connection's path: how long it lets a connection stay idle, and where that comes from. */
export interface IdleTimer {
  /** What holds it, for messages: `AWS NLB`, `Istio sidecar`. */
  readonly name: string;
  readonly kind: TimerKind;
  readonly seconds: number;
  readonly source: ValueSource;
  /**
   * Whether a TCP keepalive probe resets it: true where packets are forwarded and tracked
   * (conntrack, IPVS, eBPF, NLB, Azure LB, NAT), false for proxies that count only data (Envoy, Classic ELB, ALB).
   */
  readonly refreshedByKeepalive: boolean;
}

/** The documented defaults; each is cited on docs/rules/keepalive-path.md and docs/rules/lb-idle-timeout.md. */
export const IDLE_DEFAULTS = {
  /** AWS NLB TCP listener, `tcp.idle_timeout.seconds` (AWS ListenerAttribute API reference). */
  awsNlb: 350,
  awsNlbRange: [60, 6000],
  /** AWS Classic ELB (cloud-provider-aws docs/service_controller.md). */
  awsClassicElb: 60,
  /** AWS ALB `idle_timeout.timeout_seconds` (aws-load-balancer-controller #441). */
  awsAlb: 60,
  /** AWS NAT gateway, not configurable. */
  awsNat: 350,
  /** Azure Load Balancer inbound rule, minutes (Azure docs load-balancer-tcp-idle-timeout). */
  azureLbMinutes: 4,
  azureLbMinutesRange: [4, 100],
  /** Azure NAT gateway, 4 minutes by default. */
  azureNat: 240,
  /** GCP Cloud NAT established TCP. */
  gcpNat: 1200,
  /** GCP VPC firewall connection tracking. */
  gcpFirewall: 600,
  /** Envoy's idle timeout in an Istio sidecar (istio/api #2999). */
  istioSidecar: 3600,
  /** Cilium's `bpf-ct-timeout-regular-tcp` and `bpf-ct-timeout-service-tcp` (cilium #27665). */
  ciliumCt: 8000,
  /** Calico eBPF `bpfConntrackTimeouts.tcpEstablished` (projectcalico/calico #9607). */
  calicoCt: 3600,
  /** net.ipv4.tcp_keepalive_intvl, the kernel's default. */
  keepaliveInterval: 75,
} as const;

/** A timer whose value is a documented default. */
export function defaultTimer(name: string, kind: TimerKind, seconds: number, reason: string, refreshedByKeepalive: boolean): IdleTimer {
  return { name, kind, seconds, source: { kind: 'default', reason }, refreshedByKeepalive };
}
