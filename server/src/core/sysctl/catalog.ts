/**
 * The kernel settings Connlint knows: every key of the families `net.ipv4.tcp_*`, `net.ipv4.vs.*`
 * and `net.netfilter.nf_conntrack_*` that Linux 6.18 has, with unit, default, accepted range and
 * meaning (in our own words).
 *
 * Sources: the kernel's Documentation/networking/ip-sysctl.rst, Documentation/networking/nf_conntrack-sysctl.rst
 * and Documentation/networking/ipvs-sysctl.rst (Linux 6.18); for keys they leave out (tcp_available_ulp,
 * nf_conntrack_tcp_no_window_check, vs.sloppy_tcp, vs.sloppy_sctp, vs.schedule_icmp, vs.lblc_expiration,
 * vs.lblcr_expiration) and for ranges, the sysctl tables in net/ipv4/sysctl_net_ipv4.c,
 * net/netfilter/nf_conntrack_standalone.c and net/netfilter/ipvs/ip_vs_{ctl,lblc,lblcr}.c.
 * Figures the rule pages cite (keepalive and conntrack defaults, kube-proxy's values) are kept as they are there.
 */

/** The kernel the catalog describes, as messages name it. */
export const CATALOG_KERNEL = 'Linux 6.18';

/**
 * What a value is. Single integers: `seconds`, `milliseconds`, `microseconds`, `nanoseconds`, `bytes`,
 * `pages`, `count`, `percent`, `entries`, `flag` (0/1), `mode` (an enumeration or bitmap).
 * Several fields: `triple` (three integers, `min default max`), `pair` (two integers).
 * Text: `string` (one name), `list` (names or keys separated by spaces or commas).
 */
type SysctlUnit =
  | 'seconds'
  | 'milliseconds'
  | 'microseconds'
  | 'nanoseconds'
  | 'bytes'
  | 'pages'
  | 'count'
  | 'percent'
  | 'flag'
  | 'entries'
  | 'mode'
  | 'triple'
  | 'pair'
  | 'string'
  | 'list';

/** One kernel setting. */
export interface SysctlInfo {
  readonly key: string;
  readonly unit: SysctlUnit;
  /** The kernel's default, as text (`7200`, or a description when it is computed). */
  readonly defaultValue: string;
  /** Accepted values, when the kernel restricts them: `0..255`, `0 or 1`, `≥ 1`. */
  readonly range?: string;
  readonly meaning: string;
  /** Whether each network namespace (each pod) has its own value. */
  readonly perNamespace: boolean;
  /** The kernel only reports it; writing it fails. */
  readonly readOnly?: boolean;
}

/** The key families the catalog covers completely, as key prefixes. */
export const SYSCTL_FAMILIES = ['net.ipv4.tcp_', 'net.ipv4.vs.', 'net.netfilter.nf_conntrack_'] as const;

/** The family prefix a key belongs to, if any. */
export function sysctlFamilyOf(key: string): (typeof SYSCTL_FAMILIES)[number] | undefined {
  return SYSCTL_FAMILIES.find((prefix) => key.startsWith(prefix) && key.length > prefix.length);
}

/** Whether a value of this key is one integer (not several fields, not text). */
export function takesSingleInteger(info: SysctlInfo): boolean {
  return !['triple', 'pair', 'string', 'list'].includes(info.unit);
}

/** The numeric bounds of a range (`0..255`, `-31..31`, `0 or 1`, `≥ 1`), or undefined when it has none. */
export function rangeBounds(range: string | undefined): { min?: number; max?: number } | undefined {
  if (range === undefined) return undefined;
  const between = /^(-?\d+)\.\.(-?\d+)$/.exec(range);
  if (between) return { min: Number(between[1]), max: Number(between[2]) };
  const either = /^(-?\d+) or (-?\d+)$/.exec(range);
  if (either) return { min: Math.min(Number(either[1]), Number(either[2])), max: Math.max(Number(either[1]), Number(either[2])) };
  const atLeast = /^≥ (-?\d+)$/.exec(range);
  return atLeast ? { min: Number(atLeast[1]) } : undefined;
}

