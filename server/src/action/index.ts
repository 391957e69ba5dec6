/** The GitHub Action as a module (`@connlint/server/action`): its inputs, file commands, job summary and verdict. */
export { outputCommand, workflowCommand } from './fileCommands';
export { actionInput, actionInputs, ActionInputError, splitPaths, type ActionInputs, type FailOn } from './inputs';
export { failsJob, runAction, stepOutputs, type ActionIo } from './run';
export { jobSummary, markdownCell, SUMMARY_FINDINGS_LIMIT } from './summary';
