import { accountPendingActivities } from "@account360/core";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { contractRowFor, testContext, uid, unknownCustomerId, widgetWorldOfFile } from "../ingest/test-kit";
import { applications } from "../schema";

const world = widgetWorldOfFile();

const ctx = testContext("2025-06-30T12:00:00Z");
const pending = (customerInternalId: string, context = ctx) =>
  world.run(accountPendingActivities, { customerInternalId }, context);

describe("FTOS_ACC_AccountPendingActivities", () => {
  it("lists what is pending, soonest first, and lets items leave as statuses and dates change", async () => {
    const id = await world.insertCustomer();
    const applicationId = await world.insertApplication(id, {
      businessStatus: "In review",
      externalId: "APP-P",
    });
    await world.insertApplication(id, { businessStatus: "completed" });
    await world.ingest("contracts", [contractRowFor(id, { contractNo: "L-P" })], "test");
    const instalment = (dueDate: string, fields: Record<string, unknown> = {}) => ({
      externalId: `I-${dueDate}-${uid()}`,
      customerInternalId: id,
      contractNo: "L-P",
      dueDate,
      amount: "250",
      currency: "RON",
      ...fields,
    });
    const overdue = instalment("2025-06-10");
    await world.ingest(
      "instalments",
      [overdue, instalment("2025-06-30"), instalment("2025-05-10", { paid: true })],
      "test",
    );
    const task = {
      externalId: `TK-${uid()}`,
      customerInternalId: id,
      title: "Sign the card contract",
      dueDate: "2025-07-03",
      status: "open",
    };
    await world.ingest(
      "tasks",
      [
        task,
        {
          externalId: `TK-${uid()}`,
          customerInternalId: id,
          title: "Collect ID copy",
          status: "In progress",
        },
        {
          externalId: `TK-${uid()}`,
          customerInternalId: id,
          title: "Old call",
          dueDate: "2025-01-01",
          status: "Completed",
        },
      ],
      "test",
    );
    const ending = await world.insertAgreement(id, {
      agreementType: "Card terms",
      startDate: "2024-07-30",
      endDate: "2025-07-30",
    });
    await world.insertAgreement(id, {
      agreementType: "Loan terms",
      startDate: "2024-01-01",
      endDate: "2025-07-31",
    });
    await world.insertAgreement(id, {
      agreementType: "Old terms",
      startDate: "2024-01-01",
      endDate: "2025-06-29",
    });
    await world.insertAgreement(id, {
      agreementType: "Future terms",
      startDate: "2025-07-01",
      endDate: "2025-07-10",
    });

    const first = await pending(id);
    expect(first.items.map((i) => [i.kind, i.dueDate, i.status])).toEqual([
      ["instalment", "2025-06-10", "overdue"],
      ["task", "2025-07-03", "open"],
      ["agreement", "2025-07-30", "ending"],
      ["application", null, "In review"],
      ["task", null, "in_progress"],
    ]);
    expect(first.counts).toEqual({ application: 1, task: 2, agreement: 1, instalment: 1 });
    expect(first.items[2]).toEqual({
      kind: "agreement",
      id: ending,
      title: "Card terms ends on 2025-07-30",
      dueDate: "2025-07-30",
      status: "ending",
      reference: null,
    });
    expect(first.items[3]).toMatchObject({
      id: applicationId,
      reference: "APP-P",
      title: "Loan request (Personal Loan)",
    });
    expect(first.asOf).toBe("2025-06-30T12:00:00.000Z");

    // A day later: the instalment due on 2025-06-30 is overdue, the loan terms end within 30 days,
    // and the future terms have started (and end within 30 days).
    const next = await pending(id, testContext("2025-07-01T00:00:00Z"));
    expect(next.counts).toEqual({ application: 1, task: 2, agreement: 3, instalment: 2 });

    // Paid, done, approved: they leave the list.
    await world.ingest("instalments", [{ ...overdue, paid: true }], "test");
    await world.ingest("tasks", [{ ...task, status: "completed" }], "test");
    await world.handle.db
      .update(applications)
      .set({ businessStatus: "Approved" })
      .where(eq(applications.id, applicationId));
    const after = await pending(id);
    expect(after.items.map((i) => i.kind)).toEqual(["agreement", "task"]);
    expect(after.counts).toEqual({ application: 0, task: 1, agreement: 1, instalment: 0 });
  });

  it("answers an empty list with zero counts for a customer with nothing pending", async () => {
    const id = await world.insertCustomer();
    expect(await pending(id)).toMatchObject({
      items: [],
      counts: { application: 0, task: 0, agreement: 0, instalment: 0 },
    });
  });

  it("is 400 without a customer id and 404 for an unknown one", async () => {
    await expect(
      world.run(accountPendingActivities, { customerInternalId: null } as never, ctx),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", fieldErrors: [{ field: "customerInternalId" }] });
    await expect(pending(unknownCustomerId)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
