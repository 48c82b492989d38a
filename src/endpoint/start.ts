import type { BadLogFile } from './athena/engine-host.ts';
import { mkdir } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { findModelsDir } from '../awsmodel/index.ts';
import type { StorageFailure } from '../files/storage-failure.ts';
import { checkS3Mounts, type S3Mount } from './athena/s3-path.ts';
import { athenaService } from './athena/service.ts';
import type { ServiceName } from './detect-service.ts';
import type { FaultConfig } from './faults/config.ts';
import { FaultInjector } from './faults/injector.ts';
import { glueService } from './glue/service.ts';
import { quicksightService } from './quicksight/service.ts';
import { isLoopback, ownHosts } from './admission/own-hosts.ts';
import type { EndpointCredentials } from './admission/signature.ts';
import { safeLog } from './log.ts';
import { createEndpointServer } from './server.ts';
import type { EndpointSettings, ServiceHandler } from './service.ts';
import type { StateFileSystem } from './state/files.ts';
import { StateStore } from './state/store.ts';
import { stsService } from './sts/service.ts';
import { cloudTrailService } from './cloudtrail/service.ts';
import type { LocalTrail } from './cloudtrail/trail.ts';
import { s3Service } from './s3/service.ts';
import { ShapeValidator } from './validation.ts';

export interface EndpointOptions {
  /** Directory of the persistent state (created if missing). */
  readonly stateDir: string;
  /** `s3://BUCKET/KEY` is read from and written to `<s3Root>/BUCKET/KEY` (but for `s3Mounts`). */
  readonly s3Root: string;
  /**
   * Key prefixes of buckets read from folders elsewhere: `s3://<bucket>/<prefix><rest>` is
   * `<dir>/<rest>`, read only (Athena results are never written there). Set by the embedding
   * process (the local target: the user's logs); no request can add one.
   */
  readonly s3Mounts?: readonly S3Mount[];
  /** TCP port; 0 (the default) picks a free one. */
  readonly port?: number;
  /**
   * Interface to listen on (default 127.0.0.1: loopback only). Any other address needs
   * `credentials`: then the endpoint is reachable from other machines, and a signature is what
   * tells its user from anyone else.
   */
  readonly host?: string;
  /**
   * The one key pair callers must sign with (SigV4, verified on every request). Required for a
   * non-loopback `host`; on loopback, optional (without it, any local client is served).
   */
  readonly credentials?: EndpointCredentials;
  /** More names the Host header may carry besides the address listened on (e.g. a container's DNS name). */
  readonly hostNames?: readonly string[];
  /** The account every caller is in (12 digits; default 000000000000). */
  readonly account?: string;
  /** Region for unsigned requests (default us-east-1); signed requests use the region they signed for. */
  readonly region?: string;
  /** AWS API models for shape validation; default: TRAILSIGHT_AWS_MODELS, else the models the repository carries (src/awsmodel/models); `false`: no shape validation. */
  readonly modelsDir?: string | false;
  /**
   * The trails CloudTrail's read calls describe (the local target infers one from the logs it
   * serves; none by default). No request can add one.
   */
  readonly trails?: readonly LocalTrail[];
  /** Latency, throttling and server errors to inject. */
  readonly faults?: FaultConfig;
  /** How long QuickSight creations and updates stay in progress (default 200 ms). */
  readonly creationDelayMs?: number;
  /** How long Athena query executions stay QUEUED before they run (default 0). */
  readonly queryDelayMs?: number;
  /** Where the query engine caches ingested logs (default `<stateDir>/engine-cache`). */
  readonly cacheDir?: string;
  /** Where the endpoint's notes go: it never prints by itself (the CLI's `serve` sends them to standard error). */
  readonly log: (line: string) => void;
  /** Told once about each CloudTrail log file an Athena query found unreadable and skipped (it is also logged). */
  readonly onBadLogFile?: (file: BadLogFile) => void;
  /** Told when an Athena query failed because the query cache could not be written (a full disk). */
  readonly onStorageFailure?: (failure: StorageFailure) => void;
  /** The endpoint's clock, epoch milliseconds (default `Date.now`): what ages Athena's 45-day query history. */
  readonly clock?: () => number;
  /** For tests: the state store's file operations, to make them fail like a full disk. */
  readonly stateFileSystem?: StateFileSystem;
}

