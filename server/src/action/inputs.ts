/** The severity from which findings fail the job, or `never`. */
export type FailOn = 'error' | 'warning' | 'info' | 'never';

const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'info', 'never'];

/** The action's inputs, as `action.yml` declares them, with their defaults applied. */
export interface ActionInputs {
  /** Files and directories to lint, relative to the workspace. */
  readonly paths: readonly string[];
  /** A settings file instead of the nearest `.connlint.yaml`. */
  readonly config: string | undefined;
  readonly failOn: FailOn;
  /** Where to write the SARIF report, if anywhere. */
  readonly sarif: string | undefined;
}

/** An input the action cannot use: reported as an error annotation, exit code 2. */
export class ActionInputError extends Error {}

/**
 * The value of an input as the runner passes it: `INPUT_` and the name upper-cased, spaces as
 * `_` and hyphens kept (`fail-on` is `INPUT_FAIL-ON`), trimmed; `undefined` when empty or unset.
 */
export function actionInput(env: Readonly<Record<string, string | undefined>>, name: string): string | undefined {
  const value = env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

/**
 * The paths of the `paths` input: one per line when it spans several lines (so a name may hold
 * spaces), else separated by spaces; `.` when empty.
 */
export function splitPaths(value: string | undefined): string[] {
  if (value === undefined) return ['.'];
  const lines = value.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '');
  return lines.length > 1 ? lines : value.split(/\s+/).filter((part) => part !== '');
}

/** Reads and checks the inputs. */
export function actionInputs(env: Readonly<Record<string, string | undefined>>): ActionInputs {
  const failOn = actionInput(env, 'fail-on') ?? 'error';
  if (!(FAIL_ON as readonly string[]).includes(failOn)) throw new ActionInputError(`fail-on must be error, warning, info or never, not "${failOn}"`);
  const paths = splitPaths(actionInput(env, 'paths'));
  if (paths.includes('-')) throw new ActionInputError('paths: "-" (standard input) cannot be used in the action; name files or directories');
  return { paths, config: actionInput(env, 'config'), failOn: failOn as FailOn, sarif: actionInput(env, 'sarif') };
}
