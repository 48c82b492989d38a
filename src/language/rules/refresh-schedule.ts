import type { Finding } from '../finding.ts';
import type { Rule } from './rule.ts';
import { findingAt } from './rule.ts';

/**
 * A SPICE refresh gives the day its interval needs and nothing another interval needs: `dayOfWeek`
 * for WEEKLY only, `dayOfMonth` for MONTHLY only, no `timeOfDay` for HOURLY; its time zone is an IANA
 * name.
 */
export const refreshSchedule: Rule = {
  name: 'refresh-schedule',
  check({ datasets }) {
    return datasets.flatMap((located): Finding[] => {
      const mode = located.spec.import;
      if (mode?.mode !== 'SPICE' || !mode.refresh) return [];
      const refresh = mode.refresh;
      const path = ['import', 'refresh'];
      const at = (key: string | undefined, message: string) =>
        findingAt(located, key ? [...path, key] : path, this.name, `refresh: ${message}`, { atKey: key !== undefined });
      const findings: Finding[] = [];
      const { interval } = refresh;
      if (interval === 'HOURLY' && refresh.timeOfDay !== undefined) findings.push(at('timeOfDay', 'an HOURLY refresh has no `timeOfDay`'));
      if (interval === 'WEEKLY' && refresh.dayOfWeek === undefined) findings.push(at(undefined, 'a WEEKLY refresh needs `dayOfWeek`'));
      if (interval !== 'WEEKLY' && refresh.dayOfWeek !== undefined) findings.push(at('dayOfWeek', `\`dayOfWeek\` is for WEEKLY refreshes, not ${interval}`));
      if (interval === 'MONTHLY' && refresh.dayOfMonth === undefined)
        findings.push(at(undefined, 'a MONTHLY refresh needs `dayOfMonth` (1 to 28 or LAST_DAY_OF_MONTH)'));
      if (interval !== 'MONTHLY' && refresh.dayOfMonth !== undefined)
        findings.push(at('dayOfMonth', `\`dayOfMonth\` is for MONTHLY refreshes, not ${interval}`));
      if (refresh.timezone !== undefined && !isTimeZone(refresh.timezone)) {
        findings.push(
          findingAt(located, [...path, 'timezone'], this.name, `refresh: unknown time zone '${refresh.timezone}' (an IANA name, e.g. Europe/Paris or UTC)`),
        );
      }
      return findings;
    });
  },
};

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
