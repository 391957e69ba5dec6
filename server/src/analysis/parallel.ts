import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { readAndAnalyze, type FileRead, type FileToRead } from './fileAnalysis';
import { AnalysisPool, WORKER_SCRIPT } from './pool';

/** From this many files on, the analysis workers start: below, starting them costs more than it saves. */
const MANY_FILES = 32;
/** Or from this many bytes in all, for a few large files. */
const MANY_BYTES = 2 * 1024 * 1024;
/** Files to a batch at most: one message to a worker, or one turn of the main thread. */
const MAX_BATCH = 50;
/** Batches a worker holds at a time: enough that it never waits while the main thread analyses a batch of its own. */
const BATCHES_PER_WORKER = 4;
/** One worker per core beyond the first (the main thread analyses too), at most three. */
const WORKERS = Math.min(3, availableParallelism() - 1);

/** How the files are shared out: the workers to start (none: all on this thread) and the files per batch. */
export interface ParallelPlan {
  readonly workers: number;
  readonly batchSize: number;
}

/**
 * The plan for a set of files: `workers` workers for many files (`manyFiles`) or many bytes (a
 * few large files), batches small enough to keep every thread busy to the end.
 */
export function planFor(files: readonly { readonly location: string }[], workers = WORKERS, manyFiles = MANY_FILES): ParallelPlan {
  const worthIt = workers > 0 && files.length > 1 && (files.length >= manyFiles || totalBytes(files, MANY_BYTES) >= MANY_BYTES);
  const threads = worthIt ? workers + 1 : 1;
  return { workers: worthIt ? workers : 0, batchSize: Math.max(1, Math.min(MAX_BATCH, Math.ceil(files.length / (32 * threads)))) };
}

/**
 * Reads and analyses files on this thread and on analysis workers, batch by batch, and returns
 * the results in the files' order, as `files.map(readAndAnalyze)` would. Each worker keeps a few
 * batches in hand; this thread analyses the next batch itself in the meantime. A batch whose
 * worker fails is analysed here; the workers end with the run.
 */
export async function readAndAnalyzeAll(files: readonly FileToRead[], log: (message: string) => void, plan = planFor(files)): Promise<FileRead[]> {
  // A bundle without a worker script beside it (the GitHub Action's) analyses on this thread.
  const pool = plan.workers > 0 && existsSync(WORKER_SCRIPT) ? AnalysisPool.start(plan.workers, log) : undefined;
  const results: FileRead[][] = [];
  // A worker holds a few batches at most, and never more than its share: with a few large files, this thread takes its own.
  const batches = Math.ceil(files.length / plan.batchSize);
  const held = pool === undefined ? 0 : Math.min(BATCHES_PER_WORKER, Math.ceil(batches / (pool.size + 1))) * pool.size;
  try {
    const inFlight = new Set<Promise<void>>();
    for (let first = 0, index = 0; first < files.length; first += plan.batchSize, index++) {
      const batch = files.slice(first, first + plan.batchSize);
      const at = index;
      if (pool === undefined || pool.size === 0 || inFlight.size >= held) {
        results[at] = batch.map(readAndAnalyze);
        if (pool !== undefined) await new Promise((resolve) => setImmediate(resolve));
        continue;
      }
      const analysed: Promise<void> = pool
        .analyzeFiles(batch)
        .catch(() => batch.map(readAndAnalyze))
        .then((read) => void (results[at] = read))
        .finally(() => inFlight.delete(analysed));
      inFlight.add(analysed);
    }
    await Promise.all(inFlight);
  } finally {
    await pool?.close();
  }
  return results.flat();
}

/** The files' sizes on disk added up, stopping once `enough` is reached. */
function totalBytes(files: readonly { readonly location: string }[], enough: number): number {
  let total = 0;
  for (const file of files) {
    try {
      total += statSync(file.location).size;
    } catch {
      // A file that cannot be read is reported when it is read.
    }
    if (total >= enough) break;
  }
  return total;
}
