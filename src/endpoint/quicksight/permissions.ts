import type { Operations } from '../service.ts';
import { invalid } from './errors.ts';
import type { Permission, QuickSightKind } from './records.ts';
import { QuickSightState } from './state.ts';

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

const LABELS: Readonly<Record<QuickSightKind, { op: string; idMember: string }>> = {
  datasource: { op: 'DataSource', idMember: 'DataSourceId' },
  dataset: { op: 'DataSet', idMember: 'DataSetId' },
  analysis: { op: 'Analysis', idMember: 'AnalysisId' },
  dashboard: { op: 'Dashboard', idMember: 'DashboardId' },
  theme: { op: 'Theme', idMember: 'ThemeId' },
  folder: { op: 'Folder', idMember: 'FolderId' },
};

/** Describe<X>Permissions and Update<X>Permissions for every resource kind. */
export const permissionOperations: Operations = Object.fromEntries(
  (Object.keys(LABELS) as QuickSightKind[]).flatMap((kind) => {
    const { op, idMember } = LABELS[kind];
    const answer = (record: { arn: string; id: string; permissions: Permission[]; linkSharing?: unknown }) => ({
      [`${op}Arn`]: record.arn,
      [idMember]: record.id,
      Permissions: record.permissions,
      ...(kind === 'dashboard' ? { LinkSharingConfiguration: record.linkSharing ?? { Permissions: [] } } : {}),
    });
    return [
      [`Describe${op}Permissions`, async (input: Record<string, string>, context) => answer(await new QuickSightState(context).require(kind, input[idMember]))],
      [
        `Update${op}Permissions`,
        async (input: Record<string, Permission[] | undefined>, context) => {
          checkPermissions(input.GrantPermissions, 'GrantPermissions');
          checkPermissions(input.RevokePermissions, 'RevokePermissions');
          checkPermissions(input.GrantLinkPermissions, 'GrantLinkPermissions');
          const state = new QuickSightState(context);
          return state.update(kind, String(input[idMember]), (record) => {
            record.permissions = changePermissions(record.permissions, input.GrantPermissions, input.RevokePermissions);
            if (kind === 'dashboard' && (input.GrantLinkPermissions || input.RevokeLinkPermissions)) {
              const dashboard = record as { linkSharing?: { Permissions: Permission[] } };
              dashboard.linkSharing = {
                Permissions: changePermissions(dashboard.linkSharing?.Permissions ?? [], input.GrantLinkPermissions, input.RevokeLinkPermissions),
              };
            }
            return answer(record);
          });
        },
      ],
    ];
  }),
);
