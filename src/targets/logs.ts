import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { TargetError } from '../compile/index.ts';
import { containedRealPath } from '../files/contained-path.ts';

/** What a tree of CloudTrail logs (`AWSLogs/…`, as `aws s3 sync` leaves it) holds. */
export interface LogsLayout {
  /** The folder whose children are the account folders (`AWSLogs`, or `AWSLogs/<org-id>` for an organization trail). */
  readonly accountsDir: string;
  /** The organization id of an organization trail's layout (`AWSLogs/o-…/<account>/…`). */
  readonly organizationId?: string;
  readonly accounts: string[];
  readonly regions: string[];
  /** Regions with Insights events (`<account>/CloudTrail-Insight/<region>/` folders): the trail records Insights there. */
  readonly insightRegions: string[];
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
  if (!(await containedRealPath(dir, awsLogs))) {
    throw new TargetError(
      `${awsLogs} is a symbolic link out of ${dir}, and logs are read only inside the folder given: point --logs at the folder it leads to`,
    );
  }
  let accountsDir = awsLogs;
  let entries = await subdirs(dir, awsLogs);
  let organizationId: string | undefined;
  const org = entries.find((name) => ORG.test(name));
  if (!entries.some((name) => ACCOUNT.test(name)) && org) {
    accountsDir = join(awsLogs, org);
    organizationId = org;
    entries = await subdirs(dir, accountsDir);
  }
  const accounts = entries.filter((name) => ACCOUNT.test(name)).sort();
  const regions = new Set<string>();
  const insightRegions = new Set<string>();
  let firstDay: string | undefined;
  for (const account of accounts) {
    const insightsDir = join(accountsDir, account, 'CloudTrail-Insight');
    for (const region of existsSync(insightsDir) ? await subdirs(dir, insightsDir) : []) insightRegions.add(region);
    const trailDir = join(accountsDir, account, 'CloudTrail');
    for (const region of existsSync(trailDir) ? await subdirs(dir, trailDir) : []) {
      regions.add(region);
      const day = await earliestDay(dir, join(trailDir, region));
      if (day && (!firstDay || day < firstDay)) firstDay = day;
    }
  }
  if (!accounts.length || !regions.size) throw new TargetError(`${awsLogs} holds no AWSLogs/<account>/CloudTrail/<region>/ folders`);
  return {
    accountsDir,
    ...(organizationId ? { organizationId } : {}),
    accounts,
    regions: [...regions].sort(),
    insightRegions: [...insightRegions].sort(),
    ...(firstDay ? { firstDay } : {}),
  };
}

/** The folders in `dir`, links among them only when they stay inside the logs folder `root`. */
async function subdirs(root: string, dir: string): Promise<string[]> {
  const names: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.isDirectory() || (entry.isSymbolicLink() && (await containedRealPath(root, join(dir, entry.name))))) names.push(entry.name);
  }
  return names.sort();
}

/** The first YYYY/MM/DD folder under a region folder. */
async function earliestDay(root: string, regionDir: string): Promise<string | undefined> {
  let dir = regionDir;
  const parts: string[] = [];
  for (const pattern of [/^\d{4}$/, /^\d{2}$/, /^\d{2}$/]) {
    const first = (await subdirs(root, dir)).find((name) => pattern.test(name));
    if (!first) return undefined;
    parts.push(first);
    dir = join(dir, first);
  }
  return parts.join('-');
}
