import { EVERYTHING, type WorkspaceModel } from './model/workspaceModel';
import { ruleById } from './rules/registry';
import type { Finding, Rule } from './rules/rule';

/**
 * Rules whose findings are each about one object or file: the Services, workloads, kube-proxy
 * configurations or files they iterate, with the rest of the model only looked up. They run one
 * file at a time, over the model scoped to that file (`WorkspaceModel.scopedTo`). The other rules
 * weigh the whole workspace at once (a default that many workloads rely on, the node's sysctl
 * files in order) and run over the whole model.
 */
const FILE_SCOPED_RULES = new Set([
  'service-affinity',
  'affinity-timeout',
  'affinity-ignored',
  'sysctl-value',
  'sysctl-unknown-key',
  'yaml-syntax',
  'sysctl-syntax',
]);

/** A rule's run over one file (`key` is its path) or over the whole workspace (`key` is ''). */
export interface Shard {
  readonly rule: Rule;
  readonly key: string;
  /** Creation order, to list findings in a stable order. */
  readonly order: number;
}

/** What a shard found, and the facets of the model it read to find it. */
export interface ShardResult {
  readonly findings: readonly Finding[];
  readonly reads: ReadonlySet<string>;
}

/**
 * Every rule's findings over one model, kept per shard and recomputed only when a facet of the
 * model that the shard read has changed since (the model records both). Editing a Deployment
 * re-runs the rules of the Services that select it and the whole-workspace rules that read the
 * workloads, not every rule over every file.
 */
export class ModelFindings {
  private readonly shardsByRule = new Map<Rule, Map<string, Shard>>();
  private readonly results = new Map<Shard, ShardResult>();
  /** Facet → the shards whose current result read it. */
  private readonly readers = new Map<string, Set<Shard>>();
  private readonly views = new Map<string, WorkspaceModel>();
  private readonly listeners: ((shard: Shard) => void)[] = [];
  private created = 0;

  constructor(private readonly model: WorkspaceModel) {}

  /** Calls `listener` with every shard whose findings are outdated, added or removed from now on. */
  listen(listener: (shard: Shard) => void): void {
    this.listeners.push(listener);
  }

  /** Takes in the model's changes: outdated results are dropped, shards follow added and removed files. */
  refresh(): void {
    const changes = this.model.takeChanges();
    if (changes === EVERYTHING) {
      for (const shard of [...this.results.keys()]) this.invalidate(shard);
      this.views.clear();
      for (const [rule, shards] of this.shardsByRule) if (isFileScoped(rule)) this.syncFiles(rule, shards);
      return;
    }
    for (const facet of changes) {
      for (const shard of [...(this.readers.get(facet) ?? [])]) this.invalidate(shard);
      if (facet.startsWith('file:')) this.fileChanged(facet.slice('file:'.length));
    }
  }

  /** The shards of a rule, in a stable order. */
  shardsOf(rule: Rule): Shard[] {
    let shards = this.shardsByRule.get(rule);
    if (shards === undefined) {
      this.shardsByRule.set(rule, (shards = new Map()));
      if (isFileScoped(rule)) this.syncFiles(rule, shards);
      else this.addShard(rule, shards, '');
    }
    return [...shards.values()];
  }

  /** Whether a shard is still one of its rule's. */
  has(shard: Shard): boolean {
    return this.shardsByRule.get(shard.rule)?.get(shard.key) === shard;
  }

  /** A shard's findings, computed when outdated. */
  resultOf(shard: Shard): ShardResult {
    let result = this.results.get(shard);
    if (result === undefined) {
      const view = shard.key === '' ? this.model : this.viewOf(shard.key);
      const findings: Finding[] = [];
      const { reads } = this.model.recordReads(() => shard.rule.check(view, (finding) => findings.push(finding)));
      if (shard.key !== '') reads.add(`file:${shard.key}`);
      result = { findings, reads };
      this.results.set(shard, result);
      for (const facet of reads) {
        let shards = this.readers.get(facet);
        if (shards === undefined) this.readers.set(facet, (shards = new Set()));
        shards.add(shard);
      }
    }
    return result;
  }

  private viewOf(path: string): WorkspaceModel {
    let view = this.views.get(path);
    if (view === undefined) this.views.set(path, (view = this.model.scopedTo(path)));
    return view;
  }

  private invalidate(shard: Shard): void {
    const result = this.results.get(shard);
    if (result === undefined) return;
    this.results.delete(shard);
    for (const facet of result.reads) {
      const shards = this.readers.get(facet);
      shards?.delete(shard);
      if (shards?.size === 0) this.readers.delete(facet);
    }
    this.notify(shard);
  }

  private fileChanged(path: string): void {
    const exists = this.model.recordReads(() => this.model.file(path) !== undefined).result;
    if (!exists) this.views.delete(path);
    for (const [rule, shards] of this.shardsByRule) {
      if (!isFileScoped(rule)) continue;
      const shard = shards.get(path);
      if (exists && shard === undefined) this.addShard(rule, shards, path);
      else if (!exists && shard !== undefined) this.removeShard(shards, shard);
    }
  }

  /** Makes a file-scoped rule's shards those of the model's files. */
  private syncFiles(rule: Rule, shards: Map<string, Shard>): void {
    const paths = new Set<string>();
    this.model.recordReads(() => {
      for (const file of this.model.files) paths.add(file.path);
    });
    for (const shard of [...shards.values()]) if (!paths.has(shard.key)) this.removeShard(shards, shard);
    for (const path of paths) if (!shards.has(path)) this.addShard(rule, shards, path);
  }

  private addShard(rule: Rule, shards: Map<string, Shard>, key: string): void {
    const shard = { rule, key, order: this.created++ };
    shards.set(key, shard);
    this.notify(shard);
  }

  private removeShard(shards: Map<string, Shard>, shard: Shard): void {
    this.invalidate(shard);
    shards.delete(shard.key);
    this.notify(shard);
  }

  private notify(shard: Shard): void {
    for (const listener of this.listeners) listener(shard);
  }
}

function isFileScoped(rule: Rule): boolean {
  return FILE_SCOPED_RULES.has(rule.id) && ruleById(rule.id) === rule;
}

const findingsByModel = new WeakMap<WorkspaceModel, ModelFindings>();

/** The findings kept for a model, brought up to date with its changes. */
export function modelFindings(model: WorkspaceModel): ModelFindings {
  let findings = findingsByModel.get(model);
  if (findings === undefined) findingsByModel.set(model, (findings = new ModelFindings(model)));
  findings.refresh();
  return findings;
}
