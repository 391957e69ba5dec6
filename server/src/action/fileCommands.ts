import { randomUUID } from 'node:crypto';
import { escapeData } from '../cli/format/github';

/**
 * One step output in the runner's file-command form (appended to `$GITHUB_OUTPUT`):
 * `name<<DELIMITER`, the value, `DELIMITER`, so a value may span lines. The delimiter is random
 * and checked against the name and value, as the Actions toolkit does.
 */
export function outputCommand(name: string, value: string, delimiter = `ghadelimiter_${randomUUID()}`): string {
  if (name.includes(delimiter) || value.includes(delimiter)) throw new Error(`output ${name}: the value holds the delimiter ${delimiter}`);
  return `${name}<<${delimiter}\n${value}\n${delimiter}\n`;
}

/** A workflow command without properties (`::error::message`), its message escaped as the runner unescapes it. */
export function workflowCommand(command: 'error' | 'warning' | 'group' | 'endgroup', message = ''): string {
  return `::${command}::${escapeData(message)}\n`;
}
