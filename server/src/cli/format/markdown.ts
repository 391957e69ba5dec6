import { createColors } from 'picocolors';
import { escapeControl } from './escape';

/** How a page is laid out on the terminal. */
interface TerminalOptions {
  readonly width: number;
  readonly color: boolean;
  /** A relative link's target, made useful outside the repository (a command, an absolute URL). */
  readonly resolveLink: (target: string) => string;
}

/**
 * Markdown as plain, readable terminal text: headings underlined, paragraphs and list items
 * wrapped to the width, code blocks indented, links written out after their text. Control
 * characters in the page are escaped (escapeControl): only the colours added here reach the terminal.
 */
export function renderMarkdown(markdown: string, options: TerminalOptions): string {
  const c = createColors(options.color);
  const inline = (text: string): string =>
    text
      .replace(/\[([^\]]+)\]\(([^)]+)\)/g, (_, label: string, target: string) => `${label} (${options.resolveLink(target)})`)
      .replace(/<(https?:[^>\s]+)>/g, '$1')
      .replace(/\*\*([^*]+)\*\*/g, (_, bold: string) => c.bold(bold))
      .replace(/`([^`]+)`/g, (code: string) => c.cyan(code));
  const out: string[] = [];
  const lines = markdown.replace(/\r\n/g, '\n').split('\n').map(escapeControl);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.startsWith('```')) {
      for (i++; i < lines.length && !lines[i]!.startsWith('```'); i++) out.push(lines[i] === '' ? '' : `    ${c.dim(lines[i]!)}`);
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) {
      const title = inline(heading[2]!);
      const plainLength = heading[2]!.replace(/\*\*|`/g, '').length;
      out.push(c.bold(title), ...(heading[1]!.length <= 2 ? [(heading[1]!.length === 1 ? '=' : '-').repeat(plainLength)] : []));
      continue;
    }
    if (line.startsWith('|') || line.trim() === '') {
      out.push(line.startsWith('|') ? inline(line) : '');
      continue;
    }
    const item = /^(\s*)([-*]|\d+\.)\s+(.*)$/.exec(line);
    const indent = item ? item[1]!.length + item[2]!.length + 1 : 0;
    const first = item ? `${item[1]}${item[2]} ` : '';
    let text = item ? item[3]! : line.trim();
    // A paragraph or item continues on following lines that are not a new block.
    while (i + 1 < lines.length && isContinuation(lines[i + 1]!)) text += ` ${lines[++i]!.trim()}`;
    out.push(...wrap(inline(text), options.width - indent).map((row, index) => (index === 0 ? first : ' '.repeat(indent)) + row));
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trim()}\n`;
}

function isContinuation(line: string): boolean {
  return line.trim() !== '' && !/^(\s*([-*]|\d+\.)\s|#|```|\|)/.test(line);
}

/** Words on rows of at most `width` visible characters (colour codes do not count). */
function wrap(text: string, width: number): string[] {
  const rows: string[] = [];
  let row = '';
  let length = 0;
  for (const word of text.split(/ +/)) {
    const visible = word.replace(/\x1b\[[0-9;]*m/g, '').length;
    if (length > 0 && length + 1 + visible > width) {
      rows.push(row);
      row = '';
      length = 0;
    }
    row += (length > 0 ? ' ' : '') + word;
    length += (length > 0 ? 1 : 0) + visible;
  }
  if (row !== '') rows.push(row);
  return rows;
}
