/**
 * Entry point of an analysis worker thread (see AnalysisPool): reads and analyses the batches of
 * files it is sent and answers each with the analyses in their portable form.
 */
import { parentPort } from 'node:worker_threads';
import { toPortable } from '../core/analyze';
import { analyzeFromDisk } from './diskAnalysis';
import { readAndAnalyze } from './fileAnalysis';
import type { AnalysisReply, AnalysisRequest, PortableResult } from './pool';

const port = parentPort;
if (port === null) throw new Error('analysisWorker.js runs as a worker thread of Connlint');

port.on('message', (request: AnalysisRequest) => {
  const results: PortableResult[] =
    'uris' in request
      ? request.uris.map((uri) => {
          const result = analyzeFromDisk(uri, request.options);
          return 'analyzed' in result ? { uri, analyzed: toPortable(result.analyzed) } : result;
        })
      : request.files.map((file) => {
          const result = readAndAnalyze(file);
          return 'analyzed' in result ? { ...result, analyzed: toPortable(result.analyzed) } : result;
        });
  port.postMessage({ id: request.id, results } satisfies AnalysisReply);
});
