import assert from 'node:assert/strict';
import { findModelsDir, loadModel, type AwsModel } from '../../src/awsmodel/index.ts';
import { QUICKSIGHT_ERROR_STATUS } from '../../src/endpoint/quicksight/errors.ts';
import { QUICKSIGHT_ROUTES } from '../../src/endpoint/quicksight/routes.ts';

describe('endpoint: the QuickSight route table matches the API model', () => {
  let model: AwsModel;

  before(function () {
    const dir = findModelsDir();
    if (!dir) {
      console.log('    (skipped: no AWS models — needs ../shared/aws-models beside the repo or TRAILSIGHT_AWS_MODELS)');
      this.skip();
    }
    model = loadModel('quicksight', dir)!;
  });

  for (const route of QUICKSIGHT_ROUTES) {
    it(`${route.operation}: ${route.method} ${route.uri}`, () => {
      const operation = model.operations[route.operation];
      assert.ok(operation, `the model has no operation ${route.operation}`);
      assert.equal(route.method, operation.http?.method);
      assert.equal(route.uri, operation.http?.requestUri);
      const input = model.shapes[operation.input!.shape];
      const bound = (location: string) =>
        Object.fromEntries(
          Object.entries(input.members ?? {})
            .filter(([, ref]) => ref.location === location)
            .map(([name, ref]) => [name, ref]),
        );
      const query = bound('querystring');
      assert.deepEqual(Object.keys(route.query ?? {}).sort(), Object.keys(query).sort(), 'query-string members');
      for (const [member, [name, type]] of Object.entries(route.query ?? {})) {
        assert.equal(name, query[member].locationName, `${member} travels as ?${query[member].locationName}`);
        assert.equal(type, model.shapes[query[member].shape].type, `${member} is a ${model.shapes[query[member].shape].type}`);
      }
      for (const [member, ref] of Object.entries(bound('uri'))) {
        assert.ok(route.uri.includes(`{${ref.locationName}}`), `${member} is in the URI`);
        const type = model.shapes[ref.shape].type;
        assert.equal(route.uriTypes?.[member] ?? 'string', type, `URI member ${member} is a ${type}`);
      }
      assert.deepEqual(Object.keys(bound('header')), [], 'no header-bound members');
    });
  }

  it('every error the endpoint raises has the status code the model gives it', () => {
    for (const [type, status] of Object.entries(QUICKSIGHT_ERROR_STATUS)) {
      assert.equal(status, model.shapes[type]?.error?.httpStatusCode, type);
    }
  });
});
