import assert from 'node:assert/strict';
import { formatFinding, checkSpecs } from '../../src/language/index.ts';
import { source, textSource } from './helpers.ts';

const project = source('test/language/fixtures/base/project.yaml');

/** A free-SQL dataset: the query on line 6 (as one line), the declared columns from line 8, one a line. */
function dataset(sql: string, columns: string[]): string {
  return [
    'apiVersion: trailsight/v1',
    'kind: DataSet',
    'id: free',
    'name: Free SQL',
    'sql: >-',
    `  ${sql}`,
    'columns:',
    ...columns.map((c) => `  - { name: ${c} }`),
    '',
  ].join('\n');
}

/** Each case: the query, its declared columns, and the findings (line:col  message) on the dataset. */
const CASES: [string, string, string[], string[]][] = [
  [
    'aliases and plain columns, all declared',
    'SELECT eventname, count(*) AS calls, max(eventtime) latest FROM cloudtrail_logs GROUP BY eventname',
    ['eventname', 'calls', 'latest'],
    [],
  ],
  ['a struct field is named by its last name', 'SELECT useridentity.username, t.sourceipaddress FROM cloudtrail_logs t', ['username', 'sourceipaddress'], []],
  [
    'a declared column the SELECT does not produce',
    'SELECT eventname FROM cloudtrail_logs',
    ['eventname', 'calls'],
    ["9:13  column 'calls' is declared, but the SQL does not select it (it selects eventname)"],
  ],
  [
    'a selected column that is not declared',
    'SELECT eventname, sourceipaddress AS ip FROM cloudtrail_logs',
    ['eventname'],
    ["6:40  sql: selects 'ip', which `columns` does not declare: declare it (name and type) or leave it out"],
  ],
  [
    'a misspelt alias: both sides',
    'SELECT count(*) AS cals FROM cloudtrail_logs',
    ['calls'],
    [
      "6:22  sql: selects 'cals', which `columns` does not declare: declare it (name and type) or leave it out",
      "8:13  column 'calls' is declared, but the SQL does not select it (it selects cals)",
    ],
  ],
  [
    'an expression without alias is _colN (by position)',
    'SELECT eventname, count(*) FROM cloudtrail_logs GROUP BY eventname',
    ['eventname', 'calls'],
    [
      "6:21  sql: a select item has no name (Athena calls it '_col1'): name it with AS and declare it in `columns`",
      "9:13  column 'calls' is declared, but the SQL does not select it (it selects eventname, _col1)",
    ],
  ],
  ['declaring _colN accepts the unnamed expression', 'SELECT eventname, count(*) FROM cloudtrail_logs GROUP BY eventname', ['eventname', '_col1'], []],
  [
    'SELECT * from the table produces its columns',
    'SELECT * FROM cloudtrail_logs',
    ['eventname'],
    [
      '6:10  sql: * selects 31 columns that `columns` does not declare (eventversion, useridentity, eventtime, eventsource, awsregion, sourceipaddress, useragent, errorcode, … 23 more): select the columns by name, or declare them',
    ],
  ],
  [
    "SELECT * from a CTE produces the CTE's columns",
    'WITH x AS (SELECT eventname, count(*) AS n FROM cloudtrail_logs GROUP BY eventname) SELECT * FROM x',
    ['eventname', 'n'],
    [],
  ],
  [
    "a CTE's column list names its columns",
    'WITH x(a, b) AS (SELECT eventname, 1 FROM cloudtrail_logs) SELECT x.* FROM x',
    ['a', 'c'],
    [
      '6:69  sql: * selects 1 column that `columns` does not declare (b): select the columns by name, or declare them',
      "9:13  column 'c' is declared, but the SQL does not select it (it selects a, b)",
    ],
  ],
  [
    'a * over a join is expanded too',
    'SELECT t.*, u.eventname AS other FROM cloudtrail_logs t JOIN cloudtrail_logs u ON t.eventid = u.eventid',
    ['eventname', 'other'],
    [
      '6:10  sql: * selects 31 columns that `columns` does not declare (eventversion, useridentity, eventtime, eventsource, awsregion, sourceipaddress, useragent, errorcode, … 23 more): select the columns by name, or declare them',
    ],
  ],
  ['a UNION is named by its first branch', "SELECT eventname AS e FROM cloudtrail_logs UNION ALL SELECT 'x' FROM cloudtrail_logs", ['e'], []],
];

describe('free SQL selects exactly the columns it declares', () => {
  for (const [what, sql, columns, expected] of CASES) {
    it(what, () => {
      const { findings } = checkSpecs([project, textSource('free.yaml', dataset(sql, columns))]);
      assert.deepEqual(
        findings.filter((f) => f.file === 'free.yaml').map((f) => formatFinding(f).replace(/^free\.yaml:/, '')),
        expected,
      );
    });
  }
});
