import {
  accountClientLifecycle,
  type CustomerLifecycleOutput,
  type LifecycleStage,
  type LifecycleStagesOutput,
} from "@account360/core";
import type { RunOptions } from "@account360/core/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { contractRowFor, testContext, uid, unknownCustomerId, widgetWorldOfFile } from "../ingest/test-kit";

const world = widgetWorldOfFile();
/** The two forms of the answer: every stage's count (Data null), or one customer's stage. */
const runClientLifecycle = <I extends null | object>(input: I, ctx?: RunOptions) =>
  world.run(accountClientLifecycle, input, ctx) as Promise<
    I extends null ? LifecycleStagesOutput : CustomerLifecycleOutput
  >;

const ctx = testContext("2025-06-30T12:00:00Z");
const stageOf = async (customerInternalId: string, context = ctx) =>
  (await runClientLifecycle({ customerInternalId }, context)).stage;

const contract = (id: string, fields: Record<string, unknown>) =>
  world.ingest("contracts", [contractRowFor(id, fields)], "test");
const transaction = (id: string, bookingDate: string) =>
  world.ingest(
    "transactions",
    [
      {
        externalId: `T-${uid()}`,
        customerInternalId: id,
        bookingDate,
        indicator: "Card payments",
        direction: "Outgoing",
        interIntra: "Intra",
        currency: "RON",
        amount: "10",
      },
    ],
    "test",
  );
const interaction = (id: string, occurredAt: string) =>
  world.ingest(
    "interactions",
    [
      {
        externalId: `X-${uid()}`,
        customerInternalId: id,
        occurredAt,
        channel: "Phone",
        type: "Call",
        direction: "Incoming",
        subject: "Hello",
      },
    ],
    "test",
  );

/** One customer per case, built to sit in the named stage on 2025-06-30. */
const cases: [LifecycleStage, string, (id: string) => Promise<unknown>][] = [
  ["Prospect", "nothing at all", async () => {}],
  [
    "Prospect",
    "only a contract that starts tomorrow",
    (id) => contract(id, { activationDate: "2025-07-01" }),
  ],
  [
    "Applicant",
    "a pending application",
    (id) => world.insertApplication(id, { businessStatus: "Submitted" }),
  ],
  [
    "Applicant",
    "a closed contract and a pending application",
    async (id) => {
      await contract(id, { status: "closed", activationDate: "2020-01-01", closeDate: "2021-01-01" });
      await world.insertApplication(id, { businessStatus: "Documents requested" });
    },
  ],
  [
    "Closed",
    "a closed contract and only final applications",
    async (id) => {
      await contract(id, { status: "closed", activationDate: "2020-01-01", closeDate: "2021-01-01" });
      await world.insertApplication(id, { businessStatus: "REJECTED" });
    },
  ],
  [
    "Closed",
    "a contract past its close date",
    (id) => contract(id, { activationDate: "2020-01-01", closeDate: "2025-06-29" }),
  ],
  ["New", "a first contract activated 90 days ago", (id) => contract(id, { activationDate: "2025-04-01" })],
  [
    "New",
    "a first contract today, even with a pending application",
    async (id) => {
      await contract(id, { activationDate: "2025-06-30" });
      await world.insertApplication(id);
    },
  ],
  [
    "Active",
    "an old contract and a transaction 180 days ago",
    async (id) => {
      await contract(id, { activationDate: "2025-04-01", status: "closed", closeDate: "2025-05-01" });
      await contract(id, { activationDate: "2025-05-01" });
      await contract(id, { activationDate: "2019-01-01", status: "closed", closeDate: "2019-12-31" });
      await transaction(id, "2025-01-01");
    },
  ],
  [
    "Active",
    "an old contract and an interaction at UTC midnight 180 days ago",
    async (id) => {
      await contract(id, { activationDate: "2024-01-01" });
      await interaction(id, "2025-01-01T01:30:00+02:00");
      await interaction(id, "2025-01-01T00:00:00Z");
    },
  ],
  [
    "Dormant",
    "an old contract, activity 181 days ago and in the future only",
    async (id) => {
      await contract(id, { activationDate: "2024-01-01" });
      await transaction(id, "2024-12-31");
      await transaction(id, "2025-07-01");
      await interaction(id, "2024-12-31T23:59:59Z");
      await interaction(id, "2025-07-01T00:00:00Z");
    },
  ],
];

