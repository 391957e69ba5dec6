import { isAlias, isMap, isScalar, isSeq, visit, type Alias, type Document, type Node, type Scalar, type YAMLMap } from 'yaml';
import type { Span } from '../text';

/** A YAML value node, with aliases not yet resolved. */
export type YamlNode = Node;

/**
 * Reads typed values from a parsed YAML document and turns node ranges into spans of the
 * file the document was sliced from. Aliases resolve to their anchor's node, one level and
 * never expanded: an alias bomb costs no more than its text.
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
      current = this.resolve(valueOf(map, key));
    }
    return current;
  }

  /** The pair's key node for `key` in a mapping: where the key is written. */
  keyNode(node: unknown, key: string): YamlNode | undefined {
    const map = this.map(node);
    const pair = map?.items.find((item) => isScalar(item.key) && String(item.key.value) === key);
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

  /** A scalar that is an integer (not a string holding one), or undefined. */
  integer(node: unknown): number | undefined {
    const value = this.scalar(node)?.value;
    return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
  }

  /** A mapping of scalars to scalars (labels, selectors, annotations). */
  stringMap(node: unknown): Map<string, string> {
    const result = new Map<string, string>();
    for (const pair of this.map(node)?.items ?? []) {
      const key = this.string(pair.key);
      const value = this.string(pair.value) ?? (this.scalar(pair.value)?.value === null ? '' : undefined);
      if (key !== undefined && value !== undefined) result.set(key, value);
    }
    return result;
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

function valueOf(map: YAMLMap<unknown, unknown>, key: string): unknown {
  for (const pair of map.items) {
    if (isScalar(pair.key) && String(pair.key.value) === key) return pair.value;
  }
  return undefined;
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
