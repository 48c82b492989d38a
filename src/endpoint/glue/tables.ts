import { ServiceError } from '../errors.ts';
import type * as Glue from '@aws-sdk/client-glue';
import type { OperationsOf, Wire } from '../sdk-types.ts';
import type { ServiceContext } from '../service.ts';
import { requireDatabase } from './databases.ts';
import { tableKey, tablesKey, type GlueTable } from './keys.ts';
import { gluePage } from './paging.ts';
import { alreadyExists, entityNotFound } from './errors.ts';

type TableInput = Wire<Glue.TableInput>;

/** The table as Glue answers: its input members, lower-cased names, times in epoch seconds. */
function answer(table: GlueTable) {
  return { ...table, CreateTime: table.CreateTime / 1000, UpdateTime: table.UpdateTime / 1000, IsRegisteredWithLakeFormation: false };
}

/** A Glue table by database and name, or undefined; used by Athena to find what a query names. */
export function findTable(context: ServiceContext, database: string, name: string): Promise<GlueTable | undefined> {
  return context.store.get<GlueTable>(tableKey(context.settings.account, context.region, database, name));
}

function lowerCaseColumns(input: TableInput): TableInput {
  const lower = (columns: readonly Wire<Glue.Column>[] | undefined) => columns?.map((c) => ({ ...c, Name: c.Name.toLowerCase() }));
  const storage = input.StorageDescriptor;
  return {
    ...input,
    Name: input.Name.toLowerCase(),
    ...(storage ? { StorageDescriptor: { ...storage, Columns: lower(storage.Columns) } } : {}),
    ...(input.PartitionKeys ? { PartitionKeys: lower(input.PartitionKeys) } : {}),
  };
}

/**
 * The table a CreateTable or UpdateTable describes. Glue's model makes `TableInput` optional (a
 * table of an open table format is named by `Name` and `OpenTableFormatInput` instead); this
 * endpoint serves Hive tables only.
 */
function tableInputOf(input: { readonly TableInput?: TableInput }): TableInput {
  if (!input.TableInput)
    throw new ServiceError('InvalidInputException', "TableInput is required: trailsight's endpoint serves Hive tables, not open table formats.");
  return input.TableInput;
}

export const tableOperations = {
  async CreateTable(input, context) {
    const database = await requireDatabase(context, input.DatabaseName);
    const tableInput = tableInputOf(input);
    const key = tableKey(context.settings.account, context.region, database.Name, tableInput.Name);
    await context.store.transact(async (tx) => {
      if (await tx.get(key)) throw alreadyExists(`Table already exists.`);
      const now = Date.now();
      tx.put(key, {
        ...lowerCaseColumns(tableInput),
        DatabaseName: database.Name,
        CatalogId: context.settings.account,
        CreateTime: now,
        UpdateTime: now,
        VersionId: '0',
      });
    });
    return {};
  },
  async GetTable(input, context) {
    await requireDatabase(context, input.DatabaseName);
    const table = await findTable(context, input.DatabaseName, input.Name);
    if (!table) throw entityNotFound(`Table ${input.Name} not found.`);
    return { Table: answer(table) };
  },
  async GetTables(input, context) {
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
  async UpdateTable(input, context) {
    await requireDatabase(context, input.DatabaseName);
    const tableInput = tableInputOf(input);
    const key = tableKey(context.settings.account, context.region, input.DatabaseName, tableInput.Name);
    await context.store.transact(async (tx) => {
      const current = await tx.get<GlueTable>(key);
      if (!current) throw entityNotFound(`Table ${tableInput.Name} not found.`);
      tx.put(key, {
        ...lowerCaseColumns(tableInput),
        DatabaseName: current.DatabaseName,
        CatalogId: current.CatalogId,
        CreateTime: current.CreateTime,
        UpdateTime: Date.now(),
        VersionId: String(Number(current.VersionId) + 1),
      });
    });
    return {};
  },
  async DeleteTable(input, context) {
    await requireDatabase(context, input.DatabaseName);
    const key = tableKey(context.settings.account, context.region, input.DatabaseName, input.Name);
    await context.store.transact(async (tx) => {
      if (!(await tx.get(key))) throw entityNotFound(`Table ${input.Name} not found.`);
      tx.delete(key);
      tx.delete(['glue', context.settings.account, context.region, 'tags', 'table', input.DatabaseName.toLowerCase(), input.Name.toLowerCase()]);
    });
    return {};
  },
} satisfies OperationsOf<typeof Glue>;