export interface RunningEndpoint {
  /** e.g. `http://127.0.0.1:4566`: give it to SDK clients as `endpoint` or `AWS_ENDPOINT_URL`. */
  readonly url: string;
  readonly port: number;
  readonly settings: EndpointSettings;
  /** Whether every request must carry a SigV4 signature made with the endpoint's credentials. */
  readonly verifiesSignatures: boolean;
  /** Change the injected faults while running. */
  readonly faults: FaultInjector;
  close(): Promise<void>;
}

/** Starts the loopback AWS endpoint (QuickSight, Athena, Glue, STS; CloudTrail and S3 reads) and resolves once it listens. */
export async function startEndpoint(options: EndpointOptions): Promise<RunningEndpoint> {
  const account = options.account ?? '000000000000';
  if (!/^\d{12}$/.test(account)) throw new Error(`account ${JSON.stringify(account)} must be 12 digits`);
  const bind = options.host ?? '127.0.0.1';
  if (!isLoopback(bind) && !options.credentials)
    throw new Error(`listening on ${bind} (not loopback) needs credentials: requests from other machines are served only when SigV4-signed with them`);
  if (options.credentials && (!options.credentials.accessKeyId || !options.credentials.secretAccessKey))
    throw new Error('credentials need both an access key id and a secret access key');
  const s3Mounts = (options.s3Mounts ?? []).map((m) => ({ ...m, dir: resolve(m.dir) }));
  checkS3Mounts(s3Mounts);
  const stateDir = resolve(options.stateDir);
  const settings: EndpointSettings = {
    account,
    region: options.region ?? 'us-east-1',
    s3Root: resolve(options.s3Root),
    stateDir,
    creationDelayMs: options.creationDelayMs ?? 200,
    queryDelayMs: options.queryDelayMs ?? 0,
    cacheDir: resolve(options.cacheDir ?? join(stateDir, 'engine-cache')),
    now: options.clock ?? Date.now,
  };
  await mkdir(stateDir, { recursive: true });
  const log = safeLog(options.log);
  const modelsDir = options.modelsDir === false ? undefined : (options.modelsDir ?? findModelsDir());
  if (!modelsDir) log('shape validation is off: no AWS API models found (pass --models DIR or set TRAILSIGHT_AWS_MODELS)');
  const services = new Map<ServiceName, ServiceHandler>(
    [
      quicksightService(),
      athenaService({
        cacheDir: settings.cacheDir,
        s3Root: settings.s3Root,
        s3Mounts,
        log,
        onBadLogFile: options.onBadLogFile,
        onStorageFailure: options.onStorageFailure,
      }),
      glueService(),
      stsService(),
      cloudTrailService(options.trails ?? []),
      s3Service({ s3Root: settings.s3Root, mounts: s3Mounts }),
    ].map((s) => [s.name, s]),
  );
  const faults = new FaultInjector(options.faults);
  const store = new StateStore(stateDir, { files: options.stateFileSystem, log });
  for (const service of services.values()) {
    // A start task that fails (an unreadable state folder) is noted; requests still get clear answers.
    await service.start?.({ store, settings }).catch((error: unknown) => log(`${service.name}: ${(error as Error)?.message ?? String(error)}`));
  }
  const hosts = new Set<string>();
  const server = createEndpointServer({
    services,
    store,
    settings,
    faults,
    validator: new ShapeValidator(modelsDir),
    log,
    hosts,
    credentials: options.credentials,
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, bind, () => ok());
  });
  const { port, address } = server.address() as AddressInfo;
  for (const host of ownHosts(bind, port, options.hostNames)) hosts.add(host);
  // A wildcard bind is reached, from this machine, on loopback.
  const reach = address === '0.0.0.0' ? '127.0.0.1' : address === '::' ? '::1' : address;
  const host = reach.includes(':') ? `[${reach}]` : reach;
  return {
    url: `http://${host}:${port}`,
    port,
    settings,
    verifiesSignatures: options.credentials !== undefined,
    faults,
    async close() {
      await new Promise<void>((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      });
      for (const service of services.values()) await service.close?.();
    },
  };
}
