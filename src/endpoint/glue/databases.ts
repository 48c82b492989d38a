import type * as Glue from '@aws-sdk/client-glue';
import type { OperationsOf } from '../sdk-types.ts';
import type { ServiceContext } from '../service.ts';
import { databaseKey, databasesKey, tablesKey, type GlueDatabase, type GlueTable } from './keys.ts';
import { gluePage } from './paging.ts';
import { databaseTagsKey } from './tags.ts';
import { alreadyExists, entityNotFound } from './errors.ts';

const account = (c: ServiceContext) => c.settings.account;

export async function requireDatabase(context: ServiceContext, name: string): Promise<GlueDatabase> {
  const database = await context.store.get<GlueDatabase>(databaseKey(account(context), context.region, name));
  if (!database) throw entityNotFound(`Database ${name} not found.`);
  return database;
}

const toSeconds = (d: GlueDatabase) => ({ ...d, CreateTime: d.CreateTime / 1000 });

export const databaseOperations = {
  async CreateDatabase(input, context) {
    const key = databaseKey(account(context), context.region, input.DatabaseInput.Name);
    await context.store.transact(async (tx) => {
      if (await tx.get(key)) throw alreadyExists(`Database already exists.`);
      tx.put(key, { ...input.DatabaseInput, Name: input.DatabaseInput.Name.toLowerCase(), CatalogId: account(context), CreateTime: Date.now() });
      tx.put(databaseTagsKey(account(context), context.region, input.DatabaseInput.Name), input.Tags ?? {});
    });
    return {};
  },
  async GetDatabase(input, context) {
    return { Database: toSeconds(await requireDatabase(context, input.Name)) };
  },
  async GetDatabases(input, context) {
    const all = await context.store.list<GlueDatabase>(databasesKey(account(context), context.region));
    const { items, NextToken } = gluePage(all, input);
    return { DatabaseList: items.map(toSeconds), NextToken };
  },
  async UpdateDatabase(input, context) {
    const key = databaseKey(account(context), context.region, input.Name);
    await context.store.transact(async (tx) => {
      const current = await tx.get<GlueDatabase>(key);
      if (!current) throw entityNotFound(`Database ${input.Name} not found.`);
      tx.put(key, { ...input.DatabaseInput, Name: current.Name, CatalogId: current.CatalogId, CreateTime: current.CreateTime });
    });
    return {};
  },
  async DeleteDatabase(input, context) {
    await context.store.transact(async (tx) => {
      const key = databaseKey(account(context), context.region, input.Name);
      if (!(await tx.get(key))) throw entityNotFound(`Database ${input.Name} not found.`);
      tx.delete(key);
      tx.delete(databaseTagsKey(account(context), context.region, input.Name));
      const tables = await tx.list<GlueTable>(tablesKey(account(context), context.region, input.Name));
      for (const table of tables) tx.delete([...tablesKey(account(context), context.region, input.Name), table.Name.toLowerCase()]);
    });
    return {};
  },
} satisfies OperationsOf<typeof Glue>;
