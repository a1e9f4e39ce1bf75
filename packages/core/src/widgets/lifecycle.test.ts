import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "../settings";
import { runAction } from "../testing/run-action";
import {
  type AccountClientLifecycleSource,
  accountClientLifecycle,
  accountClientLifecycleOutput,
  customerLifecycleOutput,
  LIFECYCLE_STAGES,
  type LifecycleFacts,
  lifecycleStageOf,
  lifecycleWindowsOf,
  readAccountClientLifecycle,
} from "./lifecycle";

const windows = lifecycleWindowsOf("2025-06-30");
const none: LifecycleFacts = {
  hasActiveContract: false,
  firstActivationDate: null,
  everHadContract: false,
  hasPendingApplication: false,
  lastActivityDate: null,
};
const active: LifecycleFacts = {
  ...none,
  hasActiveContract: true,
  everHadContract: true,
  firstActivationDate: "2020-01-15",
  lastActivityDate: "2025-06-01",
};

describe("lifecycle stage: the first rule that holds", () => {
  it("computes the windows from today", () => {
    expect(windows).toEqual({ today: "2025-06-30", newSince: "2025-04-01", activeSince: "2025-01-01" });
  });

  it.each([
    ["Prospect", none],
    ["Applicant", { ...none, hasPendingApplication: true }],
    [
      "Applicant",
      { ...none, hasPendingApplication: true, everHadContract: true, firstActivationDate: "2019-01-01" },
    ],
    ["Closed", { ...none, everHadContract: true, firstActivationDate: "2019-01-01" }],
    ["New", { ...active, firstActivationDate: "2025-04-01", lastActivityDate: null }],
    ["New", { ...active, firstActivationDate: "2025-06-30", hasPendingApplication: true }],
    ["Active", { ...active, firstActivationDate: "2025-03-31" }],
    ["Active", { ...active, lastActivityDate: "2025-01-01" }],
    ["Dormant", { ...active, lastActivityDate: "2024-12-31" }],
    ["Dormant", { ...active, lastActivityDate: null }],
  ] as const)("%s for %o", (stage, facts) => {
    expect(lifecycleStageOf(facts, windows)).toBe(stage);
  });
});

describe("readAccountClientLifecycle", () => {
  const ctx = { now: new Date("2025-06-30T23:59:59Z"), settings: DEFAULT_SETTINGS };
  const id = "6a1f0c1e-2f43-4c6a-9a43-5b8f1b2f7d10";
  const source: AccountClientLifecycleSource = {
    stageCounts: async () => ({ Prospect: 3, Applicant: 0, New: 2, Active: 5, Dormant: 1, Closed: 0 }),
    customerLifecycle: async (query) =>
      query.customerId === id
        ? {
            facts: { ...active, firstActivationDate: "2024-01-10", lastActivityDate: "2025-06-29" },
            events: [
              {
                date: "2025-02-01",
                kind: "contractClosed",
                name: null,
                product: "Savings",
                status: null,
                reference: "S-1",
              },
              {
                date: "2024-01-10",
                kind: "contractOpened",
                name: null,
                product: "Personal Loan",
                status: null,
                reference: "L-1",
              },
              {
                date: "2024-01-10",
                kind: "application",
                name: "Loan request",
                product: "Personal Loan",
                status: "Approved",
                reference: "APP-1",
              },
            ],
          }
        : null,
  };

  it("with Data null lists all six stages in order, zeros included, adding up to every customer", async () => {
    const result = await readAccountClientLifecycle(source, null, ctx);
    expect(result.stages.map((s) => s.stage)).toEqual([...LIFECYCLE_STAGES]);
    expect(result.stages.map((s) => s.customers)).toEqual([3, 0, 2, 5, 1, 0]);
    expect(result.totalCustomers).toBe(11);
    expect(result.stages.every((s) => s.definition.length > 10)).toBe(true);
    expect(result.asOf).toBe("2025-06-30T23:59:59.000Z");
    expect(accountClientLifecycleOutput.parse(result)).toEqual(result);
  });

  it("with a customer answers its stage and its events oldest first", async () => {
    const result = await readAccountClientLifecycle(source, { customerInternalId: id }, ctx);
    expect(result.stage).toBe("Active");
    expect(result.events).toEqual([
      {
        date: "2024-01-10",
        kind: "application",
        title: "Application Loan request for Personal Loan: Approved",
        reference: "APP-1",
      },
      { date: "2024-01-10", kind: "contractOpened", title: "Personal Loan opened", reference: "L-1" },
      { date: "2025-02-01", kind: "contractClosed", title: "Savings closed", reference: "S-1" },
    ]);
    expect(customerLifecycleOutput.parse(result)).toEqual(result);
  });

  it("is 400 for an object without the id and 404 for an unknown one", async () => {
    await expect(runAction(accountClientLifecycle, { lifecycle: source }, {}, ctx)).rejects.toMatchObject({
      code: "BAD_REQUEST",
      fieldErrors: [{ field: "customerInternalId" }],
    });
    await expect(
      readAccountClientLifecycle(source, { customerInternalId: "11111111-2222-4333-8444-555555555555" }, ctx),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
