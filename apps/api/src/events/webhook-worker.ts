import {
  type DatabaseHandle,
  type DeliveryOutcome,
  type LeasedDelivery,
  leaseWebhookDeliveries,
  queueWebhookDeliveries,
  settleWebhookDelivery,
} from "@account360/storage";
import type { Logger } from "pino";
import { signedHeaders } from "./standard-webhooks";

export interface WebhookWorkerOptions {
  /** How long the worker waits when there was nothing to do. */
  pollMs: number;
  /** A leased delivery another process may take over after this long (a crash mid-delivery). */
  leaseSeconds: number;
  /** How long a delivery is retried from its first attempt before the endpoint is parked (CONTRACT §9: 24 h). */
  retryWindowMs: number;
  /** The first retry's delay; each next one doubles, up to maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** How long a receiver has to answer. */
  timeoutMs: number;
  /** Deliveries sent at once by this process. */
  batch: number;
}

const DEFAULT_WEBHOOK_OPTIONS: WebhookWorkerOptions = {
  pollMs: 1_000,
  leaseSeconds: 60,
  retryWindowMs: 24 * 60 * 60 * 1000,
  baseDelayMs: 5_000,
  maxDelayMs: 60 * 60 * 1000,
  timeoutMs: 10_000,
  batch: 200,
};

/** The body Standard Webhooks recommends: the type, when, and the event itself as `data`. */
const bodyOf = (delivery: LeasedDelivery) =>
  JSON.stringify({ type: delivery.event.type, timestamp: delivery.event.occurredAt, data: delivery.event });

/** Exponential backoff with ±20 % jitter, so receivers coming back are not hit all at once. */
function retryDelay(attempts: number, options: WebhookWorkerOptions): number {
  const delay = Math.min(options.baseDelayMs * 2 ** (attempts - 1), options.maxDelayMs);
  return Math.round(delay * (0.8 + Math.random() * 0.4));
}

async function attempt(delivery: LeasedDelivery, options: WebhookWorkerOptions): Promise<DeliveryOutcome> {
  const body = bodyOf(delivery);
  let status: number | null = null;
  let error: string;
  try {
    const response = await fetch(delivery.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...signedHeaders(delivery.secret, delivery.event.eventId, Math.floor(Date.now() / 1000), body),
      },
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    await response.body?.cancel().catch(() => {});
    status = response.status;
    if (status >= 200 && status < 300) return { kind: "delivered", status };
    error = `the receiver answered ${status}`;
  } catch (cause) {
    error = `the receiver could not be reached: ${cause instanceof Error ? cause.message : String(cause)}`;
  }
  if (Date.now() - delivery.firstAttemptAt >= options.retryWindowMs) return { kind: "park", status, error };
  return {
    kind: "retry",
    status,
    error,
    retryAt: new Date(Date.now() + retryDelay(delivery.attempts, options)),
  };
}

/**
 * Delivers the change events to the webhook endpoints (CONTRACT §9) until stopped: queues what the
 * feed holds for each endpoint, leases what is due, sends it signed, and records the outcome.
 * Answers the function that stops it, which waits for the round under way.
 */
export function startWebhookWorker(
  handle: DatabaseHandle,
  logger: Logger,
  overrides: Partial<WebhookWorkerOptions> = {},
): () => Promise<void> {
  const options = { ...DEFAULT_WEBHOOK_OPTIONS, ...overrides };
  const db = handle.sql;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let round: Promise<void> = Promise.resolve();

  const deliver = async (delivery: LeasedDelivery) => {
    const outcome = await attempt(delivery, options);
    await settleWebhookDelivery(db, delivery, outcome);
    if (outcome.kind === "park") {
      logger.warn(
        { endpointId: delivery.endpointId, eventId: delivery.event.eventId, error: outcome.error },
        "webhook endpoint parked: its deliveries failed for the whole retry window",
      );
    }
  };

  const run = async (): Promise<boolean> => {
    const queued = await queueWebhookDeliveries(db);
    const leased = await leaseWebhookDeliveries(db, options.batch, options.leaseSeconds);
    await Promise.all(leased.map(deliver));
    return queued > 0 || leased.length > 0;
  };

  const schedule = (delayMs: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      round = run().then(
        (busy) => schedule(busy ? 0 : options.pollMs),
        (error: unknown) => {
          logger.warn({ err: error }, "webhook delivery round failed; trying again");
          schedule(options.pollMs);
        },
      );
    }, delayMs);
    timer.unref();
  };
  schedule(0);

  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    await round;
  };
}
