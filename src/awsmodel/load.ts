import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageFile } from '../files/package-files.ts';
import type { AwsModel, ServiceName } from './model.ts';

/** AWS's models as trailsight carries them (scripts/aws-models/generate.ts writes them from botocore). */
export const BUNDLED_MODELS = packageFile('src', 'awsmodel', 'models');

/**
 * Where AWS's API models are: `TRAILSIGHT_AWS_MODELS` (botocore's `<service>.service-2.json` files),
 * else the ones the repository carries (`src/awsmodel/models/<service>.json`), which every clone has.
 */
export function findModelsDir(): string | undefined {
  const override = process.env.TRAILSIGHT_AWS_MODELS;
  if (override && existsSync(join(override, 'quicksight.service-2.json'))) return override;
  return existsSync(join(BUNDLED_MODELS, 'quicksight.json')) ? BUNDLED_MODELS : undefined;
}

const cache = new Map<string, AwsModel>();

/** The model of a service from a models folder (botocore's file names, or the bundled ones). */
export function loadModel(service: ServiceName, dir: string | undefined = findModelsDir()): AwsModel | undefined {
  if (!dir) return undefined;
  const botocore = join(dir, `${service}.service-2.json`);
  const file = existsSync(botocore) ? botocore : join(dir, `${service}.json`);
  let model = cache.get(file);
  if (!model) {
    model = JSON.parse(readFileSync(file, 'utf8')) as AwsModel;
    cache.set(file, model);
  }
  return model;
}
