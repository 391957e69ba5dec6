import type { ValueSource } from '../model/sources';
import type { WorkspaceModel } from '../model/workspaceModel';
import type { Span } from '../text';
import type { Fix } from '../edits/fix';
import type { Severity } from '../types';

/** Where the documentation of each rule lives: `<base><id>.md`. */
export const RULE_DOCS_BASE = 'https://github.com/connlint/connlint/blob/main/docs/rules/';

/** The other side of a finding, in a file of the workspace. */
export interface RelatedSpan {
  readonly file: string;
  readonly span: Span;
  readonly message: string;
}

/** What a rule reports: a place, a message, and the places on the other side. */
export interface Finding {
  readonly file: string;
  readonly span: Span;
  readonly message: string;
  readonly related?: readonly RelatedSpan[];
  /** The object the finding is about: its `connlint.dev/ignore` annotation can silence it. */
  readonly subject?: { readonly ignoredRules: readonly string[] };
  /** A finer kind of finding that settings can leave out (`yaml-parse`: what any YAML editor reports too). */
  readonly category?: string;
  /** The changes that resolve the finding, computed only when asked for. */
  readonly fixes?: () => readonly Fix[];
  /** This finding's severity, over the rule's default; a severity set for the rule in settings still wins. */
  readonly severity?: Severity;
}

/**
 * How much of the workspace one run of a rule weighs. `file`: each finding is about one object
 * or file (the Services, workloads, kube-proxy configurations or files the rule iterates), the
 * rest of the model only looked up; the rule runs one file at a time, over the model scoped to
 * that file, and an edit re-runs it for the files it affects. `workspace`: a finding weighs the
 * whole workspace at once (a default that many workloads rely on, the node's sysctl files in
 * order); the rule runs over the whole model.
 */
export type RuleScope = 'file' | 'workspace';

/** One check over the workspace model, and everything said about it in settings, schema and docs. */
export interface Rule {
  /** Kebab-case and stable: users write it in suppressions and CI configuration. */
  readonly id: string;
  readonly defaultSeverity: Severity;
  /** One line, for rule tables, settings and the schema. */
  readonly description: string;
  readonly scope: RuleScope;
  check(model: WorkspaceModel, report: (finding: Finding) => void): void;
}

/** The page that documents a rule. */
export function ruleDocsUrl(id: string): string {
  return `${RULE_DOCS_BASE}${id}.md`;
}

/** The place a source is written, as a related location; none for a default or an assumption. */
export function relatedSource(source: ValueSource, message: string): RelatedSpan[] {
  return source.kind === 'file' ? [{ file: source.file, span: source.span, message }] : [];
}

/** A count and its noun, pluralised: `1 more workload`, `2 more workloads`. */
export function countOf(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** The longest message a finding has: what the Problems panel and an editor's line show whole. */
export const MAX_MESSAGE_LENGTH = 200;

/**
 * The first of a finding's messages, fullest first, that fits in MAX_MESSAGE_LENGTH; else the last,
 * cut with an ellipsis (only names of extraordinary length get there). What does not fit goes
 * into related locations, hover and the rule's page.
 */
export function fittingMessage(candidates: readonly [...string[], string]): string {
  const fitting = candidates.find((candidate) => candidate.length <= MAX_MESSAGE_LENGTH);
  if (fitting !== undefined) return fitting;
  const last = candidates[candidates.length - 1]!;
  return `${last.slice(0, MAX_MESSAGE_LENGTH - 1)}…`;
}
