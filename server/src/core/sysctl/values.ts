import { KEEPALIVE_TIME_KEY } from '../model/effective';
import { SYSCTL_CATALOG, rangeBounds, takesSingleInteger } from './catalog';

/** Keys the kernel accepts at or below zero, where such a value changes how keepalive probes (time and interval). */
const POSITIVE_KEYS: ReadonlySet<string> = new Set([KEEPALIVE_TIME_KEY, 'net.ipv4.tcp_keepalive_intvl']);

/** Ranges the kernel enforces only from a release on: tcp_keepalive_probes became a u8 in Linux 5.13; older kernels take any int. */
const RANGE_SINCE: Readonly<Record<string, string>> = { 'net.ipv4.tcp_keepalive_probes': 'Linux 5.13' };

/** What is wrong with a value of a known integer key. */
export type ValueProblem =
  | { readonly kind: 'comment'; readonly kept: string; readonly comment: string; readonly accepted: boolean }
  | { readonly kind: 'not-integer' }
  | { readonly kind: 'extra-fields'; readonly first: number; readonly rest: string }
  | { readonly kind: 'range'; readonly value: number; readonly range: string; readonly since: string | undefined }
  | { readonly kind: 'not-positive'; readonly value: number };

/**
 * An integer as the kernel's proc handlers read it: an optional minus, then decimal, `0x` hex or
 * `0`-prefixed octal (strtoul with base 0); a `+` sign is rejected [measured].
 */
export function kernelInteger(text: string): number | undefined {
  const match = /^(-?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9]\d*)$/.exec(text);
  if (match === null) return undefined;
  const digits = match[2]!;
  const magnitude = /^0[xX]/.test(digits) ? parseInt(digits.slice(2), 16) : digits.length > 1 && digits.startsWith('0') ? parseInt(digits, 8) : Number(digits);
  return match[1] === '-' ? -magnitude : magnitude;
}

/** Fields of the catalog's multi-integer units. */
const FIELDS: Readonly<Record<string, number>> = { pair: 2, triple: 3 };

/** How many integers a known key takes: 1, or 2 or 3 for its multi-field keys; undefined for text and unknown keys (not checked). */
export function integerFields(key: string): number | undefined {
  const info = SYSCTL_CATALOG.get(key);
  if (info === undefined) return undefined;
  return takesSingleInteger(info) ? 1 : FIELDS[info.unit];
}

/** Whether a value lies within a catalog range (`0..255`, `0 or 1`, `≥ 1`); true when the range has no bounds. */
function admits(range: string, value: number): boolean {
  const bounds = rangeBounds(range);
  return bounds === undefined || ((bounds.min === undefined || value >= bounds.min) && (bounds.max === undefined || value <= bounds.max));
}

/**
 * The integer the kernel sets from a value of a single-integer key, or undefined when it rejects
 * the value: it reads one integer, stops at a blank and ignores the rest [measured].
 */
function kernelReading(key: string, value: string): number | undefined {
  const first = kernelInteger(value.trim().split(/\s+/)[0] ?? '');
  const range = SYSCTL_CATALOG.get(key)?.range;
  if (first === undefined || (range !== undefined && !admits(range, first))) return undefined;
  return first;
}

/** Whether the kernel accepts this value for the key; true for keys Connlint cannot judge. */
export function kernelAccepts(key: string, value: string): boolean {
  const fields = integerFields(key);
  if (fields === undefined) return true;
  if (fields > 1) return value.trim().split(/\s+/).every((field) => kernelInteger(field) !== undefined);
  return kernelReading(key, value) !== undefined;
}

/** The problem of a value of a known integer key, or undefined when it is fine or the key is not checked. */
export function valueProblem(key: string, value: string): ValueProblem | undefined {
  const fields = integerFields(key);
  if (fields === undefined) return undefined;
  const comment = /[#;]/.exec(value);
  if (comment !== null) {
    return { kind: 'comment', kept: value.slice(0, comment.index).trim(), comment: value.slice(comment.index), accepted: kernelAccepts(key, value) };
  }
  const parts = value.trim().split(/\s+/);
  if (fields > 1) return parts.every((field) => kernelInteger(field) !== undefined) ? undefined : { kind: 'not-integer' };
  const first = kernelInteger(parts[0] ?? '');
  if (first === undefined) return { kind: 'not-integer' };
  const range = SYSCTL_CATALOG.get(key)?.range;
  if (range !== undefined && !admits(range, first)) return { kind: 'range', value: first, range, since: RANGE_SINCE[key] };
  if (parts.length > 1) return { kind: 'extra-fields', first, rest: parts.slice(1).join(' ') };
  if (POSITIVE_KEYS.has(key) && first <= 0) return { kind: 'not-positive', value: first };
  return undefined;
}
