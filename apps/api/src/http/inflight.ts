import type { IncomingMessage } from "node:http";
import type { Gauge } from "prom-client";

/**
 * Requests being worked on, capped at MAX_INFLIGHT. A request counts from when the server starts
 * working on it — at once without a body, once its body is in otherwise — until its answer is
 * sent, so clients that are slow to send cannot take the slots from those that are not.
 */
export function createInflightGate(max: number, gauge: Gauge) {
  let inflight = 0;
  return {
    full: () => inflight >= max,
    /** Takes a slot; `force` takes one even past the cap (liveness and readiness probes). */
    enter(force = false): boolean {
      if (inflight >= max && !force) return false;
      inflight++;
      gauge.inc();
      return true;
    },
    leave(): void {
      inflight--;
      gauge.dec();
    },
  };
}

/** A body is coming: a non-zero Content-Length or a chunked one. */
export function hasBody(req: IncomingMessage): boolean {
  if (req.headers["transfer-encoding"] !== undefined) return true;
  const length = Number(req.headers["content-length"] ?? 0);
  return !Number.isFinite(length) || length > 0;
}

/** Probes that must answer whatever the load: a busy server answering 429 would be restarted or drained. */
export const UNCAPPED_ROUTES: ReadonlySet<string> = new Set(["healthz", "readyz"]);
