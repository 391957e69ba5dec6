import { existsSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { stringify } from 'yaml';
import { analyzeFile, fileRole, type AnalyzedFile } from '../core/analyze';
import { RULES } from '../core/rules/registry';
import { isSkippedFile, skippedParts } from '../core/skipped';
import { exclusionMatcher, type ConnlintSettings } from '../core/settings';
import type { SeverityLevel } from '../core/types';
import { readTextFile, type ReadText } from '../files/read';
import { CONFIG_FILE_NAME, configLintSettings, type LoadedConfig } from './config';
import { escapeStrings, inertJson } from './format/escape';

/** `--print-config` was given a path it cannot describe: exit code 2. */
export class PrintConfigError extends Error {}

/** What applies to one file: `connlint --print-config FILE`. */
interface ConfigReport {
  readonly file: string;
  /** The settings file, relative to the current directory; `null`: none, the defaults apply. */
  readonly configuration: string | null;
  /** The `exclude` pattern that matches the file, or `false`. */
  readonly excluded: string | false;
  /** How the file is read when its directory is linted. */
  readonly readAs: 'manifest' | 'sysctl' | 'modules-load' | 'skipped';
  readonly reason: string;
  /** The Kubernetes objects or sysctl keys Connlint finds in it. */
  readonly reads: readonly string[];
  /** The settings, with every rule's severity resolved for this file: the last matching override's, else `rules`', else the rule's default. */
  readonly settings: ConnlintSettings & { readonly rules: Readonly<Record<string, SeverityLevel>> };
}

/** Describes how `file` is linted from `cwd` under `config`. */
export function configReport(cwd: string, file: string, config: LoadedConfig): ConfigReport {
  const absolute = path.resolve(cwd, file);
  const display = path.relative(cwd, absolute).split(path.sep).join('/') || path.basename(absolute);
  let read: ReadText;
  try {
    if (statSync(absolute).isDirectory()) throw new PrintConfigError(`--print-config takes a file, and ${file} is a directory`);
    // Bounded: a FIFO, a device or a file over the size limit is described as skipped, not read.
    read = readTextFile(absolute);
  } catch (error) {
    if (error instanceof PrintConfigError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new PrintConfigError(`cannot read ${file}: ${code === 'ENOENT' ? 'no such file or directory' : code === 'EACCES' ? 'permission denied' : (code ?? String(error))}`);
  }
  const configuration = config.file === undefined ? null : path.relative(cwd, config.file).split(path.sep).join('/') || CONFIG_FILE_NAME;
  const excluded = excludingPattern(config, absolute);
  const analyzed = analyzeFile(display, 'skipped' in read ? '' : read.text, { location: absolute, fileExists: existsSync });
  const { readAs, reason } = 'skipped' in read ? { readAs: 'skipped' as const, reason: read.skipped } : howRead(analyzed, absolute, excluded, configuration);
  return {
    file: display,
    configuration,
    excluded,
    readAs,
    reason,
    reads: readAs === 'skipped' ? [] : contents(analyzed),
    settings: { ...config.settings, rules: effectiveSeverities(config, cwd, display) },
  };
}

function effectiveSeverities(config: LoadedConfig, cwd: string, file: string): Record<string, SeverityLevel> {
  const overridden = configLintSettings(config, cwd).fileSeverities?.forFile(file);
  return Object.fromEntries(RULES.map((rule) => [rule.id, overridden?.[rule.id] ?? config.settings.rules[rule.id] ?? rule.defaultSeverity]));
}

/**
 * The report as YAML, or as JSON for `--format json`. The JSON keeps every value as found (with no
 * raw control character, see inertJson); the YAML, read by people, shows them escaped (escapeStrings).
 */
export function formatConfigReport(report: ConfigReport, format: 'yaml' | 'json'): string {
  return format === 'json' ? inertJson(report) : stringify(escapeStrings(report), { lineWidth: 0 });
}

function excludingPattern(config: LoadedConfig, absolute: string): string | false {
  const relative = path.relative(config.baseDirectory, absolute).split(path.sep).join('/');
  if (relative.startsWith('..')) return false;
  return config.settings.exclude.find((pattern) => exclusionMatcher({ ...config.settings, exclude: [pattern] })(relative)) ?? false;
}

function howRead(analyzed: AnalyzedFile, absolute: string, excluded: string | false, configuration: string | null): Pick<ConfigReport, 'readAs' | 'reason'> {
  const named = fileRole(absolute, { explicit: true });
  if (excluded !== false) {
    return { readAs: 'skipped', reason: `excluded by "${excluded}" in ${configuration} when a directory is linted; read as ${named} when named on the command line` };
  }
  if (path.basename(absolute).toLowerCase() === CONFIG_FILE_NAME) return { readAs: 'skipped', reason: "connlint's configuration file" };
  if (isSkippedFile(analyzed)) return { readAs: 'skipped', reason: skippedParts(analyzed)[0]!.reason };
  if (analyzed.role === 'manifest') return { readAs: 'manifest', reason: 'a .yaml, .yml or .json file: its documents of the kinds Connlint models are read as Kubernetes objects' };
  if (analyzed.role === 'sysctl') {
    const name = path.basename(absolute);
    return { readAs: 'sysctl', reason: name === 'sysctl.conf' ? 'sysctl.conf: applied after every sysctl.d file' : 'a .conf file in a sysctl.d directory: applied in file-name order' };
  }
  if (analyzed.role === 'modules-load') return { readAs: 'modules-load', reason: 'a .conf file in a modules-load.d directory: the kernel modules its node image loads at boot' };
  return { readAs: 'skipped', reason: 'not a .yaml, .yml or .json file, sysctl.conf or sysctl.d/*.conf: skipped when a directory is linted; read as sysctl when named on the command line' };
}

function contents(analyzed: AnalyzedFile): string[] {
  if (analyzed.sysctl !== undefined) return [...new Set(analyzed.sysctl.assignments.map((assignment) => assignment.key))];
  if (analyzed.modules !== undefined) return [...analyzed.modules];
  return analyzed.objects.map((object) => `${object.kind} ${object.namespace}/${object.name ?? '(no name)'}`);
}
