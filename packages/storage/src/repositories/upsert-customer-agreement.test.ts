import { customerAgreementInput, parseInput, upsertCustomerAgreement } from "@account360/core";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { concurrently, refusalOf, rejectionOf, unique, writer, writeWorldOfFile } from "./write-test-kit";

const world = writeWorldOfFile();

const upsert = (data: Record<string, unknown>) =>
  upsertCustomerAgreement(world.store, writer, parseInput(customerAgreementInput, data));

const agreement = (customerInternalId: string, overrides: Record<string, unknown> = {}) => ({
  customerInternalId,
  agreementType: "Marketing Consent",
  startDate: "2024-03-01",
  sourceId: "WEB",
  ...overrides,
});

async function addContract(customerId: string): Promise<string> {
  const contractNo = unique("CTR-");
  await world.db.execute(sql`insert into contracts (customer_id, external_id, contract_no, category, banking_product,
    balance, currency, status, activation_date)
    values (${customerId}::uuid, ${contractNo}, ${contractNo}, 'loan', 'Personal Loan', 100, 'RON', 'Active', '2024-01-01')`);
  return contractNo;
}

const agreementsOf = (customerId: string) =>
  world.count("agreements", sql`customer_id = ${customerId}::uuid`);

describe("FTOS_ACC_AddUpdateCustomerAgreement", () => {
  it("creates an agreement, taking the UTC date of a timestamp, and audits it", async () => {
    const customerInternalId = await world.addCustomer();
    const result = await upsert(agreement(customerInternalId, { startDate: "2024-02-29T23:30:00-01:00" }));
    expect(result.operation).toBe("created");
    expect(await world.rowOf("agreements", result.AgreementId)).toMatchObject({
      start_date: "2024-03-01",
      end_date: null,
      external_id: null,
    });
    expect(await world.auditOf(result.AgreementId)).toMatchObject([
      { entity: "agreement", customerId: customerInternalId, operation: "created" },
    ]);
  });

  it("answers unchanged for an identical agreement without externalId, and creates one that differs", async () => {
    const customerInternalId = await world.addCustomer();
    const first = await upsert(agreement(customerInternalId));
    expect(await upsert(agreement(customerInternalId))).toEqual({
      AgreementId: first.AgreementId,
      operation: "unchanged",
    });
    expect((await upsert(agreement(customerInternalId, { startDate: "2024-03-02" }))).operation).toBe(
      "created",
    );
    expect(await agreementsOf(customerInternalId)).toBe(2);
    expect(await world.auditOf(first.AgreementId)).toHaveLength(1);
  });

  it("updates the customer's agreement with the same externalId", async () => {
    const customerInternalId = await world.addCustomer();
    const externalId = unique("AGR-");
    const { AgreementId } = await upsert(agreement(customerInternalId, { externalId }));
    const result = await upsert(agreement(customerInternalId, { externalId, startDate: "2024-04-01" }));
    expect(result).toEqual({ AgreementId, operation: "updated" });
    expect((await world.auditOf(AgreementId))[1]?.changes).toEqual({
      startDate: { old: "2024-03-01", new: "2024-04-01" },
    });
    expect(await upsert(agreement(customerInternalId, { externalId, startDate: "2024-04-01" }))).toEqual({
      AgreementId,
      operation: "unchanged",
    });
  });

  it("updates by AgreementId: endDate ends the agreement, absent keeps it, null withdraws the end", async () => {
    const customerInternalId = await world.addCustomer();
    const { AgreementId } = await upsert(agreement(customerInternalId));
    expect(await upsert(agreement(customerInternalId, { AgreementId, endDate: "2024-12-31" }))).toEqual({
      AgreementId,
      operation: "updated",
    });
    expect(await upsert(agreement(customerInternalId, { AgreementId }))).toEqual({
      AgreementId,
      operation: "unchanged",
    });
    expect(await world.rowOf("agreements", AgreementId)).toMatchObject({ end_date: "2024-12-31" });
    await upsert(agreement(customerInternalId, { AgreementId, endDate: null }));
    expect(await world.rowOf("agreements", AgreementId)).toMatchObject({ end_date: null });
    expect((await world.auditOf(AgreementId)).map((e) => e.changes.endDate)).toEqual([
      undefined,
      { old: null, new: "2024-12-31" },
      { old: "2024-12-31", new: null },
    ]);
  });

  it("refuses an endDate before the startDate, in the request (400) or against the stored one, changing nothing", async () => {
    const customerInternalId = await world.addCustomer();
    expect(await refusalOf(upsert(agreement(customerInternalId, { endDate: "2024-02-01" })))).toEqual({
      code: "BAD_REQUEST",
      fields: ["endDate"],
    });
    expect(await agreementsOf(customerInternalId)).toBe(0);

    const { AgreementId } = await upsert(agreement(customerInternalId, { endDate: "2024-06-30" }));
    const before = await world.rowOf("agreements", AgreementId);
    const later = await rejectionOf(
      upsert(agreement(customerInternalId, { AgreementId, startDate: "2024-07-01" })),
    );
    expect(later.code).toBe("BAD_REQUEST");
    expect(await world.rowOf("agreements", AgreementId)).toEqual(before);
    expect(await world.auditOf(AgreementId)).toHaveLength(1);
  });

  it("links a contract of the customer and answers 404 for anyone else's or an unknown one", async () => {
    const customerInternalId = await world.addCustomer();
    const stranger = await world.addCustomer();
    const own = await addContract(customerInternalId);
    const theirs = await addContract(stranger);
    expect((await upsert(agreement(customerInternalId, { contractNo: own }))).operation).toBe("created");
    for (const contractNo of [theirs, "NO-SUCH-CONTRACT"]) {
      expect(
        await refusalOf(upsert(agreement(customerInternalId, { contractNo, externalId: unique("X") }))),
      ).toEqual({ code: "NOT_FOUND", fields: ["contractNo"] });
    }
    const { AgreementId } = await upsert(agreement(customerInternalId));
    const onUpdate = await rejectionOf(
      upsert(agreement(customerInternalId, { AgreementId, contractNo: theirs })),
    );
    expect(onUpdate.code).toBe("NOT_FOUND");
    expect(await agreementsOf(customerInternalId)).toBe(2);
  });

  it("answers 404 for an unknown customer or AgreementId", async () => {
    expect(await refusalOf(upsert(agreement("00000000-0000-4000-8000-0000000000dd")))).toEqual({
      code: "NOT_FOUND",
      fields: ["customerInternalId"],
    });
    const customerInternalId = await world.addCustomer();
    expect(
      await refusalOf(
        upsert(agreement(customerInternalId, { AgreementId: "00000000-0000-4000-8000-0000000000de" })),
      ),
    ).toEqual({ code: "NOT_FOUND", fields: ["AgreementId"] });
  });

  it("answers 409 for another customer's agreement or a taken externalId, changing nothing", async () => {
    const customerInternalId = await world.addCustomer();
    const stranger = await world.addCustomer();
    const { AgreementId } = await upsert(agreement(customerInternalId));
    expect(await refusalOf(upsert(agreement(stranger, { AgreementId })))).toEqual({
      code: "CONFLICT",
      fields: ["AgreementId"],
    });

    const taken = unique("AGR-");
    await upsert(agreement(customerInternalId, { externalId: taken, agreementType: "GDPR Consent" }));
    const before = await world.rowOf("agreements", AgreementId);
    expect(
      await refusalOf(upsert(agreement(customerInternalId, { AgreementId, externalId: taken }))),
    ).toEqual({ code: "CONFLICT", fields: ["externalId"] });
    expect(await world.rowOf("agreements", AgreementId)).toEqual(before);
    expect(await world.auditOf(AgreementId)).toHaveLength(1);
  });

  it("creates exactly one agreement and one audit entry for 20 identical concurrent requests, with or without externalId", async () => {
    for (const externalId of [undefined, unique("AGR-")]) {
      const customerInternalId = await world.addCustomer();
      const results = await concurrently(20, () => upsert(agreement(customerInternalId, { externalId })));
      expect(new Set(results.map((r) => r.AgreementId)).size).toBe(1);
      expect(results.filter((r) => r.operation === "created")).toHaveLength(1);
      expect(await agreementsOf(customerInternalId)).toBe(1);
      expect(
        await world.count(
          "audit_log",
          sql`customer_id = ${customerInternalId}::uuid and entity = 'agreement'`,
        ),
      ).toBe(1);
    }
  });

  it("applies 20 identical concurrent updates once", async () => {
    const customerInternalId = await world.addCustomer();
    const { AgreementId } = await upsert(agreement(customerInternalId));
    const results = await concurrently(20, () =>
      upsert(agreement(customerInternalId, { AgreementId, endDate: "2025-01-31" })),
    );
    expect(results.filter((r) => r.operation === "updated")).toHaveLength(1);
    expect(await world.auditOf(AgreementId)).toHaveLength(2);
  });
});
