import type { JsonPath } from '../load/located.ts';

/** JSON pointer → path, with list indexes as numbers. */
export function toPath(data: unknown, pointer: string): JsonPath {
  const path: (string | number)[] = [];
  let node = data;
  for (const raw of pointer.split('/').slice(1)) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const step = Array.isArray(node) ? Number(segment) : segment;
    path.push(step);
    node = (node as Record<string | number, unknown> | undefined)?.[step];
  }
  return path;
}
