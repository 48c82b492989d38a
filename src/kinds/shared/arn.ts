import { partition } from '../../compile/index.ts';
import type { ArnScope } from '../kind.ts';

/** `arn:<partition>:<service>:<region>:<account>:<resource>`. */
export function serviceArn(scope: ArnScope, service: string, resource: string): string {
  return `arn:${partition(scope.region)}:${service}:${scope.region}:${scope.account}:${resource}`;
}
