import { INGEST_KINDS } from "@account360/core";
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { rowsOf } from "../database";
import { auditLog, campaignOffers, contracts, instalments } from "../schema";
import { testDatabaseOfFile } from "../test-world";
import {
  contractRowFor,
  countRows,
  ingestBatch,
  insertCustomer,
  instalmentRowFor,
  refusal,
  sampleRows,
  uid,
  unknownCustomerId,
} from "./test-kit";

const handle = testDatabaseOfFile();

describe("ingestBatch", () => {
  it("stores every kind, and the same batch again changes no row and reports it updated", async () => {
    const customer = await insertCustomer(handle.db);
    const samples = sampleRows(customer, "C-ALL");
    for (const kind of INGEST_KINDS) {
      expect(await ingestBatch(handle.sql, kind, [samples[kind]], "feeder"), kind).toEqual({
        inserted: 1,
        updated: 0,
      });
    }
    const snapshot = async () =>
      rowsOf<Record<string, unknown>>(
        await handle.db.execute(
          sql`select id::text, contract_no, balance::text, status, updated_at from contracts where customer_id = ${customer}::uuid`,
        ),
      );
    const before = await snapshot();
    const auditBefore = await countRows(handle.db, "audit_log", customer);
    for (const kind of INGEST_KINDS) {
      expect(await ingestBatch(handle.sql, kind, [samples[kind]], "feeder"), kind).toEqual({
        inserted: 0,
        updated: 1,
      });
    }
    const after = await snapshot();
    expect(after.map(({ updated_at: _, ...r }) => r)).toEqual(before.map(({ updated_at: _, ...r }) => r));
    for (const table of [
      "contracts",
      "instalments",
      "garnishments",
      "compliance_flags",
      "transactions",
      "interactions",
    ]) {
      expect(await countRows(handle.db, table, customer), table).toBe(1);
    }
    // Unchanged rows leave no audit entry.
    expect(await countRows(handle.db, "audit_log", customer)).toBe(auditBefore);
  });

  it("stores canonical values exactly", async () => {
    const customer = await insertCustomer(handle.db);
    await ingestBatch(
      handle.sql,
      "contracts",
      [
        contractRowFor(customer.toUpperCase(), {
          contractNo: "EXACT",
          category: "Mortgage",
          status: "OPEN",
          amount: 1234567890123.45,
          balance: "-0.10",
          interestRate: "-0.0125",
          currency: "eur",
        }),
      ],
      "feeder",
    );
    const [row] = await handle.db.select().from(contracts).where(eq(contracts.contractNo, "EXACT"));
    expect(row).toMatchObject({
      customerId: customer,
      category: "mortgage",
      status: "active",
      amount: "1234567890123.45",
      balance: "-0.10",
      interestRate: "-0.0125",
      currency: "EUR",
    });
  });

  it("audits created rows with every value and updated rows with what changed, old and new", async () => {
    const customer = await insertCustomer(handle.db);
    const row = contractRowFor(customer, { contractNo: "AUD-1", balance: "100.00" });
    await ingestBatch(handle.sql, "contracts", [row], "feeder");
    await ingestBatch(
      handle.sql,
      "contracts",
      [{ ...row, balance: "90.5", status: "closed", closeDate: "2025-01-31" }],
      "other",
    );
    const entries = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.customerId, customer), eq(auditLog.entity, "contract")))
      .orderBy(auditLog.id);
    expect(entries.map((e) => [e.userName, e.action, e.operation])).toEqual([
      ["feeder", "ingest.contracts", "created"],
      ["other", "ingest.contracts", "updated"],
    ]);
    expect(entries[0]?.changes).toMatchObject({
      externalId: { old: null, new: row.externalId },
      balance: { old: null, new: "100.00" },
      activationDate: { old: null, new: "2024-01-10" },
    });
    expect(entries[0]?.changes).not.toHaveProperty("closeDate");
    expect(entries[1]?.changes).toEqual({
      balance: { old: "100.00", new: "90.50" },
      status: { old: "active", new: "closed" },
      closeDate: { old: null, new: "2025-01-31" },
    });
    const [stored] = await handle.db.select().from(contracts).where(eq(contracts.externalId, row.externalId));
    expect(entries.every((e) => e.recordId === stored?.id)).toBe(true);
  });

  it("stores nothing of a batch with one bad row, and names the row", async () => {
    const customer = await insertCustomer(handle.db);
    const rows = Array.from({ length: 5 }, () => contractRowFor(customer));
    rows[3] = { ...rows[3]!, currency: "XYZ" };
    const error = await refusal(ingestBatch(handle.sql, "contracts", rows, "feeder"));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.fieldErrors).toEqual([
      { field: "rows.3.currency", message: expect.stringMatching(/ISO 4217/) },
    ]);
    expect(await countRows(handle.db, "contracts", customer)).toBe(0);
  });

  it("is 404 naming the row for an unknown customer, and stores none of the batch", async () => {
    const customer = await insertCustomer(handle.db);
    const rows = [contractRowFor(customer), contractRowFor(unknownCustomerId), contractRowFor(customer)];
    const error = await refusal(ingestBatch(handle.sql, "contracts", rows, "feeder"));
    expect(error.code).toBe("NOT_FOUND");
    expect(error.fieldErrors).toEqual([
      { field: "rows.1.customerInternalId", message: expect.stringContaining(unknownCustomerId) },
    ]);
    expect(await countRows(handle.db, "contracts", customer)).toBe(0);
  });

  it("is 404 for an instalment of a contract the customer does not hold", async () => {
    const customer = await insertCustomer(handle.db);
    const other = await insertCustomer(handle.db);
    await ingestBatch(handle.sql, "contracts", [contractRowFor(other, { contractNo: "THEIRS" })], "feeder");
    const instalment = instalmentRowFor(customer, "THEIRS");
    const error = await refusal(ingestBatch(handle.sql, "instalments", [instalment], "feeder"));
    expect(error.code).toBe("NOT_FOUND");
    expect(error.fieldErrors[0]?.field).toBe("rows.0.contractNo");
  });

  it("keeps external ids per customer: the same one under another customer is that customer's own record", async () => {
    const owner = await insertCustomer(handle.db);
    const other = await insertCustomer(handle.db);
    const row = contractRowFor(owner, { balance: "1.00" });
    await ingestBatch(handle.sql, "contracts", [row], "feeder");
    const result = await ingestBatch(
      handle.sql,
      "contracts",
      [{ ...row, customerInternalId: other, balance: "2.00" }],
      "feeder",
    );
    expect(result).toEqual({ inserted: 1, updated: 0 });
    const stored = await handle.db.select().from(contracts).where(eq(contracts.externalId, row.externalId));
    expect(stored.map((c) => [c.customerId, c.balance]).sort()).toEqual(
      [
        [owner, "1.00"],
        [other, "2.00"],
      ].sort(),
    );
    // Sent again under the first customer, it updates that customer's record only.
    expect(await ingestBatch(handle.sql, "contracts", [{ ...row, balance: "3.00" }], "feeder")).toEqual({
      inserted: 0,
      updated: 1,
    });
    expect(await countRows(handle.db, "contracts", other)).toBe(1);
  });

  it("is 409 when a new external id names a contract number the customer already has", async () => {
    const customer = await insertCustomer(handle.db);
    await ingestBatch(handle.sql, "contracts", [contractRowFor(customer, { contractNo: "DUP" })], "feeder");
    const error = await refusal(
      ingestBatch(handle.sql, "contracts", [contractRowFor(customer, { contractNo: "DUP" })], "feeder"),
    );
    expect(error.code).toBe("CONFLICT");
    expect(error.fieldErrors[0]?.field).toBe("rows.0.contractNo");
  });

  it("keeps a dismissal made here when a feed re-sends the offer without one", async () => {
    const customer = await insertCustomer(handle.db);
    const offer = {
      externalId: `O-${uid()}`,
      customerInternalId: customer,
      product: "Gold Card",
      campaign: "Spring",
      status: "open",
    };
    await ingestBatch(handle.sql, "campaignOffers", [offer], "feeder");
    const at = new Date("2025-03-01T12:00:00Z");
    await handle.db
      .update(campaignOffers)
      .set({ dismissedAt: at })
      .where(eq(campaignOffers.externalId, offer.externalId));
    await ingestBatch(handle.sql, "campaignOffers", [{ ...offer, score: 80 }], "feeder");
    const [stored] = await handle.db
      .select()
      .from(campaignOffers)
      .where(eq(campaignOffers.externalId, offer.externalId));
    expect(stored).toMatchObject({ score: 80, dismissedAt: at });
  });

  it("updates an instalment to paid by its external id", async () => {
    const customer = await insertCustomer(handle.db);
    await ingestBatch(handle.sql, "contracts", [contractRowFor(customer, { contractNo: "PAY" })], "feeder");
    const instalment = instalmentRowFor(customer, "PAY");
    await ingestBatch(handle.sql, "instalments", [instalment], "feeder");
    expect(await ingestBatch(handle.sql, "instalments", [{ ...instalment, paid: true }], "feeder")).toEqual({
      inserted: 0,
      updated: 1,
    });
    const [stored] = await handle.db
      .select()
      .from(instalments)
      .where(eq(instalments.externalId, instalment.externalId));
    expect(stored?.paid).toBe(true);
  });

  it("never stores a record twice when the same batch arrives twice at once", async () => {
    const customer = await insertCustomer(handle.db);
    const rows = Array.from({ length: 50 }, () => contractRowFor(customer));
    const results = await Promise.all([
      ingestBatch(handle.sql, "contracts", rows, "a"),
      ingestBatch(handle.sql, "contracts", rows, "b"),
    ]);
    expect(results.reduce((sum, r) => sum + r.inserted, 0)).toBe(50);
    expect(results.reduce((sum, r) => sum + r.updated, 0)).toBe(50);
    expect(await countRows(handle.db, "contracts", customer)).toBe(50);
  });

  it("loads 10,000 rows in one batch", async () => {
    const customer = await insertCustomer(handle.db);
    const rows = Array.from({ length: 10_000 }, (_, i) => ({
      externalId: `BULK-${customer}-${i}`,
      customerInternalId: customer,
      bookingDate: "2025-01-01",
      indicator: "Card payments",
      direction: i % 2 ? "Incoming" : "Outgoing",
      interIntra: "Intra",
      currency: "RON",
      amount: `${i + 1}.25`,
    }));
    expect(await ingestBatch(handle.sql, "transactions", rows, "feeder")).toEqual({
      inserted: 10_000,
      updated: 0,
    });
    const [sum] = rowsOf<{ total: string }>(
      await handle.db.execute(
        sql`select sum(amount)::text as total from transactions where customer_id = ${customer}::uuid`,
      ),
    );
    expect(sum?.total).toBe("50007500.00");
  }, 60_000);
});
