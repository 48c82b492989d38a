import { terminalText } from '../text/terminal.ts';
import { prettyJson } from './canonical.ts';
import { assertNever } from './never.ts';
import type { Grant } from './resource-model.ts';
import { FINGERPRINT_TAG } from './ownership.ts';
import { splitTextChanges, unifiedDiff } from './text-diff.ts';
import { summarisePlan, type Operation, type Plan, type PlanSummary, type UpdateOperation } from './operations.ts';

const SIGN = { create: '+', update: '~', delete: '-', 'no-op': '=' } as const;
const VERB = { create: 'create', update: 'update', delete: 'delete', 'no-op': 'unchanged' } as const;

/**
 * The plan for people: one line per resource, a readable diff under each update, a summary. Values
 * come from the specs and from AWS (a stranger's tag, an edited SQL): each line's control
 * characters are shown as escapes, so none can rewrite or hide another line.
 */
export function renderPlanText(plan: Plan): string {
  const lines = [`Plan for target ${plan.target}:`, ''];
  for (const op of plan.operations) lines.push(...renderOperation(op));
  lines.push('', summaryLine(summarisePlan(plan)));
  return `${lines.map(terminalText).join('\n')}\n`;
}

export function summaryLine(summary: PlanSummary): string {
  if (!summary.create && !summary.update && !summary.delete) return `No changes: ${summary.unchanged} resource(s) match the specs.`;
  return `Plan: ${summary.create} to create, ${summary.update} to update, ${summary.delete} to delete, ${summary.unchanged} unchanged.`;
}

function renderOperation(op: Operation): string[] {
  const head = `${SIGN[op.action]} ${VERB[op.action].padEnd(9)} ${op.kind}/${op.id}`;
  switch (op.action) {
    case 'create':
      return [`${head}${from(op)}${op.replaces ? `  (replaces a leftover in ${op.replaces})` : ''}`];
    case 'no-op':
      return [`${head}${from(op)}`];
    case 'delete':
      return [`${head}  (${op.reason})`];
    case 'update':
      return [`${head}${from(op)}${op.drift ? '  [drift: changed outside trailsight]' : ''}`, ...updateDetails(op).map((line) => `    ${line}`)];
    default:
      return assertNever(op);
  }
}

function from(op: { desired: { resource: { source: { file: string } } } }): string {
  return `  (${op.desired.resource.source.file})`;
}

function updateDetails(op: UpdateOperation): string[] {
  const out: string[] = [];
  if (op.properties) {
    const { changes, reason } = op.properties;
    if (reason) out.push(`properties re-sent: ${reason}`);
    if (changes.length) {
      out.push(
        `properties: ${changes.length} change(s) at ${changes
          .slice(0, 5)
          .map((c) => c.path)
          .join(', ')}${changes.length > 5 ? ', …' : ''}`,
      );
      // Multi-line strings (a dataset's SQL) are diffed line by line under their path, not as two whole JSON strings.
      const split = splitTextChanges(op.properties.before, op.properties.after);
      const [before, after] = [prettyJson(split.before), prettyJson(split.after)];
      if (before !== after) out.push(...unifiedDiff(before, after));
      for (const text of split.texts) out.push(`${text.path}:`, ...unifiedDiff(text.before, text.after, false).map((line) => `  ${line}`));
    }
  }
  if (op.permissions) {
    out.push(...op.permissions.grant.map((g) => `permissions: grant ${describeGrant(g)}`));
    out.push(...op.permissions.revoke.map((g) => `permissions: revoke ${describeGrant(g)}`));
  }
  if (op.tags) {
    for (const [key, value] of Object.entries(op.tags.set)) out.push(`tags: set ${key}=${value}`);
    for (const key of op.tags.remove) out.push(`tags: remove ${key}`);
  }
  if (op.publish) out.push('publish the new dashboard version');
  if (op.stamp && !op.properties && !op.tags?.set[FINGERPRINT_TAG]) {
    out.push('edited outside trailsight, but matches the specs: only its fingerprint tag is rewritten');
  }
  return out;
}

function describeGrant(grant: Grant): string {
  return `${grant.principal}: ${grant.actions.join(', ')}`;
}
