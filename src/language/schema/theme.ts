import { Type, type Static } from '@sinclair/typebox';
import { header, strict } from './common.ts';

/** QuickSight's starting themes: every theme inherits from one (`BaseThemeId`). */
export const BASE_THEMES = ['CLASSIC', 'MIDNIGHT', 'SEASIDE', 'RAINIER', 'OLYMPIC'] as const;

/** A colour as `#RRGGBB` (QuickSight's HexColor; trailsight sends it upper-case, as QuickSight requires). */
export const HexColor = Type.String({ pattern: '^#[0-9A-Fa-f]{6}$', description: 'A colour: # and six hexadecimal digits, e.g. #1F77B4.' });

const color = (description: string) => Type.Optional(Type.String({ ...HexColor, description }));

/** QuickSight's UIColorPalette, member by member (lower camel case). */
export const UiColors = strict(
  {
    primaryForeground: color('Text and icons on the primary background (visuals).'),
    primaryBackground: color('Background of visuals and other high-emphasis UI.'),
    secondaryForeground: color('Sheet titles, control text and UI over the secondary background.'),
    secondaryBackground: color('Background of the sheet and the controls.'),
    accent: color('Buttons, links and other accents.'),
    accentForeground: color('Text and icons over the accent colour.'),
    danger: color('Error messages.'),
    dangerForeground: color('Text over the danger colour.'),
    warning: color('Warning messages.'),
    warningForeground: color('Text over the warning colour.'),
    success: color('Success messages.'),
    successForeground: color('Text over the success colour.'),
    dimension: color('Dimension fields in the field wells.'),
    dimensionForeground: color('Text over the dimension colour.'),
    measure: color('Measure fields in the field wells.'),
    measureForeground: color('Text over the measure colour.'),
  },
  "The interface's colours (QuickSight's UIColorPalette); unset ones come from the base theme.",
);

export const ThemeSpec = strict(
  {
    ...header('Theme', 'the colours, fonts and sheet style of the dashboards and analyses that name it'),
    base: Type.Union(
      BASE_THEMES.map((id) => Type.Literal(id)),
      { description: `The QuickSight starting theme it inherits whatever it does not set from: ${BASE_THEMES.join(', ')}.` },
    ),
    colors: Type.Optional(
      strict(
        {
          data: Type.Optional(Type.Array(HexColor, { minItems: 1, maxItems: 100, description: 'The colours of data series and categories, in order.' })),
          gradient: Type.Optional(Type.Array(HexColor, { minItems: 2, maxItems: 2, description: 'The low and high ends of colour gradients (heat maps).' })),
          empty: Type.Optional(Type.String({ ...HexColor, description: 'The colour of cells and areas without data.' })),
          ui: Type.Optional(UiColors),
        },
        "Colours: of the data (QuickSight's DataColorPalette) and of the interface.",
      ),
    ),
    fonts: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9 _-]+$' }), {
        minItems: 1,
        maxItems: 5,
        description: 'Font families, the first preferred (e.g. Amazon Ember, Arial).',
      }),
    ),
    sheet: Type.Optional(
      strict(
        {
          tileBorder: Type.Optional(Type.Boolean({ description: 'Draw a border around each visual.' })),
          gutter: Type.Optional(Type.Boolean({ description: 'Leave space between visuals.' })),
          margin: Type.Optional(Type.Boolean({ description: 'Leave space around the sheet.' })),
        },
        "How visuals sit on a sheet (QuickSight's SheetStyle).",
      ),
    ),
  },
  'A QuickSight theme: colours, fonts and sheet style, applied to the dashboards and analyses that name it in `theme`.',
);
export type ThemeSpec = Static<typeof ThemeSpec>;
export type UiColors = Static<typeof UiColors>;
