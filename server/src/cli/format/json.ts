import { countByLabel, type Coverage } from '../../core/skipped';
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
      line: diagnostic.range.start.line + 1,
      column: diagnostic.range.start.character + 1,
      endLine: diagnostic.range.end.line + 1,
      endColumn: diagnostic.range.end.character + 1,
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
      line: part.range.start.line + 1,
      column: part.range.start.character + 1,
      endLine: part.range.end.line + 1,
      endColumn: part.range.end.character + 1,
    })),
  };
}
