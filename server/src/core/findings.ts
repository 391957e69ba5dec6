import { pushTo } from './collections';
import type { K8sObject } from './k8s/objects';
import { holdsPatchedValues } from './kustomize/transform';
import type { Span } from './text';
import { EVERYTHING, type WorkspaceModel } from './model/workspaceModel';
import { RULES } from './rules/registry';
import type { Finding, Rule } from './rules/rule';

/**
 * The registered file-scoped rules (`Rule.scope`), in registry order: the rules of every file
 * shard, each run over the model scoped to that file (`WorkspaceModel.scopedTo`). Every other
 * rule runs over the whole model, in a shard of its own.
 */
const FILE_SCOPED_RULES: readonly Rule[] = RULES.filter((rule) => rule.scope === 'file');

/**
 * A unit of findings kept and recomputed together: every file-scoped rule over one file (`key`
 * is its path), or one rule over the whole workspace (`key` is '').
 */
export interface Shard {
  readonly key: string;
  readonly rules: readonly Rule[];
  /** Creation order, to list findings in a stable order. */
  readonly order: number;
}

/** What a shard found, per rule, and the facets of the model it read to find it. */
interface ShardResult {
  /** Only rules that found something have an entry. */
  readonly findings: ReadonlyMap<Rule, readonly Finding[]>;
  readonly reads: readonly string[];
}

const NO_FINDINGS: readonly Finding[] = [];
/** What most shards find: shared, since a workspace has thousands of them. */
const NO_RULE_FINDINGS: ReadonlyMap<Rule, readonly Finding[]> = new Map();

/**
 * Every rule's findings over one model, kept per shard and recomputed only when a facet of the
 * model that the shard read has changed since (the model records both). Editing a Deployment
 * re-runs the file-scoped rules of the Services that select it and the whole-workspace rules
 * that read the workloads, not every rule over every file.
 */
export class ModelFindings {
  /** One shard per file of the model, for the file-scoped rules. */
  private readonly fileShards = new Map<string, Shard>();
  /** One shard per whole-workspace rule, made when first asked for. */
  private readonly ruleShards = new Map<Rule, Shard>();
  private readonly results = new Map<Shard, ShardResult>();
  /** Facet → the shards whose current result read it: most facets have one reader, kept without a set. */
  private readonly readers = new Map<string, Shard | Set<Shard>>();
  private readonly listeners: ((shard: Shard) => void)[] = [];
  private created = 0;

  constructor(private readonly model: WorkspaceModel) {
    this.syncFiles();
    model.takeChanges();
  }

  /** Calls `listener` with every shard whose findings are outdated, added or removed from now on. */
  listen(listener: (shard: Shard) => void): void {
    this.listeners.push(listener);
  }

  /** Takes in the model's changes: outdated results are dropped, file shards follow added and removed files. */
  refresh(): void {
    const changes = this.model.takeChanges();
    if (changes === EVERYTHING) {
      for (const shard of [...this.results.keys()]) this.invalidate(shard);
      this.syncFiles();
      return;
    }
    for (const facet of changes) {
      const readers = this.readers.get(facet);
      if (readers instanceof Set) for (const shard of [...readers]) this.invalidate(shard);
      else if (readers !== undefined) this.invalidate(readers);
      if (facet.startsWith('file:')) this.fileChanged(facet.slice('file:'.length));
    }
  }

  /** The shards that hold the findings of `rules`, in a stable order. */
  shardsFor(rules: readonly Rule[]): Shard[] {
    const shards: Shard[] = [];
    if (rules.some(isFileScoped)) shards.push(...this.fileShards.values());
    for (const rule of rules) if (!isFileScoped(rule)) shards.push(this.ruleShard(rule));
    return shards;
  }

  /** Whether a shard is still one of the model's. */
  has(shard: Shard): boolean {
    return shard.key === '' ? this.ruleShards.get(shard.rules[0]!) === shard : this.fileShards.get(shard.key) === shard;
  }

  /** A rule's findings in a shard, computed when outdated. */
  findingsOf(shard: Shard, rule: Rule): readonly Finding[] {
    return this.resultOf(shard).findings.get(rule) ?? NO_FINDINGS;
  }

  /** A shard's findings, computed when outdated. */
  resultOf(shard: Shard): ShardResult {
    let result = this.results.get(shard);
    if (result === undefined) {
      const view = shard.key === '' ? this.model : this.model.scopedTo(shard.key);
      let findings: Map<Rule, Finding[]> | undefined;
      const { reads } = this.model.recordReads(() => {
        for (const rule of shard.rules) {
          const reported = new Set<string>();
          rule.check(view, (finding) => {
            if (this.repeatsBuildFinding(finding, reported)) return;
            const kept = keptBuildFinding(finding);
            if (kept === undefined) return;
            flattenMessages(kept);
            pushTo((findings ??= new Map()), rule, kept);
          });
        }
      });
      if (shard.key !== '') reads.add(`file:${shard.key}`);
      result = { findings: findings ?? NO_RULE_FINDINGS, reads: [...reads] };
      this.results.set(shard, result);
      for (const facet of reads) {
        const readers = this.readers.get(facet);
        if (readers === undefined) this.readers.set(facet, shard);
        else if (readers instanceof Set) readers.add(shard);
        else if (readers !== shard) this.readers.set(facet, new Set([readers, shard]));
      }
    }
    return result;
  }

