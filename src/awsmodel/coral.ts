import type { Violation } from './validate.ts';

/**
 * Violations as AWS's services word them (their request validation, "Coral"), e.g. QuickSight's:
 * `1 validation error detected: Value 'total events!' at
 * 'definition.sheets.1.member.visuals.1.member.barChartVisual.visualId' failed to satisfy constraint:
 * Member must satisfy regular expression pattern: [\w\-]+`. Members are named in lower camel case,
 * list items by their 1-based position followed by `member`; a value is shown as Java prints it.
 *
 * Evidence: QuickSight's answers quoted in hashicorp/terraform-provider-aws#39715 ("Value
 * 'SameSheetTargetVisualConfiguration(targetVisuals=[], targetVisualOptions=ALL_VISUALS)' at
 * 'definition.sheets.2.member.visuals.4.member.barChartVisual.actions.1.member…' failed to satisfy
 * constraint: Only 1 member of [targetVisuals, targetVisualOptions] should be provided for structure
 * SameSheetTargetVisualConfiguration"), #41919 ("Member must have length greater than or equal to 1")
 * and boto/boto3#2601 ("Map keys must satisfy constraint: [Member must have length less than or equal
 * to 64, …]").
 */
export function coralMessage(violations: readonly Violation[]): string {
  const count = `${violations.length} validation error${violations.length === 1 ? '' : 's'} detected`;
  return `${count}: ${violations.map(coralViolation).join('; ')}`;
}

function coralViolation(violation: Violation): string {
  const { path, mapKey } = coralPath(violation.path);
  const value = mapKey || violation.value === undefined ? valueText(mapKey ? undefined : violation.value) : `'${valueText(violation.value, violation.shape)}'`;
  const constraint = mapKey ? `Map keys must satisfy constraint: [${violation.constraint}]` : violation.constraint;
  return `Value ${mapKey ? `'${mapKey}'` : value} at '${path}' failed to satisfy constraint: ${constraint}`;
}

/** `Definition.Sheets[1].Visuals[0].BarChartVisual.VisualId` → `definition.sheets.2.member.visuals.1.member.barChartVisual.visualId`. */
function coralPath(path: string): { path: string; mapKey?: string } {
  const parts: string[] = [];
  let mapKey: string | undefined;
  for (const [, name, index, key] of path.matchAll(/([^.[\]{}]+)|\[(\d+)\]|\{([^}]*)\}/g)) {
    if (name !== undefined) parts.push(name.charAt(0).toLowerCase() + name.slice(1));
    else if (index !== undefined) parts.push(`${Number(index) + 1}`, 'member');
    else mapKey = key;
  }
  return { path: parts.join('.'), ...(mapKey !== undefined ? { mapKey } : {}) };
}

/** A value as Java's toString shows it: `[a, b]`, `{k=v}`, `Shape(member=value)`; long values cut. */
function valueText(value: unknown, shape?: string): string {
  const text = (v: unknown): string => {
    if (v === undefined || v === null) return 'null';
    if (Array.isArray(v)) return `[${v.map(text).join(', ')}]`;
    if (typeof v === 'object')
      return `{${Object.entries(v)
        .map(([k, x]) => `${k}=${text(x)}`)
        .join(', ')}}`;
    return String(v);
  };
  const shown =
    shape && typeof value === 'object' && value !== null && !Array.isArray(value)
      ? `${shape}(${Object.entries(value)
          .map(([k, x]) => `${k.charAt(0).toLowerCase()}${k.slice(1)}=${text(x)}`)
          .join(', ')})`
      : text(value);
  return shown.length > 200 ? `${shown.slice(0, 197)}...` : shown;
}
