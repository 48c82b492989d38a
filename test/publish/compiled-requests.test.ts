import assert from 'node:assert/strict';
import { TARGET_KEY } from '../../src/compile/index.ts';
import { requestFileName, requestFiles } from '../../src/kinds/index.ts';
import { Harness } from './harness.ts';

/** The resource id a create request names, as `trailsight compile --out` names its file. */
function idOf(input: Record<string, unknown>): string {
  const nested = (key: string) => (input[key] as { Name?: string } | undefined)?.Name;
  if (input.TableInput) return `${String(input.DatabaseName)}.${nested('TableInput')}`;
  if (input.MemberId) return `${String(input.FolderId)}.${String(input.MemberType).toLowerCase()}.${String(input.MemberId)}`;
  return String(
    input.DataSourceId ?? input.DataSetId ?? input.AnalysisId ?? input.DashboardId ?? input.ThemeId ?? input.FolderId ?? input.Name ?? nested('DatabaseInput'),
  );
}

/**
 * Members publish sets on a create beyond the compiled request, each justified where it is set:
 * a dashboard's VersionDescription records trailsight's fingerprint (src/aws/kinds/dashboard.ts).
 */
const SET_AT_APPLY: Readonly<Record<string, readonly string[]>> = { CreateDashboard: ['VersionDescription'] };

describe('publish sends exactly the requests `trailsight compile --out` writes', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await Harness.start();
  });
  afterEach(async () => {
    await h?.stop();
  });

  for (const target of ['local', 'staging']) {
    it(`every create of a cold publish to ${target} is the compiled file's content, the target tag included`, async () => {
      const { calls } = await h.record(() => h.publish({ target }));
      const { resources } = await h.compile(target);
      const files = new Map(requestFiles(resources).map((f) => [f.name, JSON.parse(f.content) as Record<string, unknown>]));
      const creates = calls.filter((c) => c.outcome === 'ok' && c.operation.startsWith('Create'));
      // One create per request file: each resource's, and what completes it (a folder's memberships).
      assert.equal(creates.length, files.size, creates.map((c) => c.operation).join(', '));
      for (const call of creates) {
        const sent = JSON.parse(JSON.stringify(call.input)) as Record<string, unknown>;
        const name = requestFileName(call.service, call.operation, idOf(sent));
        const compiled = files.get(name);
        assert.ok(compiled, `${name}: sent, but compile wrote no such file`);
        for (const key of SET_AT_APPLY[call.operation] ?? []) delete sent[key];
        assert.deepEqual(sent, compiled, name);
        const tags = compiled.Tags as { Key: string; Value: string }[] | Record<string, string> | undefined;
        if (tags === undefined) continue; // the Glue table: Glue tags its database only
        const value = Array.isArray(tags) ? tags.find((t) => t.Key === TARGET_KEY)?.Value : tags[TARGET_KEY];
        assert.equal(value, target, `${name}: the target tag that prune and iam-policy rely on`);
      }
    });
  }
});
