import { DerivedValues } from './derivedValues';

/** Everything changed: what `takeChanges` returns after new assumptions, or after too many changes to list. */
export const EVERYTHING = 'everything';

/** More changed facets than this are reported as EVERYTHING (a workspace scan, say). */
const MAX_LISTED_CHANGES = 50_000;

/**
 * Which facets of a model (`file:<path>`, `workloadsIn:<namespace>`, …) a computation read, and
 * which changed since they were last taken: what lets results be kept while none they read changed.
 */
export class FacetLog {
  private changes: Set<string> | typeof EVERYTHING = new Set();
  private reads: Set<string> | undefined;
  private readonly derived = new DerivedValues(this);

  /**
   * Runs `compute` and returns the facets it read, with its result; an enclosing recording gets
   * them too, unless `apart` (a value kept apart, read by the enclosing one as a facet of its own).
   */
  recordReads<T>(compute: () => T, apart = false): { result: T; reads: Set<string> } {
    const outer = this.reads;
    const reads = new Set<string>();
    this.reads = reads;
    try {
      return { result: compute(), reads };
    } finally {
      this.reads = outer;
      if (outer !== undefined && !apart) for (const facet of reads) outer.add(facet);
    }
  }

  /** Notes that the computation being recorded read a facet, and passes its value through. */
  read<T>(facet: string, value: T): T {
    this.reads?.add(facet);
    return value;
  }

  /** Notes that a facet changed. */
  changed(facet: string): void {
    if (this.changes === EVERYTHING) return;
    this.changes.add(facet);
    if (this.changes.size > MAX_LISTED_CHANGES) this.changes = EVERYTHING;
  }

  /** Notes that every facet changed. */
  changedEverything(): void {
    this.changes = EVERYTHING;
  }

  /**
   * A value computed from what `compute` reads, read as a facet of its own that changes only when
   * the value does (see DerivedValues); computed again when `takeChanges` finds a facet it read changed.
   */
  derive<T>(name: string, compute: () => T, same: (a: T, b: T) => boolean): T {
    return this.derived.read(name, compute, same);
  }

  /** The facets changed since the last call (or since the log was made), or EVERYTHING. */
  takeChanges(): ReadonlySet<string> | typeof EVERYTHING {
    const changes = this.changes;
    this.changes = new Set();
    if (changes !== EVERYTHING) return this.derived.update(changes);
    this.derived.clear();
    return changes;
  }
}
