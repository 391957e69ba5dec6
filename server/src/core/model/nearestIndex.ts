import { pushTo } from '../collections';

/**
 * The objects nearest to a file by the nearest-definitions rule (`nearest` in backends.ts),
 * looked up in time proportional to the file's depth rather than to the number of objects:
 * those in the file itself, else those under its deepest directory that holds any, fewest levels
 * below it, in the order given. For a list read for every file of the workspace.
 */
export class NearestIndex<T extends { readonly file: string }> {
  private readonly inFile = new Map<string, T[]>();
  /** By directory (a path up to one of its slashes): the objects under it fewest levels below, and how many. */
  private readonly under = new Map<string, { levels: number; objects: T[] }>();

  constructor(objects: Iterable<T>) {
    for (const object of objects) {
      pushTo(this.inFile, object.file, object);
      const slashes = slashPositions(object.file);
      // The root (no directory in common) is keyed by the empty prefix of a path with no slash in common.
      for (let k = 0; k <= slashes.length; k++) {
        const directory = k === 0 ? '' : object.file.slice(0, slashes[k - 1]);
        const levels = slashes.length - k;
        const best = this.under.get(directory);
        if (best === undefined || levels < best.levels) this.under.set(directory, { levels, objects: [object] });
        else if (levels === best.levels) best.objects.push(object);
      }
    }
  }

  /** The objects nearest to `file`, in the order given; none when there are none. */
  nearest(file: string): readonly T[] {
    const own = this.inFile.get(file);
    if (own !== undefined) return own;
    const slashes = slashPositions(file);
    for (let k = slashes.length; k >= 0; k--) {
      const found = this.under.get(k === 0 ? '' : file.slice(0, slashes[k - 1]));
      if (found !== undefined) return found.objects;
    }
    return [];
  }
}

function slashPositions(path: string): number[] {
  const positions: number[] = [];
  for (let at = path.indexOf('/'); at !== -1; at = path.indexOf('/', at + 1)) positions.push(at);
  return positions;
}
