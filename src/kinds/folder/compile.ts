import type { CreateFolderCommandInput, MemberType } from '@aws-sdk/client-quicksight';
import { permissionsFor, resourceId, resourceKey, type DesiredBase } from '../../compile/index.ts';
import { quicksightFolder } from '../../compile/quicksight/folder.ts';
import type { CompileContext } from '../kind.ts';
import { FOLDER_ACTIONS } from './permissions.ts';

/** An asset in a folder: its type, as CreateFolderMembership names it, and its resource id. */
export interface FolderMember {
  readonly type: Extract<MemberType, 'DASHBOARD' | 'ANALYSIS' | 'DATASET'>;
  readonly id: string;
}

export type FolderResource = DesiredBase<'Folder', CreateFolderCommandInput, 'CreateFolder'> & {
  /** What it holds, sorted: each a CreateFolderMembership. */
  readonly members: readonly FolderMember[];
};

const KIND_OF: Readonly<Record<FolderMember['type'], string>> = { DASHBOARD: 'Dashboard', ANALYSIS: 'Analysis', DATASET: 'DataSet' };

/** A QuickSight shared folder per Folder spec, with its members. */
export function compileFolders(ctx: CompileContext): FolderResource[] {
  const { target } = ctx;
  const analysisOnly = new Set(ctx.specs.analyses.map((a) => a.spec.id));
  return ctx.specs.folders.map((folder) => {
    const spec = folder.spec;
    const id = resourceId(target, spec.id);
    const m = spec.members;
    const members: FolderMember[] = [
      ...(m.dashboards ?? []).map((d) => ({ type: 'DASHBOARD' as const, id: d })),
      ...(m.analyses ?? []).map((a) => ({ type: 'ANALYSIS' as const, id: a })),
      ...(m.datasets ?? []).map((d) => ({ type: 'DATASET' as const, id: d })),
    ]
      .map((member) => ({ ...member, id: resourceId(target, member.id) }))
      .sort((a, b) => (`${a.type}/${a.id}` < `${b.type}/${b.id}` ? -1 : 1));
    // Viewers see every asset of a folder shared with them: only dashboards and analysis-only specs.
    const viewers = (m.datasets ?? []).length === 0 && (m.analyses ?? []).every((a) => analysisOnly.has(a));
    return {
      kind: 'Folder',
      id,
      source: { file: folder.file, specId: spec.id },
      service: 'quicksight',
      operation: 'CreateFolder',
      input: quicksightFolder({
        spec,
        target,
        id,
        permissions: permissionsFor(FOLDER_ACTIONS, target.principals, { viewers }),
        tags: ctx.tagsOf(spec.id, spec),
      }),
      members,
      dependsOn: members.map((member) => resourceKey({ kind: KIND_OF[member.type], id: member.id })),
    };
  });
}

/** The CreateFolderMembership request of a member. */
export function membershipRequest(resource: FolderResource, member: FolderMember) {
  return { AwsAccountId: resource.input.AwsAccountId, FolderId: resource.id, MemberId: member.id, MemberType: member.type };
}
