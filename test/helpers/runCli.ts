import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

/** What a run of the command-line tool produced. */
export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface CliRun {
  /** Working directory of the process (default: the repository root). */
  readonly cwd?: string;
  /** Text piped to standard input; without it standard input is empty. */
  readonly stdin?: string;
  /**
   * Extra environment. Colour variables of the calling environment are dropped and `NO_COLOR=1`
   * is set unless `env` names `NO_COLOR` or `FORCE_COLOR`; a variable set to `undefined` is removed.
   */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** The repository's root: the nearest directory above this file whose package.json is named "connlint". */
export const repoRoot: string = findRepoRoot(__dirname);

/** The built command-line entry point. */
export const cliPath: string = path.join(repoRoot, 'server', 'bin', 'connlint.js');

/** The folder of the command-line fixtures (source tree, not the build output). */
export const cliFixtures: string = path.join(repoRoot, 'test', 'fixtures', 'cli');

/** Runs `connlint args…` in a child process and waits for it. */
export function runCli(args: readonly string[], run: CliRun = {}): CliResult {
  const result = spawnSync(process.execPath, [cliPath, ...args], {
    cwd: run.cwd ?? repoRoot,
    input: run.stdin ?? '',
    env: cliEnv(run.env ?? {}),
    encoding: 'utf8',
    timeout: 30_000,
  });
  if (result.error !== undefined) throw result.error;
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function cliEnv(extra: Readonly<Record<string, string | undefined>>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ['NO_COLOR', 'FORCE_COLOR', 'NODE_TEST_CONTEXT', 'NODE_OPTIONS']) delete env[name];
  if (!('NO_COLOR' in extra) && !('FORCE_COLOR' in extra)) env['NO_COLOR'] = '1';
  for (const [name, value] of Object.entries(extra)) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return env;
}

function findRepoRoot(start: string): string {
  for (let directory = start; ; directory = path.dirname(directory)) {
    const manifest = path.join(directory, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'connlint') return directory;
    if (path.dirname(directory) === directory) throw new Error(`no package.json named "connlint" above ${start}`);
  }
}

/**
 * Makes fresh copies of fixture folders (with extra or replaced files) in a scratch directory
 * outside the repository, removed when `after` runs.
 */
export function fixtureCopier(prefix: string, after: (cleanUp: () => void) => void): (fixture: string, files?: Readonly<Record<string, string>>) => string {
  const scratch = mkdtempSync(path.join(tmpdir(), prefix));
  after(() => rmSync(scratch, { recursive: true, force: true }));
  let copies = 0;
  return (fixture, files = {}) => {
    const root = path.join(scratch, `${fixture}-${++copies}`);
    cpSync(path.join(cliFixtures, fixture), root, { recursive: true });
    for (const [file, text] of Object.entries(files)) writeFileSync(path.join(root, file), text);
    return root;
  };
}
