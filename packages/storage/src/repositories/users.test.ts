import { describe, expect, it } from "vitest";
import { testDatabaseOfFile } from "../test-world";
import {
  disableUserAndRevokeTokens,
  findTokenWithUser,
  findUserByUsername,
  insertApiToken,
  loginFailureCounts,
  pruneAuthData,
  releaseLoginAttempt,
  reserveLoginAttempt,
  upsertUser,
} from "./users";

const handle = testDatabaseOfFile();

const t0 = new Date("2030-01-01T00:00:00.000Z");
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

describe("users", () => {
  it("are created once and updated by a name that differs only in case, keeping its spelling", async () => {
    const first = await upsertUser(
      handle.db,
      { username: "Ana.Pop", passwordHash: "h1", roles: ["reader"] },
      t0,
    );
    expect(first.created).toBe(true);
    const again = await upsertUser(
      handle.db,
      { username: "ana.pop", passwordHash: "h2", roles: ["writer", "reader"] },
      at(1),
    );
    expect(again).toEqual({ id: first.id, created: false });

    const user = await findUserByUsername(handle.db, "ANA.POP");
    expect(user).toMatchObject({ id: first.id, username: "Ana.Pop", passwordHash: "h2", disabled: false });
    expect(user?.roles).toEqual(["writer", "reader"]);
    expect(await findUserByUsername(handle.db, "ana.po")).toBeNull();
  });

  it("disabling revokes every live token at once, and adding the user again enables it", async () => {
    const { id } = await upsertUser(handle.db, { username: "bob", passwordHash: "h", roles: ["admin"] }, t0);
    for (const hash of ["b1", "b2"]) {
      await insertApiToken(handle.db, {
        tokenHash: hash,
        userId: id,
        clientId: null,
        createdAt: t0,
        expiresAt: at(3600),
      });
    }
    expect(await findTokenWithUser(handle.sql, "b1")).toEqual({
      tokenId: expect.any(String),
      userId: id,
      username: "bob",
      roles: ["admin"],
      disabled: false,
      expiresAt: at(3600),
      revokedAt: null,
    });

    expect(await disableUserAndRevokeTokens(handle.db, "BOB", at(10))).toEqual({
      userId: id,
      username: "bob",
      revokedTokens: 2,
    });
    expect(await findTokenWithUser(handle.sql, "b2")).toMatchObject({ disabled: true, revokedAt: at(10) });
    expect(await disableUserAndRevokeTokens(handle.db, "nobody", at(10))).toBeNull();

    await upsertUser(handle.db, { username: "Bob", passwordHash: "h", roles: ["admin"] }, at(20));
    expect((await findUserByUsername(handle.db, "bob"))?.disabled).toBe(false);
    // Tokens revoked while disabled stay revoked.
    expect((await findTokenWithUser(handle.sql, "b1"))?.revokedAt).toEqual(at(10));
  });
});

