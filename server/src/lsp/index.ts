/** The language server as a module (`@connlint/server/lsp`): how it converts diagnostics and reads files from disk. */
export { toLspDiagnostic, diagnosticData, type DiagnosticData } from './convert';
export { AnalysisPool, type AnalysisReply, type AnalysisRequest } from './analysisPool';
export { analyzeFromDisk, uriExists, type DiskAnalysis } from './diskAnalysis';
export { startInProcess, type InProcessServer } from './transport';
export { MAX_PENDING_MESSAGES } from './output';
export { MODEL_CHANGED_NOTIFICATION } from './modelChanges';
export { codeActions, linkFileReferences } from './features';
export { WorkspaceIndex } from './workspaceIndex';
export { MAX_INDEXED_TEXT } from './textBudget';
