import type { SheetDefinition } from '@aws-sdk/client-quicksight';
import type { DesiredBase } from '../compile/index.ts';
import type { DesiredResource } from '../kinds/index.ts';
import type { QuickSightProblem, ResourceFailedError } from '../aws/errors.ts';
import escapeRegex from 'escape-string-regexp';

/** Where in a spec a sheet or visual is: `sheets[i].visuals[j]` as a path the spec's `at()` resolves. */
export type SpecLocator = (source: DesiredBase['source'], path: readonly (string | number)[]) => string | undefined;

interface Place {
  readonly sheet?: { readonly index: number; readonly id: string; readonly name?: string };
  readonly visual?: { readonly index: number; readonly id: string };
}

/**
 * The failure as people need it: the resource and spec file, then each of QuickSight's errors with
 * the sheet and visual it concerns (found by the ids in the error's entity path).
 */
export function describeFailure(resource: DesiredResource, error: ResourceFailedError, locate?: SpecLocator): string {
  const lines = [`${resource.kind}/${resource.id} (${resource.source.file}): ${error.status}`];
  const input = resource.input;
  const sheets = 'Definition' in input ? (input.Definition?.Sheets ?? []) : [];
  if (!error.problems.length) lines.push('  QuickSight reported no details');
  for (const problem of error.problems) {
    const place = placeOf(sheets, problem);
    const where = [
      place.sheet ? `sheet "${place.sheet.id}"${place.sheet.name ? ` (${place.sheet.name})` : ''}` : undefined,
      place.visual ? `visual "${place.visual.id}"` : undefined,
    ].filter(Boolean);
    const specPath = place.sheet ? ['sheets', place.sheet.index, ...(place.visual ? ['visuals', place.visual.index] : [])] : undefined;
    const position = specPath && locate ? locate(resource.source, specPath) : undefined;
    const prefix = [position, where.join(', ')].filter(Boolean).join(': ');
    lines.push(`  ${prefix ? `${prefix}: ` : ''}${problem.type ?? 'ERROR'}: ${problem.message ?? '(no message)'}`);
    if (!place.sheet && problem.paths.length) lines.push(`    at ${problem.paths.join(', ')}`);
  }
  return lines.join('\n');
}

function placeOf(sheets: readonly SheetDefinition[], problem: QuickSightProblem): Place {
  const tokens = new Set(problem.paths.flatMap((p) => p.split(/[/.[\]=:\s'"]+/)).filter(Boolean));
  const text = `${problem.message ?? ''} ${problem.paths.join(' ')}`;
  let sheetOnly: Place | undefined;
  for (const [index, sheet] of sheets.entries()) {
    const sheetPlace = { index, id: sheet.SheetId ?? '', ...(sheet.Name ? { name: sheet.Name } : {}) };
    for (const [visualIndex, visual] of (sheet.Visuals ?? []).entries()) {
      const visualId = Object.values(visual)[0]?.VisualId;
      if (visualId && (tokens.has(visualId) || mentions(text, visualId))) return { sheet: sheetPlace, visual: { index: visualIndex, id: visualId } };
    }
    if (sheet.SheetId && tokens.has(sheet.SheetId)) sheetOnly ??= { sheet: sheetPlace };
  }
  return sheetOnly ?? {};
}

function mentions(text: string, id: string): boolean {
  return new RegExp(`(^|[^A-Za-z0-9_-])${escapeRegex(id)}([^A-Za-z0-9_-]|$)`).test(text);
}
