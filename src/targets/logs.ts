import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { TargetError } from '../compile/index.ts';

/** What a tree of CloudTrail logs (`AWSLogs/…`, as `aws s3 sync` leaves it) holds. */
export interface LogsLayout {
  /** The folder whose children are the account folders (`AWSLogs`, or `AWSLogs/<org-id>` for an organization trail). */
  readonly accountsDir: string;
  readonly accounts: string[];
  readonly regions: string[];
  /** The earliest day with logs, `YYYY-MM-DD`. */
  readonly firstDay?: string;
}

const ACCOUNT = /^\d{12}$/;
const POINT_AT_AWSLOGS = 'point --logs at the folder that contains AWSLogs/<account>/CloudTrail/… (as `aws s3 sync s3://BUCKET/PREFIX DIR` leaves it)';
const ORG = /^o-[a-z0-9]{10,32}$/;

/** Finds the accounts, Regions and first day in a logs tree; explains what is wrong when it is not one. */
export async function discoverLogs(dir: string): Promise<LogsLayout> {
  const awsLogs = join(dir, 'AWSLogs');
  if (!existsSync(dir)) throw new TargetError(`${dir} does not exist: ${POINT_AT_AWSLOGS}`);
  if (!existsSync(awsLogs)) throw new TargetError(`${dir} has no AWSLogs/ folder: ${POINT_AT_AWSLOGS}`);
  let accountsDir = awsLogs;
  let entries = await subdirs(awsLogs);
  const org = entries.find((name) => ORG.test(name));
  if (!entries.some((name) => ACCOUNT.test(name)) && org) {
    accountsDir = join(awsLogs, org);
    entries = await subdirs(accountsDir);
  }
  const accounts = entries.filter((name) => ACCOUNT.test(name)).sort();
  const regions = new Set<string>();
  let firstDay: string | undefined;
  for (const account of accounts) {
    const trailDir = join(accountsDir, account, 'CloudTrail');
    for (const region of existsSync(trailDir) ? await subdirs(trailDir) : []) {
      regions.add(region);
      const day = await earliestDay(join(trailDir, region));
      if (day && (!firstDay || day < firstDay)) firstDay = day;
    }
  }
  if (!accounts.length || !regions.size) throw new TargetError(`${awsLogs} holds no AWSLogs/<account>/CloudTrail/<region>/ folders`);
  return { accountsDir, accounts, regions: [...regions].sort(), ...(firstDay ? { firstDay } : {}) };
}

async function subdirs(dir: string): Promise<string[]> {
  return (await readdir(dir, { withFileTypes: true })).filter((e) => e.isDirectory() || e.isSymbolicLink()).map((e) => e.name).sort();
}

/** The first YYYY/MM/DD folder under a region folder. */
async function earliestDay(regionDir: string): Promise<string | undefined> {
  let dir = regionDir;
  const parts: string[] = [];
  for (const pattern of [/^\d{4}$/, /^\d{2}$/, /^\d{2}$/]) {
    const first = (await subdirs(dir)).find((name) => pattern.test(name));
    if (!first) return undefined;
    parts.push(first);
    dir = join(dir, first);
  }
  return parts.join('-');
}

/** Marks a finished sample, so a generation killed half-way is started again. */
const DONE = '.trailsight-sample-complete';

/** Generates sample logs into `dir` unless a complete sample for these accounts and Regions is there. Returns whether it generated. */
export async function ensureSampleLogs(dir: string, options: { accounts: string[]; regions: string[]; onGenerate?: () => void }): Promise<boolean> {
  const marker = `${JSON.stringify({ accounts: options.accounts, regions: options.regions })}\n`;
  if ((await readFile(join(dir, DONE), 'utf8').catch(() => '')) === marker) return false;
  options.onGenerate?.();
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const { generateSample } = await import('../engine/index.ts');
  await generateSample({ out: dir, accounts: options.accounts, regions: options.regions, days: 14, events: 20_000, seed: 1 });
  await writeFile(join(dir, DONE), marker);
  return true;
}
