import { randomBytes } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { accountHeader, DEFAULT_SETTINGS, productPortfolio } from "@account360/core";
import { runAction } from "@account360/core/testing";
import { createSources, type DatabaseHandle, openDatabase } from "@account360/storage";
import { migrationsFolder } from "@account360/storage/migrations-folder";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDatabase } from "./load";
import { countRows, queryRows } from "./test-db";

/** The last migration before CONTRACT §11's keys: data seeded there must come through them whole. */
const BEFORE_DISTRIBUTION = "0006_event_relays";

/** Columns a migration after BEFORE_DISTRIBUTION adds and fills from the data already there. */
const LATER_COLUMNS = ["group_members add column group_name text"];

const anchor = "2026-06-30";
const ctx = { now: new Date(`${anchor}T12:00:00Z`), settings: DEFAULT_SETTINGS };

/** A copy of the migrations whose journal stops at `lastTag`. */
function migrationsUpTo(lastTag: string): string {
  const folder = mkdtempSync(join(tmpdir(), "a360-migrations-"));
  cpSync(migrationsFolder, folder, { recursive: true });
  const journalPath = join(folder, "meta/_journal.json");
  const journal = JSON.parse(readFileSync(journalPath, "utf8")) as { entries: { tag: string }[] };
  const last = journal.entries.findIndex((entry) => entry.tag === lastTag);
  if (last === -1) throw new Error(`no migration ${lastTag}`);
  journal.entries = journal.entries.slice(0, last + 1);
  writeFileSync(journalPath, JSON.stringify(journal));
  return folder;
}

async function snapshotOf(handle: DatabaseHandle, customerIds: string[]) {
  const tables = (
    await queryRows<{ name: string }>(
      handle,
      "select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by 1",
    )
  ).map((t) => t.name);
  const counts: Record<string, number> = {};
  for (const table of tables) counts[table] = await countRows(handle, table);
  const sources = createSources(handle.sql);
  const widgets = [];
  for (const customerInternalId of customerIds) {
    widgets.push(await runAction(accountHeader, { header: sources.header }, { customerInternalId }, ctx));
    widgets.push(
      await runAction(
        productPortfolio,
        { productPortfolio: sources.productPortfolio },
        { customerInternalId },
        ctx,
      ),
    );
  }
  return { counts, widgets: JSON.parse(JSON.stringify(widgets).replaceAll(/"asOf":"[^"]*"/g, '"asOf":""')) };
}

describe("the distribution-key migrations on a database seeded before them", () => {
  const partial = migrationsUpTo(BEFORE_DISTRIBUTION);
  const baseUrl = process.env.DATABASE_URL;
  const scratch = `a360_test_${randomBytes(6).toString("hex")}`;
  const admin = baseUrl ? postgres(baseUrl, { max: 1, onnotice: () => {} }) : null;
  const pgliteDir = mkdtempSync(join(tmpdir(), "a360-migrate-"));
  let url: string | undefined;
  beforeAll(async () => {
    if (admin && baseUrl) {
      await admin.unsafe(`create database ${scratch}`);
      const scratchUrl = new URL(baseUrl);
      scratchUrl.pathname = `/${scratch}`;
      url = scratchUrl.toString();
    }
  });
  afterAll(async () => {
    rmSync(partial, { recursive: true, force: true });
    rmSync(pgliteDir, { recursive: true, force: true });
    if (admin) {
      await admin.unsafe(`drop database if exists ${scratch} with (force)`);
      await admin.end({ timeout: 5 });
    }
  });

  it("keeps every row and every widget's answer", async () => {
    const open = (folder?: string) =>
      openDatabase({
        url,
        pgliteDir: url ? undefined : pgliteDir,
        migrationsFolder: folder,
        maxConnections: 4,
      });
    const before = await open(partial);
    let expected: Awaited<ReturnType<typeof snapshotOf>>;
    let ids: string[] = [];
    try {
      // Today's seed writes what later migrations added; the columns are there for the load and
      // today's widgets to read, and gone before migrating, which must then fill them alike.
      for (const added of LATER_COLUMNS) await queryRows(before, `alter table ${added}`);
      const seeded = await seedDatabase(before, {
        customers: 30,
        seed: 17,
        anchor,
        transactionsPerCustomer: 20,
      });
      ids = seeded.sampleCustomerIds;
      expected = await snapshotOf(before, ids);
      expect(expected.counts.customers).toBe(30);
      expect(expected.counts.transactions).toBeGreaterThan(0);
      const keyOf = await queryRows<{ def: string }>(
        before,
        "select pg_get_constraintdef(oid) as def from pg_constraint where conname = 'addresses_pkey'",
      );
      expect(keyOf).toEqual([{ def: "PRIMARY KEY (id)" }]);
      for (const added of LATER_COLUMNS) {
        await queryRows(before, `alter table ${added.replace(/ add column (\w+) .*/, " drop column $1")}`);
      }
    } finally {
      await before.close();
    }

    const after = await open();
    try {
      const { counts, widgets } = await snapshotOf(after, ids);
      // The tables there were before keep their rows; a key table holds one row per record it keys.
      expect({
        counts: Object.fromEntries(Object.keys(expected.counts).map((t) => [t, counts[t]])),
        widgets,
      }).toEqual(expected);
      expect(counts.application_keys).toBe(expected.counts.applications);
      expect(counts.customer_unique_ids).toBe(expected.counts.customers);
      const claimed = await queryRows<{ n: number }>(
        after,
        "select count(*)::int as n from customers c join customer_unique_ids k on k.unique_id = c.unique_id and k.customer_id = c.id",
      );
      expect(claimed).toEqual([{ n: expected.counts.customers }]);
      expect(expected.counts.group_members).toBeGreaterThan(0);
      const named = await queryRows<{ n: number }>(
        after,
        "select count(*)::int as n from group_members m join customers g on g.id = m.group_id and g.name = m.group_name",
      );
      expect(named).toEqual([{ n: expected.counts.group_members }]);
      const keyOf = await queryRows<{ def: string }>(
        after,
        "select pg_get_constraintdef(oid) as def from pg_constraint where conname = 'addresses_id_customer_id_pk'",
      );
      expect(keyOf).toEqual([{ def: "PRIMARY KEY (id, customer_id)" }]);
    } finally {
      await after.close();
    }
  }, 120_000);
});
