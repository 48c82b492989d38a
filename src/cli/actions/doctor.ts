import { createReadClients, destroyClients } from '../../aws/clients.ts';
import { doctorExitCode, runDoctor, type Finding } from '../../doctor/index.ts';
import { openChecked } from '../pipeline.ts';
import { printErr, printJson, printOut } from '../output.ts';

interface DoctorFlags {
  target?: string;
  json?: boolean;
  logs?: string;
}

const MARK: Readonly<Record<Finding['outcome'], string>> = { pass: 'ok  ', fail: 'FAIL', 'not-checked': 'n/a ' };

/** `trailsight doctor` (declared in ../commands/doctor.ts). */
export async function run(paths: string[], flags: DoctorFlags): Promise<void> {
  const note = (line: string) => printErr(`${line}\n`);
  const open = await openChecked({ paths, target: flags.target, logs: flags.logs, note });
  const read = createReadClients(open.connection);
  try {
    if (!flags.json) note(`doctor: target ${open.description}`);
    const ctx = {
      project: open.specs.project.spec,
      target: open.target,
      clients: { ...open.clients, ...read },
      ...(open.local
        ? { local: { noIam: 'the local endpoint has no IAM: its QuickSight reads the logs through its own Athena, with no service role to ask' } }
        : {}),
      now: new Date(),
    };
    const findings = await runDoctor(ctx, flags.json ? undefined : (f) => printOut(findingText(f)));
    const code = doctorExitCode(findings);
    if (flags.json) printJson({ target: open.target.name, ok: code === 0, findings });
    else printOut(`doctor: ${count(findings, 'pass')} passed, ${count(findings, 'fail')} failed, ${count(findings, 'not-checked')} not checked\n`);
    process.exitCode = code;
  } finally {
    destroyClients(read);
    await open.close();
  }
}

function findingText(f: Finding): string {
  const detail = f.fix ? `\n       ${f.outcome === 'fail' ? 'fix' : 'why'}: ${f.fix}` : '';
  return `${MARK[f.outcome]}  ${f.title}: ${f.finding}${detail}\n`;
}

function count(findings: readonly Finding[], outcome: Finding['outcome']): number {
  return findings.filter((f) => f.outcome === outcome).length;
}
