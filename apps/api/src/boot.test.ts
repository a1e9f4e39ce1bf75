import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer } from "./boot";
import { type Env, loadEnv } from "./env";

describe("server start-up", () => {
  // On PostgreSQL the server gets an empty database of its own, so it runs the migrations itself.
  const scratch = `a360_test_${randomBytes(6).toString("hex")}`;
  const admin = process.env.DATABASE_URL
    ? postgres(process.env.DATABASE_URL, { max: 1, onnotice: () => {} })
    : null;
  let env: Env;
  let stop: (() => Promise<void>) | undefined;
  let url = "";
  beforeAll(async () => {
    let databaseUrl: string | undefined;
    if (admin && process.env.DATABASE_URL) {
      await admin.unsafe(`create database ${scratch}`);
      const scratchUrl = new URL(process.env.DATABASE_URL);
      scratchUrl.pathname = `/${scratch}`;
      databaseUrl = scratchUrl.toString();
    }
    env = loadEnv({
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: "0",
      HOST: "127.0.0.1",
      PGLITE_DIR: "memory://",
      LOG_LEVEL: "silent",
    });
  });
  afterAll(async () => {
    await stop?.();
    if (admin) {
      await admin.unsafe(`drop database if exists ${scratch} with (force)`);
      await admin.end({ timeout: 5 });
    }
  });

  it("answers /healthz at once, /readyz 503 until the database is migrated, then 200", async () => {
    const running = await startServer({ env });
    stop = running.stop;
    url = running.url;
    let readyAt = Number.POSITIVE_INFINITY;
    running.ready.then(() => {
      readyAt = performance.now();
    });

    const health = await fetch(`${running.url}/healthz`);
    const early = await fetch(`${running.url}/readyz`);
    const earlyAt = performance.now();
    expect(health.status).toBe(200);
    expect(earlyAt).toBeLessThan(readyAt);
    expect(early.status).toBe(503);

    await running.ready;
    const late = await fetch(`${running.url}/readyz`);
    expect(late.status).toBe(200);
    expect(await late.json()).toMatchObject({
      status: "ready",
      database: env.DATABASE_URL ? "postgres" : "pglite",
    });

    const info = await fetch(`${running.url}/trpc/system.info`);
    expect(info.status).toBe(200);
    expect(((await info.json()) as { result: { data: unknown } }).result.data).toMatchObject({
      name: "account360",
      database: env.DATABASE_URL ? "postgres" : "pglite",
    });
  });

  it("sends security headers and a request id on every answer, and 404s unknown paths as JSON", async () => {
    expect(url).toBeTruthy();
    const answer = await fetch(`${url}/nowhere`, { headers: { "x-request-id": "abc-123" } });
    expect(answer.status).toBe(404);
    expect(answer.headers.get("x-request-id")).toBe("abc-123");
    expect(answer.headers.get("x-content-type-options")).toBe("nosniff");
    expect(answer.headers.get("content-type")).toContain("application/json");
  });
});
