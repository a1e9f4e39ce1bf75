import { type ChangeEvent, createActions, DEFAULT_SETTINGS, type Sources } from "@account360/core";
import { examples, runAction } from "@account360/core/testing";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createSources } from "../sources";
import { testDatabaseOfFile } from "../test-world";
import { feedCaughtUp } from "../testing";
import { deleteExpiredEvents } from "./retention";

/**
 * CONTRACT §9 on both databases: every write that changed data leaves exactly one event, in the
 * statement that made the change, under the customer's next sequence number; nothing else does.
 */

const actions = createActions(DEFAULT_SETTINGS);
const handle = testDatabaseOfFile();
let sources: Sources;
let serial = 0;
const uniqueId = () => `EV${Date.now().toString(36)}${(serial++).toString(36)}`.toUpperCase();

beforeAll(async () => {
  sources = createSources(handle.sql);
}, 60_000);

const run = (name: keyof typeof actions, input: unknown, userName = "events.writer") =>
  runAction(actions[name], sources, input, { userName });
const feed = (input: unknown) => runAction(actions.FTOS_ACC_ListChangeEvents, sources, input);

async function eventsOf(customerId: string): Promise<ChangeEvent[]> {
  await feedCaughtUp(handle.db);
  const all: ChangeEvent[] = [];
  let after: string | null = null;
  for (;;) {
    const page = await feed({ customerId, after, limit: 1000 });
    all.push(...page.items);
    if (page.items.length === 0) return all;
    after = page.nextCursor;
  }
}

/** What each customer of the file was created with, so that an update can send it again. */
const infoOf = new Map<string, Record<string, unknown>>();

async function newCustomer(overrides: Record<string, unknown> = {}): Promise<string> {
  const info = { ...examples.customer().CustomerInfo, UniqueID: uniqueId(), ...overrides };
  const created = await run("FTOS_ACC_CB_AddUpdateIndividualCustomer", { CustomerInfo: info });
  const id = (created as { customerInternalId: string }).customerInternalId;
  infoOf.set(id, info);
  return id;
}

/** The customer as it was created, with these fields changed. */
const customerWith = (customerInternalId: string, changed: Record<string, unknown> = {}) => ({
  CustomerInfo: { ...infoOf.get(customerInternalId), customerInternalId, ...changed },
});

