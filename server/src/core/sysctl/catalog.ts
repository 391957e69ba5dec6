/**
 * The kernel settings Connlint knows, with unit, default and meaning (sources: docs/rules pages,
 * from the kernel's ip-sysctl and nf_conntrack-sysctl documentation and source).
 */
export interface SysctlInfo {
  readonly key: string;
  readonly unit: 'seconds' | 'count' | 'flag' | 'entries' | 'mode';
  /** The kernel's default, as text (`7200`, or a description when it is computed). */
  readonly defaultValue: string;
  /** Accepted values, when the kernel restricts them. */
  readonly range?: string;
  readonly meaning: string;
  /** Whether each network namespace (each pod) has its own value. */
  readonly perNamespace: boolean;
}

const CONNTRACK_TIMEOUT = 'Seconds a conntrack entry for a TCP connection in this state lives without traffic.';

export const SYSCTL_CATALOG: ReadonlyMap<string, SysctlInfo> = new Map(
  (
    [
      ['net.ipv4.tcp_keepalive_time', 'seconds', '7200', undefined, 'Idle time before TCP sends the first keepalive probe on a socket with SO_KEEPALIVE; every probe refreshes the conntrack entry.', true],
      ['net.ipv4.tcp_keepalive_intvl', 'seconds', '75', undefined, 'Time between keepalive probes that get no answer.', true],
      ['net.ipv4.tcp_keepalive_probes', 'count', '9', '0..255', 'Unanswered keepalive probes before the connection is dropped.', true],
      ['net.netfilter.nf_conntrack_tcp_timeout_established', 'seconds', '432000', undefined, 'Seconds an established TCP connection may stay idle before its conntrack entry expires; after that its next packet is load-balanced again. kube-proxy writes 86400 at start-up.', true],
      ['net.netfilter.nf_conntrack_tcp_timeout_close_wait', 'seconds', '60', undefined, `${CONNTRACK_TIMEOUT} (CLOSE_WAIT). kube-proxy writes 3600 at start-up.`, true],
      ['net.netfilter.nf_conntrack_tcp_timeout_syn_sent', 'seconds', '120', undefined, `${CONNTRACK_TIMEOUT} (SYN_SENT)`, true],
      ['net.netfilter.nf_conntrack_tcp_timeout_syn_recv', 'seconds', '60', undefined, `${CONNTRACK_TIMEOUT} (SYN_RECV)`, true],
      ['net.netfilter.nf_conntrack_tcp_timeout_fin_wait', 'seconds', '120', undefined, `${CONNTRACK_TIMEOUT} (FIN_WAIT)`, true],
      ['net.netfilter.nf_conntrack_tcp_timeout_last_ack', 'seconds', '30', undefined, `${CONNTRACK_TIMEOUT} (LAST_ACK)`, true],
      ['net.netfilter.nf_conntrack_tcp_timeout_time_wait', 'seconds', '120', undefined, `${CONNTRACK_TIMEOUT} (TIME_WAIT)`, true],
      ['net.netfilter.nf_conntrack_tcp_timeout_close', 'seconds', '10', undefined, `${CONNTRACK_TIMEOUT} (CLOSE)`, true],
      ['net.netfilter.nf_conntrack_tcp_timeout_max_retrans', 'seconds', '300', undefined, 'Seconds a conntrack entry lives once a packet was retransmitted too often.', true],
      ['net.netfilter.nf_conntrack_tcp_timeout_unacknowledged', 'seconds', '300', undefined, 'Seconds a conntrack entry lives while data stays unacknowledged.', true],
      ['net.netfilter.nf_conntrack_tcp_loose', 'flag', '1', '0 or 1', 'Whether conntrack picks up a connection from a mid-stream packet. With 0, the first packet after an entry expired is INVALID and dropped by kube-proxy: the connection hangs instead of resetting.', true],
      ['net.netfilter.nf_conntrack_tcp_be_liberal', 'flag', '0', '0 or 1', 'Relaxes TCP window checks; it does not revive expired entries.', true],
      ['net.netfilter.nf_conntrack_max', 'entries', 'derived from memory', undefined, 'Size of the conntrack table; node-wide and read-only inside a pod. kube-proxy raises it at start-up.', false],
      ['net.ipv4.vs.conn_reuse_mode', 'mode', '1', undefined, 'How IPVS treats a SYN that reuses the ports of a known connection (kernel 5.9 fixed the delays of mode 1).', true],
      ['net.ipv4.vs.expire_nodest_conn', 'flag', '0', '0 or 1', 'Whether IPVS drops connections to a removed backend at once; kube-proxy sets 1 in IPVS mode.', true],
      ['net.ipv4.vs.expire_quiescent_template', 'flag', '0', '0 or 1', 'Whether IPVS expires persistence templates of a backend with weight 0; kube-proxy sets 1 in IPVS mode.', true],
    ] as const
  ).map(([key, unit, defaultValue, range, meaning, perNamespace]) => [
    key,
    { key, unit, defaultValue, ...(range === undefined ? {} : { range }), meaning, perNamespace },
  ]),
);
