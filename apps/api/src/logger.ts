import pino, { type DestinationStream, type Logger } from "pino";

/**
 * The server's JSON log on stdout. Written asynchronously: a line goes out at once when the
 * previous write is done, and lines logged meanwhile go out together, so a busy server spends one
 * write on many access-log lines instead of one write (a system call) per request. pino flushes
 * what is left when the process exits. Tests pass a destination of their own to read the lines.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    { level, base: { service: "account360" } },
    destination ?? pino.destination({ dest: 1, sync: false }),
  );
}
