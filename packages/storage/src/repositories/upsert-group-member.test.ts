import { groupMemberInput, parseInput, upsertGroupMember, type WriteStore } from "@account360/core";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../database";
import {
  addCustomer,
  addGroup,
  addLegalEntity,
  auditOf,
  concurrently,
  count,
  openWriteTest,
  rejectionOf,
  rowOf,
  writer,
} from "./write-test-kit";

let context: Awaited<ReturnType<typeof openWriteTest>>;
let db: Database;
let store: WriteStore;
beforeAll(async () => {
  context = await openWriteTest();
  db = context.db;
  store = context.store;
}, 60_000);
afterAll(() => context.handle.close());

const upsert = (info: Record<string, unknown>) =>
  upsertGroupMember(store, writer, parseInput(groupMemberInput, { GroupMemberInfo: info }));
const missing = "00000000-0000-4000-8000-000000000000";

describe("FTOS_ACC_CB_AddUpdateGroupMember", () => {
  it("creates a membership with its role and dates, filed under the member's audit trail", async () => {
    const groupInternalId = await addGroup(store);
    const customerInternalId = await addLegalEntity(store);
    const result = await upsert({
      groupInternalId,
      customerInternalId,
      role: "parent COMPANY",
      startDate: "2024-01-01",
    });
    expect(result.operation).toBe("created");
    expect(await rowOf(db, "group_members", result.groupMemberIdentifier)).toMatchObject({
      group_id: groupInternalId,
      customer_id: customerInternalId,
      role: "Parent company",
      start_date: "2024-01-01",
      end_date: null,
    });
    expect(await auditOf(db, result.groupMemberIdentifier)).toEqual([
      expect.objectContaining({
        entity: "groupMember",
        customerId: customerInternalId,
        operation: "created",
      }),
    ]);
  });

  it("finds the membership by the (group, customer) pair: unchanged, then updated; by identifier too", async () => {
    const groupInternalId = await addGroup(store);
    const customerInternalId = await addCustomer(store);
    const info = { groupInternalId, customerInternalId, role: "Guarantor" };
    const { groupMemberIdentifier } = await upsert(info);
    expect(await upsert(info)).toEqual({ groupMemberIdentifier, operation: "unchanged" });
    expect(await upsert({ ...info, endDate: "2030-12-31" })).toEqual({
      groupMemberIdentifier,
      operation: "updated",
    });
    expect(await upsert({ groupMemberIdentifier, role: "Member" })).toEqual({
      groupMemberIdentifier,
      operation: "updated",
    });
    expect(await rowOf(db, "group_members", groupMemberIdentifier)).toMatchObject({
      role: "Member",
      end_date: "2030-12-31",
    });
    expect(await upsert({ groupMemberIdentifier, endDate: null })).toMatchObject({ operation: "updated" });
    expect(await rowOf(db, "group_members", groupMemberIdentifier)).toMatchObject({ end_date: null });
    expect(await auditOf(db, groupMemberIdentifier)).toHaveLength(4);
  });

  it("lets a customer belong to several groups", async () => {
    const customerInternalId = await addLegalEntity(store);
    const first = await upsert({
      groupInternalId: await addGroup(store),
      customerInternalId,
      role: "Subsidiary",
    });
    const second = await upsert({
      groupInternalId: await addGroup(store),
      customerInternalId,
      role: "Affiliate",
    });
    expect(first.groupMemberIdentifier).not.toBe(second.groupMemberIdentifier);
    expect(await count(db, "group_members", undefined)).toBeGreaterThanOrEqual(2);
  });

  it("answers 400 for a group that is not a group, and for a group as member, writing nothing", async () => {
    const before = await count(db, "group_members");
    const company = await addLegalEntity(store);
    const group = await addGroup(store);
    const notAGroup = await rejectionOf(
      upsert({ groupInternalId: company, customerInternalId: await addCustomer(store), role: "Member" }),
    );
    expect(notAGroup.code).toBe("BAD_REQUEST");
    expect(notAGroup.fieldErrors.map((e) => e.field)).toEqual(["GroupMemberInfo.groupInternalId"]);
    const groupAsMember = await rejectionOf(
      upsert({ groupInternalId: group, customerInternalId: await addGroup(store), role: "Member" }),
    );
    expect(groupAsMember.code).toBe("BAD_REQUEST");
    expect(groupAsMember.fieldErrors.map((e) => e.field)).toEqual(["GroupMemberInfo.customerInternalId"]);
    const itself = await rejectionOf(
      upsert({ groupInternalId: group, customerInternalId: group, role: "Member" }),
    );
    expect(itself.code).toBe("BAD_REQUEST");
    expect(await count(db, "group_members")).toBe(before);
  });

  it("stores no membership whose group is not a group or whose member is one, even asked directly", async () => {
    const before = await count(db, "group_members");
    const company = await addLegalEntity(store);
    const group = await addGroup(store);
    const stamp = { userName: writer.userName, action: "test" };
    const membership = (groupInternalId: string, customerInternalId: string) => ({
      groupInternalId,
      customerInternalId,
      role: "Member",
      startDate: null,
      endDate: null,
    });
    expect(
      await store.create("groupMember", membership(company, await addCustomer(store)), stamp),
    ).toBeNull();
    expect(await store.create("groupMember", membership(group, await addGroup(store)), stamp)).toBeNull();
    expect(await store.create("groupMember", membership(group, company), stamp)).toEqual(expect.any(String));
    expect(await count(db, "group_members")).toBe(before + 1);
  });

  it("answers 400 for an endDate before the startDate, on create and on update", async () => {
    const groupInternalId = await addGroup(store);
    const customerInternalId = await addCustomer(store);
    const error = await rejectionOf(
      upsert({
        groupInternalId,
        customerInternalId,
        role: "Member",
        startDate: "2025-02-01",
        endDate: "2025-01-31",
      }),
    );
    expect(error.fieldErrors.map((e) => e.field)).toEqual(["GroupMemberInfo.endDate"]);
    const { groupMemberIdentifier } = await upsert({
      groupInternalId,
      customerInternalId,
      role: "Member",
      startDate: "2025-02-01",
    });
    const update = await rejectionOf(upsert({ groupMemberIdentifier, endDate: "2025-01-01" }));
    expect(update.code).toBe("BAD_REQUEST");
    expect(await rowOf(db, "group_members", groupMemberIdentifier)).toMatchObject({ end_date: null });
  });

  it("answers 400 for missing mandatory fields on create, naming each", async () => {
    const error = await rejectionOf(upsert({ customerInternalId: await addCustomer(store), role: "Member" }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.fieldErrors.map((e) => e.field)).toEqual(["GroupMemberInfo.groupInternalId"]);
    const role = await rejectionOf(
      upsert({ groupInternalId: await addGroup(store), customerInternalId: await addCustomer(store) }),
    );
    expect(role.fieldErrors.map((e) => e.field)).toEqual(["GroupMemberInfo.role"]);
  });

  it("answers 404 for an unknown group, customer or identifier, and 409 for another pair than the identifier's", async () => {
    const group = await addGroup(store);
    const customer = await addCustomer(store);
    expect(
      (await rejectionOf(upsert({ groupInternalId: missing, customerInternalId: customer, role: "Member" })))
        .code,
    ).toBe("NOT_FOUND");
    expect(
      (await rejectionOf(upsert({ groupInternalId: group, customerInternalId: missing, role: "Member" })))
        .code,
    ).toBe("NOT_FOUND");
    expect((await rejectionOf(upsert({ groupMemberIdentifier: missing, role: "Member" }))).code).toBe(
      "NOT_FOUND",
    );
    const { groupMemberIdentifier } = await upsert({
      groupInternalId: group,
      customerInternalId: customer,
      role: "Member",
    });
    const other = await rejectionOf(
      upsert({ groupMemberIdentifier, customerInternalId: await addCustomer(store) }),
    );
    expect(other.code).toBe("CONFLICT");
  });

  it("keeps groups and members apart when an accountType changes: 409", async () => {
    const group = await addGroup(store, { UniqueID: "GRP-KEEP-1" });
    const member = await addLegalEntity(store, { UniqueID: "LE-KEEP-1" });
    await upsert({ groupInternalId: group, customerInternalId: member, role: "Subsidiary" });
    const groupToCompany = await rejectionOf(
      addLegalEntity(store, {
        UniqueID: "GRP-KEEP-1",
        name: "Carpați Group",
        accountType: "Company",
        registrationNumber: null,
      }),
    );
    expect(groupToCompany.code).toBe("CONFLICT");
    const memberToGroup = await rejectionOf(
      addLegalEntity(store, { UniqueID: "LE-KEEP-1", accountType: "Group" }),
    );
    expect(memberToGroup.code).toBe("CONFLICT");
  });

  it("a membership being added while its group stops being one is refused, not stored under a company", async () => {
    const group = await addGroup(store, { UniqueID: "GRP-RACE-1", name: "Race Group" });
    const member = await addCustomer(store);
    let joining: Promise<unknown> = Promise.resolve();
    await store.transaction(async (tx) => {
      const stored = await tx.lock("legalEntity", { id: group });
      if (!stored) throw new Error("the group is gone");
      // On PostgreSQL the insert runs now, on its own connection, and must wait for this lock.
      joining = upsert({ groupInternalId: group, customerInternalId: member, role: "Member" }).catch(
        (e) => e,
      );
      await new Promise((resolve) => setTimeout(resolve, 300));
      const { id: _id, ...fields } = stored;
      await tx.update(
        "legalEntity",
        group,
        { ...fields, accountType: "Company" },
        {
          accountType: { old: "Group", new: "Company" },
        },
        { userName: writer.userName, action: "test" },
      );
    });
    expect(await joining).toMatchObject({ code: "BAD_REQUEST" });
    expect(await count(db, "group_members", sql`group_id = ${group}::uuid`)).toBe(0);
  });

  // Five rounds: a lock taken in the wrong order deadlocked about one round in five (40P01).
  it("creates one membership for 20 identical concurrent requests, round after round", async () => {
    for (let round = 0; round < 5; round++) {
      const info = {
        groupInternalId: await addGroup(store),
        customerInternalId: await addCustomer(store),
        role: "Member",
      };
      const results = await concurrently(20, () => upsert(info));
      expect(new Set(results.map((r) => r.groupMemberIdentifier)).size).toBe(1);
      expect(results.filter((r) => r.operation === "created")).toHaveLength(1);
    }
  });
});
