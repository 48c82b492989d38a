/** How one check came out. `not-checked`: the target cannot answer it (the local endpoint has no IAM). */
export type Outcome = 'pass' | 'fail' | 'not-checked';

/** One check's result: what was found and, when it failed, what to do. */
export interface Finding {
  /** Stable id (`trail`, `log-files`, …), for `--json` readers. */
  readonly check: string;
  readonly title: string;
  readonly outcome: Outcome;
  /** What was found, in a sentence. */
  readonly finding: string;
  /** How to fix it (failed checks), or why it was not checked. */
  readonly fix?: string;
}

export const pass = (check: string, title: string, finding: string): Finding => ({ check, title, outcome: 'pass', finding });
export const fail = (check: string, title: string, finding: string, fix: string): Finding => ({ check, title, outcome: 'fail', finding, fix });
export const notChecked = (check: string, title: string, why: string): Finding => ({
  check,
  title,
  outcome: 'not-checked',
  finding: 'not checked locally',
  fix: why,
});

/** The message of an AWS error (SDK v3 errors carry `name` as the service's error code). */
export function awsError(error: unknown): { code: string; message: string } {
  const e = error as { name?: string; message?: string; Code?: string };
  return { code: e?.name ?? e?.Code ?? 'Error', message: e?.message ?? String(error) };
}
