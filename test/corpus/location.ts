import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../helpers/runCli';

/** The variable that points the corpus tests at another copy of the corpus. */
export const CORPUS_VARIABLE = 'CONNLINT_CORPUS';

/**
 * The shared real-world corpus, read where it lies (never copied into the repository):
 * `CONNLINT_CORPUS` when set, else `shared/corpus` beside the repository.
 */
export function corpusRoot(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env[CORPUS_VARIABLE];
  return configured ? path.resolve(configured) : path.resolve(repoRoot, '..', 'shared', 'corpus');
}

/** Whether the tests run in continuous integration: `CI` set to anything but empty, `false` or `0`. */
export function runsInCi(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = env['CI'];
  return value !== undefined && value !== '' && value !== 'false' && value !== '0';
}

/**
 * Why a test over `folder` of the corpus cannot run: `missing` when the folder is absent, false
 * when it is there. In CI an absent folder throws instead, so the test fails rather than passing
 * without having looked at anything.
 */
export function skipWithoutCorpus(folder: string, missing: string, env: NodeJS.ProcessEnv = process.env): string | false {
  if (existsSync(folder)) return false;
  if (runsInCi(env)) {
    throw new Error(`${missing}. In CI (CI=${env['CI']}) the corpus tests must run, not skip: lay the corpus at ${corpusRoot(env)} (shared/corpus beside the repository) or set ${CORPUS_VARIABLE} to where it is.`);
  }
  return missing;
}