describe("change events", () => {
  it("are one per changed record of every write kind, with its changes, in sequence", async () => {
    const customerId = await newCustomer({ email: "first@example.ro" });
    const [created] = await eventsOf(customerId);
    expect(created).toMatchObject({
      customerId,
      sequence: 1,
      type: "customer.created",
      actor: "events.writer",
      action: "FTOS_ACC_CB_AddUpdateIndividualCustomer",
      recordId: customerId,
    });
    expect(created?.changes.email).toEqual({ old: null, new: "first@example.ro" });
    expect(created?.eventId).toMatch(/^[0-9a-f-]{36}$/);

    const customer = await run(
      "FTOS_ACC_CB_AddUpdateIndividualCustomer",
      customerWith(customerId, { email: "second@example.ro" }),
    );
    const address = await run("FTOS_ACC_CB_AddUpdateCustomerAddress", {
      AddressInfo: { ...examples.address().AddressInfo, customerInternalId: customerId },
    });
    const representative = await run("FTOS_ACC_CB_AddUpdateCustomerRepresentative", {
      CustomerRepresentativeInfo: {
        ...examples.representative().CustomerRepresentativeInfo,
        customerInternalId: customerId,
        customerRepresentativeNo: await newCustomer(),
      },
    });
    const application = await run("FTOS_ACC_CreateUpdateApplication", {
      ...examples.application(),
      customerInternalId: customerId,
      externalId: uniqueId(),
    });
    const agreement = await run("FTOS_ACC_AddUpdateCustomerAgreement", {
      ...examples.agreement(),
      customerInternalId: customerId,
    });
    const contractNo = uniqueId();
    await run("FTOS_ACC_IngestContracts", {
      rows: [0, 1].map((n) => ({
        externalId: `${contractNo}-${n}`,
        customerInternalId: customerId,
        contractNo: `${contractNo}-${n}`,
        category: "LOAN",
        bankingProduct: "Personal Loan",
        balance: "100.50",
        currency: "RON",
        status: "Active",
        activationDate: "2024-01-10",
      })),
    });

    const events = await eventsOf(customerId);
    expect(events.map((e) => e.sequence)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(events.map((e) => e.type)).toEqual([
      "customer.created",
      "customer.updated",
      "address.created",
      "representative.created",
      "application.created",
      "agreement.created",
      "ingest.contracts",
    ]);
    expect(events[1]?.changes).toEqual({ email: { old: "first@example.ro", new: "second@example.ro" } });
    expect(events.map((e) => e.recordId).slice(1, 6)).toEqual([
      (customer as { customerInternalId: string }).customerInternalId,
      (address as { addressIdentifier: string }).addressIdentifier,
      (representative as { customerRepresentativeIdentifier: string }).customerRepresentativeIdentifier,
      (application as { applicationId: string }).applicationId,
      (agreement as { AgreementId: string }).AgreementId,
    ]);
    // One event for the batch: its changes keyed by record, each with the stored values.
    const batch = events[6];
    expect(batch).toMatchObject({ recordId: null, action: "ingest.contracts" });
    const records = Object.values(batch?.changes ?? {});
    expect(records).toHaveLength(2);
    for (const record of records) {
      expect(record.old).toMatchObject({ balance: null });
      expect(record.new).toMatchObject({ balance: "100.50", currency: "RON" });
    }
  });

  it("are written for legal entities and group memberships too", async () => {
    const company = (name: string, UniqueID: string, accountType: string) =>
      run("FTOS_ACC_CB_AddUpdateLegalEntityCustomer", {
        CustomerInfo: {
          name,
          UniqueID,
          registrationNumber: `J40/${UniqueID}`,
          industry: "Construction",
          accountType,
        },
      }) as Promise<{ customerInternalId: string }>;
    const group = await company("Grup Test", uniqueId(), "Group");
    const member = await company("Membru Test SRL", uniqueId(), "Company");
    await run("FTOS_ACC_CB_AddUpdateGroupMember", {
      GroupMemberInfo: {
        groupInternalId: group.customerInternalId,
        customerInternalId: member.customerInternalId,
        role: "Subsidiary",
        startDate: "2024-01-01",
      },
    });
    const memberEvents = await eventsOf(member.customerInternalId);
    expect(memberEvents.map((e) => e.type)).toEqual(["customer.created", "groupMember.created"]);
    expect(memberEvents[1]).toMatchObject({ sequence: 2, action: "FTOS_ACC_CB_AddUpdateGroupMember" });
    expect(memberEvents[1]?.changes.role).toEqual({ old: null, new: "Subsidiary" });
  });

  it("are not written for an unchanged upsert or a refused write", async () => {
    const customerId = await newCustomer();
    const same = await run("FTOS_ACC_CB_AddUpdateIndividualCustomer", customerWith(customerId));
    expect((same as { operation: string }).operation).toBe("unchanged");
    await expect(
      run("FTOS_ACC_AddUpdateCustomerAgreement", {
        ...examples.agreement(),
        customerInternalId: customerId,
        contractNo: "NO-SUCH-CONTRACT",
      }),
    ).rejects.toThrow();
    expect((await eventsOf(customerId)).map((e) => e.type)).toEqual(["customer.created"]);
  });

  it("number 50 concurrent changes to one customer 2..51 with no gap, in commit order", async () => {
    const customerId = await newCustomer();
    await Promise.all(
      Array.from({ length: 50 }, (_, n) =>
        run(
          "FTOS_ACC_CB_AddUpdateIndividualCustomer",
          customerWith(customerId, { email: `c${n}@example.ro` }),
        ),
      ),
    );
    const events = await eventsOf(customerId);
    expect(events.map((e) => e.sequence)).toEqual(Array.from({ length: 51 }, (_, i) => i + 1));
    // Commit order: each change starts from what the one before it left.
    for (let i = 2; i < events.length; i++) {
      expect(events[i]?.changes.email?.old).toEqual(events[i - 1]?.changes.email?.new);
    }
  });

  it("page through everything exactly once and in each customer's order, while writes go on", async () => {
    const customers = await Promise.all([0, 1, 2, 3].map(() => newCustomer()));
    await feedCaughtUp(handle.db);
    let after = (await feed(null)).nextCursor;
    for (
      let page = await feed({ after, limit: 1000 });
      page.items.length > 0;
      page = await feed({ after, limit: 1000 })
    ) {
      after = page.nextCursor;
    }
    // 40 updates spread over four customers, all at once, while the feed is read 3 at a time.
    let writing = true;
    const writers = Promise.all(
      Array.from({ length: 40 }, (_, n) => {
        const customerId = customers[n % 4] as string;
        return run(
          "FTOS_ACC_CB_AddUpdateIndividualCustomer",
          customerWith(customerId, { email: `p${n}@example.ro` }),
        );
      }),
    ).finally(() => {
      writing = false;
    });
    const seen: ChangeEvent[] = [];
    let caughtUp = false;
    for (let emptyAfterWrites = 0; emptyAfterWrites < 2; ) {
      // Once the writes are done and the feed shows them all, two empty pages end the reading.
      if (!writing && !caughtUp) {
        await feedCaughtUp(handle.db);
        caughtUp = true;
      }
      const page = await feed({ after, limit: 3 });
      seen.push(...page.items);
      after = page.nextCursor;
      if (page.items.length === 0 && caughtUp) emptyAfterWrites++;
    }
    await writers;
    expect(new Set(seen.map((e) => e.eventId)).size).toBe(seen.length);
    expect(seen).toHaveLength(40);
    for (const customerId of customers) {
      const sequences = seen.filter((e) => e.customerId === customerId).map((e) => e.sequence);
      expect(sequences).toEqual(Array.from({ length: 10 }, (_, i) => i + 2));
    }
    // An empty page keeps the cursor, so polling never loses its place.
    const idle = await feed({ after, limit: 5 });
    expect(idle).toEqual({ items: [], nextCursor: after });
  });

  it("refuse a cursor they did not give out, a limit out of range and an unknown customer, naming the field", async () => {
    await expect(feed({ after: "bm90LWEtY3Vyc29y" })).rejects.toMatchObject({
      fieldErrors: [{ field: "after" }],
    });
    await expect(feed({ limit: 1001 })).rejects.toMatchObject({
      fieldErrors: [{ field: "limit" }],
    });
    await expect(feed({ customerId: "6f1c8e0e-2b1a-4c2b-9f0b-1a2b3c4d5e6f" })).rejects.toMatchObject({
      code: "NOT_FOUND",
      fieldErrors: [{ field: "customerId" }],
    });
  });

  it("leave the feed once older than the retention, the audit trail keeping the change", async () => {
    const old = await newCustomer();
    const recent = await newCustomer();
    await handle.db.execute(
      sql`update change_events set occurred_at = now() - interval '31 days' where customer_id = ${old}::uuid`,
    );
    expect(await deleteExpiredEvents(handle.sql, 30)).toBe(1);
    expect(await eventsOf(old)).toEqual([]);
    expect((await eventsOf(recent)).map((e) => e.type)).toEqual(["customer.created"]);
    const audit = await run("FTOS_ACC_CustomerAuditTrail", { customerInternalId: old });
    expect((audit as { items: unknown[] }).items).toHaveLength(1);
    expect(await deleteExpiredEvents(handle.sql, 30)).toBe(0);
  });
});
