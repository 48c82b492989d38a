/**
 * Fault injection settings. Each setting is per operation: keys are `Operation`, `service:Operation`,
 * `service:*` or `*` (the most specific key wins), e.g. `{ CreateDashboard: 2, '*': 10 }`.
 */
export interface FaultConfig {
  /** Seed of the random generator behind `errorRate` (default 1). */
  readonly seed?: number;
  /** Added delay before answering, in milliseconds. */
  readonly latencyMs?: PerOperation<number>;
  /** Requests a second each operation accepts before answering with throttling errors. */
  readonly throttle?: PerOperation<ThrottleRate>;
  /** Share (0..1) of requests answered with a server error (5xx). */
  readonly errorRate?: PerOperation<number>;
}

export type PerOperation<T> = Readonly<Record<string, T>>;

export interface ThrottleRate {
  /** Tokens a second. */
  readonly rate: number;
  /** Bucket size: requests accepted at once after a quiet spell (default: the rate, at least 1). */
  readonly burst?: number;
}

/** The value for an operation: `service:Operation`, then `Operation`, then `service:*`, then `*`. */
export function forOperation<T>(table: PerOperation<T> | undefined, service: string, operation: string): T | undefined {
  if (!table) return undefined;
  for (const key of [`${service}:${operation}`, operation, `${service}:*`, '*']) {
    if (Object.hasOwn(table, key)) return table[key];
  }
  return undefined;
}

/** Parses `100` or `CreateDashboard=200,*=50` (milliseconds). */
export function parseLatency(text: string): PerOperation<number> {
  return parseTable(text, '--latency-ms', (value) => nonNegative(Number(value), value, '--latency-ms'));
}

/** Parses `0.1` or `CreateDashboard=0.5,*=0.05`. */
export function parseErrorRate(text: string): PerOperation<number> {
  return parseTable(text, '--error-rate', (value) => {
    const rate = Number(value);
    if (!(rate >= 0 && rate <= 1)) throw new Error(`--error-rate: ${JSON.stringify(value)} is not a share between 0 and 1`);
    return rate;
  });
}

/** Parses `CreateDashboard=2/s,*=10/s` (also `/m` for a minute, and a bare `5` for 5/s). */
export function parseThrottle(text: string): PerOperation<ThrottleRate> {
  return parseTable(text, '--throttle', (value) => {
    const match = /^(\d+(?:\.\d+)?)(?:\/(s|m))?$/.exec(value.trim());
    if (!match || Number(match[1]) <= 0) throw new Error(`--throttle: ${JSON.stringify(value)} is not a rate such as 2/s or 30/m`);
    return { rate: match[2] === 'm' ? Number(match[1]) / 60 : Number(match[1]) };
  });
}

function parseTable<T>(text: string, flag: string, parse: (value: string) => T): PerOperation<T> {
  const table: Record<string, T> = {};
  for (const part of text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const eq = part.lastIndexOf('=');
    const [key, value] = eq < 0 ? ['*', part] : [part.slice(0, eq).trim(), part.slice(eq + 1)];
    if (!/^([a-z0-9]+:)?([A-Za-z0-9]+|\*)$/.test(key)) throw new Error(`${flag}: ${JSON.stringify(key)} is not an operation name, service:Operation or *`);
    table[key] = parse(value);
  }
  return table;
}

function nonNegative(value: number, text: string, flag: string): number {
  if (!(value >= 0)) throw new Error(`${flag}: ${JSON.stringify(text)} is not a number of milliseconds`);
  return value;
}
