import { ServiceError } from '../errors.ts';
import { parseQuery, writeQueryError, writeQueryResult } from '../protocols/query-xml.ts';
import type { ServiceHandler } from '../service.ts';

const NAMESPACE = 'https://sts.amazonaws.com/doc/2011-06-15/';

/** STS over the Query protocol: `GetCallerIdentity` answers with the endpoint's account. */
export function stsService(): ServiceHandler {
  return {
    name: 'sts',
    protocol: 'query',
    errors: { invalidInput: 'ValidationError', throttling: { type: 'Throttling', status: 400 }, internal: 'InternalFailure' },
    parse: parseQuery,
    async execute(operation, _input, { settings, caller }) {
      if (operation !== 'GetCallerIdentity')
        throw new ServiceError('InvalidAction', `The action ${operation} is not valid for this web service (trailsight's endpoint supports GetCallerIdentity)`);
      return {
        UserId: caller?.accessKeyId ?? 'AIDATRAILSIGHTLOCAL',
        Account: settings.account,
        Arn: `arn:aws:iam::${settings.account}:user/trailsight`,
      };
    },
    write(response, operation, output, requestId) {
      writeQueryResult(response, operation, NAMESPACE, output as Record<string, string>, requestId);
    },
    writeError: writeQueryError,
  };
}
