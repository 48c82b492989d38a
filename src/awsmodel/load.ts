import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AwsModel, ServiceName } from './model.ts';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Where AWS's API models are: `TRAILSIGHT_AWS_MODELS`, else `../shared/aws-models` beside the
 * repository (present in CI, absent in a user's clone). Undefined when there are none.
 */
export function findModelsDir(): string | undefined {
  const candidates = [process.env.TRAILSIGHT_AWS_MODELS, join(REPO_ROOT, '..', 'shared', 'aws-models')];
  return candidates.find((dir): dir is string => !!dir && existsSync(join(dir, 'quicksight.service-2.json')));
}

const cache = new Map<string, AwsModel>();

/** Reads `<dir>/<service>.service-2.json`; undefined when no models directory is found. */
export function loadModel(service: ServiceName, dir: string | undefined = findModelsDir()): AwsModel | undefined {
  if (!dir) return undefined;
  const file = join(dir, `${service}.service-2.json`);
  let model = cache.get(file);
  if (!model) {
    model = JSON.parse(readFileSync(file, 'utf8')) as AwsModel;
    cache.set(file, model);
  }
  return model;
}
