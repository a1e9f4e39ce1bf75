import { accountFlags, type FlagCode, profileComplete, type Sources, settingsOf } from "@account360/core";
import { type RunOptions, runAction } from "@account360/core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  contractRowFor,
  ingestBatch,
  insertAddress,
  insertAgreement,
  insertCustomer,
  pngBase64,
  testContext,
  uid,
  unknownCustomerId,
} from "../ingest/test-kit";
import { openTestDatabase } from "../testing";
import { accountFlagsSource } from "./flags";
import { profileCompleteSource } from "./profile-completion";

const runAccountFlags = (source: Sources["flags"], input: unknown, ctx?: RunOptions) =>
  runAction(accountFlags, { flags: source }, input, ctx);
const runProfileCompletion = (source: Sources["profileComplete"], input: unknown, ctx?: RunOptions) =>
  runAction(profileComplete, { profileComplete: source }, input, ctx);

let handle: Awaited<ReturnType<typeof openTestDatabase>>;
beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(async () => {
  await handle.close();
});

const ctx = testContext("2025-06-30T12:00:00Z");
const flagsOf = async (customerInternalId: string, context = ctx) =>
  (await runAccountFlags(accountFlagsSource(handle.sql), { customerInternalId }, context)).flags;
const codesOf = async (customerInternalId: string, context = ctx) =>
  (await flagsOf(customerInternalId, context)).map((f) => f.code);

/** A customer whose profile is complete and who has an active GDPR consent: raises no flag. */
async function cleanCustomer(): Promise<string> {
  const id = await insertCustomer(handle.db, { emailAddressType: "Personal", phoneNumberType: "Mobile" });
  await insertAddress(handle.db, id);
  await insertAgreement(handle.db, id, { agreementType: "GDPR Consent", startDate: "2024-01-01" });
  await ingestBatch(handle.sql, "pictures", [{ customerInternalId: id, dataBase64: pngBase64() }], "test");
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
      await ingestBatch(
        handle.sql,
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
    await ingestBatch(
      handle.sql,
      "complianceFlags",
      [compliance(id, "PEP", { clearedOn: "2025-07-01" })],
      "test",
    );
    expect(await codesOf(id)).toEqual(["PEP"]);
    expect(await codesOf(id, testContext("2025-07-01T00:00:00Z"))).toEqual([]);
  });

  it("raises DPD for an unpaid instalment past its due date with days past due and the amount, and drops it when paid", async () => {
    const id = await cleanCustomer();
    await ingestBatch(handle.sql, "contracts", [contractRowFor(id, { contractNo: "L-DPD" })], "test");
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
    await ingestBatch(
      handle.sql,
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
    await ingestBatch(handle.sql, "instalments", [{ ...oldest, paid: true }], "test");
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
    await ingestBatch(handle.sql, "garnishments", [garnishment({ releasedOn: "2025-03-01" })], "test");
    expect(await codesOf(id)).toEqual([]);
    await ingestBatch(
      handle.sql,
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
    const id = await insertCustomer(handle.db, { emailAddressType: "Work", phoneNumberType: "Work" });
    await insertAddress(handle.db, id);
    await insertAgreement(handle.db, id, { agreementType: "Current account terms", startDate: "2020-01-01" });
    await insertAgreement(handle.db, id, { agreementType: "GDPR Consent", startDate: "2025-07-01" });
    await insertAgreement(handle.db, id, {
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
    await insertAgreement(handle.db, id, {
      agreementType: "  data processing CONSENT ",
      startDate: "2025-06-30",
    });
    expect(await codesOf(id)).toEqual([]);
    const strict = testContext("2025-06-30T12:00:00Z", settingsOf({ consentTypes: ["Biometric Consent"] }));
    expect(await codesOf(id, strict)).toEqual(["NO_CONSENT"]);
  });

  it("raises INCOMPLETE_PROFILE when the profile band is red", async () => {
    const id = await insertCustomer(handle.db);
    await insertAgreement(handle.db, id);
    // 10+10+15+10+10 + agreement 15 = 70: yellow
    expect(await codesOf(id)).toEqual([]);
    const bare = await insertCustomer(handle.db);
    // 55: red, and no consent either
    expect(await codesOf(bare)).toEqual(["NO_CONSENT", "INCOMPLETE_PROFILE"]);
  });

  it("is 400 without a customer id and 404 for an unknown one", async () => {
    await expect(runAccountFlags(accountFlagsSource(handle.sql), {} as never, ctx)).rejects.toMatchObject({
      code: "BAD_REQUEST",
      fieldErrors: [{ field: "customerInternalId" }],
    });
    await expect(
      runAccountFlags(accountFlagsSource(handle.sql), { customerInternalId: unknownCustomerId }, ctx),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("FTOS_ACC_ProfileComplete", () => {
  const profile = async (customerInternalId: string, context = ctx) =>
    runProfileCompletion(profileCompleteSource(handle.sql), { customerInternalId }, context);

  it("rises through the fill levels as the customer's data is completed", async () => {
    const id = await insertCustomer(handle.db);
    expect(await profile(id)).toMatchObject({
      percentage: 55,
      band: "red",
      next: { field: "address", weight: 15 },
    });
    await insertAddress(handle.db, id);
    expect(await profile(id)).toMatchObject({ percentage: 70, band: "yellow", next: { field: "agreement" } });
    await insertAgreement(handle.db, id, {
      agreementType: "Card terms",
      startDate: "2025-06-30",
      endDate: "2025-06-30",
    });
    expect(await profile(id)).toMatchObject({
      percentage: 85,
      band: "green",
      next: { field: "emailAddressType" },
    });
    await ingestBatch(handle.sql, "pictures", [{ customerInternalId: id, dataBase64: pngBase64() }], "test");
    expect(await profile(id)).toMatchObject({ percentage: 90, band: "green" });
    const complete = await insertCustomer(handle.db, {
      emailAddressType: "Personal",
      phoneNumberType: "Home",
    });
    await insertAddress(handle.db, complete);
    await insertAgreement(handle.db, complete);
    await ingestBatch(
      handle.sql,
      "pictures",
      [{ customerInternalId: complete, dataBase64: pngBase64() }],
      "test",
    );
    expect(await profile(complete)).toMatchObject({
      percentage: 100,
      band: "green",
      missing: [],
      next: null,
      filledWeight: 100,
    });
  });

  it("counts only an agreement active today", async () => {
    const id = await insertCustomer(handle.db, { emailAddressType: "Personal", phoneNumberType: "Home" });
    await insertAddress(handle.db, id);
    await insertAgreement(handle.db, id, { startDate: "2025-07-01" });
    await insertAgreement(handle.db, id, { startDate: "2024-01-01", endDate: "2025-06-29" });
    expect((await profile(id)).missing.map((m) => m.field)).toEqual(["agreement", "picture"]);
    expect((await profile(id, testContext("2025-07-01T00:00:00Z"))).missing.map((m) => m.field)).toEqual([
      "picture",
    ]);
  });

  it("is 400 without a customer id and 404 for an unknown one", async () => {
    await expect(
      runProfileCompletion(profileCompleteSource(handle.sql), null as never, ctx),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      fieldErrors: [{ field: "customerInternalId" }],
    });
    await expect(profile(unknownCustomerId)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