describe("FTOS_ACC_AccountClientLifecycle", () => {
  const placed: { id: string; stage: LifecycleStage }[] = [];
  beforeAll(async () => {
    for (const [stage, , build] of cases) {
      const id = await world.insertCustomer();
      await build(id);
      placed.push({ id, stage });
    }
  });

  it.each(cases.map(([stage, description], index) => ({ stage, description, index })))(
    "puts a customer with $description in $stage",
    async ({ stage, index }) => {
      expect(await stageOf(placed[index]!.id)).toBe(stage);
    },
  );

  it("with Data null counts every customer in the stage its own answer gives, all six stages present", async () => {
    const result = await runClientLifecycle(null, ctx);
    expect(result.stages.map((s) => s.stage)).toEqual([
      "Prospect",
      "Applicant",
      "New",
      "Active",
      "Dormant",
      "Closed",
    ]);
    expect(result.totalCustomers).toBe(placed.length);
    expect(result.stages.reduce((sum, s) => sum + s.customers, 0)).toBe(result.totalCustomers);
    const expected: Record<string, number> = {
      Prospect: 0,
      Applicant: 0,
      New: 0,
      Active: 0,
      Dormant: 0,
      Closed: 0,
    };
    for (const { id } of placed) expected[await stageOf(id)]! += 1;
    expect(Object.fromEntries(result.stages.map((s) => [s.stage, s.customers]))).toEqual(expected);
    expect(expected).toEqual({ Prospect: 2, Applicant: 2, New: 2, Active: 2, Dormant: 1, Closed: 2 });
  });

  it("moves a customer on as days pass: New, then Active, then Dormant", async () => {
    const id = await world.insertCustomer();
    await contract(id, { activationDate: "2025-06-01" });
    await transaction(id, "2025-06-02");
    expect(await stageOf(id)).toBe("New");
    expect(await stageOf(id, testContext("2025-08-31T00:00:00Z"))).toBe("Active");
    expect(await stageOf(id, testContext("2025-12-01T00:00:00Z"))).toBe("Dormant");
  });

  it("answers the events oldest first: applications, openings and closings up to today", async () => {
    const id = await world.insertCustomer();
    await world.insertApplication(id, {
      externalId: "APP-9",
      name: "Card request",
      bankingProduct: "Gold Card",
      businessStatus: "Approved",
      createdAt: new Date("2023-12-31T23:30:00Z"),
    });
    await contract(id, {
      contractNo: "C-OLD",
      bankingProduct: "Savings",
      category: "savings",
      status: "closed",
      activationDate: "2020-05-05",
      closeDate: "2024-02-01",
    });
    await contract(id, {
      contractNo: "C-CARD",
      bankingProduct: "Gold Card",
      category: "card",
      activationDate: "2024-01-02",
    });
    await contract(id, { contractNo: "C-SOON", activationDate: "2025-07-15" });
    const result = await runClientLifecycle({ customerInternalId: id }, ctx);
    expect(result.stage).toBe("Dormant");
    expect(result.events).toEqual([
      { date: "2020-05-05", kind: "contractOpened", title: "Savings opened", reference: "C-OLD" },
      {
        date: "2023-12-31",
        kind: "application",
        title: "Application Card request for Gold Card: Approved",
        reference: "APP-9",
      },
      { date: "2024-01-02", kind: "contractOpened", title: "Gold Card opened", reference: "C-CARD" },
      { date: "2024-02-01", kind: "contractClosed", title: "Savings closed", reference: "C-OLD" },
    ]);
  });

  it("is 400 without a customer id and 404 for an unknown one", async () => {
    await expect(runClientLifecycle({ customerInternalId: "not-a-uuid" }, ctx)).rejects.toMatchObject({
      code: "BAD_REQUEST",
      fieldErrors: [{ field: "customerInternalId" }],
    });
    await expect(runClientLifecycle({} as never, ctx)).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(runClientLifecycle({ customerInternalId: unknownCustomerId }, ctx)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
