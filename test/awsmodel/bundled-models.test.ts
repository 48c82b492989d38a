/**
 * The AWS models the repository carries (src/awsmodel/models) are what the generator makes of
 * botocore's (../shared/aws-models, which CI has): a user's clone checks requests exactly as CI does.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compact, SERVICES } from '../../scripts/aws-models/generate.ts';
import { BUNDLED_MODELS, findModelsDir, loadModel, validateOperationInput } from '../../src/awsmodel/index.ts';

const SHARED = fileURLToPath(new URL('../../../shared/aws-models', import.meta.url));

describe('awsmodel: the models the repository carries', () => {
  it('are found without ../shared (every clone has them)', () => {
    const saved = process.env.TRAILSIGHT_AWS_MODELS;
    delete process.env.TRAILSIGHT_AWS_MODELS;
    try {
      assert.equal(findModelsDir(), BUNDLED_MODELS);
      const quicksight = loadModel('quicksight', BUNDLED_MODELS)!;
      const broken = validateOperationInput(quicksight, 'CreateDashboard', { AwsAccountId: '1', DashboardId: 'x/../../y <script>', Name: '' });
      assert.ok(
        broken.some((v) => v.path === 'DashboardId' && v.rule === 'pattern'),
        JSON.stringify(broken),
      );
      assert.ok(
        broken.some((v) => v.path === 'Name' && v.rule === 'length'),
        JSON.stringify(broken),
      );
    } finally {
      if (saved !== undefined) process.env.TRAILSIGHT_AWS_MODELS = saved;
    }
  });

  it("are exactly what scripts/aws-models/generate.ts makes of botocore's models", function () {
    if (!existsSync(join(SHARED, 'quicksight.service-2.json'))) {
      console.log('    (skipped: ../shared/aws-models is not beside the repository; CI has it)');
      this.skip();
    }
    const commit = readFileSync(join(SHARED, 'SOURCE-COMMIT'), 'utf8').trim();
    for (const service of SERVICES) {
      const model = JSON.parse(readFileSync(join(SHARED, `${service}.service-2.json`), 'utf8')) as Record<string, unknown>;
      const expected = `${JSON.stringify({ source: { repository: 'boto/botocore', commit, file: `${service}.service-2.json`, licence: 'Apache-2.0' }, ...compact(model) })}\n`;
      assert.equal(readFileSync(join(BUNDLED_MODELS, `${service}.json`), 'utf8') === expected, true, `${service}: run npm run aws-models`);
    }
  });
});
