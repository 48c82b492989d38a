import { ServiceError } from '../errors.ts';
import type { Operations, ServiceContext } from '../service.ts';
import { requireDatabase } from './databases.ts';
import { tableKey, tablesKey, type GlueTable } from './keys.ts';
import { gluePage } from './paging.ts';
import { alreadyExists, entityNotFound } from './errors.ts';

type TableInput = Record<string, unknown> & { Name: string };

/** The table as Glue answers: its input members, lower-cased names, times in epoch seconds. */
function answer(table: GlueTable) {
  return { ...table, CreateTime: table.CreateTime / 1000, UpdateTime: table.UpdateTime / 1000, IsRegisteredWithLakeFormation: false };
}

/** A Glue table by database and name, or undefined; used by Athena to find what a query names. */
export function findTable(context: ServiceContext, database: string, name: string): Promise<GlueTable | undefined> {
  return context.store.get<GlueTable>(tableKey(context.settings.account, context.region, database, name));
}

function lowerCaseColumns(input: TableInput): TableInput {
  const lower = (columns: unknown) => (Array.isArray(columns) ? columns.map((c) => ({ ...c, Name: String(c.Name).toLowerCase() })) : columns);
  const storage = input.StorageDescriptor as Record<string, unknown> | undefined;
  return {
    ...input,
    Name: input.Name.toLowerCase(),
    ...(storage ? { StorageDescriptor: { ...storage, Columns: lower(storage.Columns) } } : {}),
    ...(input.PartitionKeys ? { PartitionKeys: lower(input.PartitionKeys) } : {}),
  };
}

export const tableOperations: Operations = {
  async CreateTable(input: { DatabaseName: string; TableInput: TableInput }, context) {
    const database = await requireDatabase(context, input.DatabaseName);
    const key = tableKey(context.settings.account, context.region, database.Name, input.TableInput.Name);
    await context.store.transact(async (tx) => {
      if (await tx.get(key)) throw alreadyExists(`Table already exists.`);
      const now = Date.now();
      tx.put(key, { ...lowerCaseColumns(input.TableInput), DatabaseName: database.Name, CatalogId: context.settings.account, CreateTime: now, UpdateTime: now, VersionId: '0' });
    });
    return {};
  },
  async GetTable(input: { DatabaseName: string; Name: string }, context) {
    await requireDatabase(context, input.DatabaseName);
    const table = await findTable(context, input.DatabaseName, input.Name);
    if (!table) throw entityNotFound(`Table ${input.Name} not found.`);
    return { Table: answer(table) };
  },
  async GetTables(input: { DatabaseName: string; Expression?: string; MaxResults?: number; NextToken?: string }, context) {
    await requireDatabase(context, input.DatabaseName);
    let tables = await context.store.list<GlueTable>(tablesKey(context.settings.account, context.region, input.DatabaseName));
    if (input.Expression) {
      let pattern: RegExp;
      try {
        pattern = new RegExp(`^(?:${input.Expression})$`, 'i');
      } catch {
        throw new ServiceError('InvalidInputException', `Expression ${JSON.stringify(input.Expression)} is not a valid regular expression.`);
      }
      tables = tables.filter((t) => pattern.test(t.Name));
    }
    const { items, NextToken } = gluePage(tables, input);
    return { TableList: items.map(answer), NextToken };
  },
  async UpdateTable(input: { DatabaseName: string; TableInput: TableInput }, context) {
    await requireDatabase(context, input.DatabaseName);
    const key = tableKey(context.settings.account, context.region, input.DatabaseName, input.TableInput.Name);
    await context.store.transact(async (tx) => {
      const current = await tx.get<GlueTable>(key);
      if (!current) throw entityNotFound(`Table ${input.TableInput.Name} not found.`);
      tx.put(key, {
        ...lowerCaseColumns(input.TableInput),
        DatabaseName: current.DatabaseName,
        CatalogId: current.CatalogId,
        CreateTime: current.CreateTime,
        UpdateTime: Date.now(),
        VersionId: String(Number(current.VersionId) + 1),
      });
    });
    return {};
  },
  async DeleteTable(input: { DatabaseName: string; Name: string }, context) {
    await requireDatabase(context, input.DatabaseName);
    const key = tableKey(context.settings.account, context.region, input.DatabaseName, input.Name);
    await context.store.transact(async (tx) => {
      if (!(await tx.get(key))) throw entityNotFound(`Table ${input.Name} not found.`);
      tx.delete(key);
      tx.delete(['glue', context.settings.account, context.region, 'tags', 'table', input.DatabaseName.toLowerCase(), input.Name.toLowerCase()]);
    });
    return {};
  },
};
