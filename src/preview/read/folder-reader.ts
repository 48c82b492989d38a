import { ListFolderMembersCommand, ListFoldersCommand, type QuickSightClient } from '@aws-sdk/client-quicksight';

/** A folder of the account and the dashboards it holds, as the index page groups them. */
export interface FolderEntry {
  readonly id: string;
  readonly name: string;
  /** Dashboard ids, sorted. */
  readonly dashboardIds: readonly string[];
}

/** Every folder of the account holding a dashboard (ListFolders, ListFolderMembers), by name. */
export async function readFolders(quicksight: QuickSightClient, awsAccountId: string): Promise<FolderEntry[]> {
  const folders: { id: string; name: string }[] = [];
  let token: string | undefined;
  do {
    const page = await quicksight.send(new ListFoldersCommand({ AwsAccountId: awsAccountId, ...(token ? { NextToken: token } : {}) }));
    for (const f of page.FolderSummaryList ?? []) if (f.FolderId) folders.push({ id: f.FolderId, name: f.Name ?? f.FolderId });
    token = page.NextToken;
  } while (token);
  // A folder whose members this caller may not list (another team's) is left out of the index.
  const entries = await Promise.all(
    folders.map(async (folder): Promise<FolderEntry> => {
      const dashboardIds: string[] = [];
      let next: string | undefined;
      try {
        do {
          const page = await quicksight.send(
            new ListFolderMembersCommand({ AwsAccountId: awsAccountId, FolderId: folder.id, ...(next ? { NextToken: next } : {}) }),
          );
          for (const m of page.FolderMemberList ?? []) if (m.MemberId && /:dashboard\//.test(m.MemberArn ?? '')) dashboardIds.push(m.MemberId);
          next = page.NextToken;
        } while (next);
      } catch {
        return { ...folder, dashboardIds: [] };
      }
      return { ...folder, dashboardIds: dashboardIds.sort() };
    }),
  );
  return entries.filter((f) => f.dashboardIds.length > 0).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
