import { UserError } from './errors.ts';

/** `--concurrency <n>` of plan and publish: how many resources are worked on at once. */
export function parseConcurrency(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new UserError(`--concurrency must be a whole number from 1 to 64, not "${text}"`, 2);
  return n;
}
