import type { Diagnostic } from '../../core/types';
import { inertJson } from './escape';

/** Version of the JSON report; bumped only by an incompatible change. */
const JSON_REPORT_VERSION = 1;

/**
 * The JSON report other tools parse: 1-based lines and columns (UTF-16 code units), files
 * relative to the current directory with `/` separators, sorted by file, line and column.
 * Values are as found; the text has no raw control character (inertJson).
 */
export function formatJson(diagnostics: readonly Diagnostic[]): string {
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
  };
  return inertJson(report);
}
