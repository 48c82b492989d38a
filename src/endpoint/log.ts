export type Log = (line: string) => void;

/**
 * A log that never throws: a line that cannot be written (a full disk under the log file, a closed
 * pipe) is lost, never the request being answered or the server.
 */
export function safeLog(sink: Log): Log {
  return (line) => {
    try {
      sink(line);
    } catch {
      // Nowhere left to report it: the line is dropped.
    }
  };
}

let stderrGuarded = false;

/**
 * A log to standard error, each line prefixed and shown through `show` (e.g. with control
 * characters escaped). Standard error on a full disk or a closed pipe fails with an `error` event
 * that would end the process: a listener drops it, and the line with it.
 */
export function stderrLog(show: (line: string) => string = (line) => line): Log {
  if (!stderrGuarded) {
    process.stderr.on('error', () => undefined);
    stderrGuarded = true;
  }
  return safeLog((line) => void process.stderr.write(`trailsight serve: ${show(line)}\n`));
}
