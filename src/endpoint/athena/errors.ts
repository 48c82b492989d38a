import { ServiceError } from '../errors.ts';

/** Athena's client error: `InvalidRequestException` with an `AthenaErrorCode`. */
export function invalidRequest(message: string, code = 'INVALID_INPUT'): ServiceError {
  return new ServiceError('InvalidRequestException', message, 400, { AthenaErrorCode: code });
}
