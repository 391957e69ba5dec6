import type { AnalyzedFile } from './analyze';

/**
 * `read` made once per analysis of a file, however often asked: an analysis never changes, and
 * what is read from it goes with it when the file is read again. For what several builds, fixes
 * or rules ask of the same file (a kustomization, a patch's deletions, whether it parses whole).
 */
export function perAnalysis<T>(read: (file: AnalyzedFile) => T): (file: AnalyzedFile) => T {
  const kept = new WeakMap<AnalyzedFile, { readonly value: T }>();
  return (file) => {
    let entry = kept.get(file);
    if (entry === undefined) kept.set(file, (entry = { value: read(file) }));
    return entry.value;
  };
}
