import assert from 'node:assert/strict';
import { outputColumns } from '../../src/endpoint/quicksight/dataset-columns.ts';
import { findColumn, outputType } from '../../src/quicksight/index.ts';

describe("QuickSight's rules for a data set's columns (src/quicksight/data-set-columns.ts)", () => {
  it("BOOLEAN and BIT input columns come out as INTEGER, JSON as STRING (QuickSight's recorded outputs)", () => {
    assert.deepEqual(['BOOLEAN', 'BIT', 'JSON', 'STRING', 'INTEGER', 'DECIMAL', 'DATETIME'].map(outputType), [
      'INTEGER',
      'INTEGER',
      'STRING',
      'STRING',
      'INTEGER',
      'DECIMAL',
      'DATETIME',
    ]);
  });

  it('transforms find their columns by name in any case, the exact name first', () => {
    const columns = [{ Name: 'Usage' }, { Name: 'usage_date' }];
    assert.equal(findColumn(columns, 'usage')?.Name, 'Usage');
    assert.equal(findColumn([{ Name: 'Usage' }, { Name: 'usage' }], 'usage')?.Name, 'usage');
    assert.equal(findColumn(columns, 'usage_amount'), undefined);
    const physical = {
      p: {
        RelationalTable: {
          DataSourceArn: 'x',
          Name: 't',
          InputColumns: [
            { Name: 'Usage', Type: 'DECIMAL' },
            { Name: 'mfa', Type: 'BOOLEAN' },
          ],
        },
      },
    };
    const logical = { l: { Alias: 't', Source: { PhysicalTableId: 'p' }, DataTransforms: [{ ProjectOperation: { ProjectedColumns: ['usage', 'mfa'] } }] } };
    assert.deepEqual(
      outputColumns(physical, logical, () => undefined),
      [
        { Name: 'Usage', Type: 'DECIMAL' },
        { Name: 'mfa', Type: 'INTEGER' },
      ],
    );
  });
});
