import type { Span } from '../text';
import type { NodeReader } from '../yaml/nodes';

/** One JSON 6902 operation whose value Connlint can read: a scalar or a map of scalars. */
export interface PatchOperation {
  readonly op: 'add' | 'replace' | 'remove';
  /** The JSON pointer, split and unescaped: `['spec', 'replicas']`. */
  readonly path: readonly string[];
  readonly value: string | ReadonlyMap<string, string> | undefined;
  readonly file: string;
  readonly span: Span;
}

const OPERATIONS = new Set(['add', 'replace', 'remove']);

/**
 * Reads a JSON 6902 patch (a YAML or JSON list of operations). Operations other than add,
 * replace and remove (copy, move, test) change nothing Connlint reads and are left out.
 */
export function readJson6902(reader: NodeReader, root: unknown, file: string): PatchOperation[] {
  const operations: PatchOperation[] = [];
  for (const item of reader.items(root)) {
    const op = reader.string(reader.get(item, 'op'));
    const path = reader.string(reader.get(item, 'path'));
    const valueNode = reader.get(item, 'value');
    const span = reader.span(valueNode) ?? reader.span(item);
    if (op === undefined || !OPERATIONS.has(op) || path === undefined || !path.startsWith('/') || span === undefined) continue;
    const value = reader.map(valueNode) !== undefined ? reader.stringMap(valueNode) : reader.string(valueNode);
    operations.push({ op: op as PatchOperation['op'], path: path.slice(1).split('/').map(unescapePointer), value, file, span });
  }
  return operations;
}

function unescapePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}
