import { Type, type Static } from '@sinclair/typebox';
import { AnalysisSpec, DashboardSpec } from './dashboard.ts';
import { DataSetSpec } from './dataset.ts';
import { ProjectSpec } from './project.ts';
import { ThemeSpec } from './theme.ts';
import { FolderSpec } from './folder.ts';

export * from './common.ts';
export * from './project.ts';
export * from './dataset.ts';
export * from './fields.ts';
export * from './visuals.ts';
export * from './interaction.ts';
export * from './dashboard.ts';
export * from './theme.ts';
export * from './folder.ts';

/** Each kind and its schema: the one source of both the TypeScript types and schemas/*.json. */
export const KIND_SCHEMAS = {
  Project: ProjectSpec,
  DataSet: DataSetSpec,
  Dashboard: DashboardSpec,
  Analysis: AnalysisSpec,
  Theme: ThemeSpec,
  Folder: FolderSpec,
} as const;

export type Kind = keyof typeof KIND_SCHEMAS;
export const KINDS = Object.keys(KIND_SCHEMAS) as Kind[];

export const AnySpec = Type.Union([ProjectSpec, DataSetSpec, DashboardSpec, AnalysisSpec, ThemeSpec, FolderSpec], {
  description: 'Any trailsight spec.',
});
export type AnySpec = Static<typeof AnySpec>;
