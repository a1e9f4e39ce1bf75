import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pgliteDb } from "./db";
import { type FallbackReason, type ReadTarget, routedReadDb } from "./routed-reads";
import { readStatement } from "./statement";

/** Two real databases that answer differently, so each answer says which one ran the statement. */
const whoAmI = readStatement<Record<string, never>>("who am i", () => sql`select name from whoami`);

describe("routedReadDb", () => {
  let primary: PGlite;
  let standby: PGlite;
  beforeAll(async () => {
    primary = new PGlite();
    standby = new PGlite();
    await primary.exec("create table whoami (name text); insert into whoami values ('primary')");
    await standby.exec("create table whoami (name text); insert into whoami values ('standby')");
  });
  afterAll(async () => {
    await primary.close();
    if (!standby.closed) await standby.close();
  });

  const routed = (state: { usable: boolean; lagMs: number | null }) => {
    const reads: ReadTarget[] = [];
    const fallbacks: FallbackReason[] = [];
    const replica = {
      ...state,
      markDown: () => {
        replica.usable = false;
        replica.lagMs = null;
      },
    };
    const db = routedReadDb(pgliteDb(primary), pgliteDb(standby), replica, {
      read: (target) => reads.push(target),
      fallback: (reason) => fallbacks.push(reason),
    });
    const name = async () => (await db.run<{ name: string }, Record<string, never>>(whoAmI, {}))[0]?.name;
    return { db, replica, reads, fallbacks, name };
  };

  it("reads from the standby while it is usable, statements and rendered queries alike", async () => {
    const r = routed({ usable: true, lagMs: 0 });
    expect(await r.name()).toBe("standby");
    expect(await r.db.execute<{ name: string }>(sql`select name from whoami`, "who")).toEqual([
      { name: "standby" },
    ]);
    expect(r.reads).toEqual(["standby", "standby"]);
    expect(r.fallbacks).toEqual([]);
  });

  it("reads from the primary when the standby lags or does not answer, and says why", async () => {
    const lagging = routed({ usable: false, lagMs: 5000 });
    expect(await lagging.name()).toBe("primary");
    expect(lagging.fallbacks).toEqual(["lag"]);
    const down = routed({ usable: false, lagMs: null });
    expect(await down.name()).toBe("primary");
    expect(down.fallbacks).toEqual(["down"]);
  });

  it("runs transactions on the primary even while the standby is usable", async () => {
    const r = routed({ usable: true, lagMs: 0 });
    const inside = await r.db.transaction((tx) =>
      tx.run<{ name: string }, Record<string, never>>(whoAmI, {}),
    );
    expect(inside[0]?.name).toBe("primary");
  });

  it("answers from the primary at once when a standby statement fails, and benches the standby", async () => {
    const r = routed({ usable: true, lagMs: 0 });
    await standby.close();
    expect(await r.name()).toBe("primary");
    expect(r.fallbacks).toEqual(["error"]);
    expect(r.replica.usable).toBe(false);
    expect(await r.name()).toBe("primary");
    expect(r.fallbacks).toEqual(["error", "down"]);
    expect(r.reads).toEqual(["primary", "primary"]);
  });
});
