/** How many background events each account, region and hour gets: busier on weekdays and afternoons. */
import type { Random } from './random.ts';

export interface Slot {
  account: string;
  region: string;
  /** UTC midnight of the slot's day, ms. */
  day: number;
  /** Start of the slot, ms. */
  start: number;
  /** Length of the slot, ms. */
  length: number;
  count: number;
}

export interface SlotPlan {
  firstDay: number;
  days: number;
  accounts: readonly string[];
  regions: readonly string[];
  homeRegion: string;
  /** Background events to spread, exactly. */
  events: number;
  /**
   * Minutes each file covers (CloudTrail delivers a file per account and Region about every 5
   * minutes; a slot without events writes no file); default: hours enough for files of some 50 events.
   */
  fileMinutes?: number;
}

const HOUR = 3_600_000;

/** Slots as long as needed for files of some 50 events at least (CloudTrail's 5-minute files are often tiny; tests need not be). */
function slotHours(plan: SlotPlan): number {
  const streams = plan.accounts.length * plan.regions.length * plan.days;
  return [1, 2, 3, 4, 6, 8, 12, 24].find((hours) => plan.events / ((streams * 24) / hours) >= 50) ?? 24;
}

/** Slots in time order, with counts summing to exactly `plan.events` (largest remainders). */
export function planSlots(rng: Random, plan: SlotPlan): Slot[] {
  const length = plan.fileMinutes !== undefined ? plan.fileMinutes / 60 : slotHours(plan);
  const lengthMs = Math.round(length * HOUR);
  const steps = Math.max(1, Math.round((24 * HOUR) / lengthMs));
  const slots: Slot[] = [];
  const weights: number[] = [];
  for (let d = 0; d < plan.days; d++) {
    const day = plan.firstDay + d * 24 * HOUR;
    const weekday = new Date(day).getUTCDay();
    const dayWeight = weekday === 0 || weekday === 6 ? 0.45 : 1;
    for (let step = 0; step < steps; step++) {
      const hour = step * length;
      const middle = hour + length / 2;
      const hourWeight = (0.2 + Math.exp(-((middle - 15) ** 2) / 32)) * length;
      plan.accounts.forEach((account, a) => {
        for (const region of plan.regions) {
          const regionWeight = region === plan.homeRegion ? 3 : 1;
          slots.push({ account, region, day, start: day + step * lengthMs, length: lengthMs, count: 0 });
          weights.push(dayWeight * hourWeight * regionWeight * (1 / (1 + 0.8 * a)) * (0.75 + 0.5 * rng.next()));
        }
      });
    }
  }
  const total = weights.reduce((sum, w) => sum + w, 0);
  const exact = weights.map((w) => (w / total) * plan.events);
  let assigned = 0;
  slots.forEach((slot, i) => {
    slot.count = Math.floor(exact[i]!); // exact has a share for each slot
    assigned += slot.count;
  });
  const byRemainder = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((p, q) => q.r - p.r || p.i - q.i);
  // Fewer events are left than there are slots (each slot's floor took the rest).
  for (const { i } of byRemainder.slice(0, plan.events - assigned)) slots[i]!.count += 1;
  return slots;
}
