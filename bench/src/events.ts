import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Pool } from "undici";
import { type LatencySummary, summarize } from "./stats";
import { type Meter, type WriteFigures, type WriteRun, writeOverHttp } from "./write";

/**
 * CONTRACT §9 under the write load: a webhook endpoint on a receiver in this process gets every
 * change event while customers are created over HTTP. Latency is from the event's time (taken
 * in the writing statement, just before its commit) to the receiver's clock, both on this machine.
 */
export interface EventFigures {
  /** The write load meanwhile, webhooks delivering. */
  writes: WriteFigures;
  delivered: number;
  /** Events delivered per second, from the first to the last delivery (the worker's pace). */
  deliveredPerSecond: number;
  /** How long after the write load the last event arrived. */
  drainSeconds: number;
  latency: LatencySummary;
  /** Events still undelivered when the bench gave up waiting (60 s after the load). */
  missing: number;
}

async function startReceiver() {
  const arrivals: { at: number; occurredAt: number }[] = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => {
      body += chunk.toString();
    });
    req.on("end", () => {
      const at = Date.now();
      const { data } = JSON.parse(body) as { data: { occurredAt: string } };
      arrivals.push({ at, occurredAt: Date.parse(data.occurredAt) });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    arrivals,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

async function trpc(pool: Pool, token: string, procedure: string, input: unknown): Promise<unknown> {
  const response = await pool.request({
    path: `/trpc/${procedure}`,
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify(input),
  });
  const body = (await response.body.json()) as { result?: { data: unknown } };
  if (response.statusCode !== 200) throw new Error(`${procedure} answered ${response.statusCode}`);
  return body.result?.data;
}

export async function eventsUnderWriteLoad(
  pool: Pool,
  run: WriteRun,
  credentials: { userName: string; token: string },
  meter: Meter,
): Promise<EventFigures> {
  const receiver = await startReceiver();
  const secret = `whsec_${randomBytes(32).toString("base64")}`;
  const endpoint = (await trpc(pool, credentials.token, "webhooks.add", {
    url: receiver.url,
    secret,
    types: ["customer.created"],
  })) as { id: string };
  try {
    // No warm-up here: every create of the load is one customer.created event to wait for.
    const writes = await writeOverHttp(pool, { ...run, warmupSeconds: 0 }, credentials, meter);
    const expected = writes.ok;
    const loadEnded = Date.now();
    const deadline = loadEnded + 60_000;
    while (receiver.arrivals.length < expected && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const arrivals = receiver.arrivals;
    const first = arrivals[0]?.at ?? loadEnded;
    const last = arrivals[arrivals.length - 1]?.at ?? loadEnded;
    return {
      writes,
      delivered: arrivals.length,
      deliveredPerSecond: arrivals.length / Math.max((last - first) / 1000, 0.001),
      drainSeconds: Math.max(0, (last - loadEnded) / 1000),
      latency: summarize(arrivals.map((a) => a.at - a.occurredAt)),
      missing: Math.max(0, expected - arrivals.length),
    };
  } finally {
    await trpc(pool, credentials.token, "webhooks.remove", { endpointId: endpoint.id }).catch(() => {});
    await receiver.close();
  }
}