  /**
   * Whether a finding about an object a kustomize build emits was already reported at the same
   * place by another build: several builds that share a source line get one finding there.
   */
  private repeatsBuildFinding(finding: Finding, reported: Set<string>): boolean {
    const subject = finding.subject as K8sObject | undefined;
    if (subject === undefined || this.model.buildOf(subject) === undefined) return false;
    const key = `${finding.file}\u0000${finding.span.start}\u0000${finding.span.end}`;
    if (reported.has(key)) return true;
    reported.add(key);
    return false;
  }

  private ruleShard(rule: Rule): Shard {
    let shard = this.ruleShards.get(rule);
    if (shard === undefined) {
      this.ruleShards.set(rule, (shard = { key: '', rules: [rule], order: this.created++ }));
      this.notify(shard);
    }
    return shard;
  }

  private invalidate(shard: Shard): void {
    const result = this.results.get(shard);
    if (result === undefined) return;
    this.results.delete(shard);
    for (const facet of result.reads) {
      const readers = this.readers.get(facet);
      if (readers === shard) this.readers.delete(facet);
      else if (readers instanceof Set) {
        readers.delete(shard);
        if (readers.size === 0) this.readers.delete(facet);
      }
    }
    this.notify(shard);
  }

  private fileChanged(path: string): void {
    const exists = this.model.recordReads(() => this.model.file(path) !== undefined).result;
    const shard = this.fileShards.get(path);
    if (exists && shard === undefined) this.addFileShard(path);
    else if (!exists && shard !== undefined) this.removeFileShard(shard);
  }

  /** Makes the file shards those of the model's files. */
  private syncFiles(): void {
    const paths = new Set<string>();
    this.model.recordReads(() => {
      for (const file of this.model.files) paths.add(file.path);
    });
    for (const shard of [...this.fileShards.values()]) if (!paths.has(shard.key)) this.removeFileShard(shard);
    for (const path of paths) if (!this.fileShards.has(path)) this.addFileShard(path);
  }

  private addFileShard(path: string): void {
    const shard = { key: path, rules: FILE_SCOPED_RULES, order: this.created++ };
    this.fileShards.set(path, shard);
    this.notify(shard);
  }

  private removeFileShard(shard: Shard): void {
    this.invalidate(shard);
    this.fileShards.delete(shard.key);
    this.notify(shard);
  }

  private notify(shard: Shard): void {
    for (const listener of this.listeners) listener(shard);
  }
}

/**
 * A finding about a Service whose affinity a kustomize patch wrote, as it can be reported: rules
 * place such values in the Service's own file, so a finding there outside the Service's text is
 * dropped, related places outside it are left out, and no fix is offered (it would edit the wrong file).
 */
function keptBuildFinding(finding: Finding): Finding | undefined {
  const subject = finding.subject as K8sObject | undefined;
  if (subject === undefined || !holdsPatchedValues(subject)) return finding;
  const inside = (place: { readonly file: string; readonly span: Span }) => place.file !== subject.file || (place.span.start >= subject.span.start && place.span.end <= subject.span.end);
  if (!inside(finding)) return undefined;
  const { fixes: _fixes, ...rest } = finding;
  return { ...rest, related: (finding.related ?? []).filter(inside) };
}

/**
 * Makes a kept finding's messages flat strings. A message built from parts (a template, `+`) is
 * a tree of them in V8, about ten nodes of 32 bytes for a 200-character message, kept as long as
 * the finding is; reading a character makes V8 copy the string into one flat string, which the
 * garbage collector then keeps in the tree's place. Over 17,700 findings of one large manifest
 * that is 12.6 MB of nodes for 6 MB of text.
 */
function flattenMessages(finding: Finding): void {
  finding.message.charCodeAt(0);
  for (const related of finding.related ?? []) related.message.charCodeAt(0);
}

/** Whether a rule runs in the file shards: a registered file-scoped rule (not a same-named stand-in). */
function isFileScoped(rule: Rule): boolean {
  return FILE_SCOPED_RULES.includes(rule);
}

const findingsByModel = new WeakMap<WorkspaceModel, ModelFindings>();

/** The findings kept for a model, brought up to date with its changes. */
export function modelFindings(model: WorkspaceModel): ModelFindings {
  let findings = findingsByModel.get(model);
  if (findings === undefined) findingsByModel.set(model, (findings = new ModelFindings(model)));
  findings.refresh();
  return findings;
}
