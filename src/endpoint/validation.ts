import { loadModel, validateOperationInput, type AwsModel, type Violation } from '../awsmodel/index.ts';
import type { ServiceName } from './detect-service.ts';
import { ServiceError } from './errors.ts';

/** Checks requests against AWS's API models (when a models directory is known). */
export class ShapeValidator {
  private readonly models = new Map<ServiceName, AwsModel | undefined>();

  constructor(readonly modelsDir: string | undefined) {}

  get enabled(): boolean {
    return this.modelsDir !== undefined;
  }

  /** Throws the service's invalid-input error listing every violation. */
  check(
    service: ServiceName,
    operation: string,
    input: unknown,
    errorType: string,
    describe: (violations: readonly Violation[]) => string = describeViolations,
  ): void {
    const model = this.model(service);
    if (!model) return;
    if (!Object.hasOwn(model.operations, operation)) return; // the service answers unknown operations itself
    const violations = validateOperationInput(model, operation, input);
    if (violations.length > 0) throw new ServiceError(errorType, describe(violations), 400);
  }

  private model(service: ServiceName): AwsModel | undefined {
    if (!this.modelsDir) return undefined;
    if (!this.models.has(service)) this.models.set(service, loadModel(service, this.modelsDir));
    return this.models.get(service);
  }
}

/** `2 validation errors detected: Name: Name is required …; DashboardId: … does not match …` */
export function describeViolations(violations: readonly Violation[]): string {
  const count = `${violations.length} validation error${violations.length === 1 ? '' : 's'} detected`;
  return `${count}: ${violations.map((v) => `${v.path}: ${v.message}`).join('; ')}`;
}
