import { existsSync } from 'node:fs';
import { analyzeFile, type AnalyzedFile } from '../core/analyze';
import { readTextFile } from '../files/read';

/** A file the command line reads: where it is on disk, the name reports give it, and whether it was named explicitly. */
export interface FileToRead {
  readonly location: string;
  readonly name: string;
  readonly explicit: boolean;
}

/** What reading a file named on the command line (or found below a directory) and analysing it gave. */
export type FileRead<Analysis = AnalyzedFile> =
  | { readonly name: string; readonly analyzed: Analysis; readonly bom: boolean; readonly lossy: boolean }
  /** Not read, for a reason worth a warning: over the size limit, binary, not a regular file. */
  | { readonly name: string; readonly skipped: string }
  /** Not readable: the error's code (`ENOENT`, `EACCES`, …) and message. */
  | { readonly name: string; readonly failed: { readonly code: string | undefined; readonly message: string } };

/**
 * Reads a file and analyses it under its report name, synchronously: what the command line does
 * for each input file, on its own thread or on an analysis worker.
 */
export function readAndAnalyze(file: FileToRead): FileRead {
  try {
    const read = readTextFile(file.location);
    if ('skipped' in read) return { name: file.name, skipped: read.skipped };
    const analyzed = analyzeFile(file.name, read.text, { explicit: file.explicit, location: file.location, fileExists: existsSync });
    return { name: file.name, analyzed, bom: read.bom, lossy: read.lossy };
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    return { name: file.name, failed: { code, message: message ?? String(error) } };
  }
}
