import { randomBytes } from "node:crypto";
import { type DatabaseHandle, openDatabase } from "@account360/storage";
import { openTestDatabase } from "@account360/storage/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateDataset } from "./dataset";
import { seedDatabase } from "./load";
import { emptyCounts } from "./records";
import { countRows, queryRows } from "./test-db";

/**
 * A role that is not a superuser cannot skip the foreign-key triggers, so its load runs in one
 * transaction with every reference checked: this proves the generator's table order.
 * Runs only against PostgreSQL: PGlite has one superuser session and no roles to switch to.
 */
describe.skipIf(!process.env.DATABASE_URL)("seedDatabase as a role that is not a superuser", () => {
  let owner: Awaited<ReturnType<typeof openTestDatabase>>;
  let plain: DatabaseHandle;
  const role = `a360_seed_${randomBytes(4).toString("hex")}`;

  beforeAll(async () => {
    owner = await openTestDatabase();
    const database = new URL(owner.url ?? "").pathname.slice(1);
    for (const statement of [
      `create role ${role} login`,
      // Opening a database runs the migrator, which creates its schema if missing.
      `grant create on database ${database} to ${role}`,
      `grant usage, create on schema public, drizzle to ${role}`,
      `grant select, insert, update, delete, truncate on all tables in schema public to ${role}`,
      `grant select on all tables in schema drizzle to ${role}`,
      `grant usage on all sequences in schema public, drizzle to ${role}`,
    ]) {
      await queryRows(owner, statement);
    }
    const url = new URL(owner.url ?? "");
    url.username = role;
    plain = await openDatabase({ url: url.toString(), maxConnections: 4 });
  });

  afterAll(async () => {
    await plain?.close();
    // The role's privileges live in the test database only, so it can go before the database does.
    await queryRows(owner, `drop owned by ${role}`);
    await queryRows(owner, `drop role ${role}`);
    await owner?.close();
  });

  it("loads every table with the foreign keys checked", async () => {
    const [me] = await queryRows<{ superuser: string }>(
      plain,
      "select current_setting('is_superuser') as superuser",
    );
    expect(me?.superuser).toBe("off");
    const options = { customers: 20, seed: 12, anchor: "2026-02-01", transactionsPerCustomer: 15 };
    const result = await seedDatabase(plain, { ...options, reset: true });
    const expected = emptyCounts();
    for (const batch of generateDataset(options)) expected[batch.table] += batch.rows.length;
    expect(result.counts).toEqual(expected);
    expect(await countRows(plain, "transactions")).toBe(expected.transactions);
  });
});
