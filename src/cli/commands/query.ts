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
        'The logs are the table cloudtrail_logs (their Insights events, in CloudTrail-Insight/ folders: cloudtrail_insights) in the',
        "database `default`, the Project's glue.table (glue.insightsTable) in its glue.database (dashboards/project.yaml), and in",
        '--database when given; unqualified names resolve in --database (default `default`).',
        'Cached in DuckDB: only new or changed files are read; a folder whose time did not move since the cache listed it is not listed again (--rescan lists every folder).',
        "With --target, the same query runs on that target's Athena (its workgroup, the Project's Glue database), after",
        'printing the bytes its partition predicates will scan and asking before a scan over --max-scan.',
      ].join(' '),
    )
    .option('--logs <dir>', 'folder of CloudTrail logs (an AWSLogs/ tree, .json or .json.gz files); with --target local, the logs it serves')
    .option('--target <name>', "run on a target's Athena (local, aws, or a target of dashboards/project.yaml) instead of on the logs here")
    .option('--max-scan <size>', 'with --target: ask before a query that would scan more than this (e.g. 500MB, 10GB, 1TB)', '10GB')
    .option('--yes', 'with --target: run without asking, whatever the query scans')
    .requiredOption('--sql <sql>', 'the query, e.g. "SELECT eventname, count(*) FROM cloudtrail_logs GROUP BY 1"')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json', 'csv']).default('table'))
    .option('--database <name>', "the database unqualified table names resolve in (Athena's query execution context); the logs are served there too")
    .option('--rescan', 'stat every log file: a file rewritten in place, in a folder whose time did not move since the cache listed it, is otherwise not seen')
    .option('--cache <dir>', 'cache folder (a DuckDB database listing the files read, and their records as Parquet under segments/)', '.trailsight')
    .action(lazyAction(() => import('../actions/query.ts')));
}
