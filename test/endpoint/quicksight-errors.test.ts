import assert from 'node:assert/strict';
import {
  CreateAnalysisCommand,
  CreateDashboardCommand,
  CreateDataSetCommand,
  CreateDataSourceCommand,
  DescribeAnalysisCommand,
  DescribeDashboardCommand,
  DescribeDashboardDefinitionCommand,
  DescribeDataSourceCommand,
  UpdateDashboardCommand,
  UpdateDashboardPublishedVersionCommand,
  type QuickSightClient,
} from '@aws-sdk/client-quicksight';
import { findModelsDir } from '../../src/awsmodel/index.ts';
import { dataSetInput, dataSourceInput, definition } from './fixtures.ts';
import { ACCOUNT, clients, failure, poll, startTestEndpoint, stopTestEndpoint } from './helpers.ts';

describe('endpoint: QuickSight refuses what AWS refuses, with its error types', () => {
  let endpoint: Awaited<ReturnType<typeof startTestEndpoint>>;
  let qs: QuickSightClient;
  const A = { AwsAccountId: ACCOUNT };

  before(async () => {
    // Long enough that an update sent right after a create meets it in progress on a loaded machine.
    endpoint = await startTestEndpoint({ creationDelayMs: 500 });
    qs = clients(endpoint.url).quicksight;
    await qs.send(new CreateDataSourceCommand(dataSourceInput()));
    await qs.send(new CreateDataSetCommand(dataSetInput('events')));
  });
  after(() => stopTestEndpoint(endpoint));

  it("shape violations: QuickSight's ValidationException in Coral's words, every problem at its member path (needs the AWS models)", async function () {
    if (!findModelsDir()) return this.skip();
    const error = await failure(
      qs.send(
        new CreateDashboardCommand({
          ...A,
          DashboardId: 'd'.repeat(513),
          Name: '',
          Definition: { ...definition(), Sheets: [{ SheetId: 's', Visuals: [{ KPIVisual: {} as never }] }] },
        }),
      ),
    );
    assert.equal(error.name, 'ValidationException');
    assert.equal(error.$metadata?.httpStatusCode, 400);
    assert.match(error.message, /^3 validation errors detected: /);
    assert.match(error.message, /Value '[d]{100,}\.\.\.' at 'dashboardId' failed to satisfy constraint: Member must have length less than or equal to 512/);
    assert.match(error.message, /Value '' at 'name' failed to satisfy constraint: Member must have length greater than or equal to 1/);
    assert.match(
      error.message,
      /Value null at 'definition\.sheets\.1\.member\.visuals\.1\.member\.kPIVisual\.visualId' failed to satisfy constraint: Member must not be null/,
    );
  });

  it("refuses what QuickSight's model and API reference refuse: ids outside [\\w\\-]+, two members of a union (terraform-provider-aws#39715)", async function () {
    if (!findModelsDir()) return this.skip();
    const bad = definition() as any;
    bad.Sheets[0].Visuals[1].BarChartVisual.VisualId = 'total events!';
    bad.FilterGroups[0].ScopeConfiguration.SelectedSheets.SheetVisualScopingConfigurations[0].VisualIds = ['total events!'];
    bad.Sheets[0].Visuals[0].PieChartVisual = { VisualId: 'pie' };
    bad.FilterGroups[0].ScopeConfiguration.AllSheets = {};
    const error = await failure(qs.send(new CreateAnalysisCommand({ ...A, AnalysisId: 'shapes', Name: 'Shapes', Definition: bad })));
    assert.equal(error.name, 'ValidationException');
    const problems = error.message.replace(/^\d+ validation errors? detected: /, '').split('; ');
    assert.deepEqual(
      problems.map((p) => p.replace(/^Value .*? at /, '')),
      [
        "'definition.sheets.1.member.visuals.1.member' failed to satisfy constraint: Only 1 member of [tableVisual, pivotTableVisual, barChartVisual, kPIVisual, pieChartVisual, gaugeChartVisual, lineChartVisual, heatMapVisual, treeMapVisual, geospatialMapVisual, filledMapVisual, layerMapVisual, funnelChartVisual, scatterPlotVisual, comboChartVisual, boxPlotVisual, waterfallVisual, histogramVisual, wordCloudVisual, insightVisual, sankeyDiagramVisual, customContentVisual, emptyVisual, radarChartVisual, pluginVisual] should be provided for structure Visual",
        "'definition.sheets.1.member.visuals.2.member.barChartVisual.visualId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w\\-]+",
        "'definition.filterGroups.1.member.scopeConfiguration' failed to satisfy constraint: Only 1 member of [selectedSheets, allSheets] should be provided for structure FilterScopeConfiguration",
        "'definition.filterGroups.1.member.scopeConfiguration.selectedSheets.sheetVisualScopingConfigurations.1.member.visualIds.1.member' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w\\-]+",
      ],
    );
    assert.match(error.message, /Value 'total events!' at 'definition\.sheets/);
  });

  it('ResourceExistsException on a second create, ResourceNotFoundException for unknown ids', async () => {
    const exists = await failure(qs.send(new CreateDataSetCommand(dataSetInput('events'))));
    assert.equal(exists.name, 'ResourceExistsException');
    assert.equal(exists.$metadata?.httpStatusCode, 409);
    const missing = await failure(qs.send(new DescribeDashboardCommand({ ...A, DashboardId: 'nope' })));
    assert.equal(missing.name, 'ResourceNotFoundException');
    assert.equal(missing.$metadata?.httpStatusCode, 404);
  });

  it('AccessDeniedException for another account', async () => {
    const error = await failure(qs.send(new DescribeDataSourceCommand({ AwsAccountId: '999999999999', DataSourceId: 'cloudtrail' })));
    assert.equal(error.name, 'AccessDeniedException');
  });

  it('a data set over a data source that does not exist is refused', async () => {
    const error = await failure(qs.send(new CreateDataSetCommand(dataSetInput('orphan', { dataSourceId: 'missing' }))));
    assert.equal(error.name, 'InvalidParameterValueException');
    assert.match(error.message, /data source .*datasource\/missing does not exist/);
  });

  it('CREATION_FAILED with errors naming the sheet, visual and problem', async () => {
    const bad = definition({ column: 'no_such_column', visualIds: ['same', 'same'], scopeVisual: 'ghost' });
    bad.DataSetIdentifierDeclarations.push({ Identifier: 'gone', DataSetArn: bad.DataSetIdentifierDeclarations[0].DataSetArn.replace('/events', '/gone') });
    await qs.send(new CreateAnalysisCommand({ ...A, AnalysisId: 'broken', Name: 'Broken', Definition: bad }));
    const described = await poll(
      () => qs.send(new DescribeAnalysisCommand({ ...A, AnalysisId: 'broken' })),
      (d) => d.Analysis?.Status !== 'CREATION_IN_PROGRESS',
    );
    assert.equal(described.Analysis?.Status, 'CREATION_FAILED');
    const errors = (described.Analysis?.Errors ?? []).map((e) => [e.Type, e.ViolatedEntities?.[0]?.Path, e.Message]);
    assert.deepEqual(
      errors.map(([type, path]) => [type, path]),
      [
        ['DATA_SET_NOT_FOUND', 'data-set-identifier/gone'],
        ['COLUMN_REPLACEMENT_MISSING', 'sheet/overview/visual/same'],
        ['PARAMETER_VALUE_INCOMPATIBLE', 'sheet/overview/visual/same'],
        ['PARAMETER_VALUE_INCOMPATIBLE', 'filter-group/only-ec2/sheet/overview/visual/ghost'],
      ],
    );
    assert.match(String(errors[1][2]), /Required column 'no_such_column' is missing in data set '.*dataset\/events'/);
    assert.match(String(errors[2][2]), /Visual id 'same' is used more than once/);
    assert.match(String(errors[3][2]), /scoped to visual 'ghost'/);
  });

  it("refuses outright what QuickSight refuses outright, in its words: ALL_VISUALS with visual ids (terraform-provider-aws#33754), a category filter's values with select-all (#33222)", async () => {
    const scoped = definition() as any;
    scoped.FilterGroups[0].ScopeConfiguration.SelectedSheets.SheetVisualScopingConfigurations[0].Scope = 'ALL_VISUALS';
    const error = await failure(qs.send(new CreateAnalysisCommand({ ...A, AnalysisId: 'all-visuals', Name: 'x', Definition: scoped })));
    assert.equal(error.name, 'InvalidParameterValueException');
    assert.equal(error.message, 'FilterGroups scoped to ALL_VISUALS must not have a list of visualIds,  \n\t at Filter Group only-ec2.');
    const both = definition() as any;
    both.FilterGroups[0].Filters[0].CategoryFilter.Configuration.FilterListConfiguration.SelectAllOptions = 'FILTER_ALL_VALUES';
    const category = await failure(qs.send(new CreateDashboardCommand({ ...A, DashboardId: 'both', Name: 'x', Definition: both })));
    assert.equal(category.name, 'InvalidParameterValueException');
    assert.match(
      category.message,
      /^Category Filter must define only one of: CategoryValue\(s\), ParameterName, SelectAllOptions, {2}\n\t at Filter source\.$/,
    );
    await failure(qs.send(new DescribeAnalysisCommand({ ...A, AnalysisId: 'all-visuals' }))); // nothing was created
  });

  it('a filter on an undeclared parameter: FILTER_SOURCE_PARAMETER_NOT_FOUND at filter-group/<g>/filter/<f> (cloud-intelligence-dashboards-framework#567); MissingColumnId_ leftovers pass with LENIENT only', async () => {
    const ranged = definition() as any;
    ranged.FilterGroups[0].Filters.push({
      NumericRangeFilter: {
        FilterId: 'range',
        Column: { DataSetIdentifier: 'events', ColumnName: 'eventname' },
        RangeMinimum: { Parameter: 'low' },
        NullOption: 'ALL_VALUES',
      },
    });
    await qs.send(new CreateAnalysisCommand({ ...A, AnalysisId: 'ranged', Name: 'x', Definition: ranged }));
    const failed = await poll(
      () => qs.send(new DescribeAnalysisCommand({ ...A, AnalysisId: 'ranged' })),
      (d) => d.Analysis?.Status !== 'CREATION_IN_PROGRESS',
    );
    assert.equal(failed.Analysis?.Status, 'CREATION_FAILED');
    assert.deepEqual(
      failed.Analysis?.Errors?.find((e) => String(e.Type) === 'FILTER_SOURCE_PARAMETER_NOT_FOUND'),
      {
        Type: 'FILTER_SOURCE_PARAMETER_NOT_FOUND',
        Message: 'The filter is using a parameter that has been deleted. Choose a new parameter and save changes.',
        ViolatedEntities: [{ Path: 'filter-group/only-ec2/filter/range' }],
      },
    );

    const leftover = definition({ column: 'MissingColumnId_612b70e2-0b78-4f7d-9dc5-54f3fbb16f63' });
    for (const [id, Mode] of [
      ['strict', 'STRICT'],
      ['lenient', 'LENIENT'],
    ] as const) {
      await qs.send(new CreateDashboardCommand({ ...A, DashboardId: id, Name: id, Definition: leftover, ValidationStrategy: { Mode } }));
    }
    const status = async (id: string) =>
      (
        await poll(
          () => qs.send(new DescribeDashboardCommand({ ...A, DashboardId: id })),
          (d) => d.Dashboard?.Version?.Status !== 'CREATION_IN_PROGRESS',
        )
      ).Dashboard?.Version;
    const strict = await status('strict');
    assert.equal(strict?.Status, 'CREATION_FAILED');
    assert.deepEqual(
      strict?.Errors?.map((e) => e.Type),
      ['COLUMN_REPLACEMENT_MISSING'],
    );
    assert.equal((await status('lenient'))?.Status, 'CREATION_SUCCESSFUL');
  });

  it('dashboards: same rules, UPDATE_FAILED versions cannot be published, updates in progress conflict', async () => {
    await qs.send(new CreateDashboardCommand({ ...A, DashboardId: 'ops', Name: 'Ops', Definition: definition() }));
    const conflict = await failure(qs.send(new UpdateDashboardCommand({ ...A, DashboardId: 'ops', Name: 'Ops', Definition: definition() })));
    assert.equal(conflict.name, 'ConflictException');
    await poll(
      () => qs.send(new DescribeDashboardCommand({ ...A, DashboardId: 'ops' })),
      (d) => d.Dashboard?.Version?.Status === 'CREATION_SUCCESSFUL',
    );

    await qs.send(new UpdateDashboardCommand({ ...A, DashboardId: 'ops', Name: 'Ops', Definition: definition({ dataSetId: 'missing' }) }));
    const v2 = await poll(
      () => qs.send(new DescribeDashboardDefinitionCommand({ ...A, DashboardId: 'ops', VersionNumber: 2 })),
      (d) => d.ResourceStatus !== 'UPDATE_IN_PROGRESS',
    );
    assert.equal(v2.ResourceStatus, 'UPDATE_FAILED');
    assert.equal(v2.Errors?.[0]?.Type, 'DATA_SET_NOT_FOUND');
    const refused = await failure(qs.send(new UpdateDashboardPublishedVersionCommand({ ...A, DashboardId: 'ops', VersionNumber: 2 })));
    assert.equal(refused.name, 'InvalidParameterValueException');
    assert.equal((await qs.send(new DescribeDashboardCommand({ ...A, DashboardId: 'ops' }))).Dashboard?.Version?.VersionNumber, 1);
  });
});
