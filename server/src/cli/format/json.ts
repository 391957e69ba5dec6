import { countByLabel, type Coverage } from '../../core/skipped';
import type { Range } from '../../core/text';
import type { Diagnostic } from '../../core/types';
import { inertJson } from './escape';

/** Version of the JSON report; bumped only by an incompatible change. */
const JSON_REPORT_VERSION = 1;

/**
 * The JSON report other tools parse: 1-based lines and columns (UTF-16 code units), files
 * relative to the current directory with `/` separators, sorted by file, line and column.
 * Values are as found; the text has no raw control character (inertJson). When a part of a
 * file was left unread (a template document), `skipped` lists each, placed where its template
 * syntax stands, with the reason, and `files` counts the files checked and those left wholly
 * unread (per kind); a report without them read everything.
 */
export function formatJson(diagnostics: readonly Diagnostic[], coverage: Coverage): string {
  const report = {
    version: JSON_REPORT_VERSION,
    diagnostics: diagnostics.map((diagnostic) => ({
      file: diagnostic.file,
      rule: diagnostic.rule,
      severity: diagnostic.severity,
      message: diagnostic.message,
      ...oneBased(diagnostic.range),
      related: diagnostic.related.map((related) => ({
        file: related.file,
        line: related.range.start.line + 1,
        column: related.range.start.character + 1,
        message: related.message,
      })),
    })),
    ...(coverage.skipped.length === 0 ? {} : skippedReport(coverage)),
  };
  return inertJson(report);
}

function skippedReport(coverage: Coverage) {
  return {
    files: { checked: coverage.filesChecked, skipped: countByLabel(coverage.filesSkipped) },
    skipped: coverage.skipped.map((part) => ({
      file: part.file,
      kind: part.label,
      reason: part.reason,
      ...oneBased(part.range),
    })),
  };
}

/** A range as the report writes it: 1-based lines and columns. */
function oneBased(range: Range): { line: number; column: number; endLine: number; endColumn: number } {
  return { line: range.start.line + 1, column: range.start.character + 1, endLine: range.end.line + 1, endColumn: range.end.character + 1 };
}
