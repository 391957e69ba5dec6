import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SYSCTL_CATALOG, SYSCTL_FAMILIES, rangeBounds, sysctlFamilyOf, takesSingleInteger } from '@connlint/server';

const keys = [...SYSCTL_CATALOG.keys()];
const family = (prefix: string): string[] => keys.filter((key) => key.startsWith(prefix));

test('every key of the three families that Linux 6.18 has, and nothing else', () => {
  assert.deepEqual(SYSCTL_FAMILIES, ['net.ipv4.tcp_', 'net.ipv4.vs.', 'net.netfilter.nf_conntrack_']);
  assert.equal(family('net.ipv4.tcp_').length, 92);
  assert.equal(family('net.ipv4.vs.').length, 32);
  assert.equal(family('net.netfilter.nf_conntrack_').length, 42);
  assert.equal(keys.length, 92 + 32 + 42, 'every key is in one of the families');
  for (const key of keys) assert.equal(SYSCTL_CATALOG.get(key)!.key, key);
  // Keys the documentation files leave out but the kernel's sysctl tables have.
  for (const key of ['net.ipv4.tcp_available_ulp', 'net.netfilter.nf_conntrack_tcp_no_window_check', 'net.ipv4.vs.sloppy_tcp', 'net.ipv4.vs.sloppy_sctp', 'net.ipv4.vs.schedule_icmp', 'net.ipv4.vs.lblc_expiration', 'net.ipv4.vs.lblcr_expiration']) {
    assert.ok(SYSCTL_CATALOG.has(key), key);
  }
  // Gone from current kernels.
  for (const key of ['net.ipv4.tcp_tw_recycle', 'net.netfilter.nf_conntrack_helper', 'net.netfilter.nf_conntrack_dccp_timeout_open']) assert.ok(!SYSCTL_CATALOG.has(key), key);
});

test('the values the rule pages cite are kept', () => {
  const brief = (key: string): unknown => {
    const info = SYSCTL_CATALOG.get(key)!;
    return [info.unit, info.defaultValue, info.range, info.perNamespace];
  };
  assert.deepEqual(brief('net.ipv4.tcp_keepalive_time'), ['seconds', '7200', undefined, true]);
  assert.deepEqual(brief('net.ipv4.tcp_keepalive_intvl'), ['seconds', '75', undefined, true]);
  assert.deepEqual(brief('net.ipv4.tcp_keepalive_probes'), ['count', '9', '0..255', true]);
  assert.deepEqual(brief('net.netfilter.nf_conntrack_tcp_timeout_established'), ['seconds', '432000', undefined, true]);
  assert.deepEqual(brief('net.netfilter.nf_conntrack_tcp_timeout_close_wait'), ['seconds', '60', undefined, true]);
  const timeouts = { syn_sent: '120', syn_recv: '60', fin_wait: '120', last_ack: '30', time_wait: '120', close: '10', max_retrans: '300', unacknowledged: '300' };
  for (const [state, seconds] of Object.entries(timeouts)) assert.equal(SYSCTL_CATALOG.get(`net.netfilter.nf_conntrack_tcp_timeout_${state}`)!.defaultValue, seconds, state);
  assert.deepEqual(brief('net.netfilter.nf_conntrack_tcp_loose'), ['flag', '1', '0 or 1', true]);
  assert.deepEqual(brief('net.netfilter.nf_conntrack_tcp_be_liberal'), ['flag', '0', '0 or 1', true]);
  assert.deepEqual(brief('net.netfilter.nf_conntrack_max'), ['entries', 'derived from memory', undefined, false]);
  assert.deepEqual(brief('net.ipv4.vs.conn_reuse_mode'), ['mode', '1', undefined, true]);
  assert.deepEqual(brief('net.ipv4.vs.expire_nodest_conn'), ['flag', '0', undefined, true]);
  assert.deepEqual(brief('net.ipv4.vs.expire_quiescent_template'), ['flag', '0', undefined, true]);
});

test('multi-value and text keys say so in their unit; everything else takes one integer', () => {
  const notSingle = keys.filter((key) => !takesSingleInteger(SYSCTL_CATALOG.get(key)!)).map((key) => `${key}:${SYSCTL_CATALOG.get(key)!.unit}`);
  assert.deepEqual(notSingle.sort(), [
    'net.ipv4.tcp_allowed_congestion_control:list',
    'net.ipv4.tcp_available_congestion_control:list',
    'net.ipv4.tcp_available_ulp:list',
    'net.ipv4.tcp_congestion_control:string',
    'net.ipv4.tcp_fastopen_key:list',
    'net.ipv4.tcp_mem:triple',
    'net.ipv4.tcp_rmem:triple',
    'net.ipv4.tcp_wmem:triple',
    'net.ipv4.vs.est_cpulist:list',
    'net.ipv4.vs.sync_threshold:pair',
  ]);
});

test('read-only and node-wide keys are marked', () => {
  assert.deepEqual(keys.filter((key) => SYSCTL_CATALOG.get(key)!.readOnly).sort(), [
    'net.ipv4.tcp_available_congestion_control',
    'net.ipv4.tcp_available_ulp',
    'net.ipv4.tcp_ehash_entries',
    'net.netfilter.nf_conntrack_count',
  ]);
  assert.deepEqual(keys.filter((key) => !SYSCTL_CATALOG.get(key)!.perNamespace).sort(), [
    'net.ipv4.tcp_available_ulp',
    'net.ipv4.tcp_low_latency',
    'net.ipv4.tcp_max_orphans',
    'net.ipv4.tcp_mem',
    'net.netfilter.nf_conntrack_buckets',
    'net.netfilter.nf_conntrack_expect_max',
    'net.netfilter.nf_conntrack_max',
  ]);
});

test('every entry has a one-line meaning and a range in a form rangeBounds reads', () => {
  for (const info of SYSCTL_CATALOG.values()) {
    assert.ok(info.meaning.length > 10 && !info.meaning.includes('\n'), info.key);
    assert.ok(info.defaultValue.length > 0, info.key);
    if (info.range !== undefined) assert.notEqual(rangeBounds(info.range), undefined, `${info.key}: ${info.range}`);
  }
  assert.deepEqual(rangeBounds('0..255'), { min: 0, max: 255 });
  assert.deepEqual(rangeBounds('-31..31'), { min: -31, max: 31 });
  assert.deepEqual(rangeBounds('0 or 1'), { min: 0, max: 1 });
  assert.deepEqual(rangeBounds('≥ 1'), { min: 1 });
  assert.equal(rangeBounds(undefined), undefined);
  assert.equal(rangeBounds('any'), undefined);
});

test('sysctlFamilyOf needs a name after the prefix', () => {
  assert.equal(sysctlFamilyOf('net.ipv4.tcp_sack'), 'net.ipv4.tcp_');
  assert.equal(sysctlFamilyOf('net.ipv4.vs.conntrack'), 'net.ipv4.vs.');
  assert.equal(sysctlFamilyOf('net.netfilter.nf_conntrack_max'), 'net.netfilter.nf_conntrack_');
  assert.equal(sysctlFamilyOf('net.ipv4.tcp_'), undefined);
  assert.equal(sysctlFamilyOf('net.nf_conntrack_max'), undefined);
  assert.equal(sysctlFamilyOf('net.ipv4.ip_forward'), undefined);
});
