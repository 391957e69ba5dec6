/** The analysis worker threads of the start-up scan: shared with the command line. */
export { AnalysisPool, type AnalysisJob, type AnalysisReply, type AnalysisRequest } from '../analysis/pool';
