import type { ArnScope } from '../kind.ts';
import { serviceArn } from '../shared/arn.ts';

export function folderArn(scope: ArnScope, id: string): string {
  return serviceArn(scope, 'quicksight', `folder/${id}`);
}