describe("login attempts", () => {
  const limits = { windowSeconds: 900, maxFailures: 3 };

  it("are refused once a key reached the limit in its window, and counted afresh after it", async () => {
    const keys = ["user:carol", "addr:10.0.0.1"];
    for (let i = 0; i < 3; i++) {
      expect((await reserveLoginAttempt(handle.db, { keys, now: at(i), ...limits })).allowed).toBe(true);
    }
    expect(await reserveLoginAttempt(handle.db, { keys, now: at(100), ...limits })).toEqual({
      allowed: false,
      retryAfterSeconds: 800,
    });
    // A refused attempt counts nothing, so another key sharing it is not pushed further.
    expect(await loginFailureCounts(handle.db, keys, at(100), 900)).toEqual(
      new Map([
        ["user:carol", 3],
        ["addr:10.0.0.1", 3],
      ]),
    );
    // One key at its limit refuses the attempt for every key.
    expect(
      (
        await reserveLoginAttempt(handle.db, {
          keys: ["user:carol", "addr:10.0.0.2"],
          now: at(100),
          ...limits,
        })
      ).allowed,
    ).toBe(false);
    expect((await loginFailureCounts(handle.db, ["addr:10.0.0.2"], at(100), 900)).size).toBe(0);

    const afterWindow = await reserveLoginAttempt(handle.db, { keys, now: at(900), ...limits });
    expect(afterWindow).toEqual({
      allowed: true,
      reservations: [
        { key: "addr:10.0.0.1", windowStart: at(900) },
        { key: "user:carol", windowStart: at(900) },
      ],
    });
  });

  it("given back by a successful login do not count", async () => {
    const keys = ["user:dan", "addr:10.0.0.3"];
    for (let i = 0; i < 10; i++) {
      const result = await reserveLoginAttempt(handle.db, { keys, now: at(i), ...limits });
      expect(result.allowed).toBe(true);
      if (result.allowed) await releaseLoginAttempt(handle.db, result.reservations);
    }
    expect(await loginFailureCounts(handle.db, keys, at(10), 900)).toEqual(
      new Map([
        ["user:dan", 0],
        ["addr:10.0.0.3", 0],
      ]),
    );
  });

  it("are judged by a rule over several keys, given each key's failures before the attempt", async () => {
    const seen: Record<string, number>[] = [];
    // Refuse "user:gina" past 2 failures, but only from an address that has failed before.
    const refuse = (before: ReadonlyMap<string, number>) => {
      seen.push(Object.fromEntries(before));
      return (before.get("user:gina") ?? 0) >= 2 && (before.get("addr:10.0.0.5") ?? 0) > 0
        ? ["user:gina"]
        : [];
    };
    const attempt = (address: string, second: number) =>
      reserveLoginAttempt(handle.db, {
        keys: ["user:gina", address],
        now: at(second),
        windowSeconds: 900,
        refuse,
      });
    expect((await attempt("addr:10.0.0.5", 0)).allowed).toBe(true);
    expect((await attempt("addr:10.0.0.6", 1)).allowed).toBe(true);
    expect(seen[1]).toEqual({ "user:gina": 1, "addr:10.0.0.6": 0 });
    expect(await attempt("addr:10.0.0.5", 2)).toEqual({ allowed: false, retryAfterSeconds: 898 });
    // Refused attempts count nothing; another address is still let through.
    expect((await attempt("addr:10.0.0.7", 3)).allowed).toBe(true);
    expect(await loginFailureCounts(handle.db, ["user:gina", "addr:10.0.0.5"], at(3), 900)).toEqual(
      new Map([
        ["user:gina", 3],
        ["addr:10.0.0.5", 1],
      ]),
    );
  });

  it("made at the same moment never exceed the limit", async () => {
    const keys = ["user:eve", "addr:10.0.0.4"];
    const results = await Promise.all(
      Array.from({ length: 12 }, () => reserveLoginAttempt(handle.db, { keys, now: at(0), ...limits })),
    );
    expect(results.filter((r) => r.allowed)).toHaveLength(3);
  });
});

describe("pruning", () => {
  it("deletes long-expired tokens and ended windows only", async () => {
    const { id } = await upsertUser(
      handle.db,
      { username: "frank", passwordHash: "h", roles: ["reader"] },
      t0,
    );
    await insertApiToken(handle.db, {
      tokenHash: "old",
      userId: id,
      clientId: "c",
      createdAt: t0,
      expiresAt: at(-86_400 * 2),
    });
    await insertApiToken(handle.db, {
      tokenHash: "new",
      userId: id,
      clientId: "c",
      createdAt: t0,
      expiresAt: at(3600),
    });
    await reserveLoginAttempt(handle.db, {
      keys: ["user:stale"],
      now: at(-86_400),
      windowSeconds: 900,
      maxFailures: 5,
    });

    const pruned = await pruneAuthData(handle.db, {
      tokensExpiredBefore: at(-86_400),
      windowsOpenedBefore: at(-900),
    });
    expect(pruned.tokens).toBeGreaterThanOrEqual(1);
    expect(pruned.loginFailures).toBeGreaterThanOrEqual(1);
    expect(await findTokenWithUser(handle.sql, "old")).toBeNull();
    expect(await findTokenWithUser(handle.sql, "new")).not.toBeNull();
    expect(await loginFailureCounts(handle.db, ["user:carol"], at(900), 900)).toEqual(
      new Map([["user:carol", 1]]),
    );
  });
});
