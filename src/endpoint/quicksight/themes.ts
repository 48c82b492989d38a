import type * as QuickSight from '@aws-sdk/client-quicksight';
import type { Wire } from '../sdk-types.ts';
import type { Transaction } from '../state/store.ts';
import { alreadyExists, invalid, notFound, quicksightError } from './errors.ts';
import { page } from './paging.ts';
import { initialPermissions } from './permissions.ts';
import { inProgress, startProgress, statusOf } from './progress.ts';
import { parseArn, seconds, type ThemeRecord, type ThemeVersionRecord } from './records.ts';
import type { Answer, Input, QuickSightOperations } from './sdk.ts';
import { QuickSightState } from './state.ts';
import { mergeTags } from './tags.ts';

/** QuickSight's starting themes: every custom theme inherits from one, directly or through another theme. */
const STARTING_THEMES: ReadonlySet<string> = new Set(['CLASSIC', 'MIDNIGHT', 'SEASIDE', 'RAINIER', 'OLYMPIC']);

/** A starting theme's ARN: in no Region, in the `aws` account. */
const STARTING_THEME_ARN = /^arn:aws[a-z-]*:quicksight::aws:theme\/([A-Z]+)$/;

/** A theme has a version from its creation on, and deleting one alone never takes the latest. */
const latest = (record: ThemeRecord) => record.versions[record.versions.length - 1]!;
const versionArn = (record: ThemeRecord, n: number) => `${record.arn}/version/${n}`;

/**
 * The ThemeArn of an analysis or dashboard: a starting theme, or a theme of this account that
 * exists (QuickSight: "The theme ARN must exist in the same Amazon Web Services account").
 */
export async function checkThemeArn(state: QuickSightState, arn: unknown, tx: Transaction): Promise<void> {
  if (arn === undefined) return;
  if (typeof arn !== 'string') throw invalid('ThemeArn must be a string.');
  const starting = STARTING_THEME_ARN.exec(arn);
  if (starting) {
    if (!STARTING_THEMES.has(starting[1]!)) throw invalid(`ThemeArn ${arn} names no QuickSight starting theme.`);
    return;
  }
  const parsed = parseArn(arn);
  if (parsed?.kind !== 'theme' || parsed.account !== state.account || parsed.region !== state.region)
    throw invalid(`ThemeArn ${arn} is not the ARN of a theme in account ${state.account}, region ${state.region}.`);
  if (!(await state.get('theme', parsed.id, tx))) throw quicksightError('ResourceNotFoundException', `Theme ${parsed.id} not found.`);
}

/** A BaseThemeId: a starting theme or another theme of the account. */
async function checkBaseTheme(state: QuickSightState, id: unknown, own: string, tx: Transaction): Promise<void> {
  if (typeof id === 'string' && STARTING_THEMES.has(id)) return;
  if (typeof id === 'string' && id !== own && (await state.get('theme', id, tx))) return;
  throw invalid(`BaseThemeId ${JSON.stringify(id)} is neither a starting theme (${[...STARTING_THEMES].join(', ')}) nor another theme of the account.`);
}

function newVersion(
  state: QuickSightState,
  record: ThemeRecord | undefined,
  input: Input<'CreateTheme'> | Input<'UpdateTheme'>,
  stage: 'CREATION' | 'UPDATE',
): ThemeVersionRecord {
  const now = state.now();
  return {
    versionNumber: record ? latest(record).versionNumber + 1 : 1,
    createdTime: now,
    progress: startProgress(stage, now, state.context.settings.creationDelayMs, []),
    properties: {
      BaseThemeId: input.BaseThemeId,
      Configuration: input.Configuration ?? {},
      ...(input.VersionDescription === undefined ? {} : { VersionDescription: input.VersionDescription }),
    },
  };
}

function versionOf(record: ThemeRecord, number: number | undefined): ThemeVersionRecord {
  if (number === undefined) return latest(record);
  const version = record.versions.find((v) => v.versionNumber === number);
  if (!version) throw quicksightError('ResourceNotFoundException', `Theme ${record.id} has no version ${number}.`);
  return version;
}

function versionView(record: ThemeRecord, version: ThemeVersionRecord, now: number): Wire<QuickSight.ThemeVersion> {
  return {
    VersionNumber: version.versionNumber,
    Arn: versionArn(record, version.versionNumber),
    Description: version.properties.VersionDescription,
    BaseThemeId: version.properties.BaseThemeId,
    CreatedTime: seconds(version.createdTime),
    Configuration: version.properties.Configuration,
    Status: statusOf(version.progress, now),
  };
}