/** Options of a row: `g` node-wide (not per namespace), `ro` read-only. */
type Options = '' | 'g' | 'ro' | 'g ro';
type Row = readonly [name: string, unit: SysctlUnit, defaultValue: string, range: string | undefined, meaning: string, options?: Options];

const U8 = '0..255';
const BOOL = '0 or 1';
const CT_TIMEOUT = 'Seconds a conntrack entry for a TCP connection in this state lives without traffic';

const TCP: readonly Row[] = [
  ['abort_on_overflow', 'flag', '0', U8, 'Reset new connections when a listener\'s accept queue is full, instead of letting the client retry.'],
  ['adv_win_scale', 'count', '1', '-31..31', 'How buffer overhead is counted when the receive window is sized (obsolete since Linux 6.6).'],
  ['allowed_congestion_control', 'list', 'reno and the default algorithm', undefined, 'Congestion control algorithms that unprivileged processes may select (space-separated names).'],
  ['app_win', 'count', '31', '0..31', 'Share of the window (window / 2^n) held back for the application\'s buffer; 0 holds back nothing.'],
  ['autocorking', 'flag', '1', BOOL, 'Merge small consecutive writes while earlier packets of the flow still wait in a queue.'],
  ['available_congestion_control', 'list', 'the algorithms registered', undefined, 'Congestion control algorithms currently registered (read-only).', 'ro'],
  ['available_ulp', 'list', 'the upper-layer protocols registered', undefined, 'Upper-layer protocols (kTLS, say) that can be attached to TCP sockets (read-only).', 'g ro'],
  ['backlog_ack_defer', 'flag', '1', BOOL, 'Send one ACK for a whole socket backlog processed in process context.'],
  ['base_mss', 'bytes', '1024', undefined, 'Starting MSS of packetization-layer path MTU probing.'],
  ['challenge_ack_limit', 'count', '2147483647 (no limit)', undefined, 'Challenge ACKs (RFC 5961) the namespace may send per second.'],
  ['child_ehash_entries', 'entries', '0', '0..16777216', 'Size of the TCP socket hash table of namespaces created later (rounded up to a power of 2); 0 shares the initial namespace\'s table.'],
  ['comp_sack_delay_ns', 'nanoseconds', '1000000', undefined, 'Longest time SACKs are held back to be compressed.'],
  ['comp_sack_nr', 'count', '44', U8, 'Most SACKs compressed into one; 0 turns SACK compression off.'],
  ['comp_sack_rtt_percent', 'percent', '33', '1..1000', 'Share of the smoothed RTT the SACK compression timer waits.'],
  ['comp_sack_slack_ns', 'nanoseconds', '10000', undefined, 'Slack allowed when the SACK compression timer is armed.'],
  ['congestion_control', 'string', 'chosen when the kernel is built', undefined, 'Congestion control algorithm of new connections (a listener\'s choice passes to the connections it accepts).'],
  ['dsack', 'flag', '1', U8, 'Send duplicate SACKs (D-SACK).'],
  ['early_demux', 'flag', '1', U8, 'Find the established socket early on receive, saving a route lookup.'],
  ['early_retrans', 'mode', '3', '0..4', 'Tail loss probe: 0 off, 3 or 4 on.'],
  ['ecn', 'mode', '2', '0..2', 'Explicit Congestion Notification: 0 never, 1 request and accept, 2 accept when asked only.'],
  ['ecn_fallback', 'flag', '1', BOOL, 'Fall back to TCP without ECN when an ECN connection misbehaves.'],
  ['ecn_option', 'mode', '2', '0..2', 'Accurate ECN option once negotiated: 0 never, 1 sparingly, 2 whenever it fits.'],
  ['ecn_option_beacon', 'count', '3', '0..3', 'Accurate ECN options sent at least per RTT when ecn_option is 2.'],
  ['ehash_entries', 'entries', 'derived from memory', undefined, 'Buckets of this namespace\'s TCP socket hash table; negative when it shares the initial namespace\'s (read-only).', 'ro'],
  ['fack', 'flag', '0', U8, 'Legacy; no effect.'],
  ['fastopen', 'mode', '1', undefined, 'TCP Fast Open bitmap: 0x1 client, 0x2 server, 0x400 server on every listener.'],
  ['fastopen_blackhole_timeout_sec', 'seconds', '0', '≥ 0', 'Initial time Fast Open stays off after a middlebox seemed to drop it; 0 turns the detection off.'],
  ['fastopen_key', 'list', 'random, created on first use', undefined, 'Fast Open cookie keys: a primary and an optional backup key, comma-separated, each four dash-separated hex words.'],
  ['fin_timeout', 'seconds', '60', undefined, 'Time an orphaned connection stays in FIN_WAIT_2 before it is aborted.'],
  ['frto', 'mode', '2', U8, 'Forward RTO-Recovery (RFC 5682); 0 turns it off.'],
  ['fwmark_accept', 'flag', '0', U8, 'Accepted sockets without a mark take the fwmark of the SYN that opened them.'],
  ['invalid_ratelimit', 'milliseconds', '500', undefined, 'Least time between duplicate ACKs sent in answer to invalid segments; 0 lifts the limit.'],
  ['keepalive_intvl', 'seconds', '75', undefined, 'Time between keepalive probes that get no answer.'],
  ['keepalive_probes', 'count', '9', U8, 'Unanswered keepalive probes before the connection is dropped.'],
  ['keepalive_time', 'seconds', '7200', undefined, 'Idle time before TCP sends the first keepalive probe on a socket with SO_KEEPALIVE; every probe refreshes the conntrack entry.'],
  ['l3mdev_accept', 'flag', '0', BOOL, 'Accepted sockets inherit the L3 master device (VRF) the packet came in on.'],
  ['limit_output_bytes', 'bytes', '4194304', undefined, 'TCP Small Queues: bytes one socket may have queued in qdiscs and the device.'],
  ['low_latency', 'flag', '0', undefined, 'Legacy; no effect.', 'g'],
  ['max_orphans', 'count', 'derived from memory', undefined, 'TCP sockets no process holds any more; beyond it orphans are reset at once.', 'g'],
  ['max_reordering', 'count', '300', undefined, 'Highest packet reordering degree TCP adapts to.'],
  ['max_syn_backlog', 'count', 'derived from the socket hash table size, at least 128', undefined, 'Connection requests in SYN_RECV remembered per listener.'],
  ['max_tw_buckets', 'count', 'half the socket hash table size', undefined, 'TIME_WAIT sockets kept at once; beyond it new ones are destroyed at once.'],
  ['mem', 'triple', 'derived from memory', undefined, 'Pages all TCP sockets may use, "min pressure max": no limit below min, moderation above pressure, hard limit at max.', 'g'],
  ['migrate_req', 'flag', '0', U8, 'When an SO_REUSEPORT listener closes, move its pending and unaccepted connections to another listener.'],
  ['min_rtt_wlen', 'seconds', '300', '0..86400', 'Window of the filter that tracks a connection\'s minimum RTT.'],
  ['min_snd_mss', 'bytes', '48', '48..65535', 'Smallest MSS TCP accepts from a peer\'s advertisement.'],
  ['min_tso_segs', 'count', '2', '1..255', 'Fewest segments per TSO frame.'],
  ['moderate_rcvbuf', 'flag', '1', U8, 'Auto-tune each socket\'s receive buffer up to the max of tcp_rmem.'],
  ['mtu_probe_floor', 'bytes', '48', '48..65535', 'Lowest MSS that MTU probing may fall to.'],
  ['mtu_probing', 'mode', '0', U8, 'Packetization-layer path MTU discovery: 0 off, 1 once an ICMP black hole is detected, 2 always.'],
  ['no_metrics_save', 'flag', '0', U8, 'Do not cache metrics of closing connections for later ones to the same host.'],
  ['no_ssthresh_metrics_save', 'flag', '1', BOOL, 'Do not cache ssthresh with a closing connection\'s metrics.'],
  ['notsent_lowat', 'bytes', '4294967295', undefined, 'Unsent bytes above which a socket without TCP_NOTSENT_LOWAT no longer polls writable.'],
  ['orphan_retries', 'count', '0 (acts as 8)', U8, 'Retransmissions before a connection closed by its process is dropped.'],
  ['pacing_ca_ratio', 'percent', '120', '0..1000', 'Pacing rate relative to the current rate during congestion avoidance.'],
  ['pacing_ss_ratio', 'percent', '200', '0..1000', 'Pacing rate relative to the current rate during slow start.'],
  ['pingpong_thresh', 'count', '1', '1..255', 'Request-response exchanges before a connection is treated as interactive for delayed ACKs.'],
  ['plb_cong_thresh', 'count', '128', '0..256', 'Protective Load Balancing: congestion-marked share of a round (out of 256) that marks it congested.'],
  ['plb_enabled', 'flag', '0', BOOL, 'Protective Load Balancing: re-path a flow (new IPv6 flow label) under lasting congestion, with a congestion control that supports it.'],
  ['plb_idle_rehash_rounds', 'count', '3', '0..31', 'Protective Load Balancing: congested rounds before re-pathing when nothing is in flight.'],
  ['plb_rehash_rounds', 'count', '12', '0..31', 'Protective Load Balancing: congested rounds before a forced re-path.'],
  ['plb_suspend_rto_sec', 'seconds', '60', U8, 'Protective Load Balancing: pause after a retransmission timeout (randomised between 1x and 2x).'],
  ['probe_interval', 'seconds', '600', undefined, 'Time between path MTU re-probes.'],
  ['probe_threshold', 'bytes', '8', undefined, 'Width of the MTU search range below which probing stops.'],
  ['rcvbuf_low_rtt', 'microseconds', '1000', '0..2147483647', 'RTT below which receive buffer auto-tuning grows the buffer more slowly.'],
  ['recovery', 'mode', '0x1', U8, 'Loss recovery bitmap: 0x1 RACK, 0x2 static RACK reordering window, 0x4 no DUPACK threshold.'],
  ['reflect_tos', 'flag', '0', BOOL, 'Connections of a listener send with the DSCP of the SYN they answered.'],
  ['reordering', 'count', '3', undefined, 'Initial packet reordering degree of a connection.'],
  ['retrans_collapse', 'flag', '1', U8, 'Send bigger packets on retransmission, for buggy peers.'],
  ['retries1', 'count', '3', U8, 'Unanswered retransmissions after which TCP asks the network layer to check the route.'],
  ['retries2', 'count', '15', U8, 'Unanswered retransmissions before an established connection is dropped (15 ≈ 924.6 s at least).'],
  ['rfc1337', 'flag', '0', U8, 'Follow RFC 1337 in TIME_WAIT (a RST does not end TIME_WAIT early).'],
  ['rmem', 'triple', 'page size, 131072, between 131072 and 32 MiB by memory', '≥ 1', 'Receive buffer sizes of TCP sockets in bytes, "min default max".'],
  ['rto_max_ms', 'milliseconds', '120000', '1000..120000', 'Longest retransmission timeout.'],
  ['rto_min_us', 'microseconds', '200000', '≥ 1', 'Shortest retransmission timeout.'],
  ['sack', 'flag', '1', U8, 'Selective acknowledgements (SACK).'],
  ['shrink_window', 'flag', '0', BOOL, 'Let the receive window shrink to stay within the auto-tuned buffer.'],
  ['slow_start_after_idle', 'flag', '1', U8, 'Reset the congestion window after the connection idled for an RTO (RFC 2861).'],
  ['stdurg', 'flag', '0', U8, 'Read the urgent pointer the host-requirements way (RFC 1122), not the BSD way.'],
  ['syn_linear_timeouts', 'count', '4', '0..127', 'SYN retransmissions with a constant timeout before exponential backoff.'],
  ['syn_retries', 'count', '6', '1..255', 'SYN retransmissions of an outgoing connection attempt.'],
  ['synack_retries', 'count', '5', U8, 'SYN-ACK retransmissions for an incoming connection attempt.'],
  ['syncookies', 'mode', '1', U8, 'SYN cookies: 1 when a listener\'s SYN queue overflows, 2 always, 0 never.'],
  ['thin_linear_timeouts', 'flag', '0', U8, 'Linear retransmission timeouts for thin streams (fewer than 4 packets in flight).'],
  ['timestamps', 'mode', '1', U8, 'TCP timestamps: 0 off, 1 on with a random offset per connection, 2 on without it.'],
  ['tso_rtt_log', 'count', '9', U8, 'Bigger TSO packets on small-RTT flows (2^n µs scale); 0 restores the old sizing.'],
  ['tso_win_divisor', 'count', '3', U8, 'Part of the congestion window (1/n) one TSO frame may take.'],
  ['tw_reuse', 'mode', '2', '0..2', 'Reuse TIME_WAIT sockets for new outgoing connections: 0 never, 1 always, 2 on loopback only.'],
  ['tw_reuse_delay', 'milliseconds', '1000', '1..60000', 'Time before a TIME_WAIT socket may be reused.'],
  ['window_scaling', 'flag', '1', U8, 'Window scaling (RFC 1323).'],
  ['wmem', 'triple', 'page size, 16384, between 65536 and 4 MiB by memory', '≥ 1', 'Send buffer sizes of TCP sockets in bytes, "min default max".'],
  ['workaround_signed_windows', 'flag', '0', U8, 'Treat the window of a peer that sent no window scaling option as signed.'],
];

