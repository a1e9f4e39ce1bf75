import {
  customerAuditInput,
  individualCustomerInput,
  listCustomerAudit,
  parseInput,
  upsertIndividualCustomer,
} from "@account360/core";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  concurrently,
  customerData,
  refusalOf,
  rejectionOf,
  unique,
  writer,
  writeWorldOfFile,
} from "./write-test-kit";

const world = writeWorldOfFile();

const upsert = (data: unknown, actor = writer) =>
  upsertIndividualCustomer(
    world.store,
    actor,
    parseInput(individualCustomerInput({ phoneRegion: "RO" }), data),
  );

describe("FTOS_ACC_CB_AddUpdateIndividualCustomer", () => {
  it("creates a customer with canonical values and audits every field", async () => {
    const uniqueId = unique("ro-");
    const result = await upsert(
      customerData({ UniqueID: uniqueId.toLowerCase(), email: "Ana@Example.RO", emailAddressType: "work" }),
    );
    expect(result.operation).toBe("created");
    const row = await world.rowOf("customers", result.customerInternalId);
    expect(row).toMatchObject({
      unique_id: uniqueId,
      email: "Ana@example.ro",
      mobile_phone: "+40712345678",
      email_address_type: "Work",
      phone_number_type: "Mobile",
    });
    const audit = await world.auditOf(result.customerInternalId);
    expect(audit).toEqual([
      {
        userName: writer.userName,
        action: "FTOS_ACC_CB_AddUpdateIndividualCustomer",
        entity: "customer",
        customerId: result.customerInternalId,
        operation: "created",
        changes: {
          UniqueID: { old: null, new: uniqueId },
          firstName: { old: null, new: "Ana" },
          lastName: { old: null, new: "Popescu" },
          email: { old: null, new: "Ana@example.ro" },
          mobilePhone: { old: null, new: "+40712345678" },
          emailAddressType: { old: null, new: "Work" },
          phoneNumberType: { old: null, new: "Mobile" },
        },
      },
    ]);
  });

  it("answers unchanged for the same request, matching UniqueID case-insensitively, and writes nothing", async () => {
    const data = customerData();
    const first = await upsert(data);
    const again = await upsert({
      CustomerInfo: { ...data.CustomerInfo, UniqueID: data.CustomerInfo.UniqueID.toLowerCase() },
    });
    expect(again).toEqual({ customerInternalId: first.customerInternalId, operation: "unchanged" });
    expect(await world.auditOf(first.customerInternalId)).toHaveLength(1);
  });

  it("updates the customer holding the UniqueID and audits only the changed fields", async () => {
    const data = customerData();
    const { customerInternalId } = await upsert(data);
    const result = await upsert({
      CustomerInfo: { ...data.CustomerInfo, email: "ana@work.ro", lastName: "Ionescu" },
    });
    expect(result).toEqual({ customerInternalId, operation: "updated" });
    const audit = await world.auditOf(customerInternalId);
    expect(audit[1]).toMatchObject({
      operation: "updated",
      changes: {
        email: { old: "ana.popescu@example.ro", new: "ana@work.ro" },
        lastName: { old: "Popescu", new: "Ionescu" },
      },
    });
    expect(Object.keys(audit[1]?.changes ?? {})).toHaveLength(2);
  });

  it("updates by customerInternalId, including a new UniqueID", async () => {
    const customerInternalId = await world.addCustomer();
    const uniqueId = unique("NEW");
    const result = await upsert(customerData({ customerInternalId, UniqueID: uniqueId }));
    expect(result).toEqual({ customerInternalId, operation: "updated" });
    expect(await world.rowOf("customers", customerInternalId)).toMatchObject({ unique_id: uniqueId });
  });

  it("moves the customer's key row with a new UniqueID, so the old one is free for another customer", async () => {
    const oldId = unique("OLD");
    const customerInternalId = await world.addCustomer({ UniqueID: oldId });
    const newId = unique("MOVED");
    await upsert(customerData({ customerInternalId, UniqueID: newId }));
    expect(await world.claimedUniqueIdsOf(customerInternalId)).toEqual([newId]);
    const other = await upsert(customerData({ UniqueID: oldId }));
    expect(other.operation).toBe("created");
    expect(other.customerInternalId).not.toBe(customerInternalId);
    expect(await world.claimedUniqueIdsOf(other.customerInternalId)).toEqual([oldId]);
  });

  it("keeps an optional field that is absent and clears one sent as null", async () => {
    const data = customerData({ emailAddressType: "Work", phoneNumberType: "Home" });
    const { customerInternalId } = await upsert(data);
    const { emailAddressType: _dropped, ...rest } = {
      ...data.CustomerInfo,
      customerInternalId,
      phoneNumberType: null,
    };
    expect(await upsert({ CustomerInfo: rest })).toMatchObject({ operation: "updated" });
    const row = await world.rowOf("customers", customerInternalId);
    expect(row).toMatchObject({ email_address_type: "Work", phone_number_type: null });
    expect((await world.auditOf(customerInternalId))[1]?.changes).toEqual({
      phoneNumberType: { old: "Home", new: null },
    });
  });

  it("answers 404 for an unknown customerInternalId and creates nothing", async () => {
    const before = await world.count("customers");
    const error = await rejectionOf(
      upsert(customerData({ customerInternalId: "00000000-0000-4000-8000-000000000000" })),
    );
    expect(error.code).toBe("NOT_FOUND");
    expect(error.fieldErrors).toEqual([
      { field: "CustomerInfo.customerInternalId", message: expect.stringContaining("No customer") },
    ]);
    expect(await world.count("customers")).toBe(before);
  });

  it("answers 409 when another customer owns the UniqueID, leaving both customers untouched", async () => {
    const taken = unique("TAKEN");
    await world.addCustomer({ UniqueID: taken });
    const customerInternalId = await world.addCustomer();
    const before = await world.rowOf("customers", customerInternalId);
    expect(
      await refusalOf(
        upsert(customerData({ customerInternalId, UniqueID: taken.toLowerCase(), firstName: "Changed" })),
      ),
    ).toEqual({ code: "CONFLICT", fields: ["CustomerInfo.UniqueID"] });
    expect(await world.rowOf("customers", customerInternalId)).toEqual(before);
    expect(await world.auditOf(customerInternalId)).toHaveLength(1);
    expect(await world.claimedUniqueIdsOf(customerInternalId)).toEqual([before?.unique_id]);
  });

  it("gives one of two customers changing to the same free UniqueID at once the key, the other a 409", async () => {
    const first = await world.addCustomer();
    const second = await world.addCustomer();
    const contested = unique("RACE");
    const outcomes = await Promise.allSettled(
      [first, second].map((customerInternalId) =>
        upsert(customerData({ customerInternalId, UniqueID: contested })),
      ),
    );
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const refused = outcomes.find((o) => o.status === "rejected");
    expect((refused as PromiseRejectedResult).reason).toMatchObject({ code: "CONFLICT" });
    expect(await world.count("customers", sql`unique_id = ${contested}`)).toBe(1);
    expect(await world.count("customer_unique_ids", sql`unique_id = ${contested}`)).toBe(1);
  });

  it("creates exactly one customer and one audit entry for 20 identical concurrent requests", async () => {
    const data = customerData();
    const results = await concurrently(20, () => upsert(data));
    const ids = new Set(results.map((r) => r.customerInternalId));
    expect(ids.size).toBe(1);
    expect(results.filter((r) => r.operation === "created")).toHaveLength(1);
    expect(results.filter((r) => r.operation === "unchanged")).toHaveLength(19);
    expect(await world.count("customers", sql`unique_id = ${data.CustomerInfo.UniqueID}`)).toBe(1);
    expect(await world.auditOf([...ids][0] ?? "")).toHaveLength(1);
  });

  it("applies 20 identical concurrent updates once", async () => {
    const customerInternalId = await world.addCustomer();
    const data = customerData({ customerInternalId, firstName: "Maria" });
    const results = await concurrently(20, () => upsert(data));
    expect(results.filter((r) => r.operation === "updated")).toHaveLength(1);
    expect(results.filter((r) => r.operation === "unchanged")).toHaveLength(19);
    expect(await world.auditOf(customerInternalId)).toHaveLength(2);
  });
});

