/** Words that are never column names in an expression: Trino keywords, type names and niladic functions. */
export const NON_COLUMN_WORDS: ReadonlySet<string> = new Set(
  `select from where group by order having limit offset fetch first next only as and or not in is null like ilike escape
  between case when then else end cast try_cast distinct all any some exists true false interval year month day hour minute
  second week quarter asc desc nulls last join inner left right full outer cross natural on using union intersect except
  with recursive over partition rows range groups unbounded preceding following current row filter within unnest ordinality
  lateral at time zone values array map tablesample uescape
  varchar char bigint integer int smallint tinyint double real boolean decimal varbinary json date timestamp ipaddress uuid
  current_date current_time current_timestamp localtime localtimestamp current_user`
    .split(/\s+/)
    .filter(Boolean),
);

/** Type names that, followed by a string, make a typed literal (`timestamp '2026-01-01 00:00:00'`). */
export const TYPED_LITERAL_WORDS: ReadonlySet<string> = new Set(['date', 'time', 'timestamp', 'decimal', 'json', 'ipaddress', 'uuid', 'char', 'varchar', 'varbinary', 'real', 'double', 'bigint', 'integer']);
