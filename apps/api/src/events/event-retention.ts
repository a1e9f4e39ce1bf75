import { type DatabaseHandle, deleteExpiredEvents } from "@account360/storage";
import type { Logger } from "pino";

const HOURLY_MS = 60 * 60 * 1000;

/**
 * Deletes change events older than the retention (CONTRACT §9) once the database is open, then
 * every hour (never two sweeps at once); answers the function that stops it, which waits for a
 * sweep under way so the database is not closed under it. A failed sweep is logged and tried
 * again the next hour.
 */
export function startEventRetention(
  handle: DatabaseHandle,
  days: number,
  logger: Logger,
): () => Promise<void> {
  let sweeping: Promise<void> = Promise.resolve();
  let busy = false;
  const sweep = () => {
    if (busy) return;
    busy = true;
    sweeping = deleteExpiredEvents(handle.sql, days)
      .then((deleted) => {
        if (deleted > 0) logger.info({ deleted, retentionDays: days }, "expired change events deleted");
      })
      .catch((error: unknown) =>
        logger.warn({ err: error }, "change event retention failed; next try in an hour"),
      )
      .finally(() => {
        busy = false;
      });
  };
  sweep();
  const timer = setInterval(sweep, HOURLY_MS);
  timer.unref();
  return () => {
    clearInterval(timer);
    return sweeping;
  };
}
