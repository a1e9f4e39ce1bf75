import { accountFlags, type FlagCode, profileComplete, settingsOf } from "@account360/core";
import { describe, expect, it } from "vitest";
import {
  contractRowFor,
  pngBase64,
  testContext,
  uid,
  unknownCustomerId,
  widgetWorldOfFile,
} from "../ingest/test-kit";

const world = widgetWorldOfFile();

const ctx = testContext("2025-06-30T12:00:00Z");
const flagsOf = async (customerInternalId: string, context = ctx) =>
  (await world.run(accountFlags, { customerInternalId }, context)).flags;
const codesOf = async (customerInternalId: string, context = ctx) =>
  (await flagsOf(customerInternalId, context)).map((f) => f.code);

/** A customer whose profile is complete and who has an active GDPR consent: raises no flag. */
async function cleanCustomer(): Promise<string> {
  const id = await world.insertCustomer({ emailAddressType: "Personal", phoneNumberType: "Mobile" });
  await world.insertAddress(id);
  await world.insertAgreement(id, { agreementType: "GDPR Consent", startDate: "2024-01-01" });
  await world.ingest("pictures", [{ customerInternalId: id, dataBase64: pngBase64() }], "test");
  return id;
}

const compliance = (customerInternalId: string, code: string, fields: Record<string, unknown> = {}) => ({
  externalId: `F-${uid()}`,
  customerInternalId,
  code,
  since: "2025-01-01",
  ...fields,
});

