import { availableParallelism } from 'node:os';
import { URI } from 'vscode-uri';
import { fileRole, type AnalysisOptions } from '../core/analyze';
import { walk } from '../files/walk';
import { planFor } from '../analysis/parallel';
import { AnalysisPool } from './analysisPool';
import { analyzeFromDisk, type DiskAnalysis } from './diskAnalysis';

/** From this many files on (or a few large ones), a scan reads and analyses them on worker threads. */
const POOL_THRESHOLD = 200;

/** Analysis workers: the cores the server's own thread leaves, at most three. */
const POOL_SIZE = Math.min(3, Math.max(1, availableParallelism() - 1));

/** Takes in the analyses of one batch of files, in the batch's order. */
export type BatchTaker = (results: readonly DiskAnalysis[]) => void;

/** The relevant files (those with a role, not excluded) below a directory, as `file:` URIs. */
export async function relevantFilesBelow(directoryUri: string, isExcluded: (uri: string) => boolean, log: (message: string) => void): Promise<string[]> {
  const files = await walk(URI.parse(directoryUri).fsPath, (file) => fileRole(file) !== undefined && !isExcluded(URI.file(file).toString()), log);
  return files.map((file) => URI.file(file).toString());
}

/**
 * Reads and analyses files from disk with `options`, batch by batch: `begin` is called as a batch starts and
 * returns what takes in its results; `onBatch` reports progress between batches. Many files are
 * read and analysed on worker threads (AnalysisPool) as well as on this thread, which takes in
 * the results; a batch whose worker fails is done here.
 */
export async function analyseInBatches(
  uris: readonly string[],
  begin: (batch: readonly string[]) => BatchTaker,
  onBatch: (done: number, total: number) => void,
  log: (message: string) => void,
  options: AnalysisOptions = {},
): Promise<void> {
  const analyzeHere = (batch: readonly string[]): DiskAnalysis[] => batch.map((uri) => analyzeFromDisk(uri, options));
  const plan = planFor(uris.map((uri) => ({ location: URI.parse(uri).fsPath })), POOL_SIZE, POOL_THRESHOLD);
  const pool = plan.workers > 0 ? AnalysisPool.start(plan.workers, log) : undefined;
  let done = 0;
  const take = (batch: readonly string[], taker: BatchTaker, results: readonly DiskAnalysis[]): void => {
    taker(results);
    done += batch.length;
    onBatch(done, uris.length);
  };
  let failure: { readonly error: unknown } | undefined;
  try {
    const inFlight = new Set<Promise<void>>();
    for (let i = 0; i < uris.length; i += plan.batchSize) {
      const batch = uris.slice(i, i + plan.batchSize);
      const taker = begin(batch);
      // Two batches per worker keep every worker busy without queueing the whole workspace;
      // past that, this thread analyses the next batch itself and then takes in what came back.
      if (pool === undefined || inFlight.size >= 2 * pool.size) {
        take(batch, taker, analyzeHere(batch));
        await new Promise((resolve) => setImmediate(resolve));
        continue;
      }
      // Never rejected: a failure to take results in is kept and thrown once the batches are in.
      const analysed: Promise<void> = pool
        .analyze(batch, options)
        .catch(() => analyzeHere(batch))
        .then((results) => take(batch, taker, results))
        .catch((error: unknown) => void (failure ??= { error }))
        .finally(() => inFlight.delete(analysed));
      inFlight.add(analysed);
    }
    await Promise.all(inFlight);
  } finally {
    await pool?.close();
  }
  if (failure !== undefined) throw failure.error;
}
