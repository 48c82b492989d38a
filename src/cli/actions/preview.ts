import { AthenaClient } from '@aws-sdk/client-athena';
import { QuickSightClient } from '@aws-sdk/client-quicksight';
import { LOCAL_CREDENTIALS } from '../../aws/clients.ts';
import { renderPreview, type RenderPreviewOptions } from '../../preview/index.ts';
import { badLogFilesNote } from '../../targets/bad-logs.ts';
import { storageFailureNote } from '../../targets/storage-note.ts';
import { openSession } from '../pipeline.ts';
import { UserError } from '../errors.ts';
import { printErr, printOut } from '../output.ts';
import { terminalText } from '../../text/terminal.ts';

interface PreviewFlags {
  target?: string;
  logs?: string;
  out: string;
  endpoint?: string;
  account: string;
  region: string;
  dashboard?: string[];
  workGroup?: string;
}

/** `trailsight preview` (declared in ../commands/preview.ts). */
export async function run(paths: string[], flags: PreviewFlags): Promise<void> {
  const note = (line: string) => printErr(`${line}\n`);
  const onProgress: RenderPreviewOptions['onProgress'] = (p) => {
    if (p.phase === 'query') note(`preview: ${terminalText(p.message)} (${p.done}/${p.total})`);
  };
  const common = { out: flags.out, onProgress, ...(flags.workGroup ? { workGroup: flags.workGroup } : {}) };
  let result;
  let storage: string | undefined;
  if (flags.endpoint) {
    if (!/^\d{12}$/.test(flags.account)) throw new UserError(`--account must be a 12-digit AWS account id, not "${flags.account}"`, 2);
    const config = { region: flags.region, endpoint: flags.endpoint, credentials: LOCAL_CREDENTIALS };
    const quicksight = new QuickSightClient(config);
    const athena = new AthenaClient(config);
    try {
      result = await renderPreview({
        quicksight,
        athena,
        awsAccountId: flags.account,
        ...(flags.dashboard ? { dashboardIds: flags.dashboard } : {}),
        ...common,
      });
    } finally {
      quicksight.destroy();
      athena.destroy();
    }
  } else {
    const { open, resources } = await openSession({ paths, target: flags.target, logs: flags.logs, note });
    try {
      note(`preview: target ${open.description}`);
      const dashboardIds = flags.dashboard ?? resources.filter((r) => r.kind === 'Dashboard').map((r) => r.id);
      result = await renderPreview({
        quicksight: open.clients.quicksight,
        athena: open.clients.athena,
        awsAccountId: open.target.account,
        dashboardIds,
        ...common,
      });
      if (open.local) for (const line of badLogFilesNote(open.local.badLogFiles(), open.local.logsDir, open.local.logFile)) note(line);
      storage = open.local && storageFailureNote(open.local.storageFailures());
    } finally {
      await open.close();
    }
  }
  for (const problem of result.problems) note(`preview: ${terminalText(problem)}`);
  if (result.pages.length === 0) throw new UserError('preview: no dashboard could be read (publish them first: `npm run publish-dashboards`)');
  if (storage) throw new UserError(storage);
  printOut(`${result.indexPath}\n`);
  process.exitCode = 0;
}
