import assert from 'node:assert/strict';
import { coralMessage, findModelsDir, loadModel, validateOperationInput, validateShape, type AwsModel } from '../../src/awsmodel/index.ts';

describe('awsmodel: validating requests against AWS API models', () => {
  let quicksight: AwsModel;
  let glue: AwsModel;

  before(function () {
    if (!findModelsDir()) {
      console.log('    (skipped: no AWS models — needs ../shared/aws-models beside the repo or TRAILSIGHT_AWS_MODELS)');
      this.skip();
    }
    quicksight = loadModel('quicksight')!;
    glue = loadModel('glue')!;
  });

  const dataSource = () => ({
    AwsAccountId: '123456789012',
    DataSourceId: 'cloudtrail',
    Name: 'CloudTrail',
    Type: 'ATHENA',
    DataSourceParameters: { AthenaParameters: { WorkGroup: 'primary' } },
  });

  it('accepts a valid request', () => {
    assert.deepEqual(validateOperationInput(quicksight, 'CreateDataSource', dataSource()), []);
  });

  it('reports a missing required member with its path', () => {
    const { Name: _omitted, ...input } = dataSource();
    assert.deepEqual(
      validateOperationInput(quicksight, 'CreateDataSource', input).map((v) => [v.path, v.rule]),
      [['Name', 'required']],
    );
  });

  it('reports enum, pattern, length and unknown members', () => {
    const input = { ...dataSource(), Type: 'ATHENA_SQL', AwsAccountId: '12345', Name: 'x'.repeat(200), Colour: 'red' };
    const rules = validateOperationInput(quicksight, 'CreateDataSource', input)
      .map((v) => `${v.path}:${v.rule}`)
      .sort();
    assert.deepEqual(rules, ['AwsAccountId:length', 'AwsAccountId:pattern', 'Colour:unknown-member', 'Name:length', 'Type:enum']);
  });

  it('requires exactly one member of a union', () => {
    const model = {
      ...glue,
      operations: { Probe: { name: 'Probe', input: { shape: 'ProbeInput' } } },
      shapes: { ...glue.shapes, ProbeInput: { type: 'structure' as const, members: { Clause: { shape: 'SearchFilterClause' } } } },
    };
    const clause = glue.shapes.SearchFilterClause!;
    const [first, second] = Object.keys(clause.members!);
    const both = validateOperationInput(model, 'Probe', { Clause: { [first]: {}, [second]: {} } });
    assert.deepEqual(
      both.filter((v) => v.rule === 'union').map((v) => v.path),
      ['Clause'],
    );
    const none = validateOperationInput(model, 'Probe', { Clause: {} });
    assert.deepEqual(
      none.filter((v) => v.rule === 'union').map((v) => v.path),
      ['Clause'],
    );
  });

  it("takes at most one member of QuickSight's unions said in documentation only (onlyOneOf: Visual, Filter, FilterScopeConfiguration …)", () => {
    assert.equal(quicksight.shapes.CategoryFilterConfiguration!.onlyOneOf, true);
    assert.equal(quicksight.shapes.Visual!.onlyOneOf, true);
    const scope = (ScopeConfiguration: unknown) =>
      validateShape(quicksight, 'FilterGroup', { FilterGroupId: 'g', Filters: [], CrossDataset: 'SINGLE_DATASET', ScopeConfiguration }).filter(
        (v) => v.rule === 'union',
      );
    assert.deepEqual(scope({}), []);
    assert.deepEqual(scope({ AllSheets: {} }), []);
    const [both] = scope({ AllSheets: {}, SelectedSheets: { SheetVisualScopingConfigurations: [{ SheetId: 's', Scope: 'ALL_VISUALS' }] } });
    assert.equal(both?.path, 'ScopeConfiguration');
    assert.equal(
      coralMessage([both!]).replace(/Value '.*' at/, 'Value … at'),
      "1 validation error detected: Value … at 'scopeConfiguration' failed to satisfy constraint: Only 1 member of [selectedSheets, allSheets] should be provided for structure FilterScopeConfiguration",
    );
  });

  it('checks nested lists, maps and numbers', () => {
    const input = {
      DatabaseName: 'db',
      TableInput: {
        Name: 't',
        StorageDescriptor: { Columns: [{ Name: 'a', Type: 'string' }, { Type: 'string' }], NumberOfBuckets: 1.5 },
        Parameters: { ok: 'yes' },
      },
    };
    const found = validateOperationInput(glue, 'CreateTable', input).map((v) => `${v.path}:${v.rule}`);
    assert.deepEqual(found, ['TableInput.StorageDescriptor.Columns[1].Name:required', 'TableInput.StorageDescriptor.NumberOfBuckets:type']);
  });

  it('names an unknown operation', () => {
    assert.equal(validateOperationInput(glue, 'CreateDashboard', {})[0].rule, 'unknown-operation');
  });
});
