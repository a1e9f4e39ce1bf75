import { describe, expect, it } from "vitest";
import { DEFAULT_PROFILE_WEIGHTS, DEFAULT_SETTINGS } from "../settings";
import { accountFlagsOutput, deriveFlags, type FlagFacts, readAccountFlags } from "./flags";
import type { ProfileFacts } from "./profile-completion";

const fullProfile: ProfileFacts = {
  firstName: "Ana",
  lastName: "Pop",
  uniqueId: "X1234567",
  email: "a@b.ro",
  mobilePhone: "+40712345678",
  emailAddressType: "Personal",
  phoneNumberType: "Mobile",
  addressCount: 2,
  hasPicture: true,
  hasActiveAgreement: true,
};
const clean: FlagFacts = {
  compliance: [],
  overdue: null,
  garnishments: null,
  consent: { hasActive: true, lastEndedOn: null },
  customerSince: "2020-03-01",
  profile: fullProfile,
};
const rules = {
  today: "2025-06-30",
  profileWeights: DEFAULT_PROFILE_WEIGHTS,
  consentTypes: ["GDPR Consent"],
};
const codes = (facts: FlagFacts) => deriveFlags(facts, rules).map((f) => f.code);

describe("deriveFlags", () => {
  it("raises nothing for a clean customer", () => {
    expect(deriveFlags(clean, rules)).toEqual([]);
  });

  it("raises one flag per compliance code, dated by its earliest hit, ignoring unknown codes", () => {
    const flags = deriveFlags(
      {
        ...clean,
        compliance: [
          { code: "pep", since: "2024-05-01", reference: "C-2", note: "Minister" },
          { code: "PEP", since: "2023-01-01", reference: "C-1", note: null },
          { code: "EMBARGO", since: "2025-01-01", reference: "C-3", note: null },
          { code: "TERRORIST_LIST", since: "2025-02-01", reference: "C-4", note: "UN list" },
          { code: "SANCTION_X", since: "2025-02-01", reference: "C-5", note: null },
        ],
      },
      rules,
    );
    expect(flags.map((f) => [f.code, f.severity, f.since])).toEqual([
      ["TERRORIST_LIST", "high", "2025-02-01"],
      ["EMBARGO", "high", "2025-01-01"],
      ["PEP", "medium", "2023-01-01"],
    ]);
    expect(flags[2]?.details).toEqual({
      hits: [
        { reference: "C-1", since: "2023-01-01", note: null },
        { reference: "C-2", since: "2024-05-01", note: "Minister" },
      ],
    });
  });

  it("gives DPD the days past due of the oldest unpaid instalment and the amount overdue", () => {
    const [dpd] = deriveFlags(
      {
        ...clean,
        overdue: { oldestDueDate: "2025-06-15", count: 2, amounts: [{ currency: "RON", amount: "1250.50" }] },
      },
      rules,
    );
    expect(dpd).toEqual({
      code: "DPD",
      label: "Days past due",
      severity: "medium",
      since: "2025-06-16",
      details: {
        daysPastDue: 15,
        overdueInstalments: 2,
        amount: "1250.50",
        currency: "RON",
        amounts: [{ currency: "RON", amount: "1250.50" }],
      },
    });
  });

  it("turns DPD high at 90 days and never adds amounts of two currencies", () => {
    const amounts = [
      { currency: "EUR", amount: "10.00" },
      { currency: "RON", amount: "20.00" },
    ];
    const [dpd] = deriveFlags(
      { ...clean, overdue: { oldestDueDate: "2025-04-01", count: 2, amounts } },
      rules,
    );
    expect(dpd?.severity).toBe("high");
    expect(dpd?.details).toMatchObject({ daysPastDue: 90, amount: null, currency: null, amounts });
  });

  it("raises GARNISHMENT with its amounts and authorities", () => {
    const garnishments = {
      since: "2025-01-10",
      count: 1,
      amounts: [{ currency: "RON", amount: "500.00" }],
      authorities: ["ANAF"],
    };
    expect(deriveFlags({ ...clean, garnishments }, rules)).toEqual([
      {
        code: "GARNISHMENT",
        label: "Garnishment",
        severity: "high",
        since: "2025-01-10",
        details: { count: 1, amounts: garnishments.amounts, authorities: ["ANAF"] },
      },
    ]);
  });

  it("raises NO_CONSENT since the day after the last consent ended, or since the customer came", () => {
    const ended = deriveFlags({ ...clean, consent: { hasActive: false, lastEndedOn: "2025-05-31" } }, rules);
    expect(ended).toMatchObject([{ code: "NO_CONSENT", severity: "low", since: "2025-06-01" }]);
    expect(ended[0]?.details).toEqual({ consentTypes: ["GDPR Consent"], lastConsentEndedOn: "2025-05-31" });
    const never = deriveFlags({ ...clean, consent: { hasActive: false, lastEndedOn: null } }, rules);
    expect(never).toMatchObject([{ code: "NO_CONSENT", since: "2020-03-01" }]);
  });

  it("raises INCOMPLETE_PROFILE only when the band is red", () => {
    const red = {
      ...fullProfile,
      addressCount: 0,
      hasActiveAgreement: false,
      emailAddressType: null,
      phoneNumberType: null,
      hasPicture: false,
    };
    expect(codes({ ...clean, profile: red })).toEqual(["INCOMPLETE_PROFILE"]);
    expect(deriveFlags({ ...clean, profile: red }, rules)[0]?.details).toEqual({
      percentage: 55,
      next: "address",
    });
    expect(codes({ ...clean, profile: { ...red, hasPicture: true } })).toEqual([]);
  });

  it("orders by severity, then code, and every flag fits the output schema", () => {
    const everything: FlagFacts = {
      ...clean,
      compliance: [{ code: "PEP", since: "2024-01-01", reference: "P", note: null }],
      overdue: { oldestDueDate: "2025-06-01", count: 1, amounts: [{ currency: "RON", amount: "1.00" }] },
      garnishments: { since: "2025-01-10", count: 1, amounts: [], authorities: [] },
      consent: { hasActive: false, lastEndedOn: null },
      profile: {
        ...fullProfile,
        addressCount: 0,
        hasActiveAgreement: false,
        hasPicture: false,
        emailAddressType: null,
        phoneNumberType: null,
      },
    };
    const output = {
      customerInternalId: "x",
      flags: deriveFlags(everything, rules),
      asOf: "2025-06-30T00:00:00.000Z",
    };
    expect(accountFlagsOutput.parse(output)).toEqual(output);
    expect(codes(everything)).toEqual(["GARNISHMENT", "PEP", "DPD", "NO_CONSENT", "INCOMPLETE_PROFILE"]);
  });
});

describe("readAccountFlags", () => {
  it("passes today and the configured consent types to the source", async () => {
    const seen: unknown[] = [];
    const result = await readAccountFlags(
      {
        flagFacts: async (q) => {
          seen.push(q);
          return clean;
        },
      },
      { customerInternalId: "0b6f4c1e-2f43-4c6a-9a43-5b8f1b2f7d10" },
      { now: new Date("2025-06-30T00:00:00Z"), settings: DEFAULT_SETTINGS },
    );
    expect(seen).toEqual([
      {
        customerId: "0b6f4c1e-2f43-4c6a-9a43-5b8f1b2f7d10",
        today: "2025-06-30",
        consentTypes: DEFAULT_SETTINGS.consentTypes,
      },
    ]);
    expect(result.flags).toEqual([]);
    expect(result.asOf).toBe("2025-06-30T00:00:00.000Z");
  });
});
