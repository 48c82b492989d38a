import type { CreateThemeCommandInput, ResourcePermission, ThemeConfiguration, UIColorPalette } from '@aws-sdk/client-quicksight';
import type { ThemeSpec, UiColors } from '../../language/schema/index.ts';
import { tagList } from '../tags.ts';
import type { ResolvedTarget } from '../target.ts';

/** QuickSight `CreateTheme`: the spec's colours, fonts and sheet style over its base theme. */
export function quicksightTheme(options: {
  spec: ThemeSpec;
  target: ResolvedTarget;
  id: string;
  permissions: ResourcePermission[] | undefined;
  tags: Record<string, string>;
}): CreateThemeCommandInput {
  const { spec } = options;
  return {
    AwsAccountId: options.target.account,
    ThemeId: options.id,
    Name: spec.name,
    BaseThemeId: spec.base,
    Configuration: themeConfiguration(spec),
    Permissions: options.permissions,
    Tags: tagList(options.tags),
  };
}

/** The ThemeConfiguration a Theme spec sets; what it leaves out, the base theme decides. Colours upper-case, as QuickSight's HexColor requires. */
export function themeConfiguration(spec: ThemeSpec): ThemeConfiguration {
  const colors = spec.colors ?? {};
  const hex = (color: string) => color.toUpperCase();
  const data = {
    ...(colors.data ? { Colors: colors.data.map(hex) } : {}),
    ...(colors.gradient ? { MinMaxGradient: colors.gradient.map(hex) } : {}),
    ...(colors.empty ? { EmptyFillColor: hex(colors.empty) } : {}),
  };
  const ui = colors.ui ? uiPalette(colors.ui, hex) : {};
  const sheet = spec.sheet ?? {};
  const tileLayout = {
    ...(sheet.gutter === undefined ? {} : { Gutter: { Show: sheet.gutter } }),
    ...(sheet.margin === undefined ? {} : { Margin: { Show: sheet.margin } }),
  };
  const sheetStyle = {
    ...(sheet.tileBorder === undefined ? {} : { Tile: { Border: { Show: sheet.tileBorder } } }),
    ...(Object.keys(tileLayout).length ? { TileLayout: tileLayout } : {}),
  };
  return {
    ...(Object.keys(data).length ? { DataColorPalette: data } : {}),
    ...(Object.keys(ui).length ? { UIColorPalette: ui } : {}),
    ...(Object.keys(sheetStyle).length ? { Sheet: sheetStyle } : {}),
    ...(spec.fonts ? { Typography: { FontFamilies: spec.fonts.map((FontFamily) => ({ FontFamily })) } } : {}),
  };
}

/** `primaryBackground` → `PrimaryBackground`: the spec's keys are QuickSight's, in lower camel case. */
function uiPalette(colors: UiColors, hex: (color: string) => string): UIColorPalette {
  const palette: Record<string, string> = {};
  for (const [key, value] of Object.entries(colors)) if (value !== undefined) palette[key[0]!.toUpperCase() + key.slice(1)] = hex(value);
  return palette;
}
