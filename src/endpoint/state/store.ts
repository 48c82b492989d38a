import { randomUUID } from 'node:crypto';
import { dirname, join } from 'node:path';
import { errorCode, StateStoreError } from './errors.ts';
import { nodeStateFileSystem, type StateFileSystem } from './files.ts';
import { DirectoryLock } from './lock.ts';
import { collectionPath, decodeSegment, recordPath } from './paths.ts';

/** Where a record lives: collection path segments, then the record's id. */
export type RecordKey = readonly string[];

/** Reads and writes during one locked transaction; a read sees the transaction's own writes. */
export interface Transaction {
  get<T>(key: RecordKey): Promise<T | undefined>;
  list<T>(collection: RecordKey): Promise<T[]>;
  put(key: RecordKey, value: unknown): void;
  delete(key: RecordKey): void;
}

export interface StateStoreOptions {
  /** The file operations (default: node:fs); tests pass one that fails like a full disk. */
  readonly files?: StateFileSystem;
  /** Where notes about the lock go. */
  readonly log?: (line: string) => void;
}

/**
 * The endpoint's state: one JSON file per record under the state directory, each written
 * atomically (temporary file, then rename; the temporary file is removed when a write fails).
 * Changes happen in transactions under a lock shared with other processes, and read the files
 * afresh, so two servers on one directory never lose or corrupt each other's writes. A file that
 * cannot be read or written is a `StateStoreError` naming its path (a full disk is not a crash).
 */
export class StateStore {
  private readonly lock: DirectoryLock;
  private readonly files: StateFileSystem;

  constructor(
    readonly dir: string,
    options: StateStoreOptions = {},
  ) {
    this.files = options.files ?? nodeStateFileSystem;
    this.lock = new DirectoryLock(dir, options.log ?? (() => undefined));
  }

  get<T>(key: RecordKey): Promise<T | undefined> {
    return this.readRecord<T>(recordPath(this.dir, key));
  }

  /** Every record of a collection, ordered by file name. */
  async list<T>(collection: RecordKey): Promise<T[]> {
    const records = await Promise.all((await this.listFiles(collection)).map((file) => this.readRecord<T>(file)));
    return records.filter((r): r is Awaited<T> => r !== undefined) as T[];
  }

  /** The names of a collection's sub-collections (e.g. the regions under `athena/<account>`). */
  async collections(key: RecordKey): Promise<string[]> {
    const dir = collectionPath(this.dir, key);
    const entries = await this.guard('read', dir, () => this.files.entries(dir), []);
    return entries
      .filter((e) => e.isDirectory)
      .map((e) => decodeSegment(e.name))
      .filter((n): n is string => n !== undefined)
      .sort();
  }

  /** Runs `fn` under the lock and applies its writes when it returns (none if it throws). */
  transact<R>(fn: (tx: Transaction) => Promise<R> | R): Promise<R> {
    return this.lock.run(() => this.transaction(fn));
  }

  private async transaction<R>(fn: (tx: Transaction) => Promise<R> | R): Promise<R> {
    const writes = new Map<string, { value: unknown }>();
    const tx: Transaction = {
      get: async <T>(key: RecordKey) => {
        const pending = writes.get(recordPath(this.dir, key));
        return pending ? (pending.value as T | undefined) : this.get<T>(key);
      },
      list: async <T>(collection: RecordKey) => {
        const dir = collectionPath(this.dir, collection);
        const merged = new Map<string, T | undefined>();
        for (const file of await this.listFiles(collection)) merged.set(file, await this.readRecord<T>(file));
        for (const [file, write] of writes) if (dirname(file) === dir) merged.set(file, write.value as T | undefined);
        return [...merged.keys()]
          .sort()
          .map((f) => merged.get(f))
          .filter((r): r is T => r !== undefined);
      },
      put: (key, value) => void writes.set(recordPath(this.dir, key), { value: structuredClone(value) }),
      delete: (key) => void writes.set(recordPath(this.dir, key), { value: undefined }),
    };
    const result = await fn(tx);
    for (const [file, { value }] of writes) {
      if (value === undefined) await this.guard('write', file, () => this.files.remove(file));
      else await this.writeAtomically(file, JSON.stringify(value));
    }
    return result;
  }

  private async writeAtomically(file: string, text: string): Promise<void> {
    const temp = join(dirname(file), `.${randomUUID()}.tmp`);
    await this.guard('write', file, async () => {
      try {
        await this.files.mkdir(dirname(file));
        await this.files.writeText(temp, text);
        await this.files.rename(temp, file);
      } catch (error) {
        // A write cut short (a full disk) leaves a partial temporary file: never leave it behind.
        await this.files.remove(temp).catch(() => undefined);
        throw error;
      }
    });
  }

  private async listFiles(collection: RecordKey): Promise<string[]> {
    const dir = collectionPath(this.dir, collection);
    const entries = await this.guard('read', dir, () => this.files.entries(dir), []);
    return entries
      .filter((e) => !e.isDirectory && e.name.endsWith('.json') && !e.name.startsWith('.'))
      .map((e) => join(dir, e.name))
      .sort();
  }

  private async readRecord<T>(file: string): Promise<T | undefined> {
    const text = await this.guard('read', file, () => this.files.readText(file), undefined);
    if (text === undefined) return undefined;
    try {
      return JSON.parse(text) as T;
    } catch (error) {
      throw new StateStoreError('read', file, undefined, { cause: new Error(`not JSON (${(error as Error).message}); was it edited by hand?`) });
    }
  }

  /**
   * Runs a file operation; a missing file or folder gives `missing` (when given), any other system
   * error becomes a `StateStoreError` naming the path.
   */
  private async guard<R>(operation: 'read' | 'write', path: string, run: () => Promise<R>, ...missing: [] | [R]): Promise<R> {
    try {
      return await run();
    } catch (error) {
      const code = errorCode(error);
      if (code === 'ENOENT' && missing.length > 0) return missing[0] as R;
      if (code === undefined || error instanceof StateStoreError) throw error;
      throw new StateStoreError(operation, path, code, { cause: error });
    }
  }
}
