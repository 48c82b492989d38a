import type { ServiceContext } from '../service.ts';
import type { Transaction } from '../state/store.ts';
import { notFound } from './errors.ts';
import { arnOf, collectionKey, recordKey, type QuickSightKind, type QuickSightRecord } from './records.ts';

export type RecordOf<K extends QuickSightKind> = Extract<QuickSightRecord, { kind: K }>;

/** QuickSight's records for the caller's account and region. */
export class QuickSightState {
  readonly account: string;
  readonly region: string;

  constructor(readonly context: ServiceContext) {
    this.account = context.settings.account;
    this.region = context.region;
  }

  now(): number {
    return Date.now();
  }

  key(kind: QuickSightKind, id: string): string[] {
    return recordKey(this.account, this.region, kind, id);
  }

  arn(kind: QuickSightKind, id: string): string {
    return arnOf(this.region, this.account, kind, id);
  }

  get<K extends QuickSightKind>(kind: K, id: string, tx?: Transaction): Promise<RecordOf<K> | undefined> {
    return (tx ?? this.context.store).get<RecordOf<K>>(this.key(kind, id));
  }

  async require<K extends QuickSightKind>(kind: K, id: string, tx?: Transaction): Promise<RecordOf<K>> {
    const record = await this.get(kind, id, tx);
    if (!record) throw notFound(kind, id);
    return record;
  }

  list<K extends QuickSightKind>(kind: K): Promise<RecordOf<K>[]> {
    return this.context.store.list<RecordOf<K>>(collectionKey(this.account, this.region, kind));
  }

  put(tx: Transaction, record: QuickSightRecord): void {
    tx.put(this.key(record.kind, record.id), record);
  }

  transact<R>(fn: (tx: Transaction) => Promise<R> | R): Promise<R> {
    return this.context.store.transact(fn);
  }

  /** Reads a record, changes it under the lock, writes it back. */
  update<K extends QuickSightKind, R>(kind: K, id: string, change: (record: RecordOf<K>, tx: Transaction) => Promise<R> | R): Promise<R> {
    return this.transact(async (tx) => {
      const record = await this.require(kind, id, tx);
      const result = await change(record, tx);
      this.put(tx, record);
      return result;
    });
  }
}
