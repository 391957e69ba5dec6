import type { WorkspaceModel } from './model/workspaceModel';
import { SYSCTL_CATALOG, type SysctlInfo } from './sysctl/catalog';
import type { Span } from './text';

/** One completion proposal: what to show, and the text that replaces `replace`. */
export interface CompletionItem {
  readonly label: string;
  /** A short line beside the label: unit and default. */
  readonly detail: string;
  /** Markdown. */
  readonly documentation: string;
  /** The text inserted in place of `replace` (the label when absent). */
  readonly insertText?: string;
  /** The span the item replaces: the part of the key or value already typed, and the rest of it after the cursor. */
  readonly replace: Span;
}

/**
 * What to propose at `offset` of a file: sysctl keys at the key of a sysctl file's line and at
 * `securityContext.sysctls[].name` values in YAML, `ClientIP`/`None` after a Service's
 * `sessionAffinity:`. The context comes from the text around the cursor alone, so a half-typed
 * document that does not parse gets proposals too.
 */
export function completionsAt(model: WorkspaceModel, path: string, offset: number): CompletionItem[] {
  const file = model.file(path);
  if (file === undefined || offset < 0 || offset > file.text.length) return [];
  if (file.role === 'sysctl') return sysctlFileCompletions(file.text, offset);
  if (file.role === 'manifest') return [...podSysctlCompletions(file.text, offset), ...affinityCompletions(file.text, offset)];
  return [];
}

/**
 * The keys of a sysctl file's line, while the cursor is in its key (before any `=`): each replaces
 * the whole key, and adds the ` = ` the line lacks (none where it has an `=` already).
 */
