import {
  accountFlags,
  accountPendingActivities,
  addUpdateCustomerAgreementAction,
  DEFAULT_SETTINGS,
} from "@account360/core";
import { runAction } from "@account360/core/testing";
import { customerIdOf, generateHistory, historyCounts } from "@account360/seed";
import { createSources } from "@account360/storage";
import { beforeAll, describe, expect, it } from "vitest";
import { seededDatabaseOfFile } from "./seeded-test-database";
import { loadSweep, type SweepRun } from "./sweep";
import { historyCopies, type LoadedSweepCustomer, sweepCustomersOf } from "./sweep-data";
import { agreementOf, createAgreementDirect, removeWrittenAgreements } from "./sweep-write";
import { TEST_NOW, testDates } from "./test-clock";
import { WIDGETS } from "./widgets";

const SEED = 12;
const run: SweepRun = {
  sizes: [40, 400],
  reads: 1,
  warmupReads: 0,
  readConcurrency: 1,
  writeSeconds: 1,
  seed: SEED,
  dates: testDates,
  writeConcurrency: 2,
  userName: "bench",
  prefix: "SWEEP-T-",
};
const world = seededDatabaseOfFile({
  customers: 6,
  seed: SEED,
  anchor: testDates.today,
  transactionsPerCustomer: 20,
});
let loaded: LoadedSweepCustomer[];

beforeAll(async () => {
  loaded = await loadSweep(world.handle, run);
  // Two histories beside the whole suite on two shared cores: this has taken over the default minute.
}, 180_000);

describe("the sweep's customers", () => {
  it("are one per size, the same for the same seed, apart from the read set's", () => {
    const customers = sweepCustomersOf(SEED, run.sizes);
    expect(customers.map((c) => c.size)).toEqual([40, 400]);
    expect(sweepCustomersOf(SEED, run.sizes)).toEqual(customers);
    expect(new Set(customers.map((c) => c.customerId)).size).toBe(2);
    const readSet = Array.from({ length: 6 }, (_, i) => customerIdOf(SEED, i));
    for (const c of customers) expect(readSet).not.toContain(c.customerId);
  });

  it("write the same COPY text every time, one line per row", () => {
    const copies = () =>
      historyCopies(
        generateHistory({ seed: SEED, anchor: testDates.today, rows: 400, index: loaded[1]!.index }),
        testDates.today,
      );
    const first = copies();
    expect(copies()).toEqual(first);
    for (const copy of first) expect(copy.text.split("\n").length - 1, copy.table).toBe(copy.rows);
  });

  it("are stored with every row of their history, table by table", async () => {
    for (const customer of loaded) {
      const expected = Object.fromEntries(
        Object.entries(historyCounts(customer.size)).filter(([table, n]) => n > 0 && table !== "customers"),
      );
      expect(customer.rows).toMatchObject(expected);
      for (const [table, n] of Object.entries(expected)) {
        const column = table === "customers" ? "id" : "customer_id";
        const [row] = (await world.db.query(
          `select count(*)::int as n from ${table} where ${column} = $1::uuid`,
          [customer.customerId],
        )) as [{ n: number }];
        expect(row.n, `${table} of ${customer.size}`).toBe(n);
      }
    }
  });

  it("show the same present at every size: the history is closed, paid, ended or done", async () => {
    const ctx = { now: TEST_NOW, settings: DEFAULT_SETTINGS };
    const present = async (customerId: string) => {
      const data = { customerInternalId: customerId };
      const flags = await runAction(accountFlags, createSources(world.handle.sql), data, ctx);
      const pending = await runAction(accountPendingActivities, createSources(world.handle.sql), data, ctx);
      return { flags: flags.flags.map((f) => f.code).sort(), pending: pending.counts };
    };
    const [small, large] = await Promise.all(loaded.map((c) => present(c.customerId)));
    expect(small).toEqual(large);
    expect(small!.pending).toEqual({ application: 1, task: 2, agreement: 1, instalment: 3 });
    for (const customer of loaded) {
      for (const widget of WIDGETS) {
        const rows = await world.db.query(
          widget.floor.sql,
          widget.floor.params(customer.customerId, testDates),
        );
        expect(rows.length, widget.name).toBeGreaterThan(0);
      }
    }
  });
});

describe("the sweep's write floor", () => {
  it("stores the agreement and its audit entry exactly as the server's create does", async () => {
    const target = {
      customerId: loaded[0]!.customerId,
      cardContractNo: loaded[0]!.cardContractNo,
      today: testDates.today,
    };
    await createAgreementDirect(world.db, agreementOf(target, `${run.prefix}F`, 1), "bench");
    const id = await createSources(world.handle.sql).writes.create(
      "agreement",
      agreementOf(target, `${run.prefix}S`, 1),
      {
        userName: "bench",
        action: addUpdateCustomerAgreementAction,
      },
    );
    expect(id).not.toBeNull();
    const rows = (await world.db.query(
      `select g.customer_id::text, g.agreement_type, g.start_date::text, g.end_date, g.source_id, g.contract_no,
         g.fingerprint, a.user_name, a.action, a.entity, a.operation, a.changes - 'externalId' as changes,
         a.record_id = g.id and a.customer_id = g.customer_id as linked, a.sequence::int as sequence
       from agreements g join audit_log a on a.record_id = g.id
       where g.external_id in ($1, $2) order by g.external_id`,
      [`${run.prefix}F-1`, `${run.prefix}S-1`],
    )) as Record<string, unknown>[];
    expect(rows).toHaveLength(2);
    const [floor, server] = rows as [Record<string, unknown>, Record<string, unknown>];
    // Both took the customer's next sequence number: the floor's write came first.
    expect(server.sequence).toBe(Number(floor.sequence) + 1);
    expect({ ...floor, sequence: null }).toEqual({ ...server, sequence: null });
    expect(floor.linked).toBe(true);
  });

  it("refuses a contract the customer does not hold, as the server's condition does", async () => {
    const target = {
      customerId: loaded[0]!.customerId,
      cardContractNo: loaded[1]!.cardContractNo,
      today: testDates.today,
    };
    await expect(
      createAgreementDirect(world.db, agreementOf(target, `${run.prefix}X`, 1), "bench"),
    ).rejects.toThrow(/not created/);
  });

  it("leaves the history as it found it once the writes' agreements are removed", async () => {
    const before = loaded.map((c) => c.rows.agreements);
    expect(await removeWrittenAgreements(world.db, run.prefix)).toBe(2);
    for (const [i, customer] of loaded.entries()) {
      const [row] = (await world.db.query(
        "select count(*)::int as n from agreements where customer_id = $1::uuid",
        [customer.customerId],
      )) as [{ n: number }];
      expect(row.n).toBe(before[i]);
    }
  });
});
