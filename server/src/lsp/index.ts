/** The language server as a module (`@connlint/server/lsp`): how it converts diagnostics and reads files from disk. */
export { toLspDiagnostic, diagnosticData, type DiagnosticData } from './convert';
export { AnalysisPool, type AnalysisReply, type AnalysisRequest } from './analysisPool';
export { analyzeFromDisk, uriExists, type DiskAnalysis } from './diskAnalysis';
