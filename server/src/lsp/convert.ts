import { DiagnosticSeverity, type Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import { ruleDocsUrl } from '../core/rules/rule';
import type { Diagnostic, Severity } from '../core/types';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** The data a diagnostic carries for code actions: never its message. */
export interface DiagnosticData {
  readonly rule: string;
}

/** A core diagnostic as the protocol publishes it; its file and related files are URIs. */
export function toLspDiagnostic(diagnostic: Diagnostic): LspDiagnostic {
  const data: DiagnosticData = { rule: diagnostic.rule };
  return {
    range: diagnostic.range,
    severity: SEVERITY[diagnostic.severity],
    source: 'connlint',
    code: diagnostic.rule,
    codeDescription: { href: ruleDocsUrl(diagnostic.rule) },
    message: diagnostic.message,
    ...(diagnostic.related.length > 0
      ? { relatedInformation: diagnostic.related.map((related) => ({ location: { uri: related.file, range: related.range }, message: related.message })) }
      : {}),
    data,
  };
}
