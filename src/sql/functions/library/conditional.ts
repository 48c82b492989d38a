/** Conditional and comparison functions: if, coalesce, nullif, greatest, least, try, typeof. */
import { typeText } from '../../types/sql-type.ts';
import { quoteString } from '../../text/quote.ts';
import { call, scalar, template, type TrinoFunction } from '../function.ts';

/** Trino's greatest/least are NULL when any argument is NULL (DuckDB's skip NULLs). */
const nullIfAnyNull = (fn: string) => (args: readonly { sql: string }[]) =>
  `CASE WHEN ${args.map((a) => `(${a.sql}) IS NULL`).join(' OR ')} THEN NULL ELSE ${fn}(${args.map((a) => a.sql).join(', ')}) END`;

export const CONDITIONAL: readonly TrinoFunction[] = [
  scalar('if', [
    { args: ['boolean', 'T'], returns: 'T', emit: template('CASE WHEN $1 THEN $2 END') },
    { args: ['boolean', 'T', 'T'], returns: 'T', emit: template('CASE WHEN $1 THEN $2 ELSE $3 END') },
  ]),
  scalar('coalesce', [{ args: ['T'], variadic: true, returns: 'T', emit: call('coalesce') }]),
  scalar('nullif', [{ args: ['T:comparable', 'T:comparable'], returns: (args) => args[0]!, emit: call('nullif') }]),
  scalar('greatest', [{ args: ['T:orderable'], variadic: true, returns: 'T', emit: nullIfAnyNull('greatest') }]),
  scalar('least', [{ args: ['T:orderable'], variadic: true, returns: 'T', emit: nullIfAnyNull('least') }]),
  scalar('try', [{ args: ['T'], returns: 'T', emit: call('try') }]),
  // The type is known when the query is analyzed: Trino's name for it is a constant.
  scalar('typeof', [{ args: ['T'], returns: 'varchar', emit: (args) => quoteString(typeText(args[0]!.type)) }]),
];
