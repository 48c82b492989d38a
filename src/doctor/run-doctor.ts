import type { DoctorContext, Learned } from './context.ts';
import type { Finding } from './finding.ts';
import { checkIdentity } from './checks/identity.ts';
import { checkLogFiles } from './checks/log-files.ts';
import { checkPrincipals } from './checks/principals.ts';
import { checkQuickSightSubscription } from './checks/quicksight-subscription.ts';
import { checkServiceRole } from './checks/service-role.ts';
import { checkTrail } from './checks/trail.ts';
import { checkTrailEvents } from './checks/trail-events.ts';
import { checkWorkgroup } from './checks/workgroup.ts';

/**
 * Every check, in the order a person would look: who am I, is QuickSight there, does the trail
 * deliver what the Project reads, can QuickSight read it. Each runs whatever the others found;
 * `onFinding` hears each as it comes.
 */
export async function runDoctor(ctx: DoctorContext, onFinding: (finding: Finding) => void = () => undefined): Promise<Finding[]> {
  const findings: Finding[] = [];
  const add = (finding: Finding) => {
    findings.push(finding);
    onFinding(finding);
  };
  const learned: Learned = {};
  add(await checkIdentity(ctx));
  add(await checkQuickSightSubscription(ctx));
  add(await checkPrincipals(ctx));
  const { finding, trail } = await checkTrail(ctx, learned);
  add(finding);
  add(await checkTrailEvents(ctx, trail));
  add(await checkLogFiles(ctx));
  add(await checkWorkgroup(ctx));
  add(await checkServiceRole(ctx, learned));
  return findings;
}

/** Exit status: 0 when nothing failed (checks the target cannot answer are not failures). */
export function doctorExitCode(findings: readonly Finding[]): number {
  return findings.some((f) => f.outcome === 'fail') ? 1 : 0;
}
