import { ServiceError } from '../errors.ts';
import type * as Glue from '@aws-sdk/client-glue';
import type { OperationsOf } from '../sdk-types.ts';
import type { ServiceContext } from '../service.ts';
import { entityNotFound } from './errors.ts';
import { databaseKey, tableKey } from './keys.ts';

type Tags = Record<string, string>;

/** The record an ARN names (`…:database/<db>` or `…:table/<db>/<table>`), which must exist. */
async function resolve(context: ServiceContext, arn: string): Promise<string[]> {
  const [, region, account, kind, database, table] = /^arn:aws[a-z-]*:glue:([a-z0-9-]+):(\d{12}):(database|table)\/([^/]+)(?:\/([^/]+))?$/.exec(arn) ?? [];
  if (!kind || !database || (kind === 'table') !== (table !== undefined))
    throw new ServiceError('InvalidInputException', `${arn} is not the ARN of a Glue database or table.`);
  if (account !== context.settings.account || region !== context.region) throw entityNotFound(`Resource ${arn} not found.`);
  const key = kind === 'database' ? databaseKey(account, region, database) : tableKey(account, region, database, table!);
  if (!(await context.store.get(key))) throw entityNotFound(`Resource ${arn} not found.`);
  return ['glue', account, region, 'tags', kind, database.toLowerCase(), ...(table ? [table.toLowerCase()] : [])];
}

/** Tags of Glue databases and tables, by ARN. */
export const glueTagOperations = {
  async GetTags(input, context) {
    return { Tags: (await context.store.get<Tags>(await resolve(context, input.ResourceArn))) ?? {} };
  },
  async TagResource(input, context) {
    const key = await resolve(context, input.ResourceArn);
    await context.store.transact(async (tx) => tx.put(key, { ...((await tx.get<Tags>(key)) ?? {}), ...input.TagsToAdd }));
    return {};
  },
  async UntagResource(input, context) {
    const key = await resolve(context, input.ResourceArn);
    await context.store.transact(async (tx) => {
      const tags = { ...((await tx.get<Tags>(key)) ?? {}) };
      for (const k of input.TagsToRemove) delete tags[k];
      tx.put(key, tags);
    });
    return {};
  },
} satisfies OperationsOf<typeof Glue>;

/** Where a database's tags live, for CreateDatabase's `Tags`. */
export function databaseTagsKey(account: string, region: string, database: string): string[] {
  return ['glue', account, region, 'tags', 'database', database.toLowerCase()];
}
