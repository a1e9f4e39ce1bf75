import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "../settings";
import {
  accountPendingActivitiesOutput,
  type PendingFacts,
  pendingItemsOf,
  readAccountPendingActivities,
} from "./pending-activities";

const facts: PendingFacts = {
  applications: [
    {
      id: "a1",
      name: "Loan request",
      bankingProduct: "Personal Loan",
      businessStatus: "In review",
      externalId: "APP-1",
    },
  ],
  tasks: [
    { id: "t1", title: "Call back", dueDate: "2025-07-05", status: "open", externalId: "T-1" },
    { id: "t2", title: "Collect ID copy", dueDate: null, status: "in_progress", externalId: "T-2" },
  ],
  agreements: [{ id: "g1", agreementType: "GDPR Consent", endDate: "2025-07-01", externalId: null }],
  instalments: [
    {
      id: "i1",
      contractNo: "L-1",
      dueDate: "2025-06-01",
      amount: "300.00",
      currency: "RON",
      externalId: "I-1",
    },
    {
      id: "i2",
      contractNo: "L-1",
      dueDate: "2025-07-01",
      amount: "300.00",
      currency: "RON",
      externalId: "I-2",
    },
  ],
};

describe("pendingItemsOf", () => {
  it("lists the soonest due first, undated last, and counts every kind", () => {
    const { items, counts } = pendingItemsOf(facts);
    expect(items.map((i) => [i.kind, i.id, i.dueDate])).toEqual([
      ["instalment", "i1", "2025-06-01"],
      ["agreement", "g1", "2025-07-01"],
      ["instalment", "i2", "2025-07-01"],
      ["task", "t1", "2025-07-05"],
      ["application", "a1", null],
      ["task", "t2", null],
    ]);
    expect(counts).toEqual({ application: 1, task: 2, agreement: 1, instalment: 2 });
    expect(items[0]).toEqual({
      kind: "instalment",
      id: "i1",
      title: "Overdue instalment of 300.00 RON on contract L-1",
      dueDate: "2025-06-01",
      status: "overdue",
      reference: "L-1",
    });
    expect(items.find((i) => i.kind === "application")).toMatchObject({
      title: "Loan request (Personal Loan)",
      status: "In review",
    });
  });

  it("answers zero counts for an empty customer", () => {
    expect(pendingItemsOf({ applications: [], tasks: [], agreements: [], instalments: [] })).toEqual({
      items: [],
      counts: { application: 0, task: 0, agreement: 0, instalment: 0 },
    });
  });
});

describe("readAccountPendingActivities", () => {
  it("asks for agreements ending within 30 days of today", async () => {
    const seen: unknown[] = [];
    const result = await readAccountPendingActivities(
      {
        pendingFacts: async (q) => {
          seen.push(q);
          return facts;
        },
      },
      { customerInternalId: "0b6f4c1e-2f43-4c6a-9a43-5b8f1b2f7d10" },
      { now: new Date("2025-06-30T22:00:00Z"), settings: DEFAULT_SETTINGS },
    );
    expect(seen).toEqual([
      {
        customerId: "0b6f4c1e-2f43-4c6a-9a43-5b8f1b2f7d10",
        today: "2025-06-30",
        agreementsEndingBy: "2025-07-30",
      },
    ]);
    expect(accountPendingActivitiesOutput.parse(result)).toEqual(result);
  });
});
