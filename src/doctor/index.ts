export type { DoctorClients, DoctorContext } from './context.ts';
export type { Finding, Outcome } from './finding.ts';
export { doctorExitCode, runDoctor } from './run-doctor.ts';
export { serviceRoleNeeds } from './checks/service-role.ts';
