import { existsSync, readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { fileRole } from '../core/analyze';
import { lint } from '../core/lint';
import type { Diagnostic } from '../core/types';
import { Workspace } from '../core/workspace';
import { parseCliArgs, UsageError, USAGE, type CliOptions } from './args';
import { formatJson } from './format/json';
import { formatStylish, tally } from './format/stylish';
import { walk } from '../files/walk';

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

/** Runs the CLI and returns its exit code: 0 clean, 1 findings, 2 usage or I/O error. */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  try {
    const options = parseCliArgs(argv);
    if (options.help) return write(io.stdout, `${USAGE}\n`, 0);
    if (options.version) return write(io.stdout, `${version()}\n`, 0);
    const workspace = new Workspace({}, existsSync);
    await loadInputs(options, workspace, io);
    const filesChecked = workspace.paths().length;
    let diagnostics = lint(workspace.model());
    if (options.quiet) diagnostics = diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
    io.stdout.write(render(diagnostics, options, io, filesChecked));
    const counts = tally(diagnostics);
    return counts.errors > 0 || counts.warnings > options.maxWarnings ? 1 : 0;
  } catch (error) {
    if (error instanceof UsageError || error instanceof InputError) return write(io.stderr, `connlint: ${error.message}\n`, 2);
    throw error;
  }
}

/** A path on the command line that cannot be read. */
class InputError extends Error {}

async function loadInputs(options: CliOptions, workspace: Workspace, io: CliIo): Promise<void> {
  for (const input of new Set(options.paths)) {
    if (input === '-') {
      workspace.set(STDIN_NAME, await io.readStdin(), { role: 'manifest' });
      continue;
    }
    const absolute = path.resolve(io.cwd, input);
    const info = await stat(absolute).catch((error: NodeJS.ErrnoException) => {
      throw new InputError(`cannot read ${input}: ${describeIoError(error)}`);
    });
    if (info.isDirectory()) {
      const warn = (message: string): void => void io.stderr.write(`connlint: warning: ${message}\n`);
      const files = await walk(absolute, (file) => fileRole(file) !== undefined, warn);
      await readAll(files, workspace, io, false, warn);
    } else {
      await readAll([absolute], workspace, io, true, (message) => {
        throw new InputError(message);
      });
    }
  }
}

async function readAll(files: readonly string[], workspace: Workspace, io: CliIo, explicit: boolean, onError: (message: string) => void): Promise<void> {
  const batchSize = 64;
  for (let i = 0; i < files.length; i += batchSize) {
    const batch = files.slice(i, i + batchSize);
    const texts = await Promise.all(batch.map((file) => readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => error)));
    texts.forEach((text, index) => {
      const file = batch[index]!;
      if (typeof text === 'string') {
        workspace.set(displayPath(io.cwd, file), text, { explicit, location: file });
      } else {
        onError(`cannot read ${displayPath(io.cwd, file)}: ${describeIoError(text)}`);
      }
    });
  }
}

/** A file's name in reports: relative to the current directory, with `/` separators. */
export function displayPath(cwd: string, file: string): string {
  return path.relative(cwd, file).split(path.sep).join('/') || path.basename(file);
}

function render(diagnostics: readonly Diagnostic[], options: CliOptions, io: CliIo, filesChecked: number): string {
  if (options.format === 'json') return formatJson(diagnostics);
  return formatStylish(diagnostics, { color: options.color ?? useColor(io), filesChecked });
}

function useColor(io: CliIo): boolean {
  if (io.env['NO_COLOR']) return false;
  if (io.env['FORCE_COLOR'] && io.env['FORCE_COLOR'] !== '0') return true;
  return io.stdout.isTTY === true && io.env['TERM'] !== 'dumb';
}

function describeIoError(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    default:
      return error.code ?? error.message;
  }
}

function version(): string {
  const manifest = JSON.parse(readFileSync(path.join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as { version: string };
  return manifest.version;
}

function write(stream: { write(text: string): unknown }, text: string, code: number): number {
  stream.write(text);
  return code;
}

function processIo(): CliIo {
  return {
    cwd: process.cwd(),
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
  };
}
