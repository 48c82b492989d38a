import type { EChartsOption } from 'echarts';
import type { ThemeModel } from '../dashboard-model.ts';

/** A colour as QuickSight keeps it (`#RRGGBB`): the only values that reach a style from a theme. */
const HEX = /^#[0-9A-Fa-f]{6}$/;
/** A font family name as the spec language allows it (letters, digits, spaces, `_`, `-`). */
const FONT = /^[A-Za-z0-9 _-]+$/;

const colour = (value: string | undefined) => (value !== undefined && HEX.test(value) ? value : undefined);

/** The font stack of a theme: its families, quoted, before the page's own. */
export function fontStack(theme: ThemeModel | undefined): string | undefined {
  const fonts = (theme?.fonts ?? []).filter((f) => FONT.test(f));
  return fonts.length ? `${fonts.map((f) => `"${f}"`).join(', ')}, system-ui, sans-serif` : undefined;
}

/**
 * The stylesheet's variables a theme sets (preview.css reads them): visuals' background and text,
 * the sheet's background and secondary text, the accent, the danger colour and the font. Set
 * through the DOM (the page's policy allows no inline style in its markup); only well-formed
 * colours and font names pass.
 */
export function themeVariables(theme: ThemeModel | undefined): Record<string, string> {
  if (!theme) return {};
  const ui = theme.ui;
  const entries: [string, string | undefined][] = [
    ['--tile-bg', colour(ui.tileBackground)],
    ['--ink', colour(ui.tileText)],
    ['--bg', colour(ui.sheetBackground)],
    ['--muted', colour(ui.sheetText)],
    ['--accent', colour(ui.accent)],
    ['--danger', colour(ui.danger)],
    ['--font', fontStack(theme)],
  ];
  return Object.fromEntries(entries.filter((e): e is [string, string] => e[1] !== undefined));
}

/** A chart's options drawn with the theme: its data colours in order, its gradient on heat maps, its font. */
export function themedChartOptions(options: EChartsOption, theme: ThemeModel | undefined): EChartsOption {
  if (!theme) return options;
  const colors = (theme.dataColors ?? []).filter((c) => HEX.test(c));
  const gradient = (theme.gradient ?? []).filter((c) => HEX.test(c));
  const font = fontStack(theme);
  const visualMap = options.visualMap;
  return {
    ...options,
    ...(colors.length ? { color: colors } : {}),
    ...(font ? { textStyle: { ...(options.textStyle as object | undefined), fontFamily: font } } : {}),
    ...(gradient.length === 2 && visualMap && !Array.isArray(visualMap) ? { visualMap: { ...visualMap, inRange: { color: gradient } } } : {}),
  } as EChartsOption;
}
