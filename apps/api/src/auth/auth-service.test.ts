import { AppError } from "@account360/core";
import { openTestDatabase } from "@account360/storage/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AuthServiceOptions, createAuthService, ThrottledError } from "./auth-service";

let handle: Awaited<ReturnType<typeof openTestDatabase>>;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(async () => {
  await handle.close();
});

/** A clock the test moves by hand. */
function manualClock(start = "2030-01-01T00:00:00.000Z") {
  let current = new Date(start).getTime();
  return {
    now: () => new Date(current),
    advance: (ms: number) => {
      current += ms;
    },
  };
}

function service(clock = manualClock(), extra: Partial<AuthServiceOptions> = {}) {
  return createAuthService({ database: handle, tokenTtlSeconds: 3600, now: clock.now, ...extra });
}

/** Raw SQL on whichever driver the test database uses (this package does not depend on drizzle). */
async function query<T>(text: string): Promise<T[]> {
  if (handle.postgres) return (await handle.postgres.unsafe(text)) as unknown as T[];
  if (handle.pglite) return (await handle.pglite.query<T>(text)).rows;
  throw new Error("no raw client");
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

const password = "s3cret-enough-pass";
let addresses = 0;
/** A fresh client address per login, so address throttling only bites where a test means it to. */
const addr = () => `192.0.2.${(addresses++ % 250) + 1}`;

describe("tokens", () => {
  it("are issued for the right password, each call a new one, and all authenticate", {
    timeout: 30_000,
  }, async () => {
    const auth = service();
    await auth.addOrUpdateUser({ username: "Integrator.One", password, roles: ["writer", "reader"] });

    const first = await auth.issueToken({ username: "integrator.one", password, clientAddress: addr() });
    const second = await auth.issueToken({
      username: "Integrator.One",
      password,
      clientId: "crm",
      clientAddress: addr(),
    });
    expect(first).toEqual({
      access_token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      token_type: "Bearer",
      expires_in: 3600,
    });
    expect(second.access_token).not.toBe(first.access_token);

    for (const token of [first.access_token, second.access_token]) {
      const principal = await auth.authenticate(token, "INTEGRATOR.ONE");
      expect(principal).toEqual({
        userId: expect.any(String),
        userName: "Integrator.One",
        roles: ["reader", "writer"],
      });
    }
    expect(await auth.authenticate(first.access_token)).toMatchObject({ userName: "Integrator.One" });
  });

  it("are stored only as a hash: the plain token appears nowhere in the database", {
    timeout: 30_000,
  }, async () => {
    const auth = service();
    await auth.addOrUpdateUser({ username: "hash.check", password, roles: ["reader"] });
    const { access_token } = await auth.issueToken({
      username: "hash.check",
      password,
      clientAddress: addr(),
    });

    const tables = (
      await query<{ table_name: string }>(
        "select table_name from information_schema.tables where table_schema = 'public'",
      )
    ).map((row) => row.table_name);
    expect(tables).toContain("api_tokens");
    for (const table of tables) {
      const dump = (await query<{ row: string }>(`select t::text as row from "${table}" t`)).map(
        (row) => row.row,
      );
      for (const row of dump) {
        expect(row).not.toContain(access_token);
        expect(row).not.toContain(password);
      }
    }
  });

  it("expire after the TTL", { timeout: 30_000 }, async () => {
    const clock = manualClock();
    const auth = service(clock, { tokenCacheTtlMs: 5000 });
    await auth.addOrUpdateUser({ username: "short.lived", password, roles: ["reader"] });
    const { access_token } = await auth.issueToken({
      username: "short.lived",
      password,
      clientAddress: addr(),
    });

    clock.advance(3599_000);
    await expect(auth.authenticate(access_token)).resolves.toMatchObject({ userName: "short.lived" });
    clock.advance(1000); // cached a second ago, yet expired now
    const error = await rejection(auth.authenticate(access_token));
    expect(error.code).toBe("UNAUTHORIZED");
    expect(error.message).toMatch(/^Unauthorized - .*expired/);
    // And in a process that never saw it.
    expect((await rejection(service(clock).authenticate(access_token))).code).toBe("UNAUTHORIZED");
  });

  it("are refused when missing, malformed, unknown or issued to another UserName", {
    timeout: 30_000,
  }, async () => {
    const auth = service();
    await auth.addOrUpdateUser({ username: "owner", password, roles: ["reader"] });
    const { access_token } = await auth.issueToken({ username: "owner", password, clientAddress: addr() });

    for (const attempt of [
      () => auth.authenticate(""),
      () => auth.authenticate("not a token"),
      () => auth.authenticate("A".repeat(43)),
      () => auth.authenticate(access_token, "someone.else"),
      () => auth.authenticate(access_token, ""),
    ]) {
      const error = await rejection(attempt());
      expect(error.code).toBe("UNAUTHORIZED");
      expect(error.message).toMatch(/^Unauthorized - /);
      expect(error.message).not.toContain(access_token);
    }
    await expect(auth.authenticate(` ${access_token} `, " Owner ")).resolves.toMatchObject({
      userName: "owner",
    });
  });
});

describe("wrong credentials", () => {
  it("give one identical 401 for an unknown user, a wrong password and a disabled user", {
    timeout: 30_000,
  }, async () => {
    const auth = service(manualClock(), { throttle: { perPair: 100, perAddress: 100 } });
    await auth.addOrUpdateUser({ username: "known", password, roles: ["reader"] });
    await auth.addOrUpdateUser({ username: "gone", password, roles: ["reader"] });
    await auth.disableUser("gone");

    const errors = await Promise.all([
      rejection(auth.issueToken({ username: "known", password: "wrong-password-1", clientAddress: addr() })),
      rejection(auth.issueToken({ username: "nobody", password, clientAddress: addr() })),
      rejection(auth.issueToken({ username: "gone", password, clientAddress: addr() })),
    ]);
    for (const error of errors) {
      expect(error.code).toBe("UNAUTHORIZED");
      expect({ message: error.message, fieldErrors: error.fieldErrors }).toEqual({
        message: errors[0]?.message,
        fieldErrors: [],
      });
      expect(error.message).toMatch(/^Unauthorized - /);
      expect(error.message).not.toContain(password);
    }
  });

  it("take as long for an unknown user as for a wrong password", { timeout: 60_000 }, async () => {
    const auth = service(manualClock(), { throttle: { perPair: 100, perAddress: 100 } });
    await auth.addOrUpdateUser({ username: "timed", password, roles: ["reader"] });
    const elapsed = async (username: string) => {
      const started = performance.now();
      await auth
        .issueToken({ username, password: "wrong-password-2", clientAddress: addr() })
        .catch(() => {});
      return performance.now() - started;
    };
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 3; i++) {
      known.push(await elapsed("timed"));
      unknown.push(await elapsed(`no-such-user-${i}`));
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[1] ?? 0;
    // Without the dummy scrypt an unknown user would answer ~50x faster; the margin absorbs noise.
    expect(median(unknown)).toBeGreaterThan(median(known) * 0.3);
  });
});

describe("disabling a user", () => {
  it("ends its tokens at once in this process, with the cache on", { timeout: 30_000 }, async () => {
    const auth = service(manualClock(), { tokenCacheTtlMs: 5000 });
    await auth.addOrUpdateUser({ username: "leaver", password, roles: ["writer"] });
    const { access_token } = await auth.issueToken({ username: "leaver", password, clientAddress: addr() });
    await auth.authenticate(access_token); // now cached

    expect(await auth.disableUser("LEAVER")).toMatchObject({ userName: "leaver", revokedTokens: 1 });
    expect((await rejection(auth.authenticate(access_token))).code).toBe("UNAUTHORIZED");
    expect(
      (await rejection(auth.issueToken({ username: "leaver", password, clientAddress: addr() }))).code,
    ).toBe("UNAUTHORIZED");
    expect((await rejection(auth.disableUser("never-existed"))).code).toBe("NOT_FOUND");
  });

  it("ends its tokens in another process no later than that process's cache TTL", {
    timeout: 30_000,
  }, async () => {
    const clock = manualClock();
    const admin = service(clock);
    const other = service(clock, { tokenCacheTtlMs: 5000 });
    await admin.addOrUpdateUser({ username: "leaver2", password, roles: ["reader"] });
    const { access_token } = await admin.issueToken({ username: "leaver2", password, clientAddress: addr() });
    await other.authenticate(access_token); // cached there

    await admin.disableUser("leaver2");
    clock.advance(4999);
    // Still inside the other process's cache: proves the cache was on for what follows.
    await expect(other.authenticate(access_token)).resolves.toMatchObject({ userName: "leaver2" });
    clock.advance(1);
    expect((await rejection(other.authenticate(access_token))).code).toBe("UNAUTHORIZED");
  });

  it("is undone by adding the user again, yet its old tokens stay ended", { timeout: 30_000 }, async () => {
    const auth = service();
    await auth.addOrUpdateUser({ username: "returner", password, roles: ["reader"] });
    const { access_token } = await auth.issueToken({ username: "returner", password, clientAddress: addr() });
    await auth.disableUser("returner");
    expect(await auth.addOrUpdateUser({ username: "returner", password, roles: ["reader"] })).toMatchObject({
      created: false,
    });
    const fresh = await auth.issueToken({ username: "returner", password, clientAddress: addr() });
    await expect(auth.authenticate(fresh.access_token)).resolves.toMatchObject({ userName: "returner" });
    expect((await rejection(auth.authenticate(access_token))).code).toBe("UNAUTHORIZED");
  });
});

describe("updating a user", () => {
  it("changes roles for existing tokens, and a new password ends the old tokens", {
    timeout: 30_000,
  }, async () => {
    const auth = service();
    const created = await auth.addOrUpdateUser({ username: "Rotator", password, roles: ["reader"] });
    expect(created).toMatchObject({
      created: true,
      userName: "Rotator",
      roles: ["reader"],
      revokedTokens: 0,
    });
    const { access_token } = await auth.issueToken({ username: "rotator", password, clientAddress: addr() });

    const sameSecret = await auth.addOrUpdateUser({
      username: "ROTATOR",
      password,
      roles: ["admin", "reader"],
    });
    expect(sameSecret).toMatchObject({
      created: false,
      userName: "Rotator",
      roles: ["reader", "admin"],
      revokedTokens: 0,
    });
    expect((await auth.authenticate(access_token)).roles).toEqual(["reader", "admin"]);

    const newPassword = "another-long-secret";
    expect(
      await auth.addOrUpdateUser({ username: "rotator", password: newPassword, roles: ["reader"] }),
    ).toMatchObject({ revokedTokens: 1 });
    expect((await rejection(auth.authenticate(access_token))).code).toBe("UNAUTHORIZED");
    expect(
      (await rejection(auth.issueToken({ username: "rotator", password, clientAddress: addr() }))).code,
    ).toBe("UNAUTHORIZED");
    await auth.issueToken({ username: "rotator", password: newPassword, clientAddress: addr() });
  });

  it("rejects a bad username, unknown roles and a short password, all at once", async () => {
    const error = await rejection(
      service().addOrUpdateUser({ username: "has space", password: "short", roles: ["reader", "root"] }),
    );
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.fieldErrors.map((e) => e.field)).toEqual(["username", "roles", "password"]);
    expect(error.message).not.toContain("short");
    expect((await rejection(service().addOrUpdateUser({ username: "ok", password, roles: [] }))).code).toBe(
      "BAD_REQUEST",
    );
  });
});

