/** The sysctl keys the tests write, spelled once. */
export const KEEPALIVE_TIME = 'net.ipv4.tcp_keepalive_time';
export const KEEPALIVE_INTVL = 'net.ipv4.tcp_keepalive_intvl';
export const KEEPALIVE_PROBES = 'net.ipv4.tcp_keepalive_probes';
export const CONNTRACK_ESTABLISHED = 'net.netfilter.nf_conntrack_tcp_timeout_established';
export const CONNTRACK_CLOSE_WAIT = 'net.netfilter.nf_conntrack_tcp_timeout_close_wait';
export const CONNTRACK_MAX = 'net.netfilter.nf_conntrack_max';
export const CONNTRACK_LOOSE = 'net.netfilter.nf_conntrack_tcp_loose';
export const IPVS_CONN_REUSE = 'net.ipv4.vs.conn_reuse_mode';

/** A node's sysctl file, as the tests name it. */
export const NODE_SYSCTL = 'node/sysctl.d/60-k8s.conf';
