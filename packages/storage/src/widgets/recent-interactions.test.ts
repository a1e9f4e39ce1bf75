import { accountRecentInteractions, type Sources } from "@account360/core";
import { type RunOptions, runAction } from "@account360/core/testing";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { expectCustomerRefusals, externalId, insertCustomer } from "../ingest/test-kit";
import { interactions } from "../schema";
import { testDatabaseOfFile } from "../test-world";
import { recentInteractionsSource } from "./recent-interactions";

const runRecentInteractions = (source: Sources["recentInteractions"], input: unknown, ctx?: RunOptions) =>
  runAction(accountRecentInteractions, { recentInteractions: source }, input, ctx);

const handle = testDatabaseOfFile();
let customerId: string;
const now = { now: new Date("2025-06-30T12:00:00Z") };
const channels = ["Email", "Phone", "Branch"];

beforeAll(async () => {
  customerId = await insertCustomer(handle.db);
  // 30 interactions over 2025-05-29..2025-06-02 (UTC), several sharing one instant, and three
  // a microsecond apart, which a millisecond cursor would skip or repeat.
  const rows = Array.from({ length: 30 }, (_, i) => ({
    customerId,
    externalId: externalId(),
    occurredAt: new Date(Date.UTC(2025, 4, 29, 0, 0, 0) + Math.floor(i / 3) * 11 * 3600_000),
    channel: channels[i % 3]!,
    type: "Call",
    direction: i % 2 ? "Inbound" : "Outbound",
    subject: `Subject ${i}`,
  }));
  await handle.db.insert(interactions).values(rows);
  for (const micros of ["000001", "000002", "000003"]) {
    await handle.db.execute(sql`insert into interactions (customer_id, external_id, occurred_at, channel, type, direction, subject)
      values (${customerId}::uuid, ${externalId()}, ${`2025-06-01T09:30:00.123${micros}Z`}::timestamptz, 'Email', 'Mail', 'Inbound', 'micro')`);
  }
  // Just outside the range on both sides.
  await handle.db.insert(interactions).values(
    ["2025-05-28T23:59:59.999Z", "2025-06-03T00:00:00.000Z"].map((at) => ({
      customerId,
      externalId: externalId(),
      occurredAt: new Date(at),
      channel: "Email",
      type: "Call",
      direction: "Inbound",
      subject: "outside",
    })),
  );
});

const range = { fromDate: "2025-05-29", toDate: "2025-06-02" };

async function allPages(input: Record<string, unknown>) {
  const source = recentInteractionsSource(handle.sql);
  const items = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page = await runRecentInteractions(
      source,
      { customerInternalId: customerId, ...input, cursor },
      now,
    );
    items.push(...page.items);
    cursor = page.nextCursor;
    pages++;
  } while (cursor !== null && pages < 100);
  return { items, pages };
}

describe("FTOS_ACC_AccountRecentInteractions", () => {
  it("answers the range newest first, and its pages together are the whole range without repeats", async () => {
    const whole = await runRecentInteractions(
      recentInteractionsSource(handle.sql),
      { customerInternalId: customerId, ...range, limit: 200 },
      now,
    );
    expect(whole.items).toHaveLength(33);
    expect(whole.nextCursor).toBeNull();
    expect(whole.items.some((i) => i.subject === "outside")).toBe(false);
    const times = whole.items.map((i) => i.occurredAt);
    expect(times).toEqual([...times].sort().reverse());
    expect(whole.countsByChannel).toEqual({ Branch: 10, Email: 13, Phone: 10 });
    expect(whole.total).toBe(33);

    const paged = await allPages({ ...range, limit: 4 });
    expect(paged.pages).toBe(9);
    expect(paged.items.map((i) => i.id)).toEqual(whole.items.map((i) => i.id));
    expect(new Set(paged.items.map((i) => i.id)).size).toBe(33);
  });

  it("filters channels case-insensitively from an array or a comma-separated string, counts included", async () => {
    const source = recentInteractionsSource(handle.sql);
    for (const filter of [["email", "PHONE"], "Email, phone", '["eMail","Phone"]']) {
      const answer = await runRecentInteractions(
        source,
        { customerInternalId: customerId, ...range, channels: filter, limit: 200 },
        now,
      );
      expect(answer.items).toHaveLength(23);
      expect(new Set(answer.items.map((i) => i.channel))).toEqual(new Set(["Email", "Phone"]));
      expect(answer.countsByChannel).toEqual({ Email: 13, Phone: 10 });
    }
    const paged = await allPages({ ...range, channels: "branch", limit: 3 });
    expect(paged.items).toHaveLength(10);
    expect(paged.items.every((i) => i.channel === "Branch")).toBe(true);
  });

  it("defaults to 50 and refuses a limit outside 1–200 and a cursor it did not issue", async () => {
    const source = recentInteractionsSource(handle.sql);
    const input = { customerInternalId: customerId, fromDate: "2025-01-01", toDate: "2025-12-31" };
    expect((await runRecentInteractions(source, input, now)).items).toHaveLength(35);
    for (const bad of [{ limit: 0 }, { limit: 201 }, { limit: 2.5 }, { cursor: "not-a-cursor" }]) {
      await expect(runRecentInteractions(source, { ...input, ...bad }, now)).rejects.toMatchObject({
        code: "BAD_REQUEST",
        fieldErrors: [{ field: Object.keys(bad)[0] }],
      });
    }
  });

  it("is 400 without a customer id or with fromDate after toDate, and 404 for an unknown customer", async () => {
    const source = recentInteractionsSource(handle.sql);
    const run = (input: Record<string, unknown>) => runRecentInteractions(source, input, now);
    await expectCustomerRefusals(run, range);
    await expect(
      run({ customerInternalId: customerId, fromDate: "2025-06-02", toDate: "2025-06-01" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", fieldErrors: [{ field: "fromDate" }] });
  });
});
