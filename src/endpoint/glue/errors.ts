import { ServiceError } from '../errors.ts';

export const entityNotFound = (message: string) => new ServiceError('EntityNotFoundException', message);
export const alreadyExists = (message: string) => new ServiceError('AlreadyExistsException', message);
