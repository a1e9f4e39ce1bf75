import {
  accountClientLifecycleInput,
  accountFlagsInput,
  accountHeaderInput,
  accountPendingActivitiesInput,
  accountPictureInput,
  productPortfolioInput,
  productSuggestionsInput,
  profileCompleteInput,
  profitabilityInput,
  readAccountRevenues,
  readRecentInteractions,
  readTransactionValues,
  recentInteractionsInput,
  revenuesInput,
  transactionValuesInput,
} from "@account360/core";
import { sampleCustomerIdsOf } from "@account360/seed";
import { createSources } from "@account360/storage";
import { describe, expect, it } from "vitest";
import { storedCustomerOf } from "./customers";
import { seededDatabaseOfFile } from "./seeded-test-database";
import { TEST_NOW, testDates } from "./test-clock";
import { WIDGETS } from "./widgets";
import { createCustomerDirect } from "./write-floor";

const SEED = 11;
const world = seededDatabaseOfFile({
  customers: 12,
  seed: SEED,
  anchor: testDates.today,
  transactionsPerCustomer: 40,
});
const customers = sampleCustomerIdsOf({ customers: 12, seed: SEED });

describe("the write floor", () => {
  it("stores the customer and its audit entry exactly as the server's create does", async () => {
    await createCustomerDirect(world.db, "BENCH-T-F", 1, "bench");
    const { fields, changes } = storedCustomerOf("BENCH-T-S", 1);
    const id = await createSources(world.handle.sql).writes.create("customer", fields, {
      userName: "bench",
      action: "FTOS_ACC_CB_AddUpdateIndividualCustomer",
    });
    expect(id).not.toBeNull();

    const rows = (await world.db.query(
      `select c.unique_id, c.first_name, c.last_name, c.email, c.mobile_phone, c.email_address_type,
        c.phone_number_type, c.last_sequence, a.user_name, a.action, a.entity, a.operation,
        a.changes::text as changes, a.sequence, a.record_id = c.id and a.customer_id = c.id as linked
       from customers c join audit_log a on a.record_id = c.id
       where c.unique_id in ('BENCH-T-F-1', 'BENCH-T-S-1') order by c.unique_id`,
      [],
    )) as Record<string, unknown>[];
    expect(rows).toHaveLength(2);
    const [floor, server] = rows as [Record<string, unknown>, Record<string, unknown>];
    const sameBut = (row: Record<string, unknown>) => ({ ...row, unique_id: null, changes: null });
    expect(sameBut(floor)).toEqual(sameBut(server));
    expect(floor.linked).toBe(true);
    expect(JSON.parse(String(server.changes))).toEqual(JSON.parse(changes));
  });

  it("creates nothing, and says so, for a UniqueID that is taken", async () => {
    await createCustomerDirect(world.db, "BENCH-T-F", 2, "bench");
    await expect(createCustomerDirect(world.db, "BENCH-T-F", 2, "bench")).rejects.toThrow(/not created/);
    const [count] = (await world.db.query(
      "select count(*)::int as n from audit_log a join customers c on c.id = a.record_id where c.unique_id = 'BENCH-T-F-2'",
      [],
    )) as [{ n: number }];
    expect(count.n).toBe(1);
  });
});

const inputs: Record<string, { safeParse(value: unknown): { success: boolean } }> = {
  FTOS_ACC_AccountClientLifecycle: accountClientLifecycleInput,
  FTOS_ACC_AccountFlags: accountFlagsInput,
  FTOS_ACC_AccountHeader: accountHeaderInput,
  FTOS_ACC_AccountPicture: accountPictureInput,
  FTOS_ACC_AccountPendingActivities: accountPendingActivitiesInput,
  FTOS_ACC_ProductPortfolio: productPortfolioInput,
  FTOS_ACC_GetProductSuggestions: productSuggestionsInput,
  FTOS_ACC_ProfileComplete: profileCompleteInput,
  FTOS_ACC_AccountProfitabilityPI: profitabilityInput,
  FTOS_ACC_AccountRecentInteractions: recentInteractionsInput,
  FTOS_ACC_AccountRevenuesPI: revenuesInput,
  FTOS_ACC_GetCustomerTransactionValues: transactionValuesInput,
};

describe("the widgets", () => {
  it("are the twelve of CONTRACT §5, each called with Data its action accepts", () => {
    expect(WIDGETS.map((w) => w.action).sort()).toEqual(Object.keys(inputs).sort());
    for (const widget of WIDGETS) {
      const parsed = inputs[widget.action]!.safeParse(widget.data(customers[0]!, testDates));
      expect(parsed.success, widget.action).toBe(true);
    }
  });

  it("have floor queries that answer for a seeded customer and not for an unknown one", async () => {
    const unknown = "00000000-0000-4000-8000-000000000000";
    for (const widget of WIDGETS) {
      const found = await world.db.query(widget.floor.sql, widget.floor.params(customers[0]!, testDates));
      expect(found.length, widget.name).toBeGreaterThan(0);
      const missing = await world.db.query(widget.floor.sql, widget.floor.params(unknown, testDates));
      expect(missing, widget.name).toEqual([]);
    }
  });

  const floorOf = (name: string) => WIDGETS.find((w) => w.name === name)!;
  /** Exact: amounts compared as integer cents, never as floats. */
  const cents = (amount: string) => {
    const [whole, fraction = ""] = amount.split(".");
    return (
      BigInt(whole!) * 100n +
      (whole!.startsWith("-") ? -1n : 1n) * BigInt(fraction.padEnd(2, "0").slice(0, 2))
    );
  };

  it("read in their floors the same transactions, interactions and revenues as the widgets", async () => {
    const ctx = { now: TEST_NOW };
    for (const customerId of customers) {
      const tx = floorOf("transactions");
      const txRows = (await world.db.query(tx.floor.sql, tx.floor.params(customerId, testDates))) as {
        n: number | null;
      }[];
      const txWidget = await readTransactionValues(
        createSources(world.handle.sql).transactionValues,
        tx.data(customerId, testDates) as never,
        ctx,
      );
      expect(txRows.reduce((sum, r) => sum + Number(r.n ?? 0), 0)).toBe(
        txWidget.rows.reduce((sum, r) => sum + r.count, 0),
      );

      const it = floorOf("interactions");
      const [itRow] = (await world.db.query(it.floor.sql, it.floor.params(customerId, testDates))) as [
        { counts: unknown },
      ];
      const counts = typeof itRow.counts === "string" ? JSON.parse(itRow.counts) : itRow.counts;
      const itWidget = await readRecentInteractions(
        createSources(world.handle.sql).recentInteractions,
        it.data(customerId, testDates) as never,
        ctx,
      );
      expect(counts ?? {}).toEqual(itWidget.countsByChannel);

      const rev = floorOf("revenues");
      const revRows = (await world.db.query(rev.floor.sql, rev.floor.params(customerId, testDates))) as {
        currency: string | null;
        total: string | null;
      }[];
      const revWidget = await readAccountRevenues(
        createSources(world.handle.sql).revenues,
        rev.data(customerId, testDates) as never,
        ctx,
      );
      const floorTotals = new Map<string, bigint>();
      for (const r of revRows) {
        if (r.currency !== null)
          floorTotals.set(r.currency, (floorTotals.get(r.currency) ?? 0n) + cents(r.total!));
      }
      expect(Object.fromEntries(floorTotals)).toEqual(
        Object.fromEntries(revWidget.currencyTotals.map((t) => [t.currency, cents(t.amount)])),
      );
    }
  });
});
