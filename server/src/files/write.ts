import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, lstat, open, readFile, realpath, rename, stat, unlink } from 'node:fs/promises';
import * as path from 'node:path';

/** A file to replace: where it is, the bytes it had when read, and its new bytes. */
export interface FileReplacement {
  /** The absolute path it was read from. */
  readonly path: string;
  readonly before: Buffer;
  readonly after: Buffer;
}

/** What became of one replacement: written, skipped for a reason, or failed with an I/O error. */
export type ReplacementOutcome =
  | { readonly path: string; readonly written: true }
  | { readonly path: string; readonly skipped: string }
  | { readonly path: string; readonly failed: string };

/** Where writes may land, and how many files are written at once. */
export interface WritePolicy {
  /** The directories (and files) that were linted, as given: a file whose real path is outside all of them is not written. */
  readonly roots: readonly string[];
  readonly concurrency?: number;
  /** The file system calls that write, replaceable in tests (to fail with EMFILE, say). */
  readonly io?: Partial<WriteIo>;
}

/** The calls a replacement makes to write: open the temporary file, rename it over the file. */
export interface WriteIo {
  readonly open: typeof open;
  readonly rename: typeof rename;
}

const DEFAULT_CONCURRENCY = 8;

/**
 * Replaces files, each on its own: an error on one (permission denied, EMFILE, a full disk) is
 * that file's outcome, and the others are still written. A file is written only when its real
 * path (symbolic links resolved) lies inside a root, and when its bytes on disk are still those
 * it was read with; the new content goes to a temporary file beside it, with its mode, which is
 * then renamed over it, so a reader sees the old file or the new one, never half of one. At most
 * `concurrency` files are open for writing at a time.
 */
export async function replaceFiles(replacements: readonly FileReplacement[], policy: WritePolicy): Promise<ReplacementOutcome[]> {
  const roots = await Promise.all(policy.roots.map((root) => realpath(root).catch(() => path.resolve(root))));
  const io: WriteIo = { open, rename, ...policy.io };
  const outcomes: ReplacementOutcome[] = new Array(replacements.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < replacements.length) {
      const index = next++;
      outcomes[index] = await replaceFile(replacements[index]!, roots, io).catch((error: NodeJS.ErrnoException) => ({ path: replacements[index]!.path, failed: describeWriteError(error) }));
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(policy.concurrency ?? DEFAULT_CONCURRENCY, replacements.length)) }, worker));
  return outcomes;
}

async function replaceFile(replacement: FileReplacement, roots: readonly string[], io: WriteIo): Promise<ReplacementOutcome> {
  const target = await realpath(replacement.path);
  if (!roots.some((root) => isInside(target, root))) {
    const link = (await lstat(replacement.path)).isSymbolicLink();
    return { path: replacement.path, skipped: `${link ? 'a symbolic link to' : 'its real path is'} ${target}, outside the paths being linted` };
  }
  const info = await stat(target);
  if (!info.isFile()) return { path: replacement.path, skipped: 'no longer a regular file' };
  // A file its owner made read-only stays so: renaming over it would not ask.
  await access(target, constants.W_OK);
  if (!(await readFile(target)).equals(replacement.before)) return { path: replacement.path, skipped: 'it changed on disk after it was read; run connlint --fix again' };
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.connlint-${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await io.open(temporary, 'wx', info.mode & 0o7777);
    try {
      await handle.writeFile(replacement.after);
      await handle.chmod(info.mode & 0o7777);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await io.rename(temporary, target);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
  return { path: replacement.path, written: true };
}

function isInside(file: string, root: string): boolean {
  const relative = path.relative(root, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** An I/O error in a few words, for a report line. */
export function describeWriteError(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'read-only file system';
    case 'ENOSPC':
      return 'no space left on the device';
    case 'EMFILE':
    case 'ENFILE':
      return 'too many open files';
    case 'ENOENT':
      return 'it was deleted after it was read';
    default:
      return error.code ?? error.message;
  }
}
