import { DescribeThemeCommand, type QuickSightClient, type Theme } from '@aws-sdk/client-quicksight';
import type { ThemeModel } from '../dashboard-model.ts';

/** A starting theme's ARN (in no Region, in the `aws` account): nothing of it to read, the page keeps its look. */
const STARTING_THEME = /^arn:aws[a-z-]*:quicksight::aws:theme\//;

/** Reads each theme once, however many dashboards are drawn with it. */
export class ThemeReader {
  private readonly themes = new Map<string, Promise<ThemeModel | undefined>>();

  constructor(
    private readonly quicksight: QuickSightClient,
    private readonly awsAccountId: string,
  ) {}

  /** The theme of a dashboard's ThemeArn, as the page draws it; undefined for a starting theme. */
  theme(arn: string): Promise<ThemeModel | undefined> {
    let read = this.themes.get(arn);
    if (!read) {
      read = STARTING_THEME.test(arn)
        ? Promise.resolve(undefined)
        : this.quicksight.send(new DescribeThemeCommand({ AwsAccountId: this.awsAccountId, ThemeId: arn.slice(arn.indexOf('/') + 1) })).then((out) => {
            if (!out.Theme) throw new Error(`theme ${arn}: DescribeTheme returned no theme`);
            return themeModel(out.Theme);
          });
      this.themes.set(arn, read);
    }
    return read;
  }
}

/** What the page draws of a theme's latest version. */
export function themeModel(theme: Theme): ThemeModel {
  const config = theme.Version?.Configuration ?? {};
  const data = config.DataColorPalette ?? {};
  const ui = config.UIColorPalette ?? {};
  const fonts = (config.Typography?.FontFamilies ?? []).flatMap((f) => (f.FontFamily ? [f.FontFamily] : []));
  const defined = <T extends object>(value: T) => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
  return {
    name: theme.Name ?? theme.ThemeId ?? '',
    ...(data.Colors?.length ? { dataColors: data.Colors } : {}),
    ...(data.MinMaxGradient?.length === 2 ? { gradient: data.MinMaxGradient } : {}),
    ui: defined({
      tileBackground: ui.PrimaryBackground,
      tileText: ui.PrimaryForeground,
      sheetBackground: ui.SecondaryBackground,
      sheetText: ui.SecondaryForeground,
      accent: ui.Accent,
      danger: ui.Danger,
    }),
    ...(fonts.length ? { fonts } : {}),
  };
}
