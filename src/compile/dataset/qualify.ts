import { INSIGHTS_TABLE, LOGS_TABLE, type TrailTableKind } from '../../cloudtrail/index.ts';

/** The names free SQL uses for the trail's tables; compile replaces them by the Project's Glue tables. */
export const TABLE_PLACEHOLDERS: Readonly<Record<string, TrailTableKind>> = { [LOGS_TABLE.name]: 'logs', [INSIGHTS_TABLE.name]: 'insights' };

/** The qualified Glue table (`"database"."table"`) of each of the trail's tables. */
export type QualifiedTables = Readonly<Record<TrailTableKind, string>>;