describe("FTOS_ACC_AccountFlags", () => {
  it("raises nothing for a clean customer", async () => {
    expect(await flagsOf(await cleanCustomer())).toEqual([]);
  });

  it.each(["PEP", "EMBARGO", "TERRORIST_LIST"] as const)(
    "raises %s from a compliance hit not cleared",
    async (code: FlagCode) => {
      const id = await cleanCustomer();
      await world.ingest(
        "complianceFlags",
        [
          compliance(id, code, { since: "2024-03-01", details: "reported by screening" }),
          compliance(id, code, { since: "2023-01-01", clearedOn: "2023-06-30" }),
        ],
        "test",
      );
      const flags = await flagsOf(id);
      expect(flags).toEqual([
        {
          code,
          label: expect.any(String),
          severity: code === "PEP" ? "medium" : "high",
          since: "2024-03-01",
          details: {
            hits: [{ reference: expect.any(String), since: "2024-03-01", note: "reported by screening" }],
          },
        },
      ]);
    },
  );

  it("keeps a compliance flag cleared only from a later day, and drops it once cleared", async () => {
    const id = await cleanCustomer();
    await world.ingest("complianceFlags", [compliance(id, "PEP", { clearedOn: "2025-07-01" })], "test");
    expect(await codesOf(id)).toEqual(["PEP"]);
    expect(await codesOf(id, testContext("2025-07-01T00:00:00Z"))).toEqual([]);
  });

  it("raises DPD for an unpaid instalment past its due date with days past due and the amount, and drops it when paid", async () => {
    const id = await cleanCustomer();
    await world.ingest("contracts", [contractRowFor(id, { contractNo: "L-DPD" })], "test");
    const instalment = (dueDate: string, amount: string, fields: Record<string, unknown> = {}) => ({
      externalId: `I-${uid()}`,
      customerInternalId: id,
      contractNo: "L-DPD",
      dueDate,
      amount,
      currency: "RON",
      ...fields,
    });
    const oldest = instalment("2025-05-31", "300.10");
    await world.ingest(
      "instalments",
      [
        oldest,
        instalment("2025-06-29", "300.20"),
        instalment("2025-06-30", "999.00"),
        instalment("2025-04-30", "5.00", { paid: true }),
      ],
      "test",
    );
    const [dpd] = await flagsOf(id);
    expect(dpd).toEqual({
      code: "DPD",
      label: "Days past due",
      severity: "medium",
      since: "2025-06-01",
      details: {
        daysPastDue: 30,
        overdueInstalments: 2,
        amount: "600.30",
        currency: "RON",
        amounts: [{ currency: "RON", amount: "600.30" }],
      },
    });
    await world.ingest("instalments", [{ ...oldest, paid: true }], "test");
    expect((await flagsOf(id))[0]?.details).toMatchObject({ daysPastDue: 1, amount: "300.20" });
    expect(await codesOf(id, testContext("2025-06-29T23:59:59Z"))).toEqual([]);
  });

  it("raises GARNISHMENT for an unreleased garnishment only", async () => {
    const id = await cleanCustomer();
    const garnishment = (fields: Record<string, unknown>) => ({
      externalId: `G-${uid()}`,
      customerInternalId: id,
      authority: "ANAF",
      amount: "1000.00",
      currency: "RON",
      since: "2025-02-01",
      ...fields,
    });
    await world.ingest("garnishments", [garnishment({ releasedOn: "2025-03-01" })], "test");
    expect(await codesOf(id)).toEqual([]);
    await world.ingest(
      "garnishments",
      [
        garnishment({ amount: "250.50" }),
        garnishment({ authority: "Bailiff Ionescu", amount: "49.50", since: "2025-05-01" }),
      ],
      "test",
    );
    const [flag] = await flagsOf(id);
    expect(flag).toMatchObject({
      code: "GARNISHMENT",
      severity: "high",
      since: "2025-02-01",
      details: {
        count: 2,
        amounts: [{ currency: "RON", amount: "300.00" }],
        authorities: ["ANAF", "Bailiff Ionescu"],
      },
    });
  });

  it("raises NO_CONSENT without an active consent agreement, whatever other agreements exist", async () => {
    const id = await world.insertCustomer({ emailAddressType: "Work", phoneNumberType: "Work" });
    await world.insertAddress(id);
    await world.insertAgreement(id, { agreementType: "Current account terms", startDate: "2020-01-01" });
    await world.insertAgreement(id, { agreementType: "GDPR Consent", startDate: "2025-07-01" });
    await world.insertAgreement(id, {
      agreementType: "Marketing Consent",
      startDate: "2024-01-01",
      endDate: "2025-06-29",
    });
    const flags = await flagsOf(id);
    expect(flags.map((f) => f.code)).toEqual(["NO_CONSENT"]);
    expect(flags[0]).toMatchObject({ since: "2025-06-30", details: { lastConsentEndedOn: "2025-06-29" } });
    // The consent that ended yesterday was still active yesterday; the future one is active from its start.
    expect(await codesOf(id, testContext("2025-06-29T08:00:00Z"))).toEqual([]);
    expect(await codesOf(id, testContext("2025-07-01T08:00:00Z"))).toEqual([]);
    // Types match whole and case-insensitively, from the configured list.
    await world.insertAgreement(id, {
      agreementType: "  data processing CONSENT ",
      startDate: "2025-06-30",
    });
    expect(await codesOf(id)).toEqual([]);
    const strict = testContext("2025-06-30T12:00:00Z", settingsOf({ consentTypes: ["Biometric Consent"] }));
    expect(await codesOf(id, strict)).toEqual(["NO_CONSENT"]);
  });

  it("raises INCOMPLETE_PROFILE when the profile band is red", async () => {
    const id = await world.insertCustomer();
    await world.insertAgreement(id);
    // 10+10+15+10+10 + agreement 15 = 70: yellow
    expect(await codesOf(id)).toEqual([]);
    const bare = await world.insertCustomer();
    // 55: red, and no consent either
    expect(await codesOf(bare)).toEqual(["NO_CONSENT", "INCOMPLETE_PROFILE"]);
  });

  it("is 400 without a customer id and 404 for an unknown one", async () => {
    await expect(world.run(accountFlags, {} as never, ctx)).rejects.toMatchObject({
      code: "BAD_REQUEST",
      fieldErrors: [{ field: "customerInternalId" }],
    });
    await expect(
      world.run(accountFlags, { customerInternalId: unknownCustomerId }, ctx),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("FTOS_ACC_ProfileComplete", () => {
  const profile = async (customerInternalId: string, context = ctx) =>
    world.run(profileComplete, { customerInternalId }, context);

  it("rises through the fill levels as the customer's data is completed", async () => {
    const id = await world.insertCustomer();
    expect(await profile(id)).toMatchObject({
      percentage: 55,
      band: "red",
      next: { field: "address", weight: 15 },
    });
    await world.insertAddress(id);
    expect(await profile(id)).toMatchObject({ percentage: 70, band: "yellow", next: { field: "agreement" } });
    await world.insertAgreement(id, {
      agreementType: "Card terms",
      startDate: "2025-06-30",
      endDate: "2025-06-30",
    });
    expect(await profile(id)).toMatchObject({
      percentage: 85,
      band: "green",
      next: { field: "emailAddressType" },
    });
    await world.ingest("pictures", [{ customerInternalId: id, dataBase64: pngBase64() }], "test");
    expect(await profile(id)).toMatchObject({ percentage: 90, band: "green" });
    const complete = await world.insertCustomer({
      emailAddressType: "Personal",
      phoneNumberType: "Home",
    });
    await world.insertAddress(complete);
    await world.insertAgreement(complete);
    await world.ingest("pictures", [{ customerInternalId: complete, dataBase64: pngBase64() }], "test");
    expect(await profile(complete)).toMatchObject({
      percentage: 100,
      band: "green",
      missing: [],
      next: null,
      filledWeight: 100,
    });
  });

  it("counts only an agreement active today", async () => {
    const id = await world.insertCustomer({ emailAddressType: "Personal", phoneNumberType: "Home" });
    await world.insertAddress(id);
    await world.insertAgreement(id, { startDate: "2025-07-01" });
    await world.insertAgreement(id, { startDate: "2024-01-01", endDate: "2025-06-29" });
    expect((await profile(id)).missing.map((m) => m.field)).toEqual(["agreement", "picture"]);
    expect((await profile(id, testContext("2025-07-01T00:00:00Z"))).missing.map((m) => m.field)).toEqual([
      "picture",
    ]);
  });

  it("is 400 without a customer id and 404 for an unknown one", async () => {
    await expect(world.run(profileComplete, null as never, ctx)).rejects.toMatchObject({
      code: "BAD_REQUEST",
      fieldErrors: [{ field: "customerInternalId" }],
    });
    await expect(profile(unknownCustomerId)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
