import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { escapeData } from '../cli/format/github';
import { runAction } from './run';

/** The nearest directory at or above `start` that holds action.yml: the action's checkout. */
function actionRoot(start: string): string {
  for (let directory = start; ; directory = path.dirname(directory)) {
    if (existsSync(path.join(directory, 'action.yml'))) return directory;
    if (path.dirname(directory) === directory) return path.resolve(start, '..', '..');
  }
}

runAction({ env: process.env, stdout: process.stdout, actionRoot: actionRoot(__dirname) })
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error: unknown) => {
    process.stdout.write(`::error::${escapeData(`connlint: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)}\n`);
    process.exitCode = 2;
  });
