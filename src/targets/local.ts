import { appendFileSync } from 'node:fs';
import { mkdir, rm, symlink } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { resolveTarget } from '../compile/index.ts';
import type { SpecSet } from '../spec/index.ts';
import { createClients, destroyClients } from '../aws/clients.ts';
import type { RetryPolicy } from '../aws/retry.ts';
import { discoverLogs, ensureSampleLogs, type LogsLayout } from './logs.ts';
import type { BadLogFile } from './bad-logs.ts';
import type { OpenTarget } from './open-target.ts';
import { lockWorkdir } from './workdir-lock.ts';

export interface LocalOptions {
  /** trailsight's working folder (`.trailsight/` in the current directory). */
  readonly workdir: string;
  /** The user's own logs (a tree with `AWSLogs/…`); default: sample logs generated on first use. */
  readonly logs?: string;
  readonly retry?: RetryPolicy;
  /** Progress notes for people (sample generation). */
  readonly note?: (line: string) => void;
}

/** The QuickSight user every local resource is shared with. */
export function localUser(region: string, account: string): string {
  return `arn:aws:quicksight:${region}:${account}:user/default/trailsight`;
}

/**
 * The local target: the embedded endpoint, started in-process on a free loopback port, over the
 * user's logs or generated sample logs. Its S3 is `<workdir>/s3`, where the Project's bucket and
 * prefix lead (by a symbolic link) to the logs, so the compiled table points at them unchanged.
 */
export async function openLocalTarget(specs: SpecSet, options: LocalOptions): Promise<OpenTarget> {
  const workdir = resolve(options.workdir);
  const release = await lockWorkdir(workdir, options.note);
  try {
    const open = await openLocked(specs, workdir, options);
    return { ...open, close: () => open.close().finally(release) };
  } catch (error) {
    await release();
    throw error;
  }
}

async function openLocked(specs: SpecSet, workdir: string, options: LocalOptions): Promise<OpenTarget> {
  const project = specs.project.spec;
  const logsDir = resolve(options.logs ?? join(workdir, 'sample-logs'));
  if (!options.logs) {
    const where = relative(process.cwd(), logsDir) || '.';
    await ensureSampleLogs(logsDir, {
      accounts: project.source.accounts,
      regions: project.source.regions,
      onGenerate: () => options.note?.(`local: generating sample CloudTrail logs in ${where} (first use; --logs DIR for your own)`),
    });
  }
  const layout = await discoverLogs(logsDir);
  const s3Root = join(workdir, 's3');
  const link = await linkLogs(s3Root, project.source, layout);
  const localSpecs = withSource(specs, layout);
  const resolved = resolveTarget(localSpecs.project.spec, { name: 'local' });
  const target = { ...resolved, principals: { owners: [localUser(resolved.region, resolved.account)], viewers: [] } };
  const { startEndpoint } = await import('../endpoint/index.ts');
  const logFile = join(workdir, 'endpoint.log');
  const badLogFiles: BadLogFile[] = [];
  const endpoint = await startEndpoint({
    stateDir: join(workdir, 'endpoint'),
    s3Root,
    account: target.account,
    region: target.region,
    log: (line) => appendFileSync(logFile, `${line}\n`),
    // The endpoint reads through the bucket's link: name files where the user keeps them.
    onBadLogFile: (file) => badLogFiles.push({ ...file, path: file.path.startsWith(`${link}/`) ? join(layout.accountsDir, file.path.slice(link.length + 1)) : file.path }),
  });
  const connection = { region: target.region, endpoint: endpoint.url };
  const clients = createClients(connection, options.retry);
  return {
    target,
    specs: localSpecs,
    connection,
    clients,
    description: `local (endpoint ${endpoint.url}, account ${target.account}, ${target.region}; logs ${logsDir}: ${layout.accounts.length} account(s), ${layout.regions.length} Region(s))`,
    local: { url: endpoint.url, logsDir, logFile, badLogFiles: () => [...badLogFiles] },
    close: async () => {
      destroyClients(clients);
      await endpoint.close();
    },
  };
}

/** `<s3Root>/<bucket>/<prefix>AWSLogs` → the logs' account folders; returns the link's path. */
async function linkLogs(s3Root: string, source: { bucket: string; prefix?: string }, layout: LogsLayout): Promise<string> {
  const link = join(s3Root, source.bucket, source.prefix ?? '', 'AWSLogs');
  await mkdir(dirname(link), { recursive: true });
  await rm(link, { recursive: true, force: true });
  await symlink(layout.accountsDir, link, 'dir');
  return link;
}

/** The specs with the Project's source covering exactly the served logs' accounts, Regions and days. */
function withSource(specs: SpecSet, layout: LogsLayout): SpecSet {
  const project = specs.project;
  const source = project.spec.source;
  const firstDay = layout.firstDay && layout.firstDay < source.firstDay ? layout.firstDay : source.firstDay;
  const spec = { ...project.spec, source: { ...source, accounts: layout.accounts, regions: layout.regions, firstDay } };
  return { ...specs, project: { ...project, spec, at: (path) => project.at(path) } };
}
