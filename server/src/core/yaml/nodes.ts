import { isAlias, isMap, isScalar, isSeq, visit, type Alias, type Document, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';
import type { Span } from '../text';
import { kubernetesInt32 } from './int32';

/** The empty string map `NodeReader.stringMap` gives: read-only by type, and never written to. */
const NO_STRINGS: ReadonlyMap<string, string> = new Map();

/** A YAML value node, with aliases not yet resolved. */
export type YamlNode = Node;

/**
 * Reads typed values from a parsed YAML document and turns node ranges into spans of the
 * file the document was sliced from. Aliases resolve to their anchor's node, one level and
 * never expanded: an alias bomb costs no more than its text. Mappings are read as kubectl reads
 * them (go-yaml v2, then JSON): merge keys (`<<: *base`, `<<: [*a, *b]`) bring in the keys of the
 * mappings they name, and of two writes of a key the later one in the mapping wins.
 */
export class NodeReader {
  /** Each alias's anchored node, found in one pass over the document on first need. */
  private anchored: Map<Alias, YamlNode | undefined> | undefined;

  constructor(
    private readonly document: Document.Parsed,
    /** Offset of the document's text in its file. */
    readonly offset: number,
    /** The document's text as parsed: without it, a block scalar's span keeps its final line break. */
    private readonly source?: string,
  ) {}

  /** The node at a path of mapping keys below `node`, if every step is a mapping. */
  get(node: unknown, ...path: string[]): YamlNode | undefined {
    let current = this.resolve(node);
    for (const key of path) {
      const map = this.map(current);
      if (map === undefined) return undefined;
      current = this.resolve(this.pair(map, key)?.value);
    }
    return current;
  }

  /** The pair's key node for `key` in a mapping: where the key is written. */
  keyNode(node: unknown, key: string): YamlNode | undefined {
    const map = this.map(node);
    const pair = map === undefined ? undefined : this.pair(map, key);
    return isScalar(pair?.key) ? pair.key : undefined;
  }

  map(node: unknown): YAMLMap<unknown, unknown> | undefined {
    const resolved = this.resolve(node);
    return isMap(resolved) ? resolved : undefined;
  }

  /** The items of a sequence, or none. */
  items(node: unknown): YamlNode[] {
    const resolved = this.resolve(node);
    return isSeq(resolved) ? resolved.items.map((item) => this.resolve(item)).filter(isDefined) : [];
  }

  scalar(node: unknown): Scalar | undefined {
    const resolved = this.resolve(node);
    return isScalar(resolved) ? resolved : undefined;
  }

  /** A scalar's value as text (numbers and booleans as written), or undefined. */
  string(node: unknown): string | undefined {
    const scalar = this.scalar(node);
    if (scalar === undefined || scalar.value === null || typeof scalar.value === 'object') return undefined;
    return typeof scalar.value === 'string' ? scalar.value : (scalar.source ?? String(scalar.value));
  }

  /** An int32 field's value as the API server reads it (see kubernetesInt32), or undefined. */
  int32(node: unknown): number | undefined {
    return kubernetesInt32(this.scalar(node));
  }

  /**
   * A mapping of scalars to scalars (labels, selectors, annotations). An absent or empty one is
   * a map shared by all: most objects have no annotations, and a workspace holds tens of thousands.
   */
  stringMap(node: unknown): ReadonlyMap<string, string> {
    let result: Map<string, string> | undefined;
    const map = this.map(node);
    for (const pair of map === undefined ? [] : this.pairs(map)) {
      const key = this.string(pair.key);
      const value = this.string(pair.value) ?? (this.scalar(pair.value)?.value === null ? '' : undefined);
      if (key !== undefined && value !== undefined) (result ??= new Map()).set(key, value);
    }
    return result ?? NO_STRINGS;
  }

  /**
   * Where a node's value is written in the file (without a trailing comment). A block scalar's
   * (`|`, `>-`) runs from its header to its last content character: the line break after it
   * belongs to what follows, so replacing the value keeps the next key on its own line.
   */
  span(node: unknown): Span | undefined {
    if (!isNodeWithRange(node)) return undefined;
    const [start, valueEnd] = node.range;
    const end = this.source !== undefined && isBlockScalar(node) ? blockScalarEnd(this.source, start, valueEnd) : valueEnd;
    return { start: start + this.offset, end: end + this.offset };
  }

  /**
   * The pair that gives `key` its value in a mapping, merge keys included: the last one written,
   * where a merge key writes its mappings' pairs in its place (of a list of mappings, the first
   * wins). Each mapping is searched once: merge cycles and merge bombs cost one pass over them.
   */
  private pair(map: YAMLMap<unknown, unknown>, key: string, searched?: Set<YAMLMap<unknown, unknown>>): Pair<unknown, unknown> | undefined {
    for (let i = map.items.length - 1; i >= 0; i--) {
      const pair = map.items[i]!;
      if (!isMergeKey(pair.key)) {
        if (isScalar(pair.key) && String(pair.key.value) === key) return pair;
        continue;
      }
      searched ??= new Set([map]);
      for (const source of this.mergeSources(pair.value)) {
        if (searched.has(source)) continue;
        searched.add(source);
        const merged = this.pair(source, key, searched);
        if (merged !== undefined) return merged;
      }
    }
    return undefined;
  }

  /** A mapping's pairs as kubectl ends up with them (see `pair`), without the merge keys, each key once. */
  private pairs(map: YAMLMap<unknown, unknown>): Pair<unknown, unknown>[] {
    if (!map.items.some((pair) => isMergeKey(pair.key))) return map.items;
    const byKey = new Map<string, Pair<unknown, unknown>>();
    const expansions = { left: MAX_MERGE_EXPANSIONS };
    const write = (current: YAMLMap<unknown, unknown>, path: ReadonlySet<YAMLMap<unknown, unknown>>): void => {
      for (const pair of current.items) {
        if (!isMergeKey(pair.key)) {
          if (isScalar(pair.key)) byKey.set(String(pair.key.value), pair);
          continue;
        }
        // go-yaml writes a list of merged mappings from the last to the first: the first wins.
        for (const source of this.mergeSources(pair.value).reverse()) {
          if (path.has(source) || --expansions.left < 0) continue;
          write(source, new Set([...path, source]));
        }
      }
    };
    write(map, new Set([map]));
    return [...byKey.values()];
  }

  /** The mappings a merge key's value names: a mapping, or a list of them (aliases resolved). */
  private mergeSources(value: unknown): YAMLMap<unknown, unknown>[] {
    const resolved = this.resolve(value);
    if (isMap(resolved)) return [resolved];
    return isSeq(resolved) ? resolved.items.flatMap((item) => this.map(item) ?? []) : [];
  }

  private resolve(node: unknown): YamlNode | undefined {
    if (isAlias(node)) return (this.anchored ??= anchorsOf(this.document)).get(node);
    return isNodeWithRange(node) ? node : undefined;
  }
}

/**
 * Maps every alias of a document to the node of the latest anchor of its name before it, as
 * YAML resolves them; `Alias.resolve` walks the document for each alias, quadratic in a file of many.
 */
function anchorsOf(document: Document.Parsed): Map<Alias, YamlNode | undefined> {
  const latest = new Map<string, YamlNode>();
  const anchored = new Map<Alias, YamlNode | undefined>();
  visit(document, (_key, node) => {
    if (isAlias(node)) anchored.set(node, latest.get(node.source));
    else if (isNodeWithRange(node) && node.anchor) latest.set(node.anchor, node);
  });
  return anchored;
}

/** Merged mappings expanded when a mapping's pairs are listed, at most: a merge bomb stops there. */
const MAX_MERGE_EXPANSIONS = 1000;

/**
 * A merge key: `<<` written plain or tagged `!!merge` (parsed with `merge: true`, its value is a
 * symbol), as go-yaml reads it; a quoted `"<<"` is an ordinary key.
 */
function isMergeKey(key: unknown): boolean {
  return isScalar(key) && (typeof key.value === 'symbol' || (key.value === '<<' && key.type === 'PLAIN' && key.tag === undefined));
}

function isBlockScalar(node: YamlNode): node is Scalar {
  return isScalar(node) && (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED');
}

/** Where a block scalar's written text ends: before the blanks and line breaks that close it. */
function blockScalarEnd(source: string, start: number, valueEnd: number): number {
  let end = valueEnd;
  while (end > start + 1 && /\s/.test(source.charAt(end - 1))) end--;
  return end;
}

function isNodeWithRange(node: unknown): node is YamlNode & { range: [number, number, number] } {
  return typeof node === 'object' && node !== null && Array.isArray((node as YamlNode).range);
}

function isDefined<T>(value: T | undefined): value is T {
  return value !== undefined;
}
