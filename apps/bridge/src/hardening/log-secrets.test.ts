import { randomBytes } from "node:crypto";
import { Writable } from "node:stream";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Answer,
  CALL_ACTION,
  envelope,
  GET_TOKEN,
  type HardenedServer,
  send,
  startHardenedServer,
} from "../test/hardening/harness";
import { samples } from "../test/hardening/samples";

/**
 * A whole server session at LOG_LEVEL=debug, its log (and anything written to stdout/stderr)
 * captured, through logins, failed and throttled logins, writes with the token in ApiInfo and in
 * the Authorization header, tRPC calls, revocation and a failing procedure: no password, token
 * or password hash used may appear anywhere in it (CONTRACT §2).
 */

let server: HardenedServer;
let captured = "";
const restore: (() => void)[] = [];
const secrets: string[] = [];
const secret = (label: string) => {
  const value = `${label}-${randomBytes(12).toString("base64url")}`;
  secrets.push(value);
  return value;
};

beforeAll(async () => {
  const sink = new Writable({
    write(chunk, _encoding, done) {
      captured += String(chunk);
      done();
    },
  });
  for (const stream of [process.stdout, process.stderr]) {
    const original = stream.write.bind(stream);
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      captured += String(chunk);
      return (original as (...args: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof stream.write;
    restore.push(() => {
      stream.write = original;
    });
  }
  const logger = pino({ level: "debug", base: { service: "account360" } }, sink);
  server = await startHardenedServer({ LOG_LEVEL: "debug" }, logger);
  expect(logger.isLevelEnabled("debug")).toBe(true);
});
afterAll(async () => {
  await server?.stop();
  for (const undo of restore) undo();
});

const login = (username: string, password: string, localAddress = "127.0.1.1"): Promise<Answer> =>
  send(server.url, { path: GET_TOKEN, body: JSON.stringify({ username, password }), localAddress });

describe("the log of a whole session", () => {
  it("holds no password, token or password hash", async () => {
    const password = secret("Password");
    const otherPassword = secret("Other");
    await server.auth.addOrUpdateUser({ username: "log.writer", password, roles: ["writer", "reader"] });
    await server.auth.addOrUpdateUser({ username: "log.other", password: otherPassword, roles: ["reader"] });

    const issued = await login("log.writer", password);
    expect(issued.status).toBe(200);
    const token = (JSON.parse(issued.text) as { access_token: string }).access_token;
    secrets.push(token);
    const otherToken = (
      JSON.parse((await login("log.other", otherPassword)).text) as { access_token: string }
    ).access_token;
    secrets.push(otherToken);

    // Failed logins: a wrong password, an unknown user, a password typed into the username field.
    expect((await login("log.writer", secret("Wrong"), "127.0.1.2")).status).toBe(401);
    expect((await login("log.nobody", secret("Guess"), "127.0.1.3")).status).toBe(401);
    expect((await login(secret("Typed-In-Username"), password, "127.0.1.4")).status).toBe(401);
    expect(
      (
        await send(server.url, {
          path: GET_TOKEN,
          body: `{"username":"log.writer","password":"${secret("Cut")}`,
        })
      ).status,
    ).toBe(400);
    // Throttled: five failures for one user from one address, then the right password from there.
    for (let i = 0; i < 5; i++) await login("log.other", secret("Spray"), "127.0.2.1");
    expect((await login("log.other", otherPassword, "127.0.2.1")).status).toBe(429);

    // Writes with the token in ApiInfo, in the Authorization header, and in a query string.
    const write = (apiInfo: object, headers: Record<string, string> = {}, query = "") =>
      send(server.url, {
        path: `${CALL_ACTION}${query}`,
        body: envelope(
          "FTOS_ACC_CB_AddUpdateIndividualCustomer",
          samples.customer(`LOG-${secrets.length}`),
          apiInfo,
        ),
        headers,
      });
    expect((await write({ UserName: "log.writer", Token: token })).status).toBe(200);
    expect((await write({ UserName: "log.writer" }, { authorization: `Bearer ${token}` })).status).toBe(200);
    expect(
      (await write({ UserName: "log.writer", Token: token }, {}, `?culture=ro&token=${token}`)).status,
    ).toBe(200);
    expect((await write({ UserName: "log.writer", Token: secret("Forged") })).status).toBe(401);
    expect((await write({ UserName: "log.writer", Token: otherToken })).status).toBe(401);
    expect((await write({ UserName: "log.other", Token: otherToken })).status).toBe(403);

    // tRPC: a write, a read, a forged token, and a procedure that fails inside the database.
    const trpc = (path: string, bearer: string, body?: unknown) =>
      send(server.url, {
        method: body === undefined ? "GET" : "POST",
        path: `/trpc/${path}`,
        headers: { authorization: `Bearer ${bearer}` },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    const created = await trpc("customers.upsertIndividual", token, samples.customer("LOG-TRPC"));
    expect(created.status).toBe(200);
    const customerId = (JSON.parse(created.text) as { result: { data: { customerInternalId: string } } })
      .result.data.customerInternalId;
    expect(
      (
        await trpc(
          `widgets.header?input=${encodeURIComponent(JSON.stringify({ customerInternalId: customerId }))}`,
          token,
        )
      ).status,
    ).toBe(200);
    expect(
      (await trpc("customers.upsertIndividual", secret("Bogus"), samples.customer("LOG-X"))).status,
    ).toBe(401);
    const failing = await trpc(
      `widgets.profitability?input=${encodeURIComponent(JSON.stringify({ customerInternalId: customerId, indicatorName: "\u0000" }))}`,
      token,
    );
    expect(failing.status).not.toBe(200);

    // Revocation: the token is refused afterwards, and the refusal is logged like any other.
    await server.auth.disableUser("log.writer");
    expect((await write({ UserName: "log.writer", Token: token })).status).toBe(401);

    const hashes = await server.query<{ password_hash: string }>("select password_hash from users");
    const lines = captured.split("\n").filter(Boolean);
    expect(lines.filter((line) => line.includes('"requestId"')).length).toBeGreaterThanOrEqual(20);
    for (const value of [...secrets, password, otherPassword, ...hashes.map((h) => h.password_hash)]) {
      const leaks = lines.filter((line) => line.includes(value));
      expect(leaks, `leaked ${value.slice(0, 12)}…`).toEqual([]);
    }
    // The token's base64url body must not appear either, even cut or re-encoded.
    for (const value of [token, otherToken]) {
      expect(captured).not.toContain(value.slice(0, 20));
      expect(captured).not.toContain(Buffer.from(value, "base64url").toString("hex").slice(0, 20));
    }
  });
});
