import type { ArnScope } from '../kind.ts';
import { serviceArn } from '../shared/arn.ts';

export function themeArn(scope: ArnScope, id: string): string {
  return serviceArn(scope, 'quicksight', `theme/${id}`);
}
