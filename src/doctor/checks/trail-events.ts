import { GetEventSelectorsCommand, GetInsightSelectorsCommand, type AdvancedEventSelector, type EventSelector, type Trail } from '@aws-sdk/client-cloudtrail';
import type { DoctorContext } from '../context.ts';
import { awsError, fail, notChecked, pass, type Finding } from '../finding.ts';

const TITLE = 'The trail records the events the Project expects';
const INSIGHT_TYPES = ['ApiCallRateInsight', 'ApiErrorRateInsight'];

/** What a trail's selectors record, read from basic or advanced event selectors. */
export function recordedEvents(basic: readonly EventSelector[], advanced: readonly AdvancedEventSelector[]): { management: boolean; data: string[] } {
  let management = basic.some((s) => s.IncludeManagementEvents !== false && s.ReadWriteType !== 'ReadOnly' && s.ReadWriteType !== 'WriteOnly');
  const data = new Set(basic.flatMap((s) => (s.DataResources ?? []).map((r) => r.Type ?? '?')));
  for (const selector of advanced) {
    const fields = selector.FieldSelectors ?? [];
    const category = fields.find((f) => f.Field === 'eventCategory')?.Equals ?? [];
    const readOnly = fields.some((f) => f.Field === 'readOnly');
    if (category.includes('Management') && !readOnly) management = true;
    if (category.includes('Data')) for (const type of fields.find((f) => f.Field === 'resources.type')?.Equals ?? ['?']) data.add(type);
  }
  return { management, data: [...data].sort() };
}

/**
 * Management events always (every dashboard reads them); data events (S3 objects, Lambda
 * invocations) and Insights events when the Project's `source.events` lists them.
 */
export async function checkTrailEvents(ctx: DoctorContext, trail: Trail | undefined): Promise<Finding> {
  if (!trail) return fail('trail-events', TITLE, 'no trail to read the selectors of (see the trail check)', 'fix the trail check first');
  const expected = new Set(ctx.project.source.events ?? ['management']);
  const name = trail.TrailARN ?? trail.Name ?? '';
  const problems: string[] = [];
  const fixes: string[] = [];
  const found: string[] = [];
  try {
    const selectors = await ctx.clients.cloudtrail.send(new GetEventSelectorsCommand({ TrailName: name }));
    const events = recordedEvents(selectors.EventSelectors ?? [], selectors.AdvancedEventSelectors ?? []);
    if (events.management) found.push('management events');
    else {
      problems.push('it does not record all management events (read and write)');
      fixes.push(`aws cloudtrail put-event-selectors --trail-name ${trail.Name} with IncludeManagementEvents and ReadWriteType All`);
    }
    if (events.data.length) found.push(`data events (${events.data.join(', ')})`);
    else if (expected.has('data')) {
      problems.push('the Project expects data events, and the trail records none');
      fixes.push('add data event selectors for S3 objects (AWS::S3::Object) and Lambda (AWS::Lambda::Function), or drop `data` from source.events');
    }
  } catch (error) {
    const { code, message } = awsError(error);
    if (code === 'UnsupportedOperationException') return notChecked('trail-events', TITLE, message);
    problems.push(`GetEventSelectors failed: ${code}: ${message}`);
    fixes.push('allow cloudtrail:GetEventSelectors (see `trailsight iam-policy`)');
  }
  if (expected.has('insights')) {
    try {
      const insights = await ctx.clients.cloudtrail.send(new GetInsightSelectorsCommand({ TrailName: name }));
      const types: string[] = (insights.InsightSelectors ?? []).map((s) => s.InsightType ?? '?');
      const missing = INSIGHT_TYPES.filter((t) => !types.includes(t));
      if (missing.length) {
        problems.push(`Insights events lack ${missing.join(' and ')}`);
        fixes.push(
          `aws cloudtrail put-insight-selectors --trail-name ${trail.Name} --insight-selectors '[{"InsightType":"ApiCallRateInsight"},{"InsightType":"ApiErrorRateInsight"}]'`,
        );
      } else found.push('Insights events');
    } catch (error) {
      const { code, message } = awsError(error);
      if (code === 'UnsupportedOperationException') return notChecked('trail-events', TITLE, message);
      if (code === 'InsightNotEnabledException') {
        problems.push('the Project expects Insights events, and the trail has none enabled');
        fixes.push(
          `aws cloudtrail put-insight-selectors --trail-name ${trail.Name} --insight-selectors '[{"InsightType":"ApiCallRateInsight"},{"InsightType":"ApiErrorRateInsight"}]', or drop \`insights\` from source.events`,
        );
      } else {
        problems.push(`GetInsightSelectors failed: ${code}: ${message}`);
        fixes.push('allow cloudtrail:GetInsightSelectors (see `trailsight iam-policy`)');
      }
    }
  }
  return problems.length ? fail('trail-events', TITLE, problems.join('; '), fixes.join('; ')) : pass('trail-events', TITLE, `records ${found.join(', ')}`);
}
