import assert from 'node:assert/strict';
import { test } from 'node:test';
import { NearestIndex, nearest } from '@connlint/server';

/** Deterministic pseudo-random numbers, so a failing case can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** A path of up to four directories from a small alphabet, so that paths share prefixes (`a/b` and `a/bc`) often. */
function randomPath(next: () => number, root: string): string {
  const names = ['a', 'b', 'ab', 'a b', 'c'];
  const depth = Math.floor(next() * 5);
  const directories = Array.from({ length: depth }, () => names[Math.floor(next() * names.length)]!);
  return `${root}${[...directories, `${names[Math.floor(next() * names.length)]}.yaml`].join('/')}`;
}

test('the index finds the objects nearest() finds, in the same order, for paths and URIs', () => {
  for (const root of ['', 'file:///work/']) {
    for (let seed = 1; seed <= 200; seed++) {
      const next = random(seed);
      const objects = Array.from({ length: 1 + Math.floor(next() * 12) }, (_, id) => ({ id, file: randomPath(next, root) }));
      const index = new NearestIndex(objects);
      for (let query = 0; query < 10; query++) {
        const file = next() < 0.2 ? objects[Math.floor(next() * objects.length)]!.file : randomPath(next, root);
        assert.deepEqual(index.nearest(file), nearest(file, objects), `seed ${seed}, ${root || 'paths'}: ${file} among ${objects.map((object) => object.file).join(', ')}`);
      }
    }
  }
});

test('an empty index finds nothing', () => {
  assert.deepEqual(new NearestIndex([]).nearest('a/b.yaml'), []);
});
