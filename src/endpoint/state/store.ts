import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { DirectoryLock } from './lock.ts';

/** Where a record lives: collection path segments, then the record's id. */
export type RecordKey = readonly string[];

/** Reads and writes during one locked transaction; a read sees the transaction's own writes. */
export interface Transaction {
  get<T>(key: RecordKey): Promise<T | undefined>;
  list<T>(collection: RecordKey): Promise<T[]>;
  put(key: RecordKey, value: unknown): void;
  delete(key: RecordKey): void;
}

/**
 * The endpoint's state: one JSON file per record under the state directory, each written
 * atomically (temporary file, then rename). Changes happen in transactions under a lock shared
 * with other processes, and read the files afresh, so two servers on one directory never lose or
 * corrupt each other's writes.
 */
export class StateStore {
  private readonly lock: DirectoryLock;

  constructor(readonly dir: string) {
    this.lock = new DirectoryLock(dir);
  }

  get<T>(key: RecordKey): Promise<T | undefined> {
    return this.readFile<T>(this.file(key));
  }

  /** Every record of a collection, ordered by id. */
  async list<T>(collection: RecordKey): Promise<T[]> {
    const records = await Promise.all((await this.listFiles(collection)).map((file) => this.readFile<T>(file)));
    return records.filter((r): r is Awaited<T> => r !== undefined) as T[];
  }

  /** Runs `fn` under the lock and applies its writes when it returns (none if it throws). */
  transact<R>(fn: (tx: Transaction) => Promise<R> | R): Promise<R> {
    return this.lock.run(async () => {
      const writes = new Map<string, { key: RecordKey; value: unknown }>();
      const tx: Transaction = {
        get: async <T>(key: RecordKey) => {
          const pending = writes.get(this.file(key));
          return pending ? (pending.value as T | undefined) : this.get<T>(key);
        },
        list: async <T>(collection: RecordKey) => {
          const dir = join(this.dir, ...collection.map(encodeSegment));
          const merged = new Map<string, T | undefined>();
          for (const file of await this.listFiles(collection)) merged.set(file, await this.readFile<T>(file));
          for (const [file, write] of writes) if (dirname(file) === dir) merged.set(file, write.value as T | undefined);
          return [...merged.keys()].sort().map((f) => merged.get(f)).filter((r): r is T => r !== undefined);
        },
        put: (key, value) => void writes.set(this.file(key), { key, value: structuredClone(value) }),
        delete: (key) => void writes.set(this.file(key), { key, value: undefined }),
      };
      const result = await fn(tx);
      for (const [file, { value }] of writes) {
        if (value === undefined) await rm(file, { force: true });
        else await writeAtomically(file, JSON.stringify(value));
      }
      return result;
    });
  }

  private async listFiles(collection: RecordKey): Promise<string[]> {
    const dir = join(this.dir, ...collection.map(encodeSegment));
    try {
      return (await readdir(dir)).filter((n) => n.endsWith('.json') && !n.startsWith('.')).sort().map((n) => join(dir, n));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
  }

  private async readFile<T>(file: string): Promise<T | undefined> {
    try {
      return JSON.parse(await readFile(file, 'utf8')) as T;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  private file(key: RecordKey): string {
    return join(this.dir, ...key.map(encodeSegment)) + '.json';
  }
}

async function writeAtomically(file: string, text: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temp = join(dirname(file), `.${randomUUID()}.tmp`);
  await writeFile(temp, text);
  await rename(temp, file);
}

/** File-name-safe and reversible: keeps letters, digits, `_` and `-`; escapes the rest as `%XX`. */
export function encodeSegment(segment: string): string {
  return Array.from(new TextEncoder().encode(segment), (byte) => {
    const c = String.fromCharCode(byte);
    return /[A-Za-z0-9_-]/.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }).join('');
}

export function decodeSegment(encoded: string): string {
  return decodeURIComponent(encoded);
}
