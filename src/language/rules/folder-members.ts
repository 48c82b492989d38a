import type { Finding } from '../finding.ts';
import { didYouMean } from '../suggest.ts';
import type { Rule } from './rule.ts';
import { findingAt } from './rule.ts';

/** A folder's members are specs that exist: dashboards Dashboard specs, analyses Dashboard or Analysis specs, datasets DataSet specs. */
export const folderMembers: Rule = {
  name: 'folder-members',
  check({ folders, boards, datasets, brokenIds }) {
    const lists = {
      dashboards: { what: 'Dashboard', ids: boards.filter((b) => b.spec.kind === 'Dashboard').map((b) => b.spec.id) },
      analyses: { what: 'Dashboard or Analysis', ids: boards.map((b) => b.spec.id) },
      datasets: { what: 'DataSet', ids: datasets.map((d) => d.spec.id) },
    } as const;
    return folders.flatMap((located) => {
      const findings: Finding[] = [];
      for (const [list, { what, ids }] of Object.entries(lists)) {
        (located.spec.members[list as keyof typeof lists] ?? []).forEach((id, i) => {
          if (ids.includes(id) || brokenIds.has(id)) return;
          findings.push(findingAt(located, ['members', list, i], this.name, `no ${what} with id '${id}'${didYouMean(id, ids)}`));
        });
      }
      return findings;
    });
  },
};
