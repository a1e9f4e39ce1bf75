import {
  customerAddressInput,
  customerAgreementInput,
  upsertCustomerAddress,
  upsertCustomerAgreement,
} from "@account360/core";
import { createSources } from "@account360/storage";
import { openTestDatabase } from "@account360/storage/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { customerActionData } from "./action-data";
import { generateDataset } from "./dataset";
import { SeedConflictError, seedDatabase } from "./load";
import { type Counts, emptyCounts, SEED_TABLES } from "./records";
import { customerIdOf } from "./rng";
import { countRows, queryRows } from "./test-db";

const anchor = "2026-04-10";
const run = { customers: 30, seed: 5, anchor, transactionsPerCustomer: 20 };

function expectedCounts(options: typeof run): Counts {
  const counts = emptyCounts();
  for (const batch of generateDataset(options)) counts[batch.table] += batch.rows.length;
  return counts;
}

async function storedCounts(db: Awaited<ReturnType<typeof openTestDatabase>>): Promise<Counts> {
  const counts = emptyCounts();
  for (const table of SEED_TABLES) counts[table] = await countRows(db, table);
  return counts;
}

/** Every reference the foreign keys declare (which the load does not check row by row), plus instalment → contract. */
const ORPHANS = [
  ...SEED_TABLES.filter((t) => t !== "customers").map(
    (t) =>
      `select '${t}' as t, count(*)::int as n from ${t} x where not exists (select 1 from customers c where c.id = x.customer_id)`,
  ),
  "select 'representative' as t, count(*)::int as n from representatives r where not exists (select 1 from customers c where c.id = r.representative_id)",
  "select 'instalment contract' as t, count(*)::int as n from instalments i where not exists (select 1 from contracts k where k.customer_id = i.customer_id and k.contract_no = i.contract_no)",
  "select 'agreement contract' as t, count(*)::int as n from agreements a where a.contract_no is not null and not exists (select 1 from contracts k where k.customer_id = a.customer_id and k.contract_no = a.contract_no)",
];

describe("seedDatabase", () => {
  let db: Awaited<ReturnType<typeof openTestDatabase>>;
  beforeAll(async () => {
    db = await openTestDatabase();
  });
  afterAll(async () => {
    await db?.close();
  });

  it("stores exactly the generated rows and names the sample customers", async () => {
    const result = await seedDatabase(db, run);
    const expected = expectedCounts(run);
    expect(result.counts).toEqual(expected);
    expect(await storedCounts(db)).toEqual(expected);
    expect(result.sampleCustomerIds).toEqual([0, 1, 2, 3, 4].map((i) => customerIdOf(run.seed, i)));
    expect(result.seconds).toBeGreaterThan(0);
  });

  it("stores the generated values themselves (the same on PGlite and PostgreSQL)", async () => {
    const generated = {
      customers: [] as unknown[],
      transactions: [] as unknown[],
      contracts: [] as unknown[],
    };
    for (const batch of generateDataset(run)) {
      if (batch.table === "customers")
        generated.customers.push(...batch.rows.map((c) => [c.id, c.uniqueId, c.email, c.createdAt]));
      if (batch.table === "contracts") {
        generated.contracts.push(...batch.rows.map((c) => [c.id, c.contractNo, c.balance, c.interestRate]));
      }
      if (batch.table === "transactions") {
        generated.transactions.push(...batch.rows.map((t) => [t.id, t.externalId, t.bookingDate, t.amount]));
      }
    }
    const stored = async (sql: string) =>
      (await queryRows<Record<string, string | null>>(db, sql)).map((row) => Object.values(row));
    expect(
      await stored(`select id::text, unique_id, email,
        to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') from customers order by id`),
    ).toEqual(generated.customers);
    expect(
      await stored(`select id::text, contract_no, balance::text,
        rtrim(rtrim(interest_rate::text, '0'), '.') from contracts order by id`),
    ).toEqual(
      generated.contracts.map((c) => {
        const [id, no, balance, rate] = c as [string, string, string, string | null];
        return [id, no, balance, rate === null ? null : rate.replace(/0+$/, "").replace(/\.$/, "")];
      }),
    );
    expect(
      await stored(
        "select id::text, external_id, booking_date::text, amount::text from transactions order by id",
      ),
    ).toEqual(generated.transactions);
  });

  it("adds a run with another seed without breaking a unique key, and refuses the same seed again", async () => {
    const before = await storedCounts(db);
    const second = { ...run, seed: 6, customers: 12 };
    const result = await seedDatabase(db, second);
    const after = await storedCounts(db);
    for (const table of SEED_TABLES) expect(after[table], table).toBe(before[table] + result.counts[table]);

    await expect(seedDatabase(db, second)).rejects.toThrow(SeedConflictError);
    await expect(seedDatabase(db, { ...run, anchor: "2026-04-11" })).rejects.toThrow(
      /already loaded.*--reset/,
    );
    expect(await storedCounts(db)).toEqual(after);
  });

  it("writes only rows whose references exist", async () => {
    for (const query of ORPHANS) {
      const [row] = await queryRows<{ t: string; n: number }>(db, query);
      expect(row, query).toMatchObject({ n: 0 });
    }
  });

  it("stores addresses and agreements as the write actions would: re-sending one is unchanged", async () => {
    const store = createSources(db.sql).writes;
    const actor = { userName: "seed-test" };
    const rows: Record<string, unknown[]> = { addresses: [], agreements: [] };
    for (const batch of generateDataset({ ...run, customers: 3 })) {
      if (batch.table === "addresses" || batch.table === "agreements") rows[batch.table]!.push(...batch.rows);
    }
    for (const address of rows.addresses as Parameters<typeof customerActionData.address>[0][]) {
      const input = customerAddressInput.parse(customerActionData.address(address));
      await expect(upsertCustomerAddress(store, actor, input)).resolves.toEqual({
        addressIdentifier: address.id,
        operation: "unchanged",
      });
    }
    for (const agreement of rows.agreements as Parameters<typeof customerActionData.agreement>[0][]) {
      const input = customerAgreementInput.parse(customerActionData.agreement(agreement));
      const result = await upsertCustomerAgreement(store, actor, input);
      expect(result, JSON.stringify(agreement)).toEqual({
        AgreementId: agreement.id,
        operation: "unchanged",
      });
    }
  });

  it("leaves nothing behind when the database refuses part of a load", async () => {
    const before = await storedCounts(db);
    // A customer already holding the id of the next run's second customer (external ids are per
    // customer now, CONTRACT §11, so a transaction of another customer no longer collides).
    await queryRows(
      db,
      `insert into customers (id, unique_id, first_name, last_name, email, mobile_phone)
       values ('${customerIdOf(9, 1)}', 'HOLDER-9', 'Ana', 'Holder', 'ana@example.ro', '+40700000000')`,
    );
    await expect(seedDatabase(db, { ...run, seed: 9 })).rejects.toThrow(/customers_pkey|duplicate key/);
    const after = await storedCounts(db);
    expect(after).toEqual({ ...before, customers: before.customers + 1 });
    expect(await queryRows(db, `select 1 from customers where id = '${customerIdOf(9, 0)}'`)).toEqual([]);
  });

  it("empties every data table on reset, keeping users", async () => {
    await queryRows(
      db,
      "insert into users (username, password_hash, roles) values ('keeper', 'x', '{reader}')",
    );
    const result = await seedDatabase(db, { ...run, seed: 5, customers: 8, reset: true });
    expect(await storedCounts(db)).toEqual(result.counts);
    expect(await countRows(db, "audit_log")).toBe(0);
    expect(await countRows(db, "users")).toBe(1);
  });
});
