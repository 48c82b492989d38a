import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/trailsight.js', import.meta.url));

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the trailsight CLI (or another copy of its `bin`) in `cwd`, as a user with no AWS configuration
 * (HOME is `cwd`, plus `env`), and collects its output.
 */
export function runCli(args: readonly string[], cwd: string, options: { bin?: string; env?: Record<string, string> } = {}): Promise<CliResult> {
  const env = { PATH: process.env.PATH, HOME: cwd, ...options.env };
  const child = spawn(process.execPath, [options.bin ?? BIN, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
