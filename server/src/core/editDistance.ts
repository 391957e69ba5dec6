/**
 * Edit distance with adjacent transpositions (optimal string alignment): insert, delete, replace
 * or swap two neighbours each cost 1. Returns `limit` as soon as the distance cannot be below it.
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) >= limit) return limit;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMinimum = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2]! + 1);
      current.push(value);
      rowMinimum = Math.min(rowMinimum, value);
    }
    if (rowMinimum >= limit) return limit;
    [before, previous] = [previous, current];
  }
  return Math.min(previous[b.length]!, limit);
}

/** The candidates nearest to `word`, when within `limit` edits; ties are all returned. */
export function nearestWords(word: string, candidates: readonly string[], limit: number): string[] {
  let best = limit + 1;
  let nearest: string[] = [];
  for (const candidate of candidates) {
    const distance = editDistance(word, candidate, best + 1);
    if (distance < best) [best, nearest] = [distance, [candidate]];
    else if (distance === best) nearest.push(candidate);
  }
  return best <= limit ? nearest : [];
}
