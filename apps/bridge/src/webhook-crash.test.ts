import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createAuthService } from "@account360/api";
import { openDatabase, rowsOf } from "@account360/storage";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createScratchDatabase, type ServerProcess, startServerProcess } from "./test/server-process";

/**
 * CONTRACT §9: delivery state lives in the database. A server killed (SIGKILL) while a receiver
 * holds a delivery open leaves it leased; once the lease has run out, the next server sends the
 * same event again (the same webhook-id), and nothing is lost. PGlite in a directory, or a
 * PostgreSQL database of the test's own, outlives the processes.
 */

const PASSWORD = "webhook-crash-pass-1";
const root = mkdtempSync(join(tmpdir(), "a360-webhook-crash-"));
const pgliteDir = join(root, "pglite");
let scratch: Awaited<ReturnType<typeof createScratchDatabase>> | null = null;
const databaseEnv = (): Record<string, string> =>
  scratch ? { DATABASE_URL: scratch.url } : { PGLITE_DIR: pgliteDir, DATABASE_URL: "" };

/** The database between the servers' lives, opened by the test itself. */
async function withDatabase<T>(
  work: (handle: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>,
): Promise<T> {
  const handle = await openDatabase({ url: scratch?.url, pgliteDir });
  try {
    return await work(handle);
  } finally {
    await handle.close();
  }
}

/** A receiver that holds the first request open (the server dies meanwhile) and answers the rest 204. */
async function startReceiver() {
  const ids: string[] = [];
  const held: ServerResponse[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    ids.push(String(req.headers["webhook-id"]));
    req.resume();
    if (ids.length === 1) held.push(res);
    else res.writeHead(204).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return {
    ids,
    url,
    close: () => {
      for (const res of held) res.destroy();
      return new Promise((resolve) => server.close(resolve));
    },
  };
}

async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function tokenOf(server: ServerProcess): Promise<string> {
  const answer = await fetch(`${server.url}/api/Authorize/GetToken`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: "crash.admin", password: PASSWORD }),
  });
  return ((await answer.json()) as { access_token: string }).access_token;
}

const trpc = (server: ServerProcess, token: string, procedure: string, input: unknown) =>
  fetch(`${server.url}/trpc/${procedure}`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify(input),
  });

describe("a server killed mid-delivery", () => {
  beforeAll(async () => {
    if (process.env.DATABASE_URL) scratch = await createScratchDatabase(process.env.DATABASE_URL);
    await withDatabase((handle) =>
      createAuthService({ database: handle, tokenTtlSeconds: 3600 }).addOrUpdateUser({
        username: "crash.admin",
        password: PASSWORD,
        roles: ["admin"],
      }),
    );
  }, 60_000);
  afterAll(async () => {
    await scratch?.drop();
    rmSync(root, { recursive: true, force: true });
  });

  it("leaves the delivery to the next server, which sends the same event again", async () => {
    const receiver = await startReceiver();
    let server = await startServerProcess(databaseEnv());
    try {
      let token = await tokenOf(server);
      const secret = `whsec_${randomBytes(32).toString("base64")}`;
      expect(
        (await trpc(server, token, "webhooks.add", { url: receiver.url, secret, types: ["*"] })).status,
      ).toBe(200);
      const created = await trpc(server, token, "customers.upsertIndividual", {
        CustomerInfo: {
          firstName: "Ana",
          lastName: "Crash",
          UniqueID: "CRASH-1",
          email: "ana@example.ro",
          mobilePhone: "+40712345678",
        },
      });
      expect(created.status).toBe(200);
      await until("the first attempt reached the receiver", () => receiver.ids.length === 1);

      server.child.kill("SIGKILL");
      await server.exited;
      // The killed process's lease has not run out yet; end it, as 60 s of waiting would.
      const leased = await withDatabase(async (handle) =>
        rowsOf<{ n: number }>(
          await handle.db.execute(
            "update webhook_deliveries set lease_until = now() where status = 'pending' and lease_until > now() returning 1 as n",
          ),
        ),
      );
      expect(leased).toHaveLength(1);

      server = await startServerProcess(databaseEnv());
      token = await tokenOf(server);
      await until("the event sent again", () => receiver.ids.length === 2);
      expect(receiver.ids[1]).toBe(receiver.ids[0]);
      const undelivered = async () => {
        const answer = await fetch(`${server.url}/trpc/webhooks.list`, {
          headers: { authorization: `Bearer ${token}` },
        });
        const body = (await answer.json()) as { result: { data: { items: { undelivered: number }[] } } };
        return body.result.data.items[0]?.undelivered;
      };
      await until("recorded as delivered", async () => (await undelivered()) === 0);
    } finally {
      await server.stop();
      await receiver.close();
    }
  }, 120_000);
});
