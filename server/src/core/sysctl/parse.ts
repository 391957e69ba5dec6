import { indexWithin, type Span } from '../text';

/** One `key = value` line of a sysctl file. */
export interface SysctlAssignment {
  /** The key with `.` separators and without a leading `-`, as sysctl(8) normalises it. */
  readonly key: string;
  /** The value as written, trimmed (sysctl files have no inline comments). */
  readonly value: string;
  readonly keySpan: Span;
  readonly valueSpan: Span;
  /** The line's content, from the first to the last non-blank character. */
  readonly lineSpan: Span;
  /** 0-based line number. */
  readonly line: number;
  /** A leading `-`: systemd ignores a failure to set this key. */
  readonly ignoreFailure: boolean;
  /** The key holds `*` or `?`: sysctl applies it to every matching key. */
  readonly isGlob: boolean;
}

/** A line sysctl would reject or skip, with the reason. */
interface SysctlProblem {
  readonly span: Span;
  readonly message: string;
}

/** The parsed content of a sysctl file. */
export interface ParsedSysctl {
  readonly assignments: readonly SysctlAssignment[];
  readonly problems: readonly SysctlProblem[];
}

/**
 * Parses a sysctl.conf / sysctl.d file as procps and systemd read it: one assignment per
 * line, `#` and `;` comment lines, whitespace trimmed around key, `=` and value; a `-key` line
 * (a glob exclusion) is valid and assigns nothing.
 */
export function parseSysctl(text: string): ParsedSysctl {
  const assignments: SysctlAssignment[] = [];
  const problems: SysctlProblem[] = [];
  let line = 0;
  for (let start = 0; start <= text.length; line++) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    parseLine(text, start, end, line, assignments, problems);
    if (newline === -1) break;
    start = newline + 1;
  }
  return { assignments, problems };
}

function parseLine(
  text: string,
  lineStart: number,
  lineEnd: number,
  line: number,
  assignments: SysctlAssignment[],
  problems: SysctlProblem[],
): void {
  const [start, end] = trimSpan(text, lineStart, lineEnd);
  if (start === end) return;
  const first = text[start];
  if (first === '#' || first === ';') return;
  const lineSpan = { start, end };
  const equals = indexWithin(text, '=', start, end);
  if (equals === -1) {
    // `-key` alone excludes the key from the globs of other lines (procps parse_setting_line, sysctl.d(5)).
    if (first === '-' && /^-\s*[^\s=]+$/.test(text.slice(start, end))) return;
    problems.push({ span: lineSpan, message: 'This line is not a `key = value` assignment; sysctl ignores it.' });
    return;
  }
  const ignoreFailure = first === '-';
  const [keyStart, keyEnd] = trimSpan(text, ignoreFailure ? start + 1 : start, equals);
  const [valueStart, valueEnd] = trimSpan(text, equals + 1, end);
  if (keyStart === keyEnd) {
    problems.push({ span: lineSpan, message: 'This assignment has no key.' });
    return;
  }
  const rawKey = text.slice(keyStart, keyEnd);
  const value = text.slice(valueStart, valueEnd);
  const valueSpan = { start: valueStart, end: valueEnd };
  if (value === '') {
    problems.push({ span: { start: keyStart, end: keyEnd }, message: `${rawKey} has an empty value; the kernel rejects it.` });
    return;
  }
  if (isQuoted(value)) {
    problems.push({
      span: valueSpan,
      message: `The value of ${rawKey} is quoted; sysctl files take no quotes and the kernel rejects ${value}.`,
    });
    return;
  }
  assignments.push({
    key: normaliseSysctlKey(rawKey),
    value,
    keySpan: { start: keyStart, end: keyEnd },
    valueSpan,
    lineSpan,
    line,
    ignoreFailure,
    isGlob: /[*?[]/.test(rawKey),
  });
}

/**
 * Normalises a key as sysctl(8) does: when its first separator is `/`, slashes become dots and
 * dots become slashes (`net/ipv4/conf/eth0.100/rp_filter` → `net.ipv4.conf.eth0/100.rp_filter`).
 */
export function normaliseSysctlKey(key: string): string {
  const slash = key.indexOf('/');
  const dot = key.indexOf('.');
  if (slash === -1 || (dot !== -1 && dot < slash)) return key;
  return key.replace(/[./]/g, (separator) => (separator === '/' ? '.' : '/'));
}

function isQuoted(value: string): boolean {
  const first = value[0];
  return (first === '"' || first === "'") && value.length >= 2 && value[value.length - 1] === first;
}

function trimSpan(text: string, start: number, end: number): [number, number] {
  while (start < end && isBlank(text.charCodeAt(start))) start++;
  while (end > start && isBlank(text.charCodeAt(end - 1))) end--;
  return [start, end];
}

function isBlank(code: number): boolean {
  return code === 32 || code === 9 || code === 13 || code === 11 || code === 12;
}
