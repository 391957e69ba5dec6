import { createColors } from 'picocolors';
import type { Diagnostic, Severity } from '../../core/types';
import { escapeControl } from './escape';

/** Counts by severity, for the summary line and the exit code. */
interface Tally {
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
}

export function tally(diagnostics: readonly Diagnostic[]): Tally {
  const count = (severity: Severity): number => diagnostics.filter((diagnostic) => diagnostic.severity === severity).length;
  return { errors: count('error'), warnings: count('warning'), infos: count('info') + count('hint') };
}

/**
 * The human report, in the look of ESLint's `stylish`: findings grouped by file, one aligned
 * row each with its `line:column`, severity, message and rule, related places below, then a summary.
 * File names and messages are escaped (escapeControl): a row is always one line.
 */
export function formatStylish(diagnostics: readonly Diagnostic[], options: { color: boolean; filesChecked: number }): string {
  const c = createColors(options.color);
  const severityColor = { error: c.red, warning: c.yellow, info: c.blue, hint: c.dim };
  const out: string[] = [];
  const byFile = new Map<string, Diagnostic[]>();
  for (const diagnostic of diagnostics) byFile.set(diagnostic.file, [...(byFile.get(diagnostic.file) ?? []), diagnostic]);
  for (const [file, fileDiagnostics] of byFile) {
    const rows = fileDiagnostics.map((d) => ({
      place: `${d.range.start.line + 1}:${d.range.start.character + 1}`,
      severity: d.severity,
      diagnostic: d,
    }));
    const placeWidth = Math.max(...rows.map((row) => row.place.length));
    const severityWidth = Math.max(...rows.map((row) => row.severity.length));
    out.push('', c.underline(escapeControl(file)));
    for (const row of rows) {
      const severity = severityColor[row.severity](row.severity.padEnd(severityWidth));
      out.push(`  ${c.dim(row.place.padStart(placeWidth))}  ${severity}  ${escapeControl(row.diagnostic.message)}  ${c.dim(row.diagnostic.rule)}`);
      for (const related of row.diagnostic.related) {
        const where = `${escapeControl(related.file)}:${related.range.start.line + 1}:${related.range.start.character + 1}`;
        out.push(`  ${' '.repeat(placeWidth)}  ${c.dim(`↳ ${where}  ${escapeControl(related.message)}`)}`);
      }
    }
  }
  out.push('', summary(tally(diagnostics), options.filesChecked, c), '');
  return out.join('\n');
}

function summary(counts: Tally, filesChecked: number, c: ReturnType<typeof createColors>): string {
  const files = `${filesChecked} file${filesChecked === 1 ? '' : 's'} checked`;
  const problems = counts.errors + counts.warnings + counts.infos;
  if (problems === 0) return c.green(`✔ No problems (${files})`);
  const parts = [plural(counts.errors, 'error'), plural(counts.warnings, 'warning'), ...(counts.infos > 0 ? [plural(counts.infos, 'info')] : [])];
  const text = `✖ ${plural(problems, 'problem')} (${parts.join(', ')}; ${files})`;
  return counts.errors > 0 ? c.bold(c.red(text)) : counts.warnings > 0 ? c.bold(c.yellow(text)) : c.bold(text);
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 || noun === 'info' ? '' : 's'}`;
}
