import { pushTo } from '../collections';

/**
 * Lists of objects by key, each list in workspace order (by file path, then by position in the
 * file), updated one file at a time: replacing a file's objects touches only the keys they are under.
 */
export class OrderedIndex<T extends { readonly file: string }> {
  private readonly lists = new Map<string, T[]>();
  private static readonly EMPTY: readonly never[] = [];

  /** The objects under a key, in workspace order. */
  get(key: string): readonly T[] {
    return this.lists.get(key) ?? OrderedIndex.EMPTY;
  }

  /**
   * Replaces what file `path` contributes: `before` and `after` list its objects with their keys,
   * in document order. Calls `changed` with every key whose list changed.
   */
  replaceFile(path: string, before: readonly (readonly [string, T])[], after: readonly (readonly [string, T])[], changed: (key: string) => void): void {
    // Grouped in one pass: filtering `after` once per key is quadratic in a file of many objects.
    const addedByKey = new Map<string, T[]>();
    for (const [key] of before) addedByKey.set(key, []);
    for (const [key, item] of after) pushTo(addedByKey, key, item);
    for (const [key, added] of addedByKey) {
      const list = this.lists.get(key) ?? [];
      const start = firstAtOrAfter(list, path);
      let end = start;
      while (end < list.length && list[end]!.file === path) end++;
      // Not splice(…, ...added): a file of many objects would overflow the call stack.
      const replaced = end === start && added.length === 0 ? list : [...list.slice(0, start), ...added, ...list.slice(end)];
      if (replaced.length === 0) this.lists.delete(key);
      else this.lists.set(key, replaced);
      changed(key);
    }
  }
}

/** The first index whose item's file is not before `path` (the list is ordered by file). */
function firstAtOrAfter<T extends { readonly file: string }>(list: readonly T[], path: string): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (list[middle]!.file < path) low = middle + 1;
    else high = middle;
  }
  return low;
}