const CONNTRACK: readonly Row[] = [
  ['acct', 'flag', '0', BOOL, 'Keep byte and packet counters per flow.'],
  ['buckets', 'entries', 'derived from memory (1024..262144)', undefined, 'Buckets of the conntrack hash table; writable in the initial namespace only.', 'g'],
  ['checksum', 'flag', '1', BOOL, 'Verify checksums; packets with a bad one are INVALID and not tracked.'],
  ['count', 'entries', '0', undefined, 'Entries in the table now (read-only).', 'ro'],
  ['events', 'mode', '2', '0..2', 'Conntrack events over ctnetlink: 0 off, 1 on, 2 only when a listener asks.'],
  ['expect_max', 'entries', 'nf_conntrack_buckets / 256', '≥ 1', 'Size of the expectation table; node-wide.', 'g'],
  ['frag6_high_thresh', 'bytes', '262144', undefined, 'Memory for IPv6 fragment reassembly above which fragments are dropped until the low threshold is reached.'],
  ['frag6_low_thresh', 'bytes', '196608', undefined, 'Memory for IPv6 fragment reassembly that dropping brings usage back to.'],
  ['frag6_timeout', 'seconds', '60', undefined, 'Time an IPv6 fragment is kept for reassembly.'],
  ['generic_timeout', 'seconds', '600', undefined, 'Seconds an entry of a protocol without its own tracker lives without traffic.'],
  ['gre_timeout', 'seconds', '30', undefined, 'Seconds a GRE entry lives without traffic.'],
  ['gre_timeout_stream', 'seconds', '180', undefined, 'Seconds a GRE entry lives without traffic once traffic went both ways.'],
  ['icmp_timeout', 'seconds', '30', undefined, 'Seconds an ICMP entry lives without traffic.'],
  ['icmpv6_timeout', 'seconds', '30', undefined, 'Seconds an ICMPv6 entry lives without traffic.'],
  ['log_invalid', 'mode', '0', U8, 'Log INVALID packets of this IP protocol number (6 TCP, 17 UDP, 255 any); 0 logs none.'],
  ['max', 'entries', 'derived from memory', undefined, 'Size of the conntrack table; node-wide and read-only inside a pod. kube-proxy raises it at start-up.', 'g'],
  ['sctp_timeout_closed', 'seconds', '10', undefined, 'Seconds an SCTP entry in CLOSED lives without traffic.'],
  ['sctp_timeout_cookie_echoed', 'seconds', '3', undefined, 'Seconds an SCTP entry in COOKIE_ECHOED lives without traffic.'],
  ['sctp_timeout_cookie_wait', 'seconds', '3', undefined, 'Seconds an SCTP entry in COOKIE_WAIT lives without traffic.'],
  ['sctp_timeout_established', 'seconds', '210', undefined, 'Seconds an established SCTP association\'s entry lives without traffic.'],
  ['sctp_timeout_heartbeat_sent', 'seconds', '30', undefined, 'Seconds the entry of an SCTP secondary path lives after a heartbeat.'],
  ['sctp_timeout_shutdown_ack_sent', 'seconds', '3', undefined, 'Seconds an SCTP entry in SHUTDOWN_ACK_SENT lives without traffic.'],
  ['sctp_timeout_shutdown_recd', 'seconds', '3', undefined, 'Seconds an SCTP entry in SHUTDOWN_RECEIVED lives without traffic.'],
  ['sctp_timeout_shutdown_sent', 'seconds', '3', undefined, 'Seconds an SCTP entry in SHUTDOWN_SENT lives without traffic.'],
  ['tcp_be_liberal', 'flag', '0', BOOL, 'Relaxes TCP window checks; it does not revive expired entries.'],
  ['tcp_ignore_invalid_rst', 'flag', '0', BOOL, 'Do not mark out-of-window RSTs INVALID.'],
  ['tcp_loose', 'flag', '1', BOOL, 'Whether conntrack picks up a connection from a mid-stream packet. With 0, the first packet after an entry expired is INVALID and dropped by kube-proxy: the connection hangs instead of resetting.'],
  ['tcp_max_retrans', 'count', '3', U8, 'Retransmissions without an acceptable ACK before the shorter max_retrans timeout applies.'],
  ['tcp_no_window_check', 'flag', '0', BOOL, 'Skip TCP window tracking altogether.'],
  ['tcp_timeout_close', 'seconds', '10', undefined, `${CT_TIMEOUT} (CLOSE)`],
  ['tcp_timeout_close_wait', 'seconds', '60', undefined, `${CT_TIMEOUT} (CLOSE_WAIT). kube-proxy writes 3600 at start-up.`],
  ['tcp_timeout_established', 'seconds', '432000', undefined, 'Seconds an established TCP connection may stay idle before its conntrack entry expires; after that its next packet is load-balanced again. kube-proxy writes 86400 at start-up.'],
  ['tcp_timeout_fin_wait', 'seconds', '120', undefined, `${CT_TIMEOUT} (FIN_WAIT)`],
  ['tcp_timeout_last_ack', 'seconds', '30', undefined, `${CT_TIMEOUT} (LAST_ACK)`],
  ['tcp_timeout_max_retrans', 'seconds', '300', undefined, 'Seconds a conntrack entry lives once a packet was retransmitted too often.'],
  ['tcp_timeout_syn_recv', 'seconds', '60', undefined, `${CT_TIMEOUT} (SYN_RECV)`],
  ['tcp_timeout_syn_sent', 'seconds', '120', undefined, `${CT_TIMEOUT} (SYN_SENT)`],
  ['tcp_timeout_time_wait', 'seconds', '120', undefined, `${CT_TIMEOUT} (TIME_WAIT)`],
  ['tcp_timeout_unacknowledged', 'seconds', '300', undefined, 'Seconds a conntrack entry lives while data stays unacknowledged.'],
  ['timestamp', 'flag', '0', BOOL, 'Record when each flow started.'],
  ['udp_timeout', 'seconds', '30', undefined, 'Seconds a UDP entry lives without traffic.'],
  ['udp_timeout_stream', 'seconds', '120', undefined, 'Seconds a UDP entry lives without traffic once it is seen as a stream.'],
];

