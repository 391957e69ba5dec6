/** Reading and analysing a workspace file named by its URI: shared with the analysis workers. */
export { analyzeFromDisk, uriExists, type DiskAnalysis } from '../analysis/diskAnalysis';
