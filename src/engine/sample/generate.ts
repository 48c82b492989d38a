export interface SampleOptions {
  out: string;
  events?: number;
  days?: number;
  seed?: number;
  endDay?: string;
  accounts?: string[];
  regions?: string[];
}
export interface SampleSummary {
  files: number;
  events: number;
}
export async function generateSample(_options: SampleOptions): Promise<SampleSummary> {
  throw new Error('not yet');
}