function sysctlFileCompletions(text: string, offset: number): CompletionItem[] {
  const { start, end } = lineAround(text, offset);
  const before = text.slice(start, offset);
  const key = /^[ \t]*-?[ \t]*([^\s=#;]*)$/.exec(before);
  if (key === null || /^[ \t]*[#;]/.test(before)) return [];
  const typed = key[1]!;
  const tokenEnd = offset + /^[^\s=]*/.exec(text.slice(offset, end))![0].length;
  const separator = separatorAfterKey(text.slice(tokenEnd, end));
  return keyItems(typed, { start: offset - typed.length, end: tokenEnd }, (styled) => `${styled}${separator}`);
}

/** What a proposed key needs after it, given the rest of its line: nothing past an `=`, ` =` before a value's space. */
function separatorAfterKey(rest: string): string {
  if (rest.includes('=')) return '';
  return rest.trim() === '' ? ' = ' : ' =';
}

/** Sysctl names at the value of `name:` in an item of a pod's `securityContext.sysctls`. */
function podSysctlCompletions(text: string, offset: number): CompletionItem[] {
  const { start, end } = lineAround(text, offset);
  const before = text.slice(start, offset);
  const match = /^([ \t]*)(-[ \t]+)?name:[ \t]*(["']?)([^\s"']*)$/.exec(before);
  if (match === null) return [];
  const lines = linesBefore(text, start);
  const keyColumn = match[1]!.length + (match[2]?.length ?? 0);
  const itemDash = match[2] === undefined ? itemDashAbove(lines, keyColumn) : match[1]!.length;
  if (itemDash === undefined) return [];
  const sysctls = parentKeyOf(lines, itemDash, true);
  if (sysctls?.key !== 'sysctls' || parentKeyOf(lines.slice(0, sysctls.index), sysctls.column, false)?.key !== 'securityContext') return [];
  const typed = match[4]!;
  const tokenEnd = offset + /^[^\s"'#]*/.exec(text.slice(offset, end))![0].length;
  const space = before.endsWith(':') ? ' ' : '';
  return keyItems(typed, { start: offset - typed.length, end: tokenEnd }, (styled) => `${space}${styled}`);
}

/** `ClientIP` and `None` after `sessionAffinity:` in a document of kind Service. */
function affinityCompletions(text: string, offset: number): CompletionItem[] {
  const { start, end } = lineAround(text, offset);
  const match = /^[ \t]*sessionAffinity:[ \t]*(["']?)(\w*)$/.exec(text.slice(start, offset));
  if (match === null || !/^kind:[ \t]*["']?Service["']?[ \t]*(#.*)?$/m.test(documentAround(text, offset))) return [];
  const typed = match[2]!;
  const replace = { start: offset - typed.length, end: offset + /^\w*/.exec(text.slice(offset, end))![0].length };
  const space = text[offset - 1] === ':' ? ' ' : '';
  return AFFINITY_VALUES.filter((item) => item.label.toLowerCase().startsWith(typed.toLowerCase())).map((item) => ({ ...item, ...(space ? { insertText: ` ${item.label}` } : {}), replace }));
}

const AFFINITY_VALUES: readonly Omit<CompletionItem, 'replace'>[] = [
  {
    label: 'ClientIP',
    detail: 'session affinity by client IP',
    documentation:
      'kube-proxy sends every new connection from a client IP to the same pod for `sessionAffinityConfig.clientIP.timeoutSeconds` (default 10800, at most 86400). ' +
      'Only new connections refresh it: it keeps an idle connection on its pod after its conntrack entry expired only when `timeoutSeconds` is above the conntrack timeout. TCP keepalive below that timeout is the fix that holds.',
  },
  {
    label: 'None',
    detail: 'no session affinity (the default)',
    documentation: 'Every new flow is load-balanced afresh: a connection idle longer than the conntrack timeout can land on another pod and be reset.',
  },
];

/** Catalog keys starting with what is typed (case-insensitive), written in its separator style. */
function keyItems(typed: string, replace: Span, insert: (styled: string) => string): CompletionItem[] {
  const slashes = slashStyle(typed);
  const wanted = typed.toLowerCase();
  const items: CompletionItem[] = [];
  for (const info of SYSCTL_CATALOG.values()) {
    const styled = slashes ? info.key.replace(/\./g, '/') : info.key;
    if (!styled.toLowerCase().startsWith(wanted)) continue;
    const insertText = insert(styled);
    items.push({ label: styled, detail: detailOf(info), documentation: documentationOf(info), ...(insertText === styled ? {} : { insertText }), replace });
  }
  return items.sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
}

function slashStyle(typed: string): boolean {
  const slash = typed.indexOf('/');
  const dot = typed.indexOf('.');
  return slash !== -1 && (dot === -1 || slash < dot);
}

function detailOf(info: SysctlInfo): string {
  return `${info.unit}, default ${info.defaultValue}${info.range === undefined ? '' : `, ${info.range}`}${info.readOnly ? ', read-only' : ''}`;
}

function documentationOf(info: SysctlInfo): string {
  const scope = info.perNamespace ? 'Each network namespace (each pod) has its own value.' : 'Node-wide: one value for the whole node.';
  return [`**${info.key}** — ${detailOf(info)}`, '', info.meaning, '', scope].join('\n');
}

/** The line holding `offset`: from its start to its end (before `\r\n` or `\n`). */
function lineAround(text: string, offset: number): Span {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const newline = text.indexOf('\n', offset);
  const end = newline === -1 ? text.length : newline;
  return { start, end: end > start && text[end - 1] === '\r' ? end - 1 : end };
}

/** The lines before the one starting at `lineStart`, without line ends. */
function linesBefore(text: string, lineStart: number): string[] {
  return lineStart === 0 ? [] : text.slice(0, lineStart - 1).split('\n').map((line) => line.replace(/\r$/, ''));
}

/** The YAML document (between `---` lines) that holds `offset`. */
function documentAround(text: string, offset: number): string {
  const separator = /^---[ \t]*(#.*)?$/gm;
  let start = 0;
  let end = text.length;
  for (let match = separator.exec(text); match !== null; match = separator.exec(text)) {
    if (match.index < offset) start = match.index + match[0].length;
    else if (end === text.length && match.index >= offset) end = match.index;
  }
  return text.slice(start, end);
}

const BLANK_OR_COMMENT = /^[ \t]*(#.*)?$/;

function indentOf(line: string): number {
  return /^ */.exec(line)![0].length;
}

/** The column of the `-` of the sequence item a `key:` line at `keyColumn` belongs to (the item's first key is on the dash's line). */
function itemDashAbove(lines: readonly string[], keyColumn: number): number | undefined {
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!;
    if (BLANK_OR_COMMENT.test(line) || indentOf(line) > keyColumn) continue;
    const dash = /^( *)-[ \t]+/.exec(line);
    if (indentOf(line) === keyColumn && dash === null) continue;
    return dash !== null && dash[0].length === keyColumn ? dash[1]!.length : undefined;
  }
  return undefined;
}

/**
 * The mapping key that owns a node at `column` (a sequence item's dash, or a key): the nearest
 * line above that is less indented, or as indented for a sequence item, skipping siblings.
 */
function parentKeyOf(lines: readonly string[], column: number, isItem: boolean): { key: string; column: number; index: number } | undefined {
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!;
    if (BLANK_OR_COMMENT.test(line)) continue;
    const indent = indentOf(line);
    if (indent > column || (indent === column && (isItem ? /^ *-/.test(line) : true))) continue;
    const key = /^ *(?:-[ \t]+)?([\w.-]+):[ \t]*(#.*)?$/.exec(line);
    return key === null ? undefined : { key: key[1]!, column: /^ *(?:-[ \t]+)?/.exec(line)![0].length, index: i };
  }
  return undefined;
}
