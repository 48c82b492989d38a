import assert from 'node:assert/strict';
import type { DashboardModel } from '../../src/preview/dashboard-model.ts';
import { dashboardPage } from '../../src/preview/render/dashboard-page.ts';
import { escapeHtml, fileNameFor, jsonForScript } from '../../src/preview/render/html-text.ts';
import { CONTENT_SECURITY_POLICY } from '../../src/preview/render/page-shell.ts';
import { axisTooltip, itemTooltip } from '../../src/preview/page/chart-options.ts';

const SCRIPT = '</script><script>window.__pwned = 1</script><!--';
const IMG = '<img src=x onerror="window.__pwned = 1">';

function dashboard(text: string): DashboardModel {
  return {
    id: 'hostile',
    name: text,
    parameters: [],
    filters: [],
    datasets: {},
    sheets: [
      {
        id: 'sheet',
        title: text,
        description: text,
        controls: [],
        layout: {},
        visuals: [{ id: 'v', sheetId: 'sheet', kind: 'unsupported', visualType: text, typeName: text, title: text, reason: text }],
      },
    ],
  };
}

describe('preview HTML escaping', () => {
  it('escapes every character that opens markup or ends an attribute', () => {
    assert.equal(escapeHtml(`<a href="x" onclick='y'>&\``), '&#60;a href=&#34;x&#34; onclick=&#39;y&#39;&#62;&#38;&#96;');
  });

  it('embeds JSON that cannot close its script element and parses back unchanged', () => {
    const value = { text: SCRIPT, img: IMG, lines: 'a\u2028b\u2029c', amp: 'a & b' };
    const embedded = jsonForScript(value);
    assert.doesNotMatch(embedded, /[<>&\u2028\u2029]/);
    assert.deepEqual(JSON.parse(embedded), value);
  });

  it('keeps file names to safe characters', () => {
    assert.equal(fileNameFor('../../etc/passwd'), '__.._etc_passwd');
    assert.equal(fileNameFor('ec2-state-changes'), 'ec2-state-changes');
  });

  it('renders names, titles and reasons as text in the page, and the data only as escaped JSON', () => {
    for (const text of [SCRIPT, IMG]) {
      const html = dashboardPage({
        dashboard: dashboard(text),
        version: { published: { status: 'CREATION_SUCCESSFUL', errors: [] } },
        data: {},
        choices: {},
        problems: [text],
      });
      assert.ok(!html.includes(text), 'the raw payload never appears in the page');
      assert.ok(!html.includes('<img'), 'no img element from data');
      assert.equal(html.match(/<script/g)?.length, 3, 'only the JSON block, echarts.min.js and app.js');
      const json = /<script type="application\/json" id="preview-data">(.*)<\/script>/.exec(html)![1]!;
      assert.equal(JSON.parse(json).dashboard.name, text);
    }
  });

  it("renders QuickSight's errors of a failed version (type, message, entities) as text", () => {
    for (const text of [SCRIPT, IMG]) {
      const failed = { versionNumber: 2, status: 'UPDATE_FAILED', errors: [{ type: text, message: text, entities: [text] }] };
      const html = dashboardPage({
        dashboard: dashboard('d'),
        version: { published: { ...failed, status: text }, newerFailed: failed },
        data: {},
        choices: {},
        problems: [],
      });
      assert.ok(!html.includes(text), 'the raw payload never appears in the page');
      assert.ok(!html.includes('<img'), 'no img element from an error');
      assert.equal(html.match(/<script/g)?.length, 3, 'only the JSON block, echarts.min.js and app.js');
      assert.equal(html.match(/<section class="version-state"/g)?.length, 2, 'the published and the newer version each have their notice');
    }
  });

  it('allows scripts only from the site itself', () => {
    assert.match(CONTENT_SECURITY_POLICY, /script-src 'self'(;|$)/);
    assert.doesNotMatch(CONTENT_SECURITY_POLICY, /unsafe-inline|unsafe-eval/);
  });

  it('escapes every piece of the chart tooltips, the only HTML ECharts builds', () => {
    const axis = axisTooltip([{ name: IMG, seriesName: SCRIPT, value: 3 }]);
    assert.ok(!axis.includes('<img') && !axis.includes('<script'));
    assert.match(axis, /&#60;img src=x onerror=&#34;/);
    const item = itemTooltip({ name: IMG, value: SCRIPT, percent: 12.5 });
    assert.ok(!item.includes('<img') && !item.includes('<script'));
  });
});