describe("audit.forCustomer", () => {
  it("lists a customer's changes newest first, a page at a time", async () => {
    const data = customerData();
    const { customerInternalId } = await upsert(data);
    for (const firstName of ["B", "C", "D", "E"])
      await upsert({ CustomerInfo: { ...data.CustomerInfo, firstName } });
    const list = (input: unknown) => listCustomerAudit(world.store, parseInput(customerAuditInput, input));

    const first = await list({ customerInternalId, limit: 2 });
    expect(first.items.map((e) => e.changes.firstName?.new)).toEqual(["E", "D"]);
    expect(first.items[0]).toMatchObject({
      entity: "customer",
      recordId: customerInternalId,
      operation: "updated",
    });
    expect(Number.isNaN(Date.parse(first.items[0]?.at ?? ""))).toBe(false);
    const second = await list({ customerInternalId, limit: 2, cursor: first.nextCursor });
    expect(second.items.map((e) => e.changes.firstName?.new)).toEqual(["C", "B"]);
    const last = await list({ customerInternalId, limit: 2, cursor: second.nextCursor });
    expect(last.items.map((e) => e.operation)).toEqual(["created"]);
    expect(last.nextCursor).toBeNull();
    expect((await list({ customerInternalId })).items).toHaveLength(5);
  });

  it("answers 404 for an unknown customer and 400 for a limit over 200", async () => {
    const missing = await rejectionOf(
      listCustomerAudit(
        world.store,
        parseInput(customerAuditInput, { customerInternalId: "00000000-0000-4000-8000-000000000001" }),
      ),
    );
    expect(missing.code).toBe("NOT_FOUND");
    const tooMany = await rejectionOf(
      Promise.resolve().then(() =>
        parseInput(customerAuditInput, {
          customerInternalId: "00000000-0000-4000-8000-000000000001",
          limit: 201,
        }),
      ),
    );
    expect(tooMany.fieldErrors).toEqual([
      { field: "limit", message: "limit must be a whole number from 1 to 200" },
    ]);
    const badCursor = await rejectionOf(
      Promise.resolve().then(() =>
        parseInput(customerAuditInput, {
          customerInternalId: "00000000-0000-4000-8000-000000000001",
          cursor: "42",
        }),
      ),
    );
    expect(badCursor.fieldErrors).toEqual([
      { field: "cursor", message: "cursor must be the nextCursor of a previous page" },
    ]);
  });
});
