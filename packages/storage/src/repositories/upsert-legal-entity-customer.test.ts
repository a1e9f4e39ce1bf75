import { legalEntityCustomerInput, parseInput, upsertLegalEntityCustomer } from "@account360/core";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  concurrently,
  customerData,
  legalEntityData,
  refusalOf,
  rejectionOf,
  unique,
  writer,
  writeWorldOfFile,
} from "./write-test-kit";

const world = writeWorldOfFile();

const upsert = (data: unknown) =>
  upsertLegalEntityCustomer(
    world.store,
    writer,
    parseInput(legalEntityCustomerInput({ phoneRegion: "RO" }), data),
  );
const parse = (data: unknown) =>
  rejectionOf(
    Promise.resolve().then(() => parseInput(legalEntityCustomerInput({ phoneRegion: "RO" }), data)),
  );

describe("FTOS_ACC_CB_AddUpdateLegalEntityCustomer", () => {
  it("creates a legal entity with canonical option values and audits every field", async () => {
    const uniqueId = unique("ro");
    const result = await upsert(
      legalEntityData({
        UniqueID: uniqueId.toLowerCase(),
        industry: "TRANSPORTATIONSTORAGE",
        accountType: "sole trader",
        email: "Office@Carpati.RO",
      }),
    );
    expect(result.operation).toBe("created");
    const row = await world.rowOf("customers", result.customerInternalId);
    expect(row).toMatchObject({
      kind: "legalEntity",
      unique_id: uniqueId,
      name: "Carpați Logistic SRL",
      registration_number: "J40/1234/2015",
      industry: "TransportationStorage",
      account_type: "Sole Trader",
      email: "Office@carpati.ro",
      mobile_phone: "+40212345678",
      first_name: null,
      last_name: null,
    });
    const audit = await world.auditOf(result.customerInternalId);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: "FTOS_ACC_CB_AddUpdateLegalEntityCustomer",
      entity: "legalEntity",
      operation: "created",
      changes: {
        name: { old: null, new: "Carpați Logistic SRL" },
        accountType: { old: null, new: "Sole Trader" },
      },
    });
  });

  it("takes registrationNo as another spelling of registrationNumber, and refuses the two disagreeing", async () => {
    const { registrationNumber: _left, ...info } = legalEntityData().CustomerInfo;
    const { customerInternalId } = await upsert({ CustomerInfo: { ...info, registrationNo: "J12/99/2020" } });
    expect(await world.rowOf("customers", customerInternalId)).toMatchObject({
      registration_number: "J12/99/2020",
    });
    const again = await upsert({
      CustomerInfo: { ...info, registrationNumber: "J12/99/2020", registrationNo: "J12/99/2020" },
    });
    expect(again).toEqual({ customerInternalId, operation: "unchanged" });
    const error = await parse({ CustomerInfo: { ...info, registrationNumber: "J1", registrationNo: "J2" } });
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.fieldErrors.map((e) => e.field)).toEqual(["CustomerInfo.registrationNo"]);
  });

  it("needs only name, UniqueID and accountType, and names every invalid field at once", async () => {
    const { customerInternalId } = await upsert({
      CustomerInfo: { name: "Asociația Verde", UniqueID: unique("ONG"), accountType: "Non-Profit" },
    });
    expect(await world.rowOf("customers", customerInternalId)).toMatchObject({ email: null, industry: null });
    const error = await parse({
      CustomerInfo: { name: "x".repeat(201), industry: "Mining", accountType: "Trust" },
    });
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.fieldErrors.map((e) => e.field).sort()).toEqual([
      "CustomerInfo.UniqueID",
      "CustomerInfo.accountType",
      "CustomerInfo.industry",
      "CustomerInfo.name",
    ]);
    expect(error.fieldErrors.find((e) => e.field === "CustomerInfo.industry")?.message).toContain(
      "Accounting",
    );
  });

  it("updates by UniqueID and by customerInternalId, auditing only the changed fields; absent keeps, null clears", async () => {
    const data = legalEntityData();
    const { customerInternalId } = await upsert(data);
    const updated = await upsert({ CustomerInfo: { ...data.CustomerInfo, name: "Carpați Logistic SA" } });
    expect(updated).toEqual({ customerInternalId, operation: "updated" });
    const { industry: _kept, ...rest } = data.CustomerInfo;
    const cleared = await upsert({
      CustomerInfo: { ...rest, customerInternalId, name: "Carpați Logistic SA", email: null },
    });
    expect(cleared).toEqual({ customerInternalId, operation: "updated" });
    expect(await world.rowOf("customers", customerInternalId)).toMatchObject({
      industry: "TransportationStorage",
      email: null,
    });
    const audit = await world.auditOf(customerInternalId);
    expect(audit.map((a) => a.changes)).toEqual([
      expect.anything(),
      { name: { old: "Carpați Logistic SRL", new: "Carpați Logistic SA" } },
      { email: { old: "office@carpati-logistic.ro", new: null } },
    ]);
  });

  it("answers unchanged for the same request and writes nothing", async () => {
    const data = legalEntityData();
    const first = await upsert(data);
    expect(await upsert(data)).toEqual({
      customerInternalId: first.customerInternalId,
      operation: "unchanged",
    });
    expect(await world.auditOf(first.customerInternalId)).toHaveLength(1);
  });

  it("answers 404 for an unknown customerInternalId and 400 for an individual's, writing nothing", async () => {
    const before = await world.count("customers");
    expect(
      await refusalOf(
        upsert(legalEntityData({ customerInternalId: "00000000-0000-4000-8000-000000000000" })),
      ),
    ).toEqual({ code: "NOT_FOUND", fields: ["CustomerInfo.customerInternalId"] });
    const individual = await world.addCustomer();
    const wrongKind = await rejectionOf(upsert(legalEntityData({ customerInternalId: individual })));
    expect(wrongKind.code).toBe("BAD_REQUEST");
    expect(wrongKind.message).toContain("FTOS_ACC_CB_AddUpdateIndividualCustomer");
    expect(await world.count("customers")).toBe(before + 1);
  });

  it("shares one UniqueID namespace with individuals: 409 either way, nothing changed", async () => {
    const individualUniqueId = unique("CNP");
    const individual = await world.addCustomer({ UniqueID: individualUniqueId });
    const toCompany = await rejectionOf(
      upsert(legalEntityData({ UniqueID: individualUniqueId.toLowerCase() })),
    );
    expect(toCompany.code).toBe("CONFLICT");
    expect(toCompany.fieldErrors.map((e) => e.field)).toEqual(["CustomerInfo.UniqueID"]);
    expect(toCompany.message).toContain("individual");

    const companyUniqueId = unique("CUI");
    const company = await world.addLegalEntity({ UniqueID: companyUniqueId });
    const before = await world.rowOf("customers", company);
    const { addCustomerOf } = { addCustomerOf: () => world.addCustomer({ UniqueID: companyUniqueId }) };
    const toIndividual = await rejectionOf(addCustomerOf());
    expect(toIndividual.code).toBe("CONFLICT");
    expect(toIndividual.message).toContain("legal entity");
    const moved = await rejectionOf(
      upsert(legalEntityData({ customerInternalId: company, UniqueID: individualUniqueId })),
    );
    expect(moved.code).toBe("CONFLICT");
    expect(await world.rowOf("customers", company)).toEqual(before);
    expect(await world.rowOf("customers", individual)).toMatchObject({
      kind: "individual",
      first_name: "Ana",
    });
  });

  it("lets exactly one of concurrent individual and legal-entity creates hold a UniqueID; the others are 409", async () => {
    const uniqueId = unique("RACE");
    const outcomes = await Promise.allSettled([
      ...Array.from({ length: 5 }, () => world.addCustomer({ UniqueID: uniqueId })),
      ...Array.from({ length: 5 }, () => upsert(legalEntityData({ UniqueID: uniqueId }))),
    ]);
    expect(await world.count("customers", sql`unique_id = ${uniqueId}`)).toBe(1);
    const rejected = outcomes.filter((o) => o.status === "rejected");
    expect(rejected).toHaveLength(5);
    for (const o of rejected) expect((o.reason as { code: string }).code).toBe("CONFLICT");
  });

  it("creates exactly one legal entity for 20 identical concurrent requests", async () => {
    const data = legalEntityData();
    const results = await concurrently(20, () => upsert(data));
    expect(new Set(results.map((r) => r.customerInternalId)).size).toBe(1);
    expect(results.filter((r) => r.operation === "created")).toHaveLength(1);
    expect(await world.count("customers", sql`unique_id = ${data.CustomerInfo.UniqueID}`)).toBe(1);
  });

  it("leaves an individual's update alone when the UniqueID is a legal entity's", async () => {
    const companyUniqueId = unique("CUI");
    await world.addLegalEntity({ UniqueID: companyUniqueId });
    const individual = await world.addCustomer();
    const error = await rejectionOf(
      world.addCustomer({
        ...customerData().CustomerInfo,
        customerInternalId: individual,
        UniqueID: companyUniqueId,
      }),
    );
    expect(error.code).toBe("CONFLICT");
  });
});
