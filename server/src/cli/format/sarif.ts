import { createHash } from 'node:crypto';
import type { Rule } from '../../core/rules/rule';
import { ruleDocsUrl } from '../../core/rules/rule';
import type { SkippedPart } from '../../core/skipped';
import type { Range } from '../../core/text';
import type { Diagnostic, Severity } from '../../core/types';
import { inertJson } from './escape';

/** The SARIF version written, and the schema it validates against. */
const SARIF_VERSION = '2.1.0';
const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** Where relative artifact URIs start: the directory connlint ran in. */
const SOURCE_ROOT = '%SRCROOT%';

/** The key of Connlint's fingerprint in `partialFingerprints`. */
const FINGERPRINT_KEY = 'connlint/v1';

/** What the SARIF report needs beyond the findings. */
interface SarifContext {
  readonly version: string;
  readonly informationUri: string;
  /** Every registered rule, in registry order: `ruleIndex` points into this list. */
  readonly rules: readonly Rule[];
  /** A rule's longer description (its page's opening paragraph), when known. */
  readonly fullDescription: (id: string) => string | undefined;
  /** A file's text as linted, for fingerprints; `undefined` when unknown. */
  readonly textOf: (file: string) => string | undefined;
  /** Files that are not below the source root (standard input): no `uriBaseId`. */
  readonly outsideSourceRoot: (file: string) => boolean;
  /** Parts of files left unread (templates): notifications of the run, not results. */
  readonly skipped?: readonly SkippedPart[];
}

/** SARIF levels: `info` and `hint` are both `note`. */
function sarifLevel(severity: Severity): 'error' | 'warning' | 'note' {
  return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'note';
}

/**
 * A SARIF 2.1.0 log with one run: every registered rule as a reporting descriptor, every
 * finding as a result with its place, related places and a fingerprint that survives edits
 * elsewhere in the file; the parts of files left unread as the invocation's notifications.
 * Columns are UTF-16 code units, as `columnKind` says.
 */
export function formatSarif(diagnostics: readonly Diagnostic[], context: SarifContext): string {
  const ruleIndex = new Map(context.rules.map((rule, index) => [rule.id, index]));
  const fingerprints = new Fingerprints(context.textOf);
  const log = {
    $schema: SARIF_SCHEMA,
    version: SARIF_VERSION,
    runs: [
      {
        tool: {
          driver: {
            name: 'connlint',
            version: context.version,
            semanticVersion: context.version,
            informationUri: context.informationUri,
            rules: context.rules.map((rule) => reportingDescriptor(rule, context.fullDescription(rule.id))),
          },
        },
        columnKind: 'utf16CodeUnits',
        ...(context.skipped !== undefined && context.skipped.length > 0 ? { invocations: [skippedNotifications(context.skipped, context)] } : {}),
        results: diagnostics.map((diagnostic) => ({
          ruleId: diagnostic.rule,
          ...(ruleIndex.has(diagnostic.rule) ? { ruleIndex: ruleIndex.get(diagnostic.rule)! } : {}),
          level: sarifLevel(diagnostic.severity),
          message: { text: diagnostic.message },
          locations: [{ physicalLocation: physicalLocation(diagnostic.file, diagnostic.range, context) }],
          ...(diagnostic.related.length > 0
            ? {
                relatedLocations: diagnostic.related.map((related, index) => ({
                  id: index + 1,
                  physicalLocation: physicalLocation(related.file, related.range, context),
                  message: { text: related.message },
                })),
              }
            : {}),
          partialFingerprints: { [FINGERPRINT_KEY]: fingerprints.next(diagnostic) },
        })),
      },
    ],
  };
  return inertJson(log);
}

/** An invocation that says which parts of files it left unread, each a `note` at the template syntax that decided it. */
function skippedNotifications(skipped: readonly SkippedPart[], context: SarifContext) {
  return {
    executionSuccessful: true,
    toolExecutionNotifications: skipped.map((part) => ({
      level: 'note',
      message: { text: part.reason },
      locations: [{ physicalLocation: physicalLocation(part.file, part.range, context) }],
    })),
  };
}

function reportingDescriptor(rule: Rule, fullDescription: string | undefined) {
  return {
    id: rule.id,
    name: rule.id.replace(/(^|-)([a-z0-9])/g, (_, _dash: string, letter: string) => letter.toUpperCase()),
    shortDescription: { text: rule.description },
    fullDescription: { text: fullDescription ?? rule.description },
    helpUri: ruleDocsUrl(rule.id),
    defaultConfiguration: { level: sarifLevel(rule.defaultSeverity) },
  };
}

function physicalLocation(file: string, range: Range, context: SarifContext) {
  const outside = context.outsideSourceRoot(file);
  return {
    artifactLocation: { uri: fileUri(file), ...(outside ? {} : { uriBaseId: SOURCE_ROOT }) },
    region: {
      startLine: range.start.line + 1,
      startColumn: range.start.character + 1,
      endLine: range.end.line + 1,
      endColumn: range.end.character + 1,
    },
  };
}

/** A `/`-separated relative path as a relative URI reference: each segment percent-encoded. */
function fileUri(file: string): string {
  return file
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}

/**
 * Fingerprints from what a finding is anchored to, not where: the rule, the file, the text of
 * the lines it spans (trimmed) and how many earlier findings share those three. Moving the
 * lines, or editing other lines, keeps the fingerprint; editing the anchored text changes it.
 */
export class Fingerprints {
  private readonly seen = new Map<string, number>();
  private readonly lines = new Map<string, readonly string[]>();

  constructor(private readonly textOf: (file: string) => string | undefined) {}

  next(diagnostic: Diagnostic): string {
    const anchor = this.anchorText(diagnostic.file, diagnostic.range);
    const key = [diagnostic.rule, diagnostic.file, anchor].join('\0');
    const occurrence = this.seen.get(key) ?? 0;
    this.seen.set(key, occurrence + 1);
    return createHash('sha256').update(`${key}\0${occurrence}`).digest('hex').slice(0, 32);
  }

  private anchorText(file: string, range: Range): string {
    let lines = this.lines.get(file);
    if (lines === undefined) {
      lines = (this.textOf(file) ?? '').split(/\r?\n/);
      this.lines.set(file, lines);
    }
    const last = range.end.character === 0 && range.end.line > range.start.line ? range.end.line - 1 : range.end.line;
    return lines
      .slice(range.start.line, last + 1)
      .map((line) => line.trim())
      .join('\n');
  }
}
