import { existsSync } from 'node:fs';
import { URI } from 'vscode-uri';
import { analyzeFile, type AnalysisOptions, type AnalyzedFile } from '../core/analyze';
import { readTextFile } from '../files/read';

/** What reading a workspace file from disk and analysing it gave. */
export type DiskAnalysis<Analysis = AnalyzedFile> =
  | { readonly uri: string; readonly analyzed: Analysis }
  /** Not read, for a reason worth logging: over the size limit, binary, not a regular file. */
  | { readonly uri: string; readonly skipped: string }
  /** Not readable: the error code (`ENOENT` for a file deleted since it was listed). */
  | { readonly uri: string; readonly failed: string };

/** Whether the file a `file:` URI names exists: how the analysis recognises a Helm chart around a template. */
export function uriExists(uri: string): boolean {
  return existsSync(URI.parse(uri).fsPath);
}

/**
 * Reads a file of the workspace, named by its URI, and analyses it, synchronously: what the
 * analysis workers do for each file of a language server's scan, and the server itself when it
 * has no worker.
 */
export function analyzeFromDisk(uri: string, options: AnalysisOptions = {}): DiskAnalysis {
  try {
    const read = readTextFile(URI.parse(uri).fsPath);
    if ('skipped' in read) return { uri, skipped: read.skipped };
    return { uri, analyzed: analyzeFile(uri, read.text, { ...options, fileExists: uriExists }) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { uri, failed: code ?? (error instanceof Error ? error.message : String(error)) };
  }
}
