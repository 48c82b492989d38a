import { partition } from '../compile/names.ts';
import type { ResourceKind } from '../compile/resource.ts';


export interface ArnScope {
  readonly account: string;
  readonly region: string;
}

const QUICKSIGHT_TYPE = { DataSource: 'datasource', DataSet: 'dataset', Analysis: 'analysis', Dashboard: 'dashboard' } as const;

/** The ARN of a resource trailsight manages (Glue tables take their database name). */
export function arnOf(scope: ArnScope, kind: ResourceKind, id: string): string {
  const prefix = (service: string) => `arn:${partition(scope.region)}:${service}:${scope.region}:${scope.account}`;
  switch (kind) {
    case 'GlueDatabase':
      return `${prefix('glue')}:database/${id}`;
    case 'GlueTable':
      return `${prefix('glue')}:table/${id.replace('.', '/')}`;
    case 'WorkGroup':
      return `${prefix('athena')}:workgroup/${id}`;
    case 'DataSource':
    case 'DataSet':
    case 'Analysis':
    case 'Dashboard':
      return `${prefix('quicksight')}:${QUICKSIGHT_TYPE[kind]}/${id}`;
    default: {
      const never: never = kind;
      throw new Error(`unknown kind ${String(never)}`);
    }
  }
}
