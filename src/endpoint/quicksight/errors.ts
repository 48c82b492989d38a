import { ServiceError } from '../errors.ts';
import { KIND_INFO, type QuickSightKind } from './records.ts';

/** HTTP status of each QuickSight error shape, as the model's `error.httpStatusCode` says. */
export const QUICKSIGHT_ERROR_STATUS: Readonly<Record<string, number>> = {
  AccessDeniedException: 401,
  ConflictException: 409,
  InternalFailureException: 500,
  InvalidNextTokenException: 400,
  InvalidParameterValueException: 400,
  LimitExceededException: 409,
  PreconditionNotMetException: 400,
  ResourceExistsException: 409,
  ResourceNotFoundException: 404,
  ThrottlingException: 429,
  UnsupportedUserEditionException: 403,
};

export function quicksightError(type: keyof typeof QUICKSIGHT_ERROR_STATUS, message: string, fields: Record<string, unknown> = {}): ServiceError {
  return new ServiceError(type, message, QUICKSIGHT_ERROR_STATUS[type], fields);
}

export function notFound(kind: QuickSightKind, id: string): ServiceError {
  const info = KIND_INFO[kind];
  return quicksightError('ResourceNotFoundException', `${info.label} ${id} not found.`, info.exceptionType ? { ResourceType: info.exceptionType } : {});
}

export function alreadyExists(kind: QuickSightKind, id: string): ServiceError {
  const info = KIND_INFO[kind];
  return quicksightError('ResourceExistsException', `${info.label} ${id} already exists.`, info.exceptionType ? { ResourceType: info.exceptionType } : {});
}

export function invalid(message: string): ServiceError {
  return quicksightError('InvalidParameterValueException', message);
}
