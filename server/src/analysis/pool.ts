import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { fromPortable, type AnalysisOptions, type AnalyzedFile, type PortableAnalysis } from '../core/analyze';
import type { DiskAnalysis } from './diskAnalysis';
import type { FileRead, FileToRead } from './fileAnalysis';

/** A batch of files for a worker to read and analyse: a language server's URIs (read with its options), or the command line's files. */
export type AnalysisJob = { readonly uris: readonly string[]; readonly options: AnalysisOptions } | { readonly files: readonly FileToRead[] };

/** A job with the number its answer carries. */
export type AnalysisRequest = AnalysisJob & { readonly id: number };

/** What a worker answers for one file: an analysis in its portable form, or why there is none. */
export type PortableResult = DiskAnalysis<PortableAnalysis> | FileRead<PortableAnalysis>;

/** A worker's answer to one request, in the request's order. */
export interface AnalysisReply {
  readonly id: number;
  readonly results: readonly PortableResult[];
}

/** The worker's script: beside this module, both in the compiled tree and in the bundles that ship one. */
export const WORKER_SCRIPT = path.join(__dirname, 'analysisWorker.js');

/**
 * A worker's young generation: parsing allocates many short-lived nodes, and a larger nursery
 * collects them in fewer scavenges.
 */
const YOUNG_GENERATION_MB = 48;

interface Pending {
  readonly resolve: (results: (DiskAnalysis | FileRead)[]) => void;
  readonly reject: (error: Error) => void;
}

/** One worker thread and the requests it has not answered yet. */
class PoolWorker {
  readonly pending = new Map<number, Pending>();
  alive = true;

  constructor(
    readonly worker: Worker,
    log: (message: string) => void,
  ) {
    worker.on('message', (reply: AnalysisReply) => {
      const pending = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      pending?.resolve(reply.results.map((result) => ('analyzed' in result ? { ...result, analyzed: fromPortable(result.analyzed) } : result)) as (DiskAnalysis | FileRead)[]);
    });
    worker.on('error', (error) => this.fail(`an analysis worker failed: ${error.stack ?? error.message}`, log));
    worker.on('exit', (code) => this.fail(`an analysis worker stopped (exit code ${code})`, log));
    // Standard output carries the protocol: whatever a worker prints goes to the log instead.
    for (const stream of [worker.stdout, worker.stderr]) stream.on('data', (chunk: Buffer) => log(`analysis worker: ${chunk.toString('utf8').trimEnd()}`));
  }

  private fail(message: string, log: (message: string) => void): void {
    if (!this.alive) return;
    this.alive = false;
    if (this.pending.size > 0) log(message);
    for (const pending of this.pending.values()) pending.reject(new Error(message));
    this.pending.clear();
  }
}

/**
 * Worker threads that read and analyse files from disk, so that a language server's scan of a
 * large workspace, or the command line's run over many files, parses YAML on other cores while
 * the main thread analyses files too and updates the model. Analyses come back in their portable
 * form (plain data) and are revived on arrival. A worker that fails fails only its pending
 * batches: the caller analyses those files itself.
 */
export class AnalysisPool {
  private nextId = 0;

  private constructor(private readonly workers: readonly PoolWorker[]) {}

  /**
   * Starts `size` workers running `script` (the analysis worker beside this module), or returns
   * undefined when none can start (the script is missing, say).
   */
  static start(size: number, log: (message: string) => void, script: string = WORKER_SCRIPT): AnalysisPool | undefined {
    if (!existsSync(script)) {
      log(`No analysis worker at ${script}: files are analysed on the server's thread.`);
      return undefined;
    }
    const workers: PoolWorker[] = [];
    try {
      for (let i = 0; i < size; i++) workers.push(new PoolWorker(new Worker(script, { stdout: true, stderr: true, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } }), log));
    } catch (error) {
      log(`Cannot start an analysis worker: ${(error as Error).message}`);
    }
    return workers.length === 0 ? undefined : new AnalysisPool(workers);
  }

  /** How many workers are alive. */
  get size(): number {
    return this.workers.filter((worker) => worker.alive).length;
  }

  /** Reads and analyses a batch of workspace files, named by URI, on the least busy worker; rejects when no worker can. */
  analyze(uris: readonly string[], options: AnalysisOptions = {}): Promise<DiskAnalysis<AnalyzedFile>[]> {
    return this.run({ uris, options }) as Promise<DiskAnalysis<AnalyzedFile>[]>;
  }

  /** Reads and analyses a batch of the command line's files on the least busy worker; rejects when no worker can. */
  analyzeFiles(files: readonly FileToRead[]): Promise<FileRead<AnalyzedFile>[]> {
    return this.run({ files }) as Promise<FileRead<AnalyzedFile>[]>;
  }

  private run(job: AnalysisJob): Promise<(DiskAnalysis | FileRead)[]> {
    const live = this.workers.filter((worker) => worker.alive);
    if (live.length === 0) return Promise.reject(new Error('no analysis worker is running'));
    const target = live.reduce((best, worker) => (worker.pending.size < best.pending.size ? worker : best));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      target.pending.set(id, { resolve, reject });
      target.worker.postMessage({ ...job, id } satisfies AnalysisRequest);
    });
  }

  /** Stops every worker: their memory goes back once the scan is over. */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.worker.terminate()));
  }
}