describe("failed logins", () => {
  const throttle = { perPair: 3, perAddress: 6, perUsername: 10, windowSeconds: 900 };

  async function failTimes(
    auth: ReturnType<typeof service>,
    n: number,
    username: string,
    clientAddress: string,
  ) {
    for (let i = 0; i < n; i++) {
      const error = await rejection(
        auth.issueToken({ username, password: "wrong-password-3", clientAddress }),
      );
      expect(error.code).toBe("UNAUTHORIZED");
    }
  }

  it("throttle a (username, address) pair, known user or not alike, until the window ends; not the user elsewhere", {
    timeout: 60_000,
  }, async () => {
    const clock = manualClock();
    const auth = service(clock, { throttle });
    await auth.addOrUpdateUser({ username: "target", password, roles: ["reader"] });

    const answers: AppError[] = [];
    for (const [username, address] of [
      ["target", "198.51.100.1"],
      ["ghost", "198.51.100.2"],
    ] as const) {
      await failTimes(auth, 3, username, address);
      // Even the right password is refused from where the guessing came from.
      const error = await rejection(auth.issueToken({ username, password, clientAddress: address }));
      expect(error.code).toBe("TOO_MANY_REQUESTS");
      expect(error).toBeInstanceOf(ThrottledError);
      expect((error as ThrottledError).retryAfterSeconds).toBe(900);
      answers.push(error);
    }
    expect(answers[0]?.message).toBe(answers[1]?.message);
    expect(answers[0]?.message).toMatch(/^Too Many Requests - /);
    // The user, from an address that has not failed, is not locked out by the stranger.
    await expect(
      auth.issueToken({ username: "target", password, clientAddress: "203.0.113.99" }),
    ).resolves.toMatchObject({ token_type: "Bearer" });
    expect(
      (await rejection(auth.issueToken({ username: "ghost", password, clientAddress: "203.0.113.99" }))).code,
    ).toBe("UNAUTHORIZED");

    clock.advance(900_000);
    await expect(
      auth.issueToken({ username: "TARGET", password, clientAddress: "198.51.100.1" }),
    ).resolves.toMatchObject({ token_type: "Bearer" });
  });

  it("throttle a client address (IPv6 per /64) across usernames", { timeout: 60_000 }, async () => {
    const auth = service(manualClock(), { throttle });
    await auth.addOrUpdateUser({ username: "bystander", password, roles: ["reader"] });
    for (let i = 1; i <= 5; i++) await failTimes(auth, 1, `spray-${i}`, `2001:db8:1:1::${i}`);
    await failTimes(auth, 1, "bystander", "2001:db8:1:1::6");
    const error = await rejection(
      auth.issueToken({ username: "bystander", password, clientAddress: "2001:db8:1:1::7" }),
    );
    expect(error.code).toBe("TOO_MANY_REQUESTS");
    // The user itself is not locked out elsewhere: one failure is far below its limit.
    await expect(
      auth.issueToken({ username: "bystander", password, clientAddress: "198.51.100.7" }),
    ).resolves.toBeTruthy();
  });

  it("throttle a username across addresses with a larger budget, yet never refuse an address that has not failed", {
    timeout: 60_000,
  }, async () => {
    const auth = service(manualClock(), { throttle });
    await auth.addOrUpdateUser({ username: "popular", password, roles: ["reader"] });
    // Ten guesses from ten places: each pair and each address far below its own budget.
    for (let i = 1; i <= 10; i++) await failTimes(auth, 1, "popular", `198.51.100.${100 + i}`);
    // From any of those places, even the right password is refused now ...
    const error = await rejection(
      auth.issueToken({ username: "popular", password, clientAddress: "198.51.100.101" }),
    );
    expect(error.code).toBe("TOO_MANY_REQUESTS");
    // ... while from a place that has not failed it is accepted, and a wrong one still counted.
    await expect(
      auth.issueToken({ username: "popular", password, clientAddress: "198.51.100.201" }),
    ).resolves.toMatchObject({ token_type: "Bearer" });
    await failTimes(auth, 1, "popular", "198.51.100.202");
    expect(
      (await rejection(auth.issueToken({ username: "popular", password, clientAddress: "198.51.100.202" })))
        .code,
    ).toBe("TOO_MANY_REQUESTS");
  });

  it("are shared by every process on the database, and successful logins do not count", {
    timeout: 60_000,
  }, async () => {
    const clock = manualClock();
    const one = service(clock, { throttle });
    const two = service(clock, { throttle });
    await one.addOrUpdateUser({ username: "shared", password, roles: ["reader"] });
    for (let i = 0; i < 5; i++)
      await two.issueToken({ username: "shared", password, clientAddress: "198.51.100.20" });
    await failTimes(one, 2, "shared", "198.51.100.20");
    await failTimes(two, 1, "shared", "198.51.100.20");
    expect(
      (await rejection(one.issueToken({ username: "shared", password, clientAddress: "198.51.100.20" })))
        .code,
    ).toBe("TOO_MANY_REQUESTS");
  });

  it("are never stored with the username in clear", async () => {
    const rows = await query<{ key: string }>("select key from login_failures");
    expect(rows.length).toBeGreaterThan(0);
    for (const { key } of rows) expect(key).toMatch(/^((user|pair):[0-9a-f]{64}|addr:.+)$/);
  });
});
