import { type DatabaseHandle, relayEvents } from "@account360/storage";
import { connect, type NatsConnection } from "nats";
import type { Logger } from "pino";

export const NATS_STREAM = "ACCOUNT360_EVENTS";
const natsSubjectOf = (customerId: string) => `account360.events.${customerId}`;
const RELAY_NAME = "nats";

/** The stream the events go to, created when missing (CONTRACT §9). */
async function ensureStream(connection: NatsConnection): Promise<void> {
  const manager = await connection.jetstreamManager();
  try {
    await manager.streams.info(NATS_STREAM);
  } catch {
    await manager.streams.add({ name: NATS_STREAM, subjects: ["account360.events.>"] });
  }
}

/**
 * Publishes every change event to NATS JetStream (CONTRACT §9): stream ACCOUNT360_EVENTS, subject
 * `account360.events.<customerId>`, `Nats-Msg-Id` the event id (JetStream drops a repeat within
 * its duplicate window), in feed order, so each customer's in sequence order. One process at a
 * time publishes (the relay's row is locked); the others stand by. Loaded only with NATS_URL.
 */
export function startNatsRelay(
  handle: DatabaseHandle,
  url: string,
  logger: Logger,
  pollMs = 500,
): () => Promise<void> {
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let round: Promise<void> = Promise.resolve();
  // Connected in the background, retrying: the server answers whether or not NATS is up.
  const connecting = connect({
    servers: url,
    name: "account360",
    waitOnFirstConnect: true,
    maxReconnectAttempts: -1,
  });

  let connected: NatsConnection | null = null;
  const relay = async (connection: NatsConnection) => {
    connected = connection;
    if (stopped) {
      // Stopped while still connecting.
      await connection.drain();
      return;
    }
    await ensureStream(connection);
    const jetstream = connection.jetstream();
    // A page's messages go out in feed order on the one connection, so the stream stores them in
    // that order; their acks are awaited together (one by one, each message cost a round trip).
    const publish = async (events: readonly { eventId: string; customerId: string }[]) => {
      await Promise.all(
        events.map((event) =>
          jetstream.publish(natsSubjectOf(event.customerId), JSON.stringify(event), { msgID: event.eventId }),
        ),
      );
    };
    logger.info({ stream: NATS_STREAM }, "publishing change events to NATS JetStream");
    const schedule = (delayMs: number) => {
      if (stopped) return;
      timer = setTimeout(() => {
        round = relayEvents(handle.sql, RELAY_NAME, publish).then(
          (published) => schedule(published > 0 ? 0 : pollMs),
          (error: unknown) => {
            logger.warn({ err: error }, "publishing change events to NATS failed; trying again");
            schedule(pollMs);
          },
        );
      }, delayMs);
      timer.unref();
    };
    schedule(0);
  };
  connecting.then(relay).catch((error: unknown) => {
    logger.error({ err: error }, "no NATS JetStream: change events are not published to it");
  });

  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    await round;
    await (connected as NatsConnection | null)?.drain().catch(() => {});
  };
}
