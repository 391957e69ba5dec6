const UNIT_SECONDS: Record<string, number> = {
  ns: 1e-9,
  us: 1e-6,
  'µs': 1e-6,
  'μs': 1e-6,
  ms: 1e-3,
  s: 1,
  m: 60,
  h: 3600,
};

/**
 * Parses a Go duration (`24h0m0s`, `90m`, `1.5h`, `0`) into whole seconds, truncated as
 * kube-proxy does when it writes a sysctl; undefined when Go's time.ParseDuration would fail.
 */
export function parseGoDuration(text: string): number | undefined {
  const source = text.trim();
  const match = /^([-+]?)((?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+$/.exec(source);
  if (source === '0' || source === '+0' || source === '-0') return 0;
  if (match === null) return undefined;
  let seconds = 0;
  for (const part of source.matchAll(/(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/g)) {
    seconds += Number(part[1]) * UNIT_SECONDS[part[2]!]!;
  }
  return Math.trunc(match[1] === '-' ? -seconds : seconds);
}
