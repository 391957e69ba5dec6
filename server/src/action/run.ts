import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { lint } from '../core/lint';
import { RULES } from '../core/rules/registry';
import { assumptionsOf } from '../core/settings';
import { coverageOf } from '../core/skipped';
import type { Diagnostic } from '../core/types';
import { Workspace } from '../core/workspace';
import { ConfigError, configLintSettings, loadConfig } from '../cli/config';
import { formatGithub } from '../cli/format/github';
import { formatSarif } from '../cli/format/sarif';
import { formatStylish, tally } from '../cli/format/stylish';
import { InputError, loadInputs, STDIN_NAME, type CliIo } from '../cli/main';
import { HOMEPAGE } from '../cli/packageInfo';
import { ruleSummary } from '../cli/ruleDocs';
import { outputCommand, workflowCommand } from './fileCommands';
import { ActionInputError, actionInputs, type FailOn } from './inputs';
import { jobSummary } from './summary';

/** The process around the action, replaceable in tests. */
export interface ActionIo {
  /** The runner's environment: `GITHUB_WORKSPACE`, `GITHUB_STEP_SUMMARY`, `GITHUB_OUTPUT`, `INPUT_*`. */
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: { write(text: string): unknown };
  /** Where the action's own files are (action.yml, package.json, docs/rules). */
  readonly actionRoot: string;
}

/**
 * Runs the action: lints the inputs' paths (relative to `GITHUB_WORKSPACE`), writes one
 * annotation per finding, the job summary, the step outputs and, when asked, the SARIF report.
 * Returns the exit code: 1 when a finding is at or above `fail-on`, 2 when an input, the settings
 * or a path cannot be used (an `::error::` line says why), else 0.
 */
export async function runAction(io: ActionIo): Promise<number> {
  try {
    const inputs = actionInputs(io.env);
    const cwd = path.resolve(io.env['GITHUB_WORKSPACE'] || process.cwd());
    const config = loadConfig(cwd, inputs.config);
    const workspace = new Workspace(assumptionsOf(config.settings), existsSync);
    await loadInputs({ paths: inputs.paths }, config, workspace, cliIo(cwd, io));
    const diagnostics = lint(workspace.model(), configLintSettings(config, cwd, new Set([STDIN_NAME])));
    const coverage = coverageOf(workspace.paths().map((file) => workspace.model().file(file)!));
    const filesChecked = coverage.filesChecked;
    io.stdout.write(formatGithub(diagnostics));
    io.stdout.write(`${workflowCommand('group', 'Connlint report')}${formatStylish(diagnostics, { color: false, ...coverage })}\n${workflowCommand('endgroup')}`);
    if (inputs.sarif !== undefined) writeReport(path.resolve(cwd, inputs.sarif), sarifReport(diagnostics, workspace, io.actionRoot));
    appendTo(io.env['GITHUB_STEP_SUMMARY'], jobSummary(diagnostics, filesChecked));
    appendTo(io.env['GITHUB_OUTPUT'], stepOutputs(diagnostics));
    return failsJob(diagnostics, inputs.failOn) ? 1 : 0;
  } catch (error) {
    if (![ActionInputError, ConfigError, InputError].some((type) => error instanceof type)) throw error;
    io.stdout.write(workflowCommand('error', `connlint: ${(error as Error).message}`));
    return 2;
  }
}

/** Whether a finding is at or above the `fail-on` severity. */
export function failsJob(diagnostics: readonly Diagnostic[], failOn: FailOn): boolean {
  const counts = tally(diagnostics);
  switch (failOn) {
    case 'error':
      return counts.errors > 0;
    case 'warning':
      return counts.errors + counts.warnings > 0;
    case 'info':
      return diagnostics.length > 0;
    case 'never':
      return false;
  }
}

/** The step outputs `errors`, `warnings`, `infos` (hints included) and `total`. */
export function stepOutputs(diagnostics: readonly Diagnostic[]): string {
  const counts = tally(diagnostics);
  const values = { errors: counts.errors, warnings: counts.warnings, infos: counts.infos, total: diagnostics.length };
  return Object.entries(values)
    .map(([name, value]) => outputCommand(name, String(value)))
    .join('');
}

/** The CLI's process view for reading the inputs: its warnings (files skipped) become warning annotations. */
function cliIo(cwd: string, io: ActionIo): CliIo {
  const prefix = 'connlint: warning: ';
  return {
    cwd,
    stdout: io.stdout,
    stderr: {
      write: (text: string) =>
        io.stdout.write(
          text
            .split('\n')
            .filter((line) => line !== '')
            .map((line) => workflowCommand('warning', line.startsWith(prefix) ? `connlint: ${line.slice(prefix.length)}` : line))
            .join(''),
        ),
    },
    readStdin: async () => '',
    env: io.env,
  };
}

function sarifReport(diagnostics: readonly Diagnostic[], workspace: Workspace, actionRoot: string): string {
  const manifest = JSON.parse(readFileSync(path.join(actionRoot, 'package.json'), 'utf8')) as { version: string };
  return formatSarif(diagnostics, {
    version: manifest.version,
    informationUri: HOMEPAGE,
    rules: RULES,
    fullDescription: (id) => {
      const page = path.join(actionRoot, 'docs', 'rules', `${id}.md`);
      return existsSync(page) ? ruleSummary(readFileSync(page, 'utf8')) : undefined;
    },
    textOf: (file) => workspace.model().file(file)?.text,
    outsideSourceRoot: () => false,
  });
}

function writeReport(file: string, text: string): void {
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  } catch (error) {
    throw new ActionInputError(`sarif: cannot write ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

/** Appends to a file the runner named (`GITHUB_STEP_SUMMARY`, `GITHUB_OUTPUT`); nothing when it named none. */
function appendTo(file: string | undefined, text: string): void {
  if (file !== undefined && file !== '') appendFileSync(file, text);
}
