/**
 * Entry point of an analysis worker thread (see AnalysisPool): reads and analyses the batches of
 * files it is sent and answers each with the analyses in their portable form.
 */
import { parentPort } from 'node:worker_threads';
import { toPortable } from '../core/analyze';
import { analyzeFromDisk } from './diskAnalysis';
import type { AnalysisReply, AnalysisRequest } from './analysisPool';

const port = parentPort;
if (port === null) throw new Error('analysisWorker.js runs as a worker thread of the language server');

port.on('message', (request: AnalysisRequest) => {
  const results = request.uris.map((uri) => {
    const result = analyzeFromDisk(uri);
    return 'analyzed' in result ? { uri, analyzed: toPortable(result.analyzed) } : result;
  });
  port.postMessage({ id: request.id, results } satisfies AnalysisReply);
});
