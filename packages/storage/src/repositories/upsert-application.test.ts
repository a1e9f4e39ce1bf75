import { applicationInput, parseInput, upsertApplication } from "@account360/core";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { concurrently, refusalOf, unique, writer, writeWorldOfFile } from "./write-test-kit";

const world = writeWorldOfFile();

const upsert = (data: Record<string, unknown>) =>
  upsertApplication(world.store, writer, parseInput(applicationInput, data));

const application = (customerInternalId: string, overrides: Record<string, unknown> = {}) => ({
  customerInternalId,
  url: "https://loans.example.ro/applications/1",
  name: "Personal loan",
  bankingProduct: "Personal Loan",
  source: "LOS",
  businessStatus: "In review",
  externalId: unique("APP-"),
  amount: 25000.5,
  currency: "ron",
  ...overrides,
});

describe("FTOS_ACC_CreateUpdateApplication", () => {
  it("creates an application with an exact amount and answers its id and externalId", async () => {
    const customerInternalId = await world.addCustomer();
    const data = application(customerInternalId);
    const result = await upsert(data);
    expect(result).toMatchObject({ externalId: data.externalId, operation: "created" });
    expect(await world.rowOf("applications", result.applicationId)).toMatchObject({
      customer_id: customerInternalId,
      amount: 25000.5,
      currency: "RON",
      business_status: "In review",
    });
    const [entry] = await world.auditOf(result.applicationId);
    expect(entry).toMatchObject({
      entity: "application",
      customerId: customerInternalId,
      operation: "created",
    });
    expect(entry?.changes.amount).toEqual({ old: null, new: "25000.50" });
  });

  it("answers unchanged for the same request, the amount sent as a string or a number alike", async () => {
    const customerInternalId = await world.addCustomer();
    const data = application(customerInternalId);
    const first = await upsert(data);
    const again = await upsert({ ...data, amount: "25000.50" });
    expect(again).toEqual({ ...first, operation: "unchanged" });
    expect(await world.auditOf(first.applicationId)).toHaveLength(1);
  });

  it("updates by (source, externalId): absent amount kept, status changes audited with old and new", async () => {
    const customerInternalId = await world.addCustomer();
    const data = application(customerInternalId);
    const { applicationId } = await upsert(data);
    const { amount: _kept, ...withoutAmount } = { ...data, businessStatus: "Approved" };
    const result = await upsert(withoutAmount);
    expect(result).toEqual({ applicationId, externalId: data.externalId, operation: "updated" });
    expect(await world.rowOf("applications", applicationId)).toMatchObject({
      amount: 25000.5,
      business_status: "Approved",
    });
    expect((await world.auditOf(applicationId))[1]?.changes).toEqual({
      businessStatus: { old: "In review", new: "Approved" },
    });
  });

  it("clears the amount sent as null, and refuses clearing only the currency of an amount (400, unchanged)", async () => {
    const customerInternalId = await world.addCustomer();
    const data = application(customerInternalId);
    const { applicationId } = await upsert(data);
    expect(await refusalOf(upsert({ ...data, currency: null }))).toEqual({
      code: "BAD_REQUEST",
      fields: ["currency"],
    });
    expect(await world.auditOf(applicationId)).toHaveLength(1);

    expect(await upsert({ ...data, amount: null, currency: null })).toMatchObject({ operation: "updated" });
    expect(await world.rowOf("applications", applicationId)).toMatchObject({ amount: null, currency: null });
    expect((await world.auditOf(applicationId))[1]?.changes).toEqual({
      amount: { old: "25000.50", new: null },
      currency: { old: "RON", new: null },
    });
  });

  it("answers 404 for an unknown customer", async () => {
    const data = application("00000000-0000-4000-8000-0000000000cc");
    expect(await refusalOf(upsert(data))).toEqual({ code: "NOT_FOUND", fields: ["customerInternalId"] });
    expect(await world.count("applications", sql`external_id = ${data.externalId}`)).toBe(0);
  });

  it("answers 409 when the (source, externalId) belongs to another customer, changing nothing", async () => {
    const owner = await world.addCustomer();
    const stranger = await world.addCustomer();
    const data = application(owner);
    const { applicationId } = await upsert(data);
    const before = await world.rowOf("applications", applicationId);
    expect(
      await refusalOf(upsert({ ...data, customerInternalId: stranger, businessStatus: "Rejected" })),
    ).toEqual({ code: "CONFLICT", fields: ["externalId"] });
    expect(await world.rowOf("applications", applicationId)).toEqual(before);
    expect(await world.auditOf(applicationId)).toHaveLength(1);
  });

  it("keeps one (source, externalId) across customers in application_keys, also when customers race for it", async () => {
    const customers = await Promise.all(Array.from({ length: 6 }, () => world.addCustomer()));
    const data = application(customers[0] ?? "");
    const settled = await Promise.allSettled(
      customers.map((c) => upsert({ ...data, customerInternalId: c })),
    );
    const created = settled.filter((s) => s.status === "fulfilled");
    expect(created).toHaveLength(1);
    for (const refused of settled.filter((s) => s.status === "rejected")) {
      expect((refused.reason as { code: string }).code).toBe("CONFLICT");
    }
    expect(await world.count("applications", sql`external_id = ${data.externalId}`)).toBe(1);
    const keys = await world.count(
      "application_keys",
      sql`source = 'LOS' and external_id = ${data.externalId}`,
    );
    expect(keys).toBe(1);
  });

  it("keeps the same externalId of another source apart", async () => {
    const customerInternalId = await world.addCustomer();
    const data = application(customerInternalId);
    const first = await upsert(data);
    const other = await upsert({ ...data, source: "CARDS" });
    expect(other.operation).toBe("created");
    expect(other.applicationId).not.toBe(first.applicationId);
  });

  it("creates exactly one application and one audit entry for 20 identical concurrent requests", async () => {
    const customerInternalId = await world.addCustomer();
    const data = application(customerInternalId);
    const results = await concurrently(20, () => upsert(data));
    expect(new Set(results.map((r) => r.applicationId)).size).toBe(1);
    expect(results.filter((r) => r.operation === "created")).toHaveLength(1);
    expect(await world.count("applications", sql`external_id = ${data.externalId}`)).toBe(1);
    expect(
      await world.count(
        "audit_log",
        sql`customer_id = ${customerInternalId}::uuid and entity = 'application'`,
      ),
    ).toBe(1);
  });

  it("applies 20 identical concurrent updates once", async () => {
    const customerInternalId = await world.addCustomer();
    const data = application(customerInternalId);
    const { applicationId } = await upsert(data);
    const results = await concurrently(20, () => upsert({ ...data, businessStatus: "Completed" }));
    expect(results.filter((r) => r.operation === "updated")).toHaveLength(1);
    expect(await world.auditOf(applicationId)).toHaveLength(2);
  });
});
