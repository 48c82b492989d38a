import type { Operation, Plan } from './operations.ts';
import { assertNever } from './never.ts';

/** `--json`: `{"changes": [...]}`, only the resources that would change, in plan order. */
export function renderPlanJson(plan: Plan): string {
  const changes = plan.operations.flatMap((op) => {
    const change = jsonChange(op);
    return change ? [change] : [];
  });
  return `${JSON.stringify({ changes }, null, 2)}\n`;
}

function jsonChange(op: Operation): Record<string, unknown> | undefined {
  const base = { action: op.action, kind: op.kind, id: op.id };
  switch (op.action) {
    case 'no-op':
      return undefined;
    case 'create':
      return { ...base, source: op.desired.resource.source, ...(op.replaces ? { replaces: op.replaces } : {}) };
    case 'delete':
      return { ...base, reason: op.reason };
    case 'update':
      return {
        ...base,
        source: op.desired.resource.source,
        drift: op.drift,
        ...(op.properties ? { properties: { changes: op.properties.changes, ...(op.properties.reason ? { reason: op.properties.reason } : {}) } } : {}),
        ...(op.permissions ? { permissions: op.permissions } : {}),
        ...(op.tags ? { tags: op.tags } : {}),
        ...(op.publish ? { publish: true } : {}),
        ...(op.stamp ? { stamp: true } : {}),
      };
    default:
      return assertNever(op);
  }
}
