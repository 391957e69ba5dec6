// Small helpers shared by the benchmark's parts.
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');

/** The median of some samples. */
export function median(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Milliseconds for the table. */
export function ms(value) {
  if (value === undefined || Number.isNaN(value)) return 'n/a';
  return value >= 100 ? `${Math.round(value)} ms` : `${value.toFixed(1)} ms`;
}

/** How many times faster `ours` is than `theirs`. */
export function ratio(theirs, ours) {
  if (!(theirs > 0) || !(ours > 0)) return 'n/a';
  return `${(theirs / ours).toFixed(1)}×`;
}
