import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { readRegularFile } from '../files/read';
import type { LintSettings } from '../core/lint';
import { DEFAULT_SETTINGS, lintSettingsOf, parseSettings, type ConnlintSettings } from '../core/settings';

/** The configuration file's name, looked for from the current directory upwards. */
export const CONFIG_FILE_NAME = '.connlint.yaml';

/** The largest configuration file read: 1 MiB; a larger one is a configuration error. */
export const MAX_CONFIG_SIZE = 1024 * 1024;

/** Settings and the directory their `exclude` patterns are relative to. */
export interface LoadedConfig {
  readonly settings: ConnlintSettings;
  /** The configuration file, when one applies. */
  readonly file: string | undefined;
  readonly baseDirectory: string;
}

/** A configuration file that cannot be used: the message names the file and the key. */
export class ConfigError extends Error {}

/** Loads `--config FILE`, or the nearest `.connlint.yaml` from `cwd` upwards, or the defaults. */
export function loadConfig(cwd: string, explicit: string | undefined): LoadedConfig {
  const file = explicit === undefined ? findConfig(cwd) : path.resolve(cwd, explicit);
  if (file === undefined) return { settings: DEFAULT_SETTINGS, file: undefined, baseDirectory: cwd };
  let raw: unknown;
  try {
    raw = parse(readConfigText(file), { prettyErrors: false });
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message.split('\n')[0];
    throw new ConfigError(`cannot use ${path.relative(cwd, file) || file}: ${reason}`);
  }
  const { settings, problems } = parseSettings(raw);
  if (problems.length > 0) {
    const list = problems.map((problem) => (problem.key === '' ? problem.message : `${problem.key}: ${problem.message}`)).join('; ');
    throw new ConfigError(`invalid ${path.relative(cwd, file) || file}: ${list}`);
  }
  return { settings, file, baseDirectory: path.dirname(file) };
}

/**
 * The configuration file's text. Only a regular file of at most MAX_CONFIG_SIZE is read: a FIFO
 * or a device behind the name (`/dev/zero`, say) would otherwise hang the run or fill its memory.
 */
function readConfigText(file: string): string {
  const read = readRegularFile(file, MAX_CONFIG_SIZE);
  if ('bytes' in read) return read.bytes.toString('utf8');
  const limit = `a configuration file is a regular file of at most ${MAX_CONFIG_SIZE / 1024 / 1024} MiB`;
  throw new Error('skipped' in read ? `${read.skipped} (${limit})` : `${(read.tooLarge / 1024 / 1024).toFixed(1)} MiB (${limit})`);
}

/**
 * The lint settings of a configuration for files named relative to `cwd`: its overrides' patterns
 * are relative to its directory. Names in `notOnDisk` (standard input) match no override.
 */
export function configLintSettings(config: LoadedConfig, cwd: string, notOnDisk: ReadonlySet<string> = new Set()): LintSettings {
  return lintSettingsOf(config.settings, (file) => {
    if (notOnDisk.has(file)) return undefined;
    const relative = path.relative(config.baseDirectory, path.resolve(cwd, file)).split(path.sep).join('/');
    return relative.startsWith('../') || relative === '..' || path.isAbsolute(relative) ? undefined : relative;
  });
}

function findConfig(cwd: string): string | undefined {
  for (let directory = cwd; ; directory = path.dirname(directory)) {
    const candidate = path.join(directory, CONFIG_FILE_NAME);
    if (existsSync(candidate)) return candidate;
    if (path.dirname(directory) === directory) return undefined;
  }
}
