import { ServiceError } from '../errors.ts';
import { parseJson11, writeJson11, writeJson11Error } from '../protocols/json11.ts';
import { operationOf, type Operations, type ServiceHandler } from '../service.ts';
import { databaseOperations } from './databases.ts';
import { tableOperations } from './tables.ts';
import { glueTagOperations } from './tags.ts';

const OPERATIONS: Operations = { ...databaseOperations, ...tableOperations, ...glueTagOperations };

/** The Glue Data Catalog over JSON 1.1: databases and tables. */
export function glueService(): ServiceHandler {
  return {
    name: 'glue',
    protocol: 'json11',
    errors: { invalidInput: 'InvalidInputException', throttling: { type: 'ThrottlingException', status: 400 }, internal: 'InternalServiceException' },
    parse: (request) => parseJson11(request, 'AWSGlue'),
    async execute(operation, input, context) {
      const run = operationOf(OPERATIONS, operation);
      if (!run) throw new ServiceError('UnknownOperationException', `trailsight's endpoint does not support Glue ${operation}.`);
      if (input.CatalogId !== undefined && input.CatalogId !== context.settings.account)
        throw new ServiceError('AccessDeniedException', `Catalog ${String(input.CatalogId)} is not this endpoint's account (${context.settings.account}).`);
      return run(input as never, context); // checked against AWS's model of the operation (server.ts)
    },
    write: (response, _operation, output, requestId) => writeJson11(response, output, requestId),
    writeError: writeJson11Error,
  };
}
