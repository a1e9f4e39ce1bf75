import { describe, expect, it } from "vitest";
import { settingsOf } from "../settings";
import { pseudonymOf } from "./erasure-rules";
import { addYears, privacyPlan, type RetentionRecords } from "./retention-policy";

const TODAY = "2026-06-15";
const policy = { retentionYearsFinancial: 10 };
const nothing: RetentionRecords = {
  kind: "individual",
  customerSince: "2020-01-01",
  contracts: [],
  applications: [],
  garnishments: [],
  agreements: [],
  lastFinancialActivityOn: null,
};
const retained = (plan: ReturnType<typeof privacyPlan>, entity: string) =>
  plan.actions.find((a) => a.entity === entity && a.action === "retain");

describe("the retention policy", () => {
  it("lets a customer that never held anything be erased, retaining nothing for a period", () => {
    const plan = privacyPlan(nothing, TODAY, policy);
    expect(plan.canEraseNow).toBe(true);
    expect(plan.blockers).toEqual([]);
    expect(plan.relationshipEndedOn).toBeNull();
    expect(retained(plan, "transaction")?.retainUntil).toBeNull();
  });

  it("keeps financial records RETENTION_YEARS_FINANCIAL after the relationship's last end", () => {
    const records: RetentionRecords = {
      ...nothing,
      contracts: [
        { contractNo: "C-1", status: "Closed", closeDate: "2019-03-01" },
        { contractNo: "C-2", status: "Active", closeDate: "2024-05-31" },
      ],
      agreements: [{ endDate: "2023-12-31" }],
      lastFinancialActivityOn: "2024-05-30",
    };
    const plan = privacyPlan(records, TODAY, policy);
    expect(plan.canEraseNow).toBe(true);
    expect(plan.relationshipEndedOn).toBe("2024-05-31");
    for (const entity of ["contract", "transaction", "instalment", "agreement", "complianceFlag"]) {
      expect(retained(plan, entity)?.retainUntil, entity).toBe("2034-05-31");
    }
    expect(privacyPlan(records, TODAY, { retentionYearsFinancial: 5 }).relationshipEndedOn).toBe(
      "2024-05-31",
    );
    expect(
      retained(privacyPlan(records, TODAY, { retentionYearsFinancial: 5 }), "contract")?.retainUntil,
    ).toBe("2029-05-31");
  });

  it("is blocked by an active contract, a pending application and an open garnishment, each named", () => {
    const records: RetentionRecords = {
      ...nothing,
      contracts: [
        { contractNo: "C-1", status: " active ", closeDate: null },
        { contractNo: "C-2", status: "Open", closeDate: "2027-01-31" },
        { contractNo: "C-3", status: "Active", closeDate: "2026-06-14" },
      ],
      applications: [
        { applicationId: "A-1", businessStatus: "In review", updatedOn: "2026-06-01" },
        { applicationId: "A-2", businessStatus: "APPROVED", updatedOn: "2026-06-02" },
      ],
      garnishments: [
        { externalId: "G-1", releasedOn: null },
        { externalId: "G-2", releasedOn: "2026-07-01" },
        { externalId: "G-3", releasedOn: "2026-06-15" },
      ],
    };
    const plan = privacyPlan(records, TODAY, policy);
    expect(plan.canEraseNow).toBe(false);
    expect(plan.blockers).toEqual([
      { reason: "Contract C-1 is active", until: null },
      { reason: "Contract C-2 is active", until: "2027-01-31" },
      { reason: "Application A-1 is pending (In review)", until: null },
      { reason: "Garnishment G-1 is open", until: null },
      { reason: "Garnishment G-2 is open", until: "2026-07-01" },
    ]);
    // The latest known end (C-2 closes on 2027-01-31) starts the period.
    expect(retained(plan, "contract")?.retainUntil).toBe("2037-01-31");
    // While the relationship runs and every known end is past, the period counts from today.
    const running = privacyPlan(
      { ...nothing, contracts: [records.contracts[0]!], lastFinancialActivityOn: "2025-01-01" },
      TODAY,
      policy,
    );
    expect(retained(running, "contract")?.retainUntil).toBe("2036-06-15");
  });

  it("erases contact data, addresses, the picture and interactions' content, and pseudonymizes the names", () => {
    const plan = privacyPlan(nothing, TODAY, policy);
    const fate = (entity: string, field: string) =>
      plan.actions.find((a) => a.entity === entity && (a.fields.includes(field) || a.fields.includes("*")))
        ?.action;
    expect(fate("customer", "email")).toBe("erase");
    expect(fate("customer", "mobilePhone")).toBe("erase");
    expect(fate("customer", "firstName")).toBe("pseudonymize");
    expect(fate("customer", "UniqueID")).toBe("pseudonymize");
    expect(fate("address", "city")).toBe("erase");
    expect(fate("picture", "data")).toBe("erase");
    expect(fate("interaction", "subject")).toBe("erase");
    expect(fate("transaction", "amount")).toBe("retain");
    for (const step of plan.actions) expect(step.legalBasis.length, step.entity).toBeGreaterThan(20);
  });
});

describe("a legal entity", () => {
  it("is never erased: GDPR protects natural persons", () => {
    const plan = privacyPlan({ ...nothing, kind: "legalEntity" }, TODAY, policy);
    expect(plan.canEraseNow).toBe(false);
    expect(plan.blockers).toEqual([{ reason: expect.stringMatching(/legal entity/), until: null }]);
  });
});

describe("the retention period without a known end", () => {
  it("counts from today for a running contract without a close date, and for records with no end date", () => {
    const running = privacyPlan(
      { ...nothing, contracts: [{ contractNo: "C-1", status: "active", closeDate: null }] },
      TODAY,
      policy,
    );
    expect(running.relationshipEndedOn).toBeNull();
    expect(retained(running, "contract")?.retainUntil).toBe("2036-06-15");
    const closedUndated = privacyPlan(
      { ...nothing, contracts: [{ contractNo: "C-1", status: "closed", closeDate: null }] },
      TODAY,
      policy,
    );
    expect(closedUndated.canEraseNow).toBe(true);
    expect(retained(closedUndated, "transaction")?.retainUntil).toBe("2036-06-15");
  });

  it("takes RETENTION_YEARS_FINANCIAL from the settings, 1 to 100 whole years, 10 by default", () => {
    expect(settingsOf().retentionYearsFinancial).toBe(10);
    expect(settingsOf({ retentionYearsFinancial: 7 }).retentionYearsFinancial).toBe(7);
    for (const bad of [0, 101, 2.5, Number.NaN]) {
      expect(() => settingsOf({ retentionYearsFinancial: bad })).toThrow(/financial retention/);
    }
  });
});

describe("addYears and the pseudonym", () => {
  it("adds years, moving 29 February to 28 February in a common year", () => {
    expect(addYears("2024-02-29", 10)).toBe("2034-02-28");
    expect(addYears("2024-02-29", 4)).toBe("2028-02-29");
    expect(addYears("2016-12-31", 10)).toBe("2026-12-31");
  });

  it("is stable per customer, different between customers, and a valid UniqueID and name", () => {
    const a = pseudonymOf("0f8fad5b-d9cb-469f-a165-70867728950e");
    expect(pseudonymOf("0f8fad5b-d9cb-469f-a165-70867728950e")).toEqual(a);
    expect(pseudonymOf("7c9e6679-7425-40de-944b-e07fc1f90ae7").uniqueId).not.toBe(a.uniqueId);
    expect(a.uniqueId).toMatch(/^[A-Z0-9-]{1,64}$/);
    expect(a.lastName).toBe("Customer 0F8FAD5B");
  });
});
