import { Parser } from 'yaml';
import { indexWithin, type Span } from '../text';

/** `{{` (Go templates: Helm, Prometheus, Alertmanager) or `{%` (Jinja, Ansible, Liquid). */
const TEMPLATE_MARKER = /\{\{|\{%/g;

/** Whether `text` holds a template marker between `start` and `end`: the cheap test before any other. */
export function holdsTemplateMarker(text: string, start: number, end: number, markers: RegExp = TEMPLATE_MARKER): boolean {
  markers.lastIndex = 0;
  return markers.test(text.slice(start, end));
}

/**
 * Where template syntax stands in place of YAML structure in the document `text[slice]`: the first
 * `{{` or `{%` that is not inside a comment, a quoted scalar, a block scalar or a plain scalar
 * value (a mapping key, a flow collection, a line of its own). Undefined when every marker is
 * inside text, so that the document means what it says (`summary: "{{ $labels.pod }} down"`).
 */
export function templateInStructure(text: string, slice: Span): Span | undefined {
  if (!holdsTemplateMarker(text, slice.start, slice.end)) return undefined;
  const source = text.slice(slice.start, slice.end);
  const inert: Span[] = [];
  for (const token of new Parser().parse(source)) collectInert(token, false, inert);
  TEMPLATE_MARKER.lastIndex = 0;
  for (let found = TEMPLATE_MARKER.exec(source); found !== null; found = TEMPLATE_MARKER.exec(source)) {
    const at = found.index;
    if (!inert.some((span) => span.start <= at && at + 2 <= span.end)) return templateExpression(text, slice.start + at);
  }
  return undefined;
}

/** A CST token as the walk reads it: only the fields it looks at. */
interface CstToken {
  readonly type: string;
  readonly offset: number;
  readonly source?: string;
  readonly start?: CstToken | readonly CstToken[];
  readonly value?: CstToken;
  readonly end?: readonly CstToken[];
  readonly props?: readonly CstToken[];
  readonly items?: readonly CstItem[];
}

interface CstItem {
  readonly start: readonly CstToken[];
  readonly key?: CstToken | null;
  readonly sep?: readonly CstToken[];
  readonly value?: CstToken;
}

/** Adds the spans of `token` where a template marker is only text: comments, strings, plain values. */
function collectInert(token: CstToken | null | undefined, isKey: boolean, inert: Span[]): void {
  if (token === null || token === undefined) return;
  const length = token.source?.length ?? 0;
  switch (token.type) {
    case 'comment':
      inert.push({ start: token.offset, end: token.offset + length });
      return;
    case 'scalar':
    case 'single-quoted-scalar':
    case 'double-quoted-scalar':
      // A key names structure: a template there makes keys the text does not show.
      if (!isKey) inert.push({ start: token.offset, end: token.offset + length });
      collectAll(token.end, inert);
      return;
    case 'block-scalar': {
      const header = token.props?.[token.props.length - 1];
      const contentStart = header === undefined ? token.offset : header.offset + (header.source?.length ?? 0);
      collectAll(token.props, inert);
      if (!isKey) inert.push({ start: contentStart, end: contentStart + length });
      return;
    }
    case 'document':
      collectAll(Array.isArray(token.start) ? token.start : [], inert);
      collectInert(token.value, false, inert);
      collectAll(token.end, inert);
      return;
    case 'block-map':
    case 'block-seq':
    case 'flow-collection':
      for (const item of token.items ?? []) {
        collectAll(item.start, inert);
        collectInert(item.key, true, inert);
        collectAll(item.sep, inert);
        collectInert(item.value, false, inert);
      }
      collectAll(token.end, inert);
      return;
    default:
      return;
  }
}

function collectAll(tokens: readonly CstToken[] | undefined, inert: Span[]): void {
  for (const token of tokens ?? []) collectInert(token, false, inert);
}

/** A marker in a sysctl file, outside comment lines: Jinja comments (`{#`) too, which sysctl would misread. */
const SYSCTL_TEMPLATE_MARKER = /\{\{|\{%|\{#/g;

/** Where template syntax stands in a sysctl file's assignments (its comments do not count); undefined when nowhere. */
export function templateInSysctl(text: string): Span | undefined {
  if (!holdsTemplateMarker(text, 0, text.length, SYSCTL_TEMPLATE_MARKER)) return undefined;
  SYSCTL_TEMPLATE_MARKER.lastIndex = 0;
  for (let found = SYSCTL_TEMPLATE_MARKER.exec(text); found !== null; found = SYSCTL_TEMPLATE_MARKER.exec(text)) {
    const lineStart = text.lastIndexOf('\n', found.index - 1) + 1;
    const firstVisible = /\S/.exec(text.slice(lineStart, found.index + 1));
    const isComment = firstVisible !== null && (firstVisible[0] === '#' || firstVisible[0] === ';') && lineStart + firstVisible.index < found.index;
    if (!isComment) return templateExpression(text, found.index);
  }
  return undefined;
}

/** The template expression that starts at `start`: up to its closing `}}`, `%}` or `#}` on the same line, at most 60 characters. */
function templateExpression(text: string, start: number): Span {
  const lineEnd = indexWithin(text, '\n', start, start + 60);
  const limit = lineEnd === -1 ? Math.min(text.length, start + 60) : lineEnd;
  const closer = text[start + 1] === '{' ? '}}' : `${text[start + 1]}}`;
  const close = indexWithin(text, closer, start + 2, limit);
  const end = close === -1 ? limit : close + 2;
  return { start, end: text[end - 1] === '\r' ? end - 1 : end };
}

/** The first `{{` in `text[span]` with its expression, for a Helm chart template (Helm has no other delimiters). */
export function firstGoTemplate(text: string, span: Span): Span | undefined {
  const at = indexWithin(text, '{{', span.start, span.end);
  return at === -1 ? undefined : templateExpression(text, at);
}
