/** Appends `value` to the list `map` holds under `key`, starting the list when there is none. */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

/** Whether any of `items` is in `set`. */
export function someIn<T>(items: Iterable<T>, set: ReadonlySet<T>): boolean {
  for (const item of items) if (set.has(item)) return true;
  return false;
}
