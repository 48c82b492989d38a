/**
 * Records keyed by text from specs, logs or AWS — tag keys, target names, ids — made without a
 * prototype. On a plain object, assigning the key `__proto__` replaces the object's prototype
 * instead of adding an entry, and `key in record` or `record[key]` finds `constructor`,
 * `hasOwnProperty` and `toString` on `Object.prototype`: a stranger's tag with such a name would be
 * invisible, and `--target toString` a target. Here they are keys like any other.
 */
export function keyedRecord<V>(entries: Iterable<readonly [string, V]> = []): Record<string, V> {
  const record = Object.create(null) as Record<string, V>;
  for (const [key, value] of entries) record[key] = value;
  return record;
}

/** `record[key]` when the record itself has that key; never a member of `Object.prototype`. */
export function ownValue<V>(record: Readonly<Record<string, V>> | undefined, key: string): V | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}
