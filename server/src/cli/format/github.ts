import type { Diagnostic, Severity } from '../../core/types';
import { escapeControl } from './escape';

/** GitHub's annotation commands: `info` and `hint` are both `notice`. */
function githubCommand(severity: Severity): 'error' | 'warning' | 'notice' {
  return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'notice';
}

/**
 * One GitHub Actions workflow command per finding (`::warning file=…,line=…::message`), which
 * the runner turns into annotations on the pull request's diff. The related places follow the
 * message on their own lines. Names and messages from the files are first made inert
 * (escapeControl), then encoded as the runner decodes commands: nothing in them ends the command
 * or starts another.
 */
export function formatGithub(diagnostics: readonly Diagnostic[]): string {
  return diagnostics
    .map((diagnostic) => {
      const { start, end } = diagnostic.range;
      const properties = [
        ['file', escapeControl(diagnostic.file)],
        ['line', String(start.line + 1)],
        ['col', String(start.character + 1)],
        ['endLine', String(end.line + 1)],
        ['endColumn', String(end.character + 1)],
        ['title', `connlint ${diagnostic.rule}`],
      ]
        .map(([name, value]) => `${name}=${escapeProperty(value!)}`)
        .join(',');
      const related = diagnostic.related.map(
        (place) => `\n↳ ${escapeControl(place.file)}:${place.range.start.line + 1}:${place.range.start.character + 1}  ${escapeControl(place.message)}`,
      );
      return `::${githubCommand(diagnostic.severity)} ${properties}::${escapeData(escapeControl(diagnostic.message) + related.join(''))}\n`;
    })
    .join('');
}

/** A command's message, escaped as the runner unescapes it. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A command property's value: its message escapes, and `:` and `,`, which end a property. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