export const themeOperations = {
  async CreateTheme(input, context): Promise<Answer<'CreateTheme'>> {
    const state = new QuickSightState(context);
    const permissions = initialPermissions(input.Permissions);
    const tags = mergeTags([], input.Tags);
    return state.transact(async (tx): Promise<Answer<'CreateTheme'>> => {
      if (await state.get('theme', input.ThemeId, tx)) throw alreadyExists('theme', input.ThemeId);
      await checkBaseTheme(state, input.BaseThemeId, input.ThemeId, tx);
      const version = newVersion(state, undefined, input, 'CREATION');
      const record: ThemeRecord = {
        kind: 'theme',
        id: input.ThemeId,
        arn: state.arn('theme', input.ThemeId),
        createdTime: version.createdTime,
        lastUpdatedTime: version.createdTime,
        permissions,
        tags,
        name: input.Name,
        versions: [version],
      };
      state.put(tx, record);
      return { Status: 202, Arn: record.arn, VersionArn: versionArn(record, 1), ThemeId: record.id, CreationStatus: 'CREATION_IN_PROGRESS' };
    });
  },
  async DescribeTheme(input, context): Promise<Answer<'DescribeTheme'>> {
    if (input.AliasName !== undefined) throw invalid("trailsight's endpoint keeps no theme aliases.");
    const state = new QuickSightState(context);
    const record = await state.require('theme', input.ThemeId);
    const now = state.now();
    return {
      Theme: {
        Arn: record.arn,
        Name: record.name,
        ThemeId: record.id,
        Version: versionView(record, versionOf(record, input.VersionNumber), now),
        CreatedTime: seconds(record.createdTime),
        LastUpdatedTime: seconds(record.lastUpdatedTime),
        Type: 'CUSTOM',
      },
    };
  },
  async ListThemes(input, context): Promise<Answer<'ListThemes'>> {
    const state = new QuickSightState(context);
    // The account's own themes; QuickSight also lists its starting themes for ALL and QUICKSIGHT, which this endpoint does not describe.
    const own = input.Type === 'QUICKSIGHT' ? [] : await state.list('theme');
    const { items, NextToken } = page(own, input);
    return {
      ThemeSummaryList: items.map((record) => ({
        Arn: record.arn,
        Name: record.name,
        ThemeId: record.id,
        LatestVersionNumber: latest(record).versionNumber,
        CreatedTime: seconds(record.createdTime),
        LastUpdatedTime: seconds(record.lastUpdatedTime),
      })),
      NextToken,
    };
  },
  async ListThemeVersions(input, context): Promise<Answer<'ListThemeVersions'>> {
    const state = new QuickSightState(context);
    const record = await state.require('theme', input.ThemeId);
    const now = state.now();
    const { items, NextToken } = page(record.versions, input);
    return {
      ThemeVersionSummaryList: items.map((v) => {
        const { VersionNumber, Arn, Description, CreatedTime, Status } = versionView(record, v, now);
        return { VersionNumber, Arn, Description, CreatedTime, Status };
      }),
      NextToken,
    };
  },
  async UpdateTheme(input, context): Promise<Answer<'UpdateTheme'>> {
    const state = new QuickSightState(context);
    return state.update('theme', input.ThemeId, async (record, tx): Promise<Answer<'UpdateTheme'>> => {
      if (inProgress(latest(record).progress, state.now()))
        throw quicksightError('ConflictException', `Theme ${record.id} is being created or updated; try again when that finishes.`);
      await checkBaseTheme(state, input.BaseThemeId, record.id, tx);
      const version = newVersion(state, record, input, 'UPDATE');
      record.versions.push(version);
      if (input.Name !== undefined) record.name = input.Name;
      record.lastUpdatedTime = version.createdTime;
      return {
        Status: 202,
        Arn: record.arn,
        VersionArn: versionArn(record, version.versionNumber),
        ThemeId: record.id,
        CreationStatus: 'CREATION_IN_PROGRESS',
      };
    });
  },
  async DeleteTheme(input, context): Promise<Answer<'DeleteTheme'>> {
    const state = new QuickSightState(context);
    return state.transact(async (tx): Promise<Answer<'DeleteTheme'>> => {
      const record = await state.get('theme', input.ThemeId, tx);
      if (!record) throw notFound('theme', input.ThemeId);
      if (input.VersionNumber === undefined) {
        tx.delete(state.key('theme', record.id));
      } else {
        const version = versionOf(record, input.VersionNumber);
        if (version === latest(record))
          throw invalid(`Version ${version.versionNumber} is the latest version of theme ${record.id}; delete the theme instead.`);
        record.versions = record.versions.filter((v) => v !== version);
        state.put(tx, record);
      }
      return { Arn: record.arn, ThemeId: record.id };
    });
  },
} satisfies QuickSightOperations;
