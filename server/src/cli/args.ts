import { parseArgs } from 'node:util';

/** The report formats, in the order `--help` lists them. */
export const OUTPUT_FORMATS = ['stylish', 'json', 'sarif', 'github', 'junit', 'gitlab'] as const;

type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** What the command line asks for. */
export interface CliOptions {
  readonly paths: readonly string[];
  readonly format: OutputFormat;
  readonly quiet: boolean;
  /** Warnings tolerated before the exit code turns to 1. */
  readonly maxWarnings: number;
  /** Colour in the stylish report: `undefined` decides from the terminal. */
  readonly color: boolean | undefined;
  readonly help: boolean;
  readonly version: boolean;
  /** `--config FILE`: instead of the nearest .connlint.yaml. */
  readonly config: string | undefined;
  /** `--fix`: write the fixes; `--fix-dry-run`: print them as a diff. */
  readonly fix: 'write' | 'dry-run' | undefined;
  /** `--print-config FILE`: print the configuration that applies to FILE instead of linting. */
  readonly printConfig: string | undefined;
  /** `--explain RULE`: print the rule's page instead of linting. */
  readonly explain: string | undefined;
  /** `--explain-path SERVICE`: print the Service's connection paths and their idle timers instead of linting. */
  readonly explainPath: string | undefined;
}

/** A mistake on the command line: reported on one line, exit code 2. */
export class UsageError extends Error {}

export const USAGE = `Usage: connlint [options] [paths...]

Finds Kubernetes and Linux node configuration that silently resets long-lived TCP connections.
Directories are walked (skipping node_modules, .git and what .gitignore ignores); "-" reads
YAML from standard input; no path means the current directory.

Options:
  -f, --format <format>        stylish (default), json, sarif (SARIF 2.1.0, for code scanning),
                               github (GitHub Actions annotations), junit (JUnit XML test
                               report) or gitlab (GitLab Code Quality report)
  -q, --quiet                  Report errors only
  -c, --config <file>          Settings file (default: the nearest .connlint.yaml upwards)
      --fix                    Apply the preferred fix of each finding to the files
      --fix-dry-run            Print the fixes as a unified diff; change nothing
      --max-warnings <n>       Exit with 1 only when there are more than n warnings (default: 0)
      --color, --no-color      Force colour on or off (default: on for a terminal)
      --print-config <file>    Print the settings that apply to a file, whether it is excluded
                               and how it is read (YAML; JSON with --format json)
      --explain <rule>         Print a rule's documentation
      --explain-path <service> Print the connection paths of a Service (name or namespace/name)
                               in the files read: each hop's idle timer and its source, the
                               keepalive, and the timer that fires first (JSON with --format json)
  -h, --help                   Show this help
  -v, --version                Show the version

Exit codes: 0 no warning or error, 1 warnings or errors found, 2 usage, configuration or I/O error
(with --fix: also when a fixed file could not be written; each such file is named on stderr).
With --fix or --fix-dry-run, the report and exit code are those of the files as fixed.`;

/** Parses `argv` (without the node and script paths). */
export function parseCliArgs(argv: readonly string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f', default: 'stylish' },
        quiet: { type: 'boolean', short: 'q', default: false },
        'max-warnings': { type: 'string' },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        config: { type: 'string', short: 'c' },
        fix: { type: 'boolean', default: false },
        'fix-dry-run': { type: 'boolean', default: false },
        'print-config': { type: 'string' },
        explain: { type: 'string' },
        'explain-path': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (error) {
    throw new UsageError(firstSentence((error as Error).message));
  }
  const { values, positionals } = parsed;
  const format = values.format;
  if (!isOutputFormat(format)) throw new UsageError(`unknown format "${format}" (use stylish, json, sarif, github, junit or gitlab)`);
  if (values.fix && values['fix-dry-run']) throw new UsageError('--fix and --fix-dry-run exclude each other');
  const printConfig = values['print-config'];
  const explain = values.explain;
  const alone = printConfig !== undefined ? '--print-config' : explain !== undefined ? '--explain' : undefined;
  if (alone !== undefined) {
    const others = [printConfig !== undefined && explain !== undefined, values.fix, values['fix-dry-run']].some(Boolean);
    if (others) throw new UsageError(`${alone} cannot be combined with --explain, --print-config, --fix or --fix-dry-run`);
    if (positionals.length > 0) throw new UsageError(`${alone} takes one argument; unexpected "${positionals[0]}"`);
  }
  const explainPath = values['explain-path'];
  if (explainPath !== undefined && (alone !== undefined || values.fix || values['fix-dry-run'])) throw new UsageError('--explain-path cannot be combined with --explain, --print-config, --fix or --fix-dry-run');
  return {
    config: values.config,
    fix: values.fix ? 'write' : values['fix-dry-run'] ? 'dry-run' : undefined,
    paths: positionals.length > 0 ? positionals : ['.'],
    format,
    quiet: values.quiet,
    maxWarnings: parseMaxWarnings(values['max-warnings']),
    color: values['no-color'] ? false : values.color,
    help: values.help,
    version: values.version,
    printConfig,
    explain,
    explainPath,
  };
}

function isOutputFormat(format: string): format is OutputFormat {
  return (OUTPUT_FORMATS as readonly string[]).includes(format);
}

function parseMaxWarnings(text: string | undefined): number {
  if (text === undefined) return 0;
  if (!/^\d+$/.test(text)) throw new UsageError(`--max-warnings takes a whole number, not "${text}"`);
  return Number(text);
}

function firstSentence(message: string): string {
  return message.split('\n')[0]!.replace(/\. To specify a positional argument.*$/, '');
}
