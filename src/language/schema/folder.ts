import { Type, type Static } from '@sinclair/typebox';
import { header, ResourceId, strict } from './common.ts';

const ids = (what: string) => Type.Optional(Type.Array(ResourceId, { minItems: 1, uniqueItems: true, description: what }));

export const FolderSpec = strict(
  {
    ...header('Folder', 'a QuickSight shared folder grouping dashboards, analyses and datasets'),
    members: strict(
      {
        dashboards: ids('Ids of the Dashboard specs it holds (their dashboards).'),
        analyses: ids('Ids of the Dashboard or Analysis specs whose analyses it holds.'),
        datasets: ids('Ids of the DataSet specs it holds.'),
      },
      "What it holds. The Project's owners own the folder; its viewers see it only when it holds dashboards and analysis-only specs alone (a shared folder shows its viewers every asset in it, datasets too).",
    ),
  },
  "A QuickSight shared folder: dashboards, analyses and datasets grouped, shared with the Project's principals.",
);
export type FolderSpec = Static<typeof FolderSpec>;
