import { didYouMean } from '../suggest.ts';
import type { Rule } from './rule.ts';
import { findingAt } from './rule.ts';

/** A board's `theme` names a Theme spec. */
export const themeRefs: Rule = {
  name: 'theme-refs',
  check({ themes, boards, brokenIds }) {
    const ids = themes.map((t) => t.spec.id);
    return boards.flatMap((located) => {
      const theme = located.spec.theme;
      if (theme === undefined || ids.includes(theme) || brokenIds.has(theme)) return [];
      return [findingAt(located, ['theme'], this.name, `no Theme with id '${theme}'${didYouMean(theme, ids)}`)];
    });
  },
};
