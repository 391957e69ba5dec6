import type { NodeReader, YamlNode } from '../yaml/nodes';
import type { K8sObject, Located, ObjectBase } from './objects';

/**
 * An object's base, as the builder of its kind has checked it to be. Builders add their fields
 * to it with Object.assign: spreading it into a larger literal gives every object a hidden class
 * of its own in V8 (measured: tens of thousands of them, megabytes, over a large workspace).
 */
export type OfKind<T extends K8sObject> = ObjectBase & { readonly kind: T['kind'] };

const NOTHING: readonly never[] = Object.freeze([]);

/**
 * A list as an object keeps it: one shared array when empty, else a copy of exactly its length.
 * An array V8 grows element by element (push, flatMap, spread of a list) keeps room for about
 * sixteen: 170 bytes for one element, on each of tens of thousands of objects.
 */
export function exactList<T>(list: readonly T[]): readonly T[] {
  return list.length === 0 ? NOTHING : list.slice();
}

/** A scalar YAML reads as a number or boolean (`600`, `true`), where Kubernetes wants a string. */
export function isNonStringScalar(reader: NodeReader, node: YamlNode | undefined): boolean {
  const value = reader.scalar(node)?.value;
  return typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint';
}

/** A value with the span of the node it was read from; undefined when either is missing. */
export function located<T>(reader: NodeReader, node: YamlNode | undefined, value: T | undefined): Located<T> | undefined {
  const span = reader.span(node);
  return value === undefined || span === undefined ? undefined : { value, span };
}

/** A string value with its span. */
export function locatedString(reader: NodeReader, node: YamlNode | undefined): Located<string> | undefined {
  return located(reader, node, reader.string(node));
}
