import { DiagnosticSeverity, type Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import { ruleDocsUrl } from '../core/rules/rule';
import type { Diagnostic, Severity } from '../core/types';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/**
 * What a diagnostic carries for code actions, never its message: the rule and the offset where
 * the finding starts. Clients send it back unchanged, whatever they do to ranges (Neovim 0.7
 * sends byte columns back).
 */
export interface DiagnosticData {
  readonly rule: string;
  readonly start: number;
}

/** Reads DiagnosticData back from what a client sent, if it is that. */
export function diagnosticData(data: unknown): DiagnosticData | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const { rule, start } = data as Record<string, unknown>;
  return typeof rule === 'string' && typeof start === 'number' ? { rule, start } : undefined;
}

/** A core diagnostic as the protocol publishes it; its file and related files are URIs. */
export function toLspDiagnostic(diagnostic: Diagnostic, startOffset: number): LspDiagnostic {
  const data: DiagnosticData = { rule: diagnostic.rule, start: startOffset };
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
