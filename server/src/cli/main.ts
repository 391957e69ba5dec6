import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import * as path from 'node:path';
import { contentSkipReason, fileRole } from '../core/analyze';
import { lint } from '../core/lint';
import { coverageOf, type Coverage } from '../core/skipped';
import { assumptionsOf, exclusionMatcher } from '../core/settings';
import type { Diagnostic } from '../core/types';
import { stripBom } from '../core/text';
import { Workspace } from '../core/workspace';
import { parseCliArgs, UsageError, USAGE, type CliOptions } from './args';
import { escapingMessages } from './format/escape';
import { formatGithub } from './format/github';
import { formatGitlab, pathFromRoot, repositoryRoot } from './format/gitlab';
import { formatJson } from './format/json';
import { formatJunit } from './format/junit';
import { formatSarif } from './format/sarif';
import { formatStylish, tally } from './format/stylish';
import { RULES } from '../core/rules/registry';
import { explainRule, ExplainError } from './explain';
import { explainPath } from './explainPath';
import { HOMEPAGE, packageVersion } from './packageInfo';
import { configReport, formatConfigReport, PrintConfigError } from './printConfig';
import { readRuleDoc, ruleSummary } from './ruleDocs';
import { readAndAnalyzeAll } from '../analysis/parallel';
import { walk } from '../files/walk';
import { ConfigError, configLintSettings, loadConfig, type LoadedConfig } from './config';
import { applyFixes, formatDiff, writeFixes } from './fix';

