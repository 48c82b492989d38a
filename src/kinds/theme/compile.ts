import type { CreateThemeCommandInput } from '@aws-sdk/client-quicksight';
import { permissionsFor, resourceId, type DesiredBase } from '../../compile/index.ts';
import { quicksightTheme } from '../../compile/quicksight/theme.ts';
import type { CompileContext } from '../kind.ts';
import { THEME_ACTIONS } from './permissions.ts';

export type ThemeResource = DesiredBase<'Theme', CreateThemeCommandInput, 'CreateTheme'>;

/** A QuickSight theme per Theme spec. */
export function compileThemes(ctx: CompileContext): ThemeResource[] {
  const { target } = ctx;
  const permissions = permissionsFor(THEME_ACTIONS, target.principals, { viewers: true });
  return ctx.specs.themes.map((theme) => {
    const id = resourceId(target, theme.spec.id);
    return {
      kind: 'Theme',
      id,
      source: { file: theme.file, specId: theme.spec.id },
      service: 'quicksight',
      operation: 'CreateTheme',
      input: quicksightTheme({ spec: theme.spec, target, id, permissions, tags: ctx.tagsOf(theme.spec.id, theme.spec) }),
      dependsOn: [],
    };
  });
}
