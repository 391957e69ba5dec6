const UNIT_NANOSECONDS: Record<string, bigint> = {
  ns: 1n,
  us: 1_000n,
  'µs': 1_000n,
  'μs': 1_000n,
  ms: 1_000_000n,
  s: 1_000_000_000n,
  m: 60_000_000_000n,
  h: 3_600_000_000_000n,
};

const DURATION = /^[-+]?(?:(?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+$/;
const PART = /(\d*)(?:\.(\d*))?(ns|us|µs|μs|ms|s|m|h)/g;

/**
 * Parses a Go duration (`24h0m0s`, `90m`, `1.5h`, `0`) into whole seconds, truncated as
 * kube-proxy does when it writes a sysctl; undefined when Go's time.ParseDuration would fail.
 * Works in integer nanoseconds, as Go does, so decimal fractions are exact.
 */
export function parseGoDuration(text: string): number | undefined {
  const source = text.trim();
  if (/^[-+]?0$/.test(source)) return 0;
  if (!DURATION.test(source)) return undefined;
  let nanoseconds = 0n;
  for (const [, whole, fraction, unit] of source.matchAll(PART)) {
    const scale = UNIT_NANOSECONDS[unit!]!;
    nanoseconds += BigInt(whole || '0') * scale;
    if (fraction) nanoseconds += (BigInt(fraction) * scale) / 10n ** BigInt(fraction.length);
  }
  const seconds = Number(nanoseconds / 1_000_000_000n);
  return source.startsWith('-') ? -seconds : seconds;
}
