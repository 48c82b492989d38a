import assert from 'node:assert/strict';
import { indexPage } from '../../src/preview/render/index-page.ts';

const entry = (id: string, name: string) => ({ id, name, href: `${id}.html`, sheets: 1, visuals: 2, problems: 0 });

describe('preview: the index groups dashboards by the folders that hold them', () => {
  it('lists each folder holding a rendered dashboard, with links to those, names escaped', () => {
    const html = indexPage([entry('ec2', 'EC2'), entry('iam', 'IAM')], 'the account', [
      { id: 'sec', name: 'Security <team>', dashboardIds: ['ec2', 'iam'] },
      { id: 'other', name: 'Other', dashboardIds: ['not-rendered'] },
    ]);
    assert.match(html, /<h2 class="folders-title">Folders<\/h2>/);
    assert.match(
      html,
      /<li data-folder-id="sec"><span class="folder">Security &#60;team&#62;<\/span> <a href="ec2.html">EC2<\/a> · <a href="iam.html">IAM<\/a><\/li>/,
    );
    assert.doesNotMatch(html, /data-folder-id="other"/, 'a folder holding no rendered dashboard is left out');
  });

  it('without folders, no folder section', () => {
    assert.doesNotMatch(indexPage([entry('ec2', 'EC2')], 'the account'), /folders/);
  });
});
