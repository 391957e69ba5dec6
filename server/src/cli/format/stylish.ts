import { pushTo } from '../../core/collections';
import { createColors } from 'picocolors';
import { countByLabel, type SkippedPart } from '../../core/skipped';
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

/** What the stylish report says besides the findings: how many files were checked, and what was left unread. */
export interface StylishOptions {
  readonly color: boolean;
  readonly filesChecked: number;
  /** Files of which nothing was read, each as its first part left unread. */
  readonly filesSkipped?: readonly SkippedPart[];
  /** Parts of files left unread, each shown in its file's group. */
  readonly skipped?: readonly SkippedPart[];
}

/** One row of a file's group: a finding, or a part left unread. */
interface Row {
  readonly place: string;
  readonly label: string;
  readonly severity: Severity | undefined;
  readonly message: string;
  readonly rule: string;
  readonly related: Diagnostic['related'];
  readonly line: number;
  readonly character: number;
}

/**
 * The human report, in the look of ESLint's `stylish`: findings grouped by file, one aligned
 * row each with its `line:column`, severity, message and rule, related places below; the parts
 * of files left unread (templates) as `skipped` rows among them; then a summary.
 * File names and messages are escaped (escapeControl): a row is always one line.
 */
export function formatStylish(diagnostics: readonly Diagnostic[], options: StylishOptions): string {
  const c = createColors(options.color);
  const severityColor = { error: c.red, warning: c.yellow, info: c.blue, hint: c.dim };
  const out: string[] = [];
  for (const [file, rows] of rowsByFile(diagnostics, options.skipped ?? [])) {
    const placeWidth = Math.max(...rows.map((row) => row.place.length));
    const labelWidth = Math.max(...rows.map((row) => row.label.length));
    out.push('', c.underline(escapeControl(file)));
    for (const row of rows) {
      const label = row.label.padEnd(labelWidth);
      const shown = row.severity === undefined ? c.dim(label) : severityColor[row.severity](label);
      out.push(`  ${c.dim(row.place.padStart(placeWidth))}  ${shown}  ${escapeControl(row.message)}${row.rule === '' ? '' : `  ${c.dim(row.rule)}`}`);
      for (const related of row.related) {
        const where = `${escapeControl(related.file)}:${related.range.start.line + 1}:${related.range.start.character + 1}`;
        out.push(`  ${' '.repeat(placeWidth)}  ${c.dim(`↳ ${where}  ${escapeControl(related.message)}`)}`);
      }
    }
  }
  out.push('', summary(tally(diagnostics), options, c), '');
  return out.join('\n');
}

/** The rows of each file, files sorted by name (as findings are) and rows by position. */
function rowsByFile(diagnostics: readonly Diagnostic[], skipped: readonly SkippedPart[]): Map<string, Row[]> {
  const byFile = new Map<string, Row[]>();
  const placeOf = (range: Diagnostic['range']) => ({ place: `${range.start.line + 1}:${range.start.character + 1}`, line: range.start.line, character: range.start.character });
  for (const d of diagnostics) pushTo(byFile, d.file, { ...placeOf(d.range), label: d.severity, severity: d.severity, message: d.message, rule: d.rule, related: d.related });
  for (const part of skipped) pushTo(byFile, part.file, { ...placeOf(part.range), label: 'skipped', severity: undefined, message: part.reason, rule: '', related: [] });
  for (const rows of byFile.values()) rows.sort((a, b) => a.line - b.line || a.character - b.character);
  return new Map([...byFile].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function summary(counts: Tally, options: StylishOptions, c: ReturnType<typeof createColors>): string {
  const files = `${plural(options.filesChecked, 'file')} checked${skippedFiles(options.filesSkipped ?? [])}`;
  const problems = counts.errors + counts.warnings + counts.infos;
  if (problems === 0) return c.green(`✔ No problems (${files})`);
  const parts = [plural(counts.errors, 'error'), plural(counts.warnings, 'warning'), ...(counts.infos > 0 ? [plural(counts.infos, 'info')] : [])];
  const text = `✖ ${plural(problems, 'problem')} (${parts.join(', ')}; ${files})`;
  return counts.errors > 0 ? c.bold(c.red(text)) : counts.warnings > 0 ? c.bold(c.yellow(text)) : c.bold(text);
}

/** `, 2 skipped: template` or `, 3 skipped: 1 Helm chart template, 2 template`; nothing when none was. */
function skippedFiles(filesSkipped: readonly SkippedPart[]): string {
  if (filesSkipped.length === 0) return '';
  const labels = Object.entries(countByLabel(filesSkipped));
  return `, ${filesSkipped.length} skipped: ${labels.length === 1 ? labels[0]![0] : labels.map(([label, count]) => `${count} ${label}`).join(', ')}`;
}
function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 || noun === 'info' ? '' : 's'}`;
}
