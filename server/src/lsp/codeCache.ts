import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { Script } from 'node:vm';

const PREFIX = 'server-';

/**
 * Runs the bundled language server `bundle` as a CommonJS module, through V8's code cache when
 * `cacheDirectory` (an absolute path) is given. Compiling the bundle, and the functions the first
 * analysis runs, is a fifth of a cold start; with the cache, V8 reads their bytecode instead. The
 * cache is written when the server exits, if it was missing or V8 rejected it (another Node.js or
 * V8, another bundle: its name holds a hash of both, and V8 checks them again), and replaces the
 * caches of other builds. Cached bytecode is code the server runs: the directory must be the
 * user's own (VS Code's client gives the extension's global storage). Without a directory, or
 * when anything about the cache fails, the bundle is compiled as usual.
 */
export function runBundle(bundle: string, cacheDirectory: string | undefined): void {
  const source = readFileSync(bundle, 'utf8');
  const cacheFile = cacheFileFor(cacheDirectory, source);
  const cachedData = cacheFile === undefined ? undefined : readIfPresent(cacheFile);
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: bundle, ...(cachedData === undefined ? {} : { cachedData }) });
  if (cacheFile !== undefined && (cachedData === undefined || script.cachedDataRejected === true)) process.once('exit', () => writeCache(script, cacheFile));
  const bundleModule = { exports: {} };
  (script.runInThisContext() as (...args: unknown[]) => void)(bundleModule.exports, createRequire(bundle), bundleModule, bundle, path.dirname(bundle));
}

/** The cache's file in `directory`, named for the bundle and the runtime that compiles it. */
function cacheFileFor(directory: string | undefined, bundle: string): string | undefined {
  if (directory === undefined || directory === '' || !path.isAbsolute(directory)) return undefined;
  const key = createHash('sha256').update(`${process.version} ${process.arch} ${process.versions.v8}\n`).update(bundle).digest('hex').slice(0, 16);
  return path.join(directory, `${PREFIX}${key}.cache`);
}

function readIfPresent(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Writes the code V8 has compiled so far, replacing the caches of other bundles and runtimes; a failure leaves no file behind. */
function writeCache(compiled: Script, file: string): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(temporary, compiled.createCachedData());
    renameSync(temporary, file);
    for (const name of readdirSync(path.dirname(file))) {
      if (name.startsWith(PREFIX) && name.endsWith('.cache') && name !== path.basename(file)) rmSync(path.join(path.dirname(file), name), { force: true });
    }
  } catch {
    rmSync(temporary, { force: true });
  }
}
