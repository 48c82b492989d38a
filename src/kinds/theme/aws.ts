import {
  CreateThemeCommand,
  DeleteThemeCommand,
  DescribeThemeCommand,
  DescribeThemePermissionsCommand,
  ListThemesCommand,
  UpdateThemeCommand,
  UpdateThemePermissionsCommand,
} from '@aws-sdk/client-quicksight';
import type { AwsContext } from '../../aws/context.ts';
import { orMissing, ResourceFailedError } from '../../aws/errors.ts';
import { waitWhileInProgress } from '../../aws/wait.ts';
import { stampOf, type ActualModel, type DesiredModel } from '../../plan/index.ts';
import type { Listing, Permissioned, ResourceRef, Settling, Stamping, Started, Tagging } from '../kind.ts';
import { fullRead } from '../shared/full-read.ts';
import { allPages, PAGE_SIZE, withId } from '../shared/list-pages.ts';
import { comparedProperties, MANAGED } from '../shared/managed-fields.ts';
import { quicksightPermissions, readAccess } from '../shared/quicksight-permissions.ts';
import { quicksightTagging } from '../shared/quicksight-tags.ts';
import type { ThemeResource } from './compile.ts';
import { themeArn } from './identity.ts';
import { THEME_ACTIONS } from './permissions.ts';

/** DescribeTheme: its latest version (base theme, configuration, status) and its LastUpdatedTime. */
function describe(ctx: AwsContext, id: string) {
  return async () => {
    const out = await ctx.clients.quicksight.send(new DescribeThemeCommand({ AwsAccountId: ctx.account, ThemeId: id }));
    return { status: out.Theme?.Version?.Status, theme: out.Theme };
  };
}

function describePermissions(ctx: AwsContext, id: string) {
  return ctx.clients.quicksight.send(new DescribeThemePermissionsCommand({ AwsAccountId: ctx.account, ThemeId: id }));
}

export const themeTagging: Tagging = quicksightTagging(themeArn);

/**
 * Not read by a plain publish: a theme holds no data, and whoever may see a dashboard sees its
 * theme. `plan` compares them and `publish --refresh` restores them.
 */
export const themePermissions: Permissioned = quicksightPermissions({
  actions: THEME_ACTIONS,
  readOnPublish: false,
  describe: describePermissions,
  update: (ctx, id, request) => ctx.clients.quicksight.send(new UpdateThemePermissionsCommand({ AwsAccountId: ctx.account, ThemeId: id, ...request })),
});

/** The latest version's name, base theme and configuration, as CreateTheme set them. */
export async function readTheme(ctx: AwsContext, ref: ResourceRef<ThemeResource>): Promise<ActualModel | undefined> {
  const described = await orMissing(waitWhileInProgress(`Theme/${ref.id}`, describe(ctx, ref.id), ctx.wait));
  if (!described?.theme) return undefined;
  const access = await readAccess(ctx, ref.id, () => describePermissions(ctx, ref.id), themeTagging);
  const { Name, Version } = described.theme;
  const properties = comparedProperties({ Name, BaseThemeId: Version?.BaseThemeId, Configuration: Version?.Configuration }, MANAGED);
  return fullRead({ kind: 'Theme', id: ref.id, properties, ...access, status: described.status, fingerprintInTag: true });
}

export async function createTheme(ctx: AwsContext, desired: DesiredModel<ThemeResource>): Promise<Started> {
  await ctx.clients.quicksight.send(new CreateThemeCommand(desired.resource.input));
  return {};
}

/** A new version of the theme; dashboards and analyses drawn with it take it at once (no publishing). */
export async function updateTheme(ctx: AwsContext, desired: DesiredModel<ThemeResource>): Promise<Started> {
  const i = desired.resource.input;
  await ctx.clients.quicksight.send(
    new UpdateThemeCommand({ AwsAccountId: i.AwsAccountId, ThemeId: i.ThemeId, Name: i.Name, BaseThemeId: i.BaseThemeId, Configuration: i.Configuration }),
  );
  return {};
}

export async function removeTheme(ctx: AwsContext, ref: ResourceRef<ThemeResource>): Promise<void> {
  await ctx.clients.quicksight.send(new DeleteThemeCommand({ AwsAccountId: ctx.account, ThemeId: ref.id }));
}

/** A theme's version is created asynchronously: waited for, then stamped with the LastUpdatedTime it settled at. */
export const themeSettling: Settling = {
  async waitReady(ctx, id) {
    const { status, theme } = await waitWhileInProgress(`Theme/${id}`, describe(ctx, id), ctx.wait, true);
    if (status?.endsWith('_FAILED')) {
      const errors = (theme?.Version?.Errors ?? []).map((e) => ({ type: e.Type, message: e.Message, paths: [] }));
      throw new ResourceFailedError('Theme', id, status, errors);
    }
    return { lastUpdated: stampOf(theme?.LastUpdatedTime) };
  },
};

export const themeStamping: Stamping = {
  lastUpdated: async (ctx, id) => stampOf((await describe(ctx, id)()).theme?.LastUpdatedTime),
};

/** ListThemes of the account's own themes (`CUSTOM`: QuickSight's starting themes are listed too otherwise). */
export const themeListing: Listing = {
  recordedBy: 'lastUpdated',
  summaries: (ctx) =>
    allPages(async (token) => {
      const out = await ctx.clients.quicksight.send(
        new ListThemesCommand({ AwsAccountId: ctx.account, Type: 'CUSTOM', MaxResults: PAGE_SIZE, NextToken: token }),
      );
      const items = withId(out.ThemeSummaryList, 'ThemeId').map((t) => ({ id: t.ThemeId, lastUpdated: stampOf(t.LastUpdatedTime) }));
      return { items, next: out.NextToken };
    }),
};
