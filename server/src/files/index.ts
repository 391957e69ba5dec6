/** Reading the workspace from disk (`@connlint/server/files`): the directory walk and text decoding. */
export { walk, WALK_LIMITS, type WalkLimits } from './walk';
export { readTextFile, decode, type ReadText } from './read';
export { replaceFiles } from './write';
export { readAndAnalyze, type FileRead, type FileToRead } from '../analysis/fileAnalysis';
export { readAndAnalyzeAll, planFor, type ParallelPlan } from '../analysis/parallel';
