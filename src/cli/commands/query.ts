import { type Command, Option } from 'commander';
import { lazyAction } from '../lazy-action.ts';

/** `trailsight query --logs DIR --sql SQL`: Athena SQL over the table `cloudtrail_logs`, on DuckDB. */
export function register(program: Command): void {
  program
    .command('query')
    .description(
      [
        'Run an Athena query over CloudTrail logs on disk. An Athena emulator: the query is Trino SQL, checked and run as',
        "Athena engine 3 runs it (one SELECT/WITH/VALUES query, Trino's functions and types, Athena's error messages);",
        "DuckDB underneath reads nothing but the logs and the cache, and DuckDB's own SQL is refused.",
        'The logs are the table cloudtrail_logs in the database `default`, and the Project\'s glue.table in its glue.database',
        '(dashboards/project.yaml), and in --database when given; unqualified names resolve in --database (default `default`).',
        'Cached in DuckDB: only new or changed files are read.',
      ].join(' '),
    )
    .requiredOption('--logs <dir>', 'folder of CloudTrail logs (an AWSLogs/ tree, .json or .json.gz files)')
    .requiredOption('--sql <sql>', 'the query, e.g. "SELECT eventname, count(*) FROM cloudtrail_logs GROUP BY 1"')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json', 'csv']).default('table'))
    .option('--database <name>', 'the database unqualified table names resolve in (Athena\'s query execution context); the logs are served there too')
    .option('--cache <dir>', 'cache folder (a DuckDB database listing the files read, and their records as Parquet under segments/)', '.trailsight')
    .action(lazyAction(() => import('../actions/query.ts')));
}
