import { someIn } from '../collections';
import type { FacetLog } from './facetLog';

interface Derived {
  readonly value: unknown;
  /** The facets its computation read: when one of them changes, it is computed again. */
  readonly reads: ReadonlySet<string>;
  readonly compute: () => unknown;
  readonly same: (a: unknown, b: unknown) => boolean;
}

/**
 * Values computed from the whole workspace that many results read (the cloud its annotations
 * name, say), each read as a facet of its own, `value:<name>`, that changes only when the value
 * does: after an edit of a Service, the value is computed again once, and the results that read
 * it are re-run only if it changed, not after every edit of what it was computed from.
 */
export class DerivedValues {
  private readonly values = new Map<string, Derived>();

  constructor(private readonly facets: FacetLog) {}

  /** The value of that name, computed by `compute` when it is not kept; records a read of its facet. */
  read<T>(name: string, compute: () => T, same: (a: T, b: T) => boolean): T {
    this.facets.read(valueFacet(name), undefined);
    let derived = this.values.get(name);
    if (derived === undefined) {
      const { result, reads } = this.facets.recordReads(compute, true);
      derived = { value: result, reads, compute, same: same as Derived['same'] };
      this.values.set(name, derived);
    }
    return derived.value as T;
  }

  /** Brings the kept values up to date after `changes`; the changes, with the facet of each value that changed. */
  update(changes: ReadonlySet<string>): ReadonlySet<string> {
    let updated = changes;
    for (const [name, derived] of this.values) {
      if (!someIn(derived.reads, changes)) continue;
      const { result, reads } = this.facets.recordReads(derived.compute, true);
      this.values.set(name, { ...derived, value: result, reads });
      if (derived.same(derived.value, result)) continue;
      if (updated === changes) updated = new Set(changes);
      (updated as Set<string>).add(valueFacet(name));
    }
    return updated;
  }

  /** Forgets every value: after a change to everything. */
  clear(): void {
    this.values.clear();
  }
}

const valueFacet = (name: string): string => `value:${name}`;
