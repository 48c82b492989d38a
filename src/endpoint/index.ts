export { startEndpoint, type EndpointOptions, type RunningEndpoint } from './start.ts';
export type { BadLogFile } from './athena/engine-host.ts';
export type { FaultConfig, ThrottleRate } from './faults/config.ts';
export { parseErrorRate, parseLatency, parseThrottle } from './faults/config.ts';
export type { EndpointCredentials } from './admission/signature.ts';
export { isLoopback } from './admission/own-hosts.ts';
