import { appendFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { resolveTarget } from '../compile/index.ts';
import type { CheckedSpecs } from '../language/index.ts';
import { createClients, destroyClients } from '../aws/clients.ts';
import type { RetryPolicy } from '../aws/retry.ts';
import { OwnedFolder } from '../files/owned-folder.ts';
import type { StorageFailure } from '../files/storage-failure.ts';
import { discoverLogs, type LogsLayout } from './logs.ts';
import type { BadLogFile } from './bad-logs.ts';
import type { OpenTarget } from './open-target.ts';
import { ensureSampleLogs } from './sample-logs.ts';
import { lockWorkdir } from './workdir-lock.ts';
import { localTrail, organizationMismatch } from './local-trail.ts';

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
 * user's logs or generated sample logs. Its S3 is `<workdir>/s3`, but for the Project's bucket and
 * prefix: the endpoint reads `s3://<bucket>/<prefix>AWSLogs/…` from the logs' folder itself (a
 * mount), so the compiled table points at them unchanged and nothing is linked to them or ever
 * deleted there. The working folder and its children are refused when they are links (a
 * repository could bring `.trailsight/sample-logs -> ~`).
 */
export async function openLocalTarget(specs: CheckedSpecs, options: LocalOptions): Promise<OpenTarget> {
  const own = await OwnedFolder.open(options.workdir);
  await own.assertNoLinks('', { recursive: false });
  const release = await lockWorkdir(own.root, options.note);
  try {
    const open = await openLocked(specs, own, options);
    return { ...open, close: () => open.close().finally(release) };
  } catch (error) {
    await release();
    throw error;
  }
}

async function openLocked(specs: CheckedSpecs, own: OwnedFolder, options: LocalOptions): Promise<OpenTarget> {
  const project = specs.project.spec;
  const workdir = own.root;
  // The endpoint's state store and query cache write and delete in here: no link may take them elsewhere.
  await own.assertNoLinks('endpoint');
  const logsDir = resolve(options.logs ?? join(workdir, 'sample-logs'));
  if (!options.logs) {
    const where = relative(process.cwd(), logsDir) || '.';
    await ensureSampleLogs(own, 'sample-logs', {
      accounts: project.source.accounts,
      regions: project.source.regions,
      onGenerate: () => options.note?.(`local: generating sample CloudTrail logs in ${where} (first use; --logs DIR for your own)`),
    });
  }
  const layout = await discoverLogs(logsDir);
  const mismatch = organizationMismatch(project.source, layout);
  if (mismatch) options.note?.(`local: ${mismatch}`);
  const s3Root = await own.mkdir('s3');
  const mount = logsMount(project.source, logsDir);
  // Earlier versions linked the logs in at the mount's place: that link (only a link) goes.
  await own.removeLink(join('s3', mount.bucket, mount.prefix));
  const localSpecs = withSource(specs, layout);
  const resolved = resolveTarget(localSpecs.project.spec, { name: 'local' });
  const target = { ...resolved, principals: { owners: [localUser(resolved.region, resolved.account)], viewers: [] } };
  const { startEndpoint } = await import('../endpoint/index.ts');
  const logFile = join(workdir, 'endpoint.log');
  const badLogFiles: BadLogFile[] = [];
  const storageFailures: StorageFailure[] = [];
  const endpoint = await startEndpoint({
    stateDir: join(workdir, 'endpoint'),
    s3Root,
    s3Mounts: [mount],
    trails: [localTrail(localSpecs.project.spec.source, layout, target)],
    account: target.account,
    region: target.region,
    log: (line) => appendFileSync(logFile, `${line}\n`),
    onBadLogFile: (file) => badLogFiles.push(file),
    onStorageFailure: (failure) => storageFailures.push(failure),
  });
  const connection = { region: target.region, endpoint: endpoint.url };
  const clients = createClients(connection, options.retry);
  return {
    target,
    specs: localSpecs,
    connection,
    clients,
    description: `local (endpoint ${endpoint.url}, account ${target.account}, ${target.region}; logs ${logsDir}: ${layout.accounts.length} account(s), ${layout.regions.length} Region(s))`,
    local: { url: endpoint.url, logsDir, logFile, badLogFiles: () => [...badLogFiles], storageFailures: () => [...storageFailures] },
    close: async () => {
      destroyClients(clients);
      await endpoint.close();
    },
  };
}

/**
 * `s3://<bucket>/<prefix>AWSLogs/` served from the logs' `AWSLogs/` folder, as it is in S3: an
 * organization trail's account folders are under `AWSLogs/o-…/`, and the table finds them only
 * when the Project names the organization (as on AWS).
 */
function logsMount(source: { bucket: string; prefix?: string }, logsDir: string) {
  return { bucket: source.bucket, prefix: `${source.prefix ?? ''}AWSLogs/`, dir: join(logsDir, 'AWSLogs') };
}

/** The specs with the Project's source covering exactly the served logs' accounts, Regions and days. */
function withSource(specs: CheckedSpecs, layout: LogsLayout): CheckedSpecs {
  const project = specs.project;
  const source = project.spec.source;
  const firstDay = layout.firstDay && layout.firstDay < source.firstDay ? layout.firstDay : source.firstDay;
  const spec = { ...project.spec, source: { ...source, accounts: layout.accounts, regions: layout.regions, firstDay } };
  return { ...specs, project: { ...project, spec, at: (path) => project.at(path) } };
}
