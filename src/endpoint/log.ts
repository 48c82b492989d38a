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
