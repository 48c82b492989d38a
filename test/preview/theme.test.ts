import assert from 'node:assert/strict';
import type { Theme } from '@aws-sdk/client-quicksight';
import type { EChartsOption } from 'echarts';
import { themedChartOptions, themeVariables } from '../../src/preview/page/theme.ts';
import { themeModel } from '../../src/preview/read/theme-reader.ts';

/** A theme as DescribeTheme returns it (what trailsight compiles dashboards/theme.yaml to, trimmed). */
const DESCRIBED: Theme = {
  ThemeId: 'trailsight',
  Name: 'trailsight',
  Version: {
    BaseThemeId: 'CLASSIC',
    Configuration: {
      DataColorPalette: { Colors: ['#0072B2', '#E69F00'], MinMaxGradient: ['#DEEBF7', '#08519C'], EmptyFillColor: '#F2F3F3' },
      UIColorPalette: { PrimaryBackground: '#FFFFFF', PrimaryForeground: '#16191F', SecondaryBackground: '#202020', Accent: '#0972D3' },
      Typography: { FontFamilies: [{ FontFamily: 'Amazon Ember' }, { FontFamily: 'Arial' }] },
    },
  },
};

describe('preview: a dashboard drawn with its theme', () => {
  it('reads what the theme sets: data colours, gradient, interface colours, fonts', () => {
    assert.deepEqual(themeModel(DESCRIBED), {
      name: 'trailsight',
      dataColors: ['#0072B2', '#E69F00'],
      gradient: ['#DEEBF7', '#08519C'],
      ui: { tileBackground: '#FFFFFF', tileText: '#16191F', sheetBackground: '#202020', accent: '#0972D3' },
      fonts: ['Amazon Ember', 'Arial'],
    });
    assert.deepEqual(themeModel({ Name: 'bare', Version: { BaseThemeId: 'MIDNIGHT', Configuration: {} } }), { name: 'bare', ui: {} });
  });

  it('sets the stylesheet variables from its interface colours and fonts, and nothing else', () => {
    assert.deepEqual(themeVariables(themeModel(DESCRIBED)), {
      '--tile-bg': '#FFFFFF',
      '--ink': '#16191F',
      '--bg': '#202020',
      '--accent': '#0972D3',
      '--font': '"Amazon Ember", "Arial", system-ui, sans-serif',
    });
    assert.deepEqual(themeVariables(undefined), {});
    // A theme is read from an account: what is not a colour or a font name never reaches a style.
    const hostile = { name: 'x', ui: { accent: 'red; background: url(//evil)', tileBackground: '#FFF' }, fonts: ['x"; } body { display: none'] };
    assert.deepEqual(themeVariables(hostile), {});
  });

  it('draws charts in its data colours, in order, heat maps in its gradient, text in its font', () => {
    const theme = themeModel(DESCRIBED);
    const bar: EChartsOption = { animation: false, textStyle: { fontFamily: 'system-ui, sans-serif' }, series: [{ type: 'bar', data: [1, 2] }] };
    const themed = themedChartOptions(bar, theme);
    assert.deepEqual(themed.color, ['#0072B2', '#E69F00']);
    assert.deepEqual(themed.textStyle, { fontFamily: '"Amazon Ember", "Arial", system-ui, sans-serif' });
    assert.deepEqual(themed.series, bar.series);
    const heat = themedChartOptions({ visualMap: { min: 0, max: 5 }, series: [{ type: 'heatmap', data: [] }] }, theme);
    assert.deepEqual(heat.visualMap, { min: 0, max: 5, inRange: { color: ['#DEEBF7', '#08519C'] } });
    assert.equal(themedChartOptions(bar, undefined), bar, 'no theme, the options as they were');
  });
});
