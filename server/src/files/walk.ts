import { existsSync, readdirSync, readFileSync, type Dirent } from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';

/** Directories never walked into. */
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git']);

/** How far a walk goes: it stops, with a message, after this many accepted files or directory entries. */
export interface WalkLimits {
  readonly maxFiles: number;
  readonly maxEntries: number;
}

/** Directories listed between two yields to the event loop. */
const DIRECTORIES_PER_TURN = 64;

/** The limits of every walk: 20,000 files to read, 500,000 directory entries looked at. */
export const WALK_LIMITS: WalkLimits = { maxFiles: 20_000, maxEntries: 500_000 };

/** A `.gitignore` and the directory its patterns are relative to. */
interface IgnoreScope {
  readonly directory: string;
  readonly rules: Ignore;
}

/**
 * Lists the files below a directory that `accept` wants, skipping `node_modules`, `.git`, what
 * the `.gitignore` files of the repository ignore, and symbolic links to directories (which
 * could loop). Files come back as absolute paths, in a stable order. Past `limits` the walk
 * stops and says so through `onError`. Directories are listed synchronously (a promise per
 * directory costs more than the listing), yielding to the event loop every few dozen.
 */
export async function walk(root: string, accept: (file: string) => boolean, onError: (message: string) => void, limits: WalkLimits = WALK_LIMITS): Promise<string[]> {
  const found: string[] = [];
  let entriesSeen = 0;
  let listed = 0;
  let stopped = false;
  const stop = (what: string): void => {
    stopped = true;
    onError(`stopped walking ${root} after ${what}; the files after that are not linted (leave some out with exclude, or lint a subdirectory)`);
  };
  const visit = async (directory: string, scopes: readonly IgnoreScope[]): Promise<void> => {
    if (stopped) return;
    if (++listed % DIRECTORIES_PER_TURN === 0) await new Promise((resolve) => setImmediate(resolve));
    let entries: Dirent[];
    try {
      entries = readdirSync(directory, { withFileTypes: true });
    } catch (error) {
      onError(`cannot read directory ${directory}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
      return;
    }
    const own = entries.some((entry) => entry.name === '.gitignore') ? loadIgnore(directory) : undefined;
    const inScope = own === undefined ? scopes : [...scopes, own];
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (stopped) return;
      if (++entriesSeen > limits.maxEntries) return stop(`${limits.maxEntries} directory entries`);
      const full = path.join(directory, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(entry.name) && !isIgnored(inScope, full, true)) await visit(full, inScope);
      } else if ((entry.isFile() || entry.isSymbolicLink()) && accept(full) && !isIgnored(inScope, full, false)) {
        if (found.length >= limits.maxFiles) return stop(`${limits.maxFiles} files`);
        found.push(full);
      }
    }
  };
  await visit(root, ancestorScopes(root));
  return found;
}

/** The `.gitignore` files between the repository's top (the nearest `.git` above) and `root`. */
function ancestorScopes(root: string): IgnoreScope[] {
  const chain: string[] = [];
  for (let directory = path.dirname(root); ; directory = path.dirname(directory)) {
    chain.unshift(directory);
    if (existsSync(path.join(directory, '.git')) || path.dirname(directory) === directory) break;
  }
  if (!existsSync(path.join(chain[0]!, '.git'))) return [];
  return chain.map(loadIgnore).filter((scope): scope is IgnoreScope => scope !== undefined);
}

function loadIgnore(directory: string): IgnoreScope | undefined {
  let text: string;
  try {
    text = readFileSync(path.join(directory, '.gitignore'), 'utf8');
  } catch {
    return undefined;
  }
  // Case-sensitive, as git reads .gitignore on Linux (core.ignorecase false): `*.YAML` does not hide `a.yaml`.
  return { directory, rules: ignore({ ignorecase: false }).add(text) };
}

function isIgnored(scopes: readonly IgnoreScope[], full: string, isDirectory: boolean): boolean {
  return scopes.some((scope) => {
    const relative = path.relative(scope.directory, full).split(path.sep).join('/');
    return relative !== '' && !relative.startsWith('..') && scope.rules.ignores(isDirectory ? `${relative}/` : relative);
  });
}
