import { groupMemberInput, parseInput, upsertGroupMember } from "@account360/core";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { concurrently, refusalOf, rejectionOf, writer, writeWorldOfFile } from "./write-test-kit";

const world = writeWorldOfFile();

const upsert = (info: Record<string, unknown>) =>
  upsertGroupMember(world.store, writer, parseInput(groupMemberInput, { GroupMemberInfo: info }));
const missing = "00000000-0000-4000-8000-000000000000";

describe("FTOS_ACC_CB_AddUpdateGroupMember", () => {
  it("creates a membership with its role and dates, filed under the member's audit trail", async () => {
    const groupInternalId = await world.addGroup();
    const customerInternalId = await world.addLegalEntity();
    const result = await upsert({
      groupInternalId,
      customerInternalId,
      role: "parent COMPANY",
      startDate: "2024-01-01",
    });
    expect(result.operation).toBe("created");
    expect(await world.rowOf("group_members", result.groupMemberIdentifier)).toMatchObject({
      group_id: groupInternalId,
      customer_id: customerInternalId,
      role: "Parent company",
      start_date: "2024-01-01",
      end_date: null,
    });
    expect(await world.auditOf(result.groupMemberIdentifier)).toEqual([
      expect.objectContaining({
        entity: "groupMember",
        customerId: customerInternalId,
        operation: "created",
      }),
    ]);
  });

  it("finds the membership by the (group, customer) pair: unchanged, then updated; by identifier too", async () => {
    const groupInternalId = await world.addGroup();
    const customerInternalId = await world.addCustomer();
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
    expect(await world.rowOf("group_members", groupMemberIdentifier)).toMatchObject({
      role: "Member",
      end_date: "2030-12-31",
    });
    expect(await upsert({ groupMemberIdentifier, endDate: null })).toMatchObject({ operation: "updated" });
    expect(await world.rowOf("group_members", groupMemberIdentifier)).toMatchObject({ end_date: null });
    expect(await world.auditOf(groupMemberIdentifier)).toHaveLength(4);
  });

  it("lets a customer belong to several groups", async () => {
    const customerInternalId = await world.addLegalEntity();
    const first = await upsert({
      groupInternalId: await world.addGroup(),
      customerInternalId,
      role: "Subsidiary",
    });
    const second = await upsert({
      groupInternalId: await world.addGroup(),
      customerInternalId,
      role: "Affiliate",
    });
    expect(first.groupMemberIdentifier).not.toBe(second.groupMemberIdentifier);
    expect(await world.count("group_members", undefined)).toBeGreaterThanOrEqual(2);
  });

  it("answers 400 for a group that is not a group, and for a group as member, writing nothing", async () => {
    const before = await world.count("group_members");
    const company = await world.addLegalEntity();
    const group = await world.addGroup();
    expect(
      await refusalOf(
        upsert({ groupInternalId: company, customerInternalId: await world.addCustomer(), role: "Member" }),
      ),
    ).toEqual({ code: "BAD_REQUEST", fields: ["GroupMemberInfo.groupInternalId"] });
    expect(
      await refusalOf(
        upsert({ groupInternalId: group, customerInternalId: await world.addGroup(), role: "Member" }),
      ),
    ).toEqual({ code: "BAD_REQUEST", fields: ["GroupMemberInfo.customerInternalId"] });
    const itself = await rejectionOf(
      upsert({ groupInternalId: group, customerInternalId: group, role: "Member" }),
    );
    expect(itself.code).toBe("BAD_REQUEST");
    expect(await world.count("group_members")).toBe(before);
  });

  it("stores no membership whose group is not a group or whose member is one, even asked directly", async () => {
    const before = await world.count("group_members");
    const company = await world.addLegalEntity();
    const group = await world.addGroup();
    const stamp = { userName: writer.userName, action: "test" };
    const membership = (groupInternalId: string, customerInternalId: string) => ({
      groupInternalId,
      customerInternalId,
      role: "Member",
      startDate: null,
      endDate: null,
    });
    expect(
      await world.store.create("groupMember", membership(company, await world.addCustomer()), stamp),
    ).toBeNull();
    expect(
      await world.store.create("groupMember", membership(group, await world.addGroup()), stamp),
    ).toBeNull();
    expect(await world.store.create("groupMember", membership(group, company), stamp)).toEqual(
      expect.any(String),
    );
    expect(await world.count("group_members")).toBe(before + 1);
  });

  it("answers 400 for an endDate before the startDate, on create and on update", async () => {
    const groupInternalId = await world.addGroup();
    const customerInternalId = await world.addCustomer();
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
    expect(await world.rowOf("group_members", groupMemberIdentifier)).toMatchObject({ end_date: null });
  });

  it("answers 400 for missing mandatory fields on create, naming each", async () => {
    expect(
      await refusalOf(upsert({ customerInternalId: await world.addCustomer(), role: "Member" })),
    ).toEqual({ code: "BAD_REQUEST", fields: ["GroupMemberInfo.groupInternalId"] });
    const role = await rejectionOf(
      upsert({ groupInternalId: await world.addGroup(), customerInternalId: await world.addCustomer() }),
    );
    expect(role.fieldErrors.map((e) => e.field)).toEqual(["GroupMemberInfo.role"]);
  });

  it("answers 404 for an unknown group, customer or identifier, and 409 for another pair than the identifier's", async () => {
    const group = await world.addGroup();
    const customer = await world.addCustomer();
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
      upsert({ groupMemberIdentifier, customerInternalId: await world.addCustomer() }),
    );
    expect(other.code).toBe("CONFLICT");
  });

  it("keeps groups and members apart when an accountType changes: 409", async () => {
    const group = await world.addGroup({ UniqueID: "GRP-KEEP-1" });
    const member = await world.addLegalEntity({ UniqueID: "LE-KEEP-1" });
    await upsert({ groupInternalId: group, customerInternalId: member, role: "Subsidiary" });
    const groupToCompany = await rejectionOf(
      world.addLegalEntity({
        UniqueID: "GRP-KEEP-1",
        name: "Carpați Group",
        accountType: "Company",
        registrationNumber: null,
      }),
    );
    expect(groupToCompany.code).toBe("CONFLICT");
    const memberToGroup = await rejectionOf(
      world.addLegalEntity({ UniqueID: "LE-KEEP-1", accountType: "Group" }),
    );
    expect(memberToGroup.code).toBe("CONFLICT");
  });

  it("a membership being added while its group stops being one is refused, not stored under a company", async () => {
    const group = await world.addGroup({ UniqueID: "GRP-RACE-1", name: "Race Group" });
    const member = await world.addCustomer();
    let joining: Promise<unknown> = Promise.resolve();
    await world.store.transaction(async (tx) => {
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
    expect(await world.count("group_members", sql`group_id = ${group}::uuid`)).toBe(0);
  });

  // Five rounds: a lock taken in the wrong order deadlocked about one round in five (40P01).
  it("creates one membership for 20 identical concurrent requests, round after round", async () => {
    for (let round = 0; round < 5; round++) {
      const info = {
        groupInternalId: await world.addGroup(),
        customerInternalId: await world.addCustomer(),
        role: "Member",
      };
      const results = await concurrently(20, () => upsert(info));
      expect(new Set(results.map((r) => r.groupMemberIdentifier)).size).toBe(1);
      expect(results.filter((r) => r.operation === "created")).toHaveLength(1);
    }
  });
});
