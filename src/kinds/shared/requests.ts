import type { DesiredBase } from '../../compile/index.ts';
import type { CompileContext, SdkRequest } from '../kind.ts';

/** The request that creates a resource, as compiled. */
export function createRequest(resource: DesiredBase): SdkRequest {
  return { service: resource.service, operation: resource.operation, input: resource.input };
}

/** Where the Project's resources (Glue, Athena, the data source) come from, for messages. */
export function projectSource(ctx: CompileContext): { file: string; specId: string } {
  return { file: ctx.specs.project.file, specId: ctx.specs.project.spec.id };
}