/** The process around the CLI, replaceable in tests. */
export interface CliIo {
  readonly cwd: string;
  readonly stdout: { write(text: string): unknown; isTTY?: boolean };
  readonly stderr: { write(text: string): unknown };
  readonly readStdin: () => Promise<string>;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** The name standard input goes by in reports. */
export const STDIN_NAME = '<stdin>';

/** Runs the CLI and returns its exit code: 0 clean, 1 findings, 2 usage or I/O error (a fixed file that could not be written, too). */
export async function main(argv: readonly string[], given: CliIo = processIo()): Promise<number> {
  // Warnings and errors name files: each is one line, escaped like the reports.
  const io: CliIo = { ...given, stderr: escapingMessages(given.stderr) };
  try {
    const options = parseCliArgs(argv);
    if (options.help) return write(io.stdout, `${USAGE}\n`, 0);
    if (options.version) return write(io.stdout, `${packageVersion()}\n`, 0);
    if (options.explain !== undefined) return write(io.stdout, explainRule(options.explain, { width: terminalWidth(io), color: options.color ?? useColor(io) }), 0);
    const config = loadConfig(io.cwd, options.config);
    if (options.printConfig !== undefined) {
      return write(io.stdout, formatConfigReport(configReport(io.cwd, options.printConfig, config), options.format === 'json' ? 'json' : 'yaml'), 0);
    }
    const relativeToConfig = (shown: string) => path.relative(config.baseDirectory, path.resolve(io.cwd, shown)).split(path.sep).join('/');
    const workspace = new Workspace(assumptionsOf(config.settings, relativeToConfig), existsSync);
    const { bomFiles, lossyFiles } = await loadInputs(options, config, workspace, io);
    if (options.explainPath !== undefined) return write(io.stdout, explainPath(workspace.model(), options.explainPath, options.format), 0);
    const coverage = coverageOf(workspace.paths().map((file) => workspace.model().file(file)!));
    const settings = configLintSettings(config, io.cwd, new Set([STDIN_NAME]));
    let unwritten = 0;
    if (options.fix !== undefined) {
      for (const file of lossyFiles) io.stderr.write(`connlint: warning: ${file} is not valid UTF-8; --fix leaves it alone\n`);
      const fixed = applyFixes(workspace, settings, new Set([STDIN_NAME, ...lossyFiles]));
      if (options.fix === 'dry-run') return write(io.stdout, formatDiff(fixed), exitCode(lint(workspace.model(), settings), options));
      const roots = options.paths.filter((input) => input !== '-');
      unwritten = await writeFixes(fixed, { cwd: io.cwd, roots, bomFiles }, (message) => void io.stderr.write(`connlint: ${message}\n`));
    }
    let diagnostics = lint(workspace.model(), settings);
    if (options.quiet) diagnostics = diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
    io.stdout.write(render(diagnostics, options, io, { coverage, workspace }));
    // A fixed file that could not be written is an I/O error: the files on disk are not as reported.
    return unwritten > 0 ? 2 : exitCode(diagnostics, options);
  } catch (error) {
    if ([UsageError, InputError, ConfigError, ExplainError, PrintConfigError].some((type) => error instanceof type)) return write(io.stderr, `connlint: ${(error as Error).message}\n`, 2);
    throw error;
  }
}

function exitCode(diagnostics: readonly Diagnostic[], options: CliOptions): number {
  const counts = tally(options.quiet ? diagnostics.filter((diagnostic) => diagnostic.severity === 'error') : diagnostics);
  return counts.errors > 0 || counts.warnings > options.maxWarnings ? 1 : 0;
}

/** A path on the command line that cannot be read. */
export class InputError extends Error {}

/** What reading the inputs found out about their encoding, for --fix. */
export interface InputEncodings {
  /** Files that start with a byte-order mark (--fix writes it back). */
  readonly bomFiles: Set<string>;
  /** Files that are not valid UTF-8 (--fix would change their bytes, so it leaves them alone). */
  readonly lossyFiles: Set<string>;
}

/** Reads every input into the workspace; files that are too large, binary or UTF-16 are skipped with a warning. */
export async function loadInputs(options: Pick<CliOptions, 'paths'>, config: LoadedConfig, workspace: Workspace, io: CliIo): Promise<InputEncodings> {
  const encodings: InputEncodings = { bomFiles: new Set(), lossyFiles: new Set() };
  const warn = (message: string): void => void io.stderr.write(`connlint: warning: ${message}\n`);
  const isExcluded = exclusionMatcher(config.settings);
  const excluded = (file: string): boolean => {
    const relative = path.relative(config.baseDirectory, file).split(path.sep).join('/');
    return !relative.startsWith('..') && isExcluded(relative);
  };
  for (const input of new Set(options.paths)) {
    if (input === '-') {
      // As for files: the byte-order mark is not counted in columns (editors do not show it).
      const text = stripBom(await io.readStdin());
      const skipped = contentSkipReason(text);
      if (skipped !== undefined) warn(`skipped ${STDIN_NAME}: ${skipped}`);
      workspace.set(STDIN_NAME, text, { role: 'manifest' });
      continue;
    }
    const absolute = path.resolve(io.cwd, input);
    const info = await stat(absolute).catch((error: NodeJS.ErrnoException) => {
      throw new InputError(`cannot read ${input}: ${describeIoError(error)}`);
    });
    if (info.isDirectory()) {
      const files = await walk(absolute, (file) => fileRole(file) !== undefined && !excluded(file), warn);
      await readAll(files, workspace, io, false, encodings, warn);
    } else {
      await readAll([absolute], workspace, io, true, encodings, (message) => {
        throw new InputError(message);
      });
    }
  }
  return encodings;
}

/** Reads and analyses files (many of them on worker threads) into the workspace, in their order. */
async function readAll(
  files: readonly string[],
  workspace: Workspace,
  io: CliIo,
  explicit: boolean,
  encodings: InputEncodings,
  onError: (message: string) => void,
): Promise<void> {
  const toRead = files.map((file) => ({ location: file, name: displayPath(io.cwd, file), explicit }));
  const log = (message: string): void => void io.stderr.write(`connlint: ${message}\n`);
  for (const result of await readAndAnalyzeAll(toRead, log)) {
    if ('failed' in result) onError(`cannot read ${result.name}: ${describeIoError(result.failed)}`);
    else if ('skipped' in result) io.stderr.write(`connlint: warning: skipped ${result.name}: ${result.skipped}\n`);
    else {
      if (result.bom) encodings.bomFiles.add(result.name);
      if (result.lossy) encodings.lossyFiles.add(result.name);
      workspace.setAnalyzed(result.analyzed);
    }
  }
}

/** A file's name in reports: relative to the current directory, with `/` separators. */
export function displayPath(cwd: string, file: string): string {
  return path.relative(cwd, file).split(path.sep).join('/') || path.basename(file);
}

function render(diagnostics: readonly Diagnostic[], options: CliOptions, io: CliIo, run: { coverage: Coverage; workspace: Workspace }): string {
  switch (options.format) {
    case 'json':
      return formatJson(diagnostics, run.coverage);
    case 'github':
      return formatGithub(diagnostics);
    case 'sarif':
      return formatSarif(diagnostics, {
        version: packageVersion(),
        informationUri: HOMEPAGE,
        rules: RULES,
        fullDescription: (id) => {
          const page = readRuleDoc(id);
          return page === undefined ? undefined : ruleSummary(page);
        },
        textOf: (file) => run.workspace.model().file(file)?.text,
        outsideSourceRoot: (file) => file === STDIN_NAME,
        skipped: run.coverage.skipped,
      });
    case 'junit':
      return formatJunit(diagnostics, { files: run.workspace.paths(), filesSkipped: run.coverage.filesSkipped });
    case 'gitlab': {
      const root = repositoryRoot(io.cwd, io.env);
      return formatGitlab(diagnostics, {
        textOf: (file) => run.workspace.model().file(file)?.text,
        repositoryPath: (file) => pathFromRoot(file, io.cwd, root, (name) => name !== STDIN_NAME),
      });
    }
    case 'stylish':
      // --quiet shows errors only: the parts left unread are counted in the summary, not listed.
      return formatStylish(diagnostics, { color: options.color ?? useColor(io), ...run.coverage, ...(options.quiet ? { skipped: [] } : {}) });
  }
}

/** Columns for text the terminal wraps badly (the rule pages): the terminal's, at most 100; 80 when not a terminal. */
function terminalWidth(io: CliIo): number {
  const columns = (io.stdout as { columns?: number }).columns;
  return io.stdout.isTTY === true && columns !== undefined && columns > 20 ? Math.min(columns, 100) : 80;
}

function useColor(io: CliIo): boolean {
  if (io.env['NO_COLOR']) return false;
  if (io.env['FORCE_COLOR'] && io.env['FORCE_COLOR'] !== '0') return true;
  return io.stdout.isTTY === true && io.env['TERM'] !== 'dumb';
}

function describeIoError(error: { readonly code?: string | undefined; readonly message: string }): string {
  switch (error.code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ENOSPC':
      return 'no space left on device';
    default:
      return error.code ?? error.message;
  }
}

function write(stream: { write(text: string): unknown }, text: string, code: number): number {
  stream.write(text);
  return code;
}

function processIo(): CliIo {
  return {
    cwd: process.cwd(),
    stdout: withWriteErrorsHandled(process.stdout, 'output'),
    stderr: withWriteErrorsHandled(process.stderr, 'error'),
    env: process.env,
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
  };
}

/**
 * `stream` (standard `name`), whose write errors end the run cleanly. A reader that stops reading
 * (`connlint … | head`) closes the pipe: what is left to write goes nowhere, and the exit code is
 * still that of the findings. Any other error (a full disk) means the report was not written:
 * one line says so, and the exit code is 2.
 */
function withWriteErrorsHandled(stream: NodeJS.WriteStream, name: 'output' | 'error'): NodeJS.WriteStream {
  if (handlingWriteErrors.has(stream)) return stream;
  handlingWriteErrors.add(stream);
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') return;
    try {
      if (stream !== process.stderr) process.stderr.write(`connlint: cannot write to standard ${name}: ${describeIoError(error)}\n`);
    } finally {
      process.exit(2);
    }
  });
  return stream;
}

const handlingWriteErrors = new WeakSet<NodeJS.WriteStream>();
