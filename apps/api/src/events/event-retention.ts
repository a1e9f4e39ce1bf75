import { type DatabaseHandle, deleteExpiredEvents } from "@account360/storage";
import type { Logger } from "pino";

const HOURLY_MS = 60 * 60 * 1000;

/**
 * Deletes change events older than the retention (CONTRACT §9) once the database is open, then
 * every hour; answers the function that stops it. A failed run is logged and tried next hour.
 */
export function startEventRetention(handle: DatabaseHandle, days: number, logger: Logger): () => void {
  let running: Promise<void> | null = null;
  const sweep = () => {
    running ??= deleteExpiredEvents(handle.sql, days)
      .then((deleted) => {
        if (deleted > 0) logger.info({ deleted, retentionDays: days }, "expired change events deleted");
      })
      .catch((error: unknown) =>
        logger.warn({ err: error }, "change event retention failed; next try in an hour"),
      )
      .finally(() => {
        running = null;
      });
  };
  sweep();
  const timer = setInterval(sweep, HOURLY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
