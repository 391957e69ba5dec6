import type { Diagnostic, Location } from './types';

/**
 * A 53-bit hash of a list of diagnostics: everything an editor shows of them (rule, severity,
 * message, range, related locations and their messages), in order. It tells whether a file's
 * diagnostics changed without keeping the diagnostics themselves. Two 32-bit lanes, each
 * multiplied through every character, are mixed at the end into one number; two different
 * lists get the same one with a chance of about 2⁻⁵³.
 */
export function diagnosticsFingerprint(diagnostics: Iterable<Diagnostic>): number {
  const hash = new LaneHash();
  for (const diagnostic of diagnostics) {
    hash.text(diagnostic.rule).text(diagnostic.severity).text(diagnostic.message);
    hashLocation(hash, diagnostic);
    hash.number(diagnostic.related.length);
    for (const related of diagnostic.related) hashLocation(hash.text(related.message), related);
  }
  return hash.value();
}

function hashLocation(hash: LaneHash, location: Location): void {
  const { start, end } = location.range;
  hash.text(location.file).number(start.line).number(start.character).number(end.line).number(end.character);
}

/** The two lanes. A text ends with a code unit no text of a diagnostic holds, so that `ab`,`c` and `a`,`bc` differ. */
class LaneHash {
  private first = 0x9e3779b9;
  private second = 0x85ebca6b;

  text(value: string): this {
    for (let i = 0; i < value.length; i++) this.unit(value.charCodeAt(i));
    this.unit(0xffff);
    return this;
  }

  /** A non-negative integer below 2³² (a line, a column, a count). */
  number(value: number): this {
    this.unit(value & 0xffff);
    this.unit(value >>> 16);
    return this;
  }

  value(): number {
    let first = Math.imul(this.first ^ (this.first >>> 16), 0x85ebca6b) ^ Math.imul(this.second ^ (this.second >>> 13), 0xc2b2ae35);
    let second = Math.imul(this.second ^ (this.second >>> 16), 0x85ebca6b) ^ Math.imul(this.first ^ (this.first >>> 13), 0xc2b2ae35);
    first >>>= 0;
    second >>>= 0;
    return (second & 0x1fffff) * 0x100000000 + first;
  }

  private unit(code: number): void {
    this.first = Math.imul(this.first ^ code, 0x9e3779b1);
    this.second = Math.imul(this.second ^ code, 0x5bd1e995);
  }
}
