import type { ServiceContext } from '../service.ts';
import { invalid } from './errors.ts';
import type { DashboardRecord, Permission, QuickSightKind, QuickSightRecord } from './records.ts';
import type { Answer, Input, QuickSightOperations } from './sdk.ts';
import { QuickSightState, type RecordOf } from './state.ts';

const PRINCIPAL = /^arn:aws[a-z-]*:(quicksight|iam):[a-z0-9-]*:\d{12}:[A-Za-z]+(\/.+)?$/;

/** Refuses permissions QuickSight would refuse: malformed principals, actions outside `quicksight:`. */
export function checkPermissions(permissions: readonly Permission[] | undefined, field: string): void {
  (permissions ?? []).forEach((p, i) => {
    if (!PRINCIPAL.test(p.Principal))
      throw invalid(`${field}[${i}].Principal: ${JSON.stringify(p.Principal)} is not a valid QuickSight user, group or namespace ARN.`);
    const bad = p.Actions.find((a) => !/^quicksight:[A-Za-z]+$/.test(a));
    if (bad !== undefined) throw invalid(`${field}[${i}].Actions: ${JSON.stringify(bad)} is not a QuickSight action.`);
  });
}

/** Grants add actions to a principal, revokes remove them; a principal left with none disappears. */
export function changePermissions(current: readonly Permission[], grant: readonly Permission[] = [], revoke: readonly Permission[] = []): Permission[] {
  const byPrincipal = new Map<string, Set<string>>(current.map((p) => [p.Principal, new Set(p.Actions)]));
  for (const p of grant) {
    const actions = byPrincipal.get(p.Principal) ?? new Set<string>();
    p.Actions.forEach((a) => actions.add(a));
    byPrincipal.set(p.Principal, actions);
  }
  for (const p of revoke) {
    const actions = byPrincipal.get(p.Principal);
    if (!actions) continue;
    p.Actions.forEach((a) => actions.delete(a));
    if (actions.size === 0) byPrincipal.delete(p.Principal);
  }
  return [...byPrincipal].map(([Principal, actions]) => ({ Principal, Actions: [...actions].sort() }));
}

/** Initial permissions from a create request, merged per principal. */
export function initialPermissions(permissions: readonly Permission[] | undefined): Permission[] {
  checkPermissions(permissions, 'Permissions');
  return changePermissions([], permissions ?? []);
}

type Changes = Pick<Input<'UpdateDashboardPermissions'>, 'GrantPermissions' | 'RevokePermissions' | 'GrantLinkPermissions' | 'RevokeLinkPermissions'>;

/** Update<X>Permissions: the grants and revokes checked as QuickSight checks them, then applied; the record as it is then. */
async function updatePermissions<K extends QuickSightKind>(context: ServiceContext, kind: K, id: string, input: Changes): Promise<RecordOf<K>> {
  checkPermissions(input.GrantPermissions, 'GrantPermissions');
  checkPermissions(input.RevokePermissions, 'RevokePermissions');
  checkPermissions(input.GrantLinkPermissions, 'GrantLinkPermissions');
  return new QuickSightState(context).update(kind, id, (record) => {
    record.permissions = changePermissions(record.permissions, input.GrantPermissions, input.RevokePermissions);
    const changed: QuickSightRecord = record;
    if (changed.kind === 'dashboard' && (input.GrantLinkPermissions || input.RevokeLinkPermissions)) {
      changed.linkSharing = {
        Permissions: changePermissions(changed.linkSharing?.Permissions ?? [], input.GrantLinkPermissions, input.RevokeLinkPermissions),
      };
    }
    return record;
  });
}

const linkSharing = (record: DashboardRecord) => record.linkSharing ?? { Permissions: [] };

/** Describe<X>Permissions and Update<X>Permissions for every resource kind, each answering its own members. */
export const permissionOperations = {
  async DescribeDataSourcePermissions(input, context): Promise<Answer<'DescribeDataSourcePermissions'>> {
    const record = await new QuickSightState(context).require('datasource', input.DataSourceId);
    return { DataSourceArn: record.arn, DataSourceId: record.id, Permissions: record.permissions };
  },
  async UpdateDataSourcePermissions(input, context): Promise<Answer<'UpdateDataSourcePermissions'>> {
    const record = await updatePermissions(context, 'datasource', input.DataSourceId, input);
    return { DataSourceArn: record.arn, DataSourceId: record.id };
  },
  async DescribeDataSetPermissions(input, context): Promise<Answer<'DescribeDataSetPermissions'>> {
    const record = await new QuickSightState(context).require('dataset', input.DataSetId);
    return { DataSetArn: record.arn, DataSetId: record.id, Permissions: record.permissions };
  },
  async UpdateDataSetPermissions(input, context): Promise<Answer<'UpdateDataSetPermissions'>> {
    const record = await updatePermissions(context, 'dataset', input.DataSetId, input);
    return { DataSetArn: record.arn, DataSetId: record.id };
  },
  async DescribeAnalysisPermissions(input, context): Promise<Answer<'DescribeAnalysisPermissions'>> {
    const record = await new QuickSightState(context).require('analysis', input.AnalysisId);
    return { AnalysisArn: record.arn, AnalysisId: record.id, Permissions: record.permissions };
  },
  async UpdateAnalysisPermissions(input, context): Promise<Answer<'UpdateAnalysisPermissions'>> {
    const record = await updatePermissions(context, 'analysis', input.AnalysisId, input);
    return { AnalysisArn: record.arn, AnalysisId: record.id, Permissions: record.permissions };
  },
  async DescribeDashboardPermissions(input, context): Promise<Answer<'DescribeDashboardPermissions'>> {
    const record = await new QuickSightState(context).require('dashboard', input.DashboardId);
    return { DashboardArn: record.arn, DashboardId: record.id, Permissions: record.permissions, LinkSharingConfiguration: linkSharing(record) };
  },
  async UpdateDashboardPermissions(input, context): Promise<Answer<'UpdateDashboardPermissions'>> {
    const record = await updatePermissions(context, 'dashboard', input.DashboardId, input);
    return { DashboardArn: record.arn, DashboardId: record.id, Permissions: record.permissions, LinkSharingConfiguration: linkSharing(record) };
  },
  async DescribeThemePermissions(input, context): Promise<Answer<'DescribeThemePermissions'>> {
    const record = await new QuickSightState(context).require('theme', input.ThemeId);
    return { ThemeArn: record.arn, ThemeId: record.id, Permissions: record.permissions };
  },
  async UpdateThemePermissions(input, context): Promise<Answer<'UpdateThemePermissions'>> {
    const record = await updatePermissions(context, 'theme', input.ThemeId, input);
    return { ThemeArn: record.arn, ThemeId: record.id, Permissions: record.permissions };
  },
  async DescribeFolderPermissions(input, context): Promise<Answer<'DescribeFolderPermissions'>> {
    const record = await new QuickSightState(context).require('folder', input.FolderId);
    return { Arn: record.arn, FolderId: record.id, Permissions: record.permissions };
  },
  async UpdateFolderPermissions(input, context): Promise<Answer<'UpdateFolderPermissions'>> {
    const record = await updatePermissions(context, 'folder', input.FolderId, input);
    return { Arn: record.arn, FolderId: record.id, Permissions: record.permissions };
  },
} satisfies QuickSightOperations;