const IPVS: readonly Row[] = [
  ['am_droprate', 'count', '10', undefined, 'Drop one packet in n when the drop_packet defense is always on (mode 3).'],
  ['amemthresh', 'pages', '1024', undefined, 'Free memory below which the automatic defense modes switch on.'],
  ['backup_only', 'flag', '0', undefined, 'Stop directing traffic while the node is a sync backup (avoids loops with DR and TUN).'],
  ['cache_bypass', 'flag', '0', undefined, 'Send packets straight to their destination when no cache server is available.'],
  ['conn_reuse_mode', 'mode', '1', undefined, 'How IPVS treats a SYN that reuses the ports of a known connection (kernel 5.9 fixed the delays of mode 1).'],
  ['conntrack', 'flag', '0', undefined, 'Keep conntrack entries for connections IPVS handles (needed by stateful iptables rules on them).'],
  ['debug_level', 'count', '0', undefined, 'Verbosity of IPVS debug messages (kernels built with CONFIG_IP_VS_DEBUG).'],
  ['drop_entry', 'mode', '0', '0..3', 'Defense that drops random connection entries: 0 off, 1 and 2 automatic, 3 always.'],
  ['drop_packet', 'mode', '0', '0..3', 'Defense that drops a share of packets: 0 off, 1 and 2 automatic, 3 always.'],
  ['est_cpulist', 'list', 'the housekeeping CPUs', undefined, 'CPUs the rate estimation threads may run on (a CPU list; empty stops estimation).'],
  ['est_nice', 'count', '0', '-20..19', 'Nice value of the rate estimation threads.'],
  ['expire_nodest_conn', 'flag', '0', undefined, 'Whether IPVS drops connections to a removed backend at once; kube-proxy sets 1 in IPVS mode.'],
  ['expire_quiescent_template', 'flag', '0', undefined, 'Whether IPVS expires persistence templates of a backend with weight 0; kube-proxy sets 1 in IPVS mode.'],
  ['ignore_tunneled', 'flag', '0', undefined, 'Leave packets of unrecognised (tunnelled) protocols alone, avoiding routing loops.'],
  ['lblc_expiration', 'seconds', '86400', undefined, 'Idle time after which a locality-based (lblc) scheduler entry is dropped.'],
  ['lblcr_expiration', 'seconds', '86400', undefined, 'Idle time after which a locality-based with replication (lblcr) scheduler entry is dropped.'],
  ['nat_icmp_send', 'flag', '0', undefined, 'Answer with ICMP unreachable when a NAT backend sends for a connection IPVS no longer has.'],
  ['pmtu_disc', 'flag', '1', undefined, 'Reject oversized DF packets with FRAG_NEEDED; 0 lets TUN fragment them.'],
  ['run_estimation', 'flag', '1', undefined, 'Run the rate estimation threads.'],
  ['schedule_icmp', 'flag', '0', undefined, 'Schedule ICMP packets to backends like the first packet of a connection.'],
  ['secure_tcp', 'mode', '0', '0..3', 'Defense with a stricter TCP state table: 0 off, 1 and 2 automatic, 3 always.'],
  ['sloppy_sctp', 'flag', '0', undefined, 'Create an entry from any SCTP chunk, not only INIT.'],
  ['sloppy_tcp', 'flag', '0', undefined, 'Create an entry from any TCP packet, not only a SYN.'],
  ['snat_reroute', 'flag', '1', undefined, 'Route SNATed replies of backends as if the director sent them.'],
  ['sync_persist_mode', 'mode', '0', undefined, 'Connection sync with persistence: 0 sync everything, 1 only persistence templates.'],
  ['sync_ports', 'count', '1', undefined, 'Sync threads (and UDP ports from 8848) of master and backup.'],
  ['sync_qlen_max', 'count', 'derived from memory', undefined, 'Sync messages queued but not sent yet.'],
  ['sync_refresh_period', 'seconds', '0', undefined, 'Change of a connection\'s timer that sends a new sync message.'],
  ['sync_retries', 'count', '0', '0..3', 'Sync message retries, every sync_refresh_period / 8.'],
  ['sync_sock_size', 'bytes', '0', undefined, 'Send (master) or receive (backup) buffer of the sync socket; 0 keeps the system default.'],
  ['sync_threshold', 'pair', '3 50', undefined, 'Sync a connection every time its incoming packet count modulo the period ("threshold period") equals the threshold.'],
  ['sync_version', 'mode', '1', BOOL, 'Sync protocol version sent: 0 legacy, 1 current.'],
];

function entries(prefix: string, rows: readonly Row[]): [string, SysctlInfo][] {
  return rows.map(([name, unit, defaultValue, range, meaning, options = '']) => {
    const key = `${prefix}${name}`;
    const flags = options.split(' ');
    const info: SysctlInfo = {
      key,
      unit,
      defaultValue,
      ...(range === undefined ? {} : { range }),
      meaning,
      perNamespace: !flags.includes('g'),
      ...(flags.includes('ro') ? { readOnly: true } : {}),
    };
    return [key, info];
  });
}

/** Every key of the three families, by key. */
export const SYSCTL_CATALOG: ReadonlyMap<string, SysctlInfo> = new Map([
  ...entries('net.ipv4.tcp_', TCP),
  ...entries('net.netfilter.nf_conntrack_', CONNTRACK),
  ...entries('net.ipv4.vs.', IPVS),
]);
