import {
  DEFAULT_SETTINGS,
  groupExposure,
  holdingKindOf,
  isActiveHolding,
  SIDE_OF_KIND,
  sumDecimals,
} from "@account360/core";
import { runAction } from "@account360/core/testing";
import { createSources } from "@account360/storage";
import { openTestDatabase } from "@account360/storage/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateDataset } from "./dataset";
import { tablesOf } from "./generated-tables";
import { seedDatabase } from "./load";

const options = { customers: 80, seed: 57, anchor: "2026-06-30", transactionsPerCustomer: 10 };
const ctx = { now: new Date(`${options.anchor}T12:00:00Z`), settings: DEFAULT_SETTINGS };

/** The generated records, held in memory to work the expected sums out apart from SQL. */
const tables = tablesOf(generateDataset(options));

const activeOn = (m: { startDate: string | null; endDate: string | null }, day: string) =>
  (m.startDate === null || m.startDate <= day) && (m.endDate === null || m.endDate >= day);

describe("seeded groups of connected clients", () => {
  let db: Awaited<ReturnType<typeof openTestDatabase>>;
  beforeAll(async () => {
    db = await openTestDatabase();
    await seedDatabase(db, options);
  }, 120_000);
  afterAll(() => db.close());

  it("FTOS_ACC_GroupExposure equals the sum of the active members' active holdings per currency and side", async () => {
    const sources = createSources(db.sql);
    const groups = tables.customers.filter((c) => c.accountType === "Group");
    expect(groups.length).toBeGreaterThanOrEqual(3);
    let nonEmpty = 0;
    for (const group of groups) {
      const members = tables.group_members.filter(
        (m) => m.groupId === group.id && activeOn(m, options.anchor),
      );
      const expected = new Map<string, string[]>();
      for (const contract of tables.contracts) {
        if (!members.some((m) => m.customerId === contract.customerInternalId)) continue;
        const kind = holdingKindOf(contract.category);
        if (kind === null || !isActiveHolding(contract, options.anchor)) continue;
        const key = `${SIDE_OF_KIND[kind]} ${contract.currency}`;
        expected.set(key, [...(expected.get(key) ?? []), contract.balance]);
      }
      const answer = await runAction(groupExposure, sources, { customerInternalId: group.id }, ctx);
      expect(answer.groups.map((g) => g.customerInternalId)).toEqual([group.id]);
      const [only] = answer.groups;
      expect(only?.members.map((m) => m.customerInternalId).sort()).toEqual(
        members.map((m) => m.customerId).sort(),
      );
      expect(
        Object.fromEntries(only?.totals.map((t) => [`${t.side} ${t.currency}`, t.amount]) ?? []),
      ).toEqual(Object.fromEntries([...expected].map(([key, amounts]) => [key, sumDecimals(amounts)])));
      if (expected.size > 0) nonEmpty++;
    }
    expect(nonEmpty).toBeGreaterThan(0);
  });
});
