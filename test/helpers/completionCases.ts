/** Lines of a sysctl file with the cursor in the key, and the line once net.ipv4.tcp_keepalive_time is accepted. */
export const KEY_ACCEPTED: readonly (readonly [string, string])[] = [
  ['net.ipv4.tcp_keep| = 600', 'net.ipv4.tcp_keepalive_time = 600'],
  ['net.ipv4.tcp_keep|=600', 'net.ipv4.tcp_keepalive_time=600'],
  ['net.ipv4.tcp_keep| =', 'net.ipv4.tcp_keepalive_time ='],
  ['net.ipv4.tcp_keep|\t= 600', 'net.ipv4.tcp_keepalive_time\t= 600'],
  ['net.ipv4.tcp_keep|', 'net.ipv4.tcp_keepalive_time = '],
  ['net.ipv4.tcp_keep| 600', 'net.ipv4.tcp_keepalive_time = 600'],
  ['net.ipv4.tcp_|keepalive_time = 600', 'net.ipv4.tcp_keepalive_time = 600'],
  ['net.ipv4.tcp_keep|alive_tme=600', 'net.ipv4.tcp_keepalive_time=600'],
  ['  net.ipv4.tcp_|keepalive', '  net.ipv4.tcp_keepalive_time = '],
];
