import { customerRepresentativeInput, parseInput, upsertCustomerRepresentative } from "@account360/core";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { concurrently, refusalOf, rejectionOf, writer, writeWorldOfFile } from "./write-test-kit";

const world = writeWorldOfFile();

const upsert = (info: Record<string, unknown>) =>
  upsertCustomerRepresentative(
    world.store,
    writer,
    parseInput(customerRepresentativeInput, { CustomerRepresentativeInfo: info }),
  );

/** A link of the relation type most tests need, "Contact". */
const contact = (link: Record<string, unknown>) => upsert({ ...link, accountRelationType: "Contact" });

const unknownId = "00000000-0000-4000-8000-0000000000bb";

async function pair() {
  return {
    customerInternalId: await world.addCustomer(),
    customerRepresentativeNo: await world.addCustomer(),
  };
}

describe("FTOS_ACC_CB_AddUpdateCustomerRepresentative", () => {
  it("creates the link with the canonical relation type and audits it", async () => {
    const { customerInternalId, customerRepresentativeNo } = await pair();
    const result = await upsert({
      customerInternalId,
      customerRepresentativeNo,
      accountRelationType: "key contact PERSON",
    });
    expect(result.operation).toBe("created");
    expect(await world.rowOf("representatives", result.customerRepresentativeIdentifier)).toMatchObject({
      customer_id: customerInternalId,
      representative_id: customerRepresentativeNo,
      relation_type: "Key Contact Person",
    });
    expect(await world.auditOf(result.customerRepresentativeIdentifier)).toMatchObject([
      {
        entity: "representative",
        customerId: customerInternalId,
        operation: "created",
        changes: { customerRepresentativeNo: { old: null, new: customerRepresentativeNo } },
      },
    ]);
  });

  it("answers unchanged for the same triple and writes nothing", async () => {
    const ids = await pair();
    const first = await contact(ids);
    const again = await upsert({ ...ids, accountRelationType: "contact" });
    expect(again).toEqual({
      customerRepresentativeIdentifier: first.customerRepresentativeIdentifier,
      operation: "unchanged",
    });
    expect(await world.auditOf(first.customerRepresentativeIdentifier)).toHaveLength(1);
  });

  it("updates by identifier, keeping the customer when customerInternalId is absent, and audits old and new", async () => {
    const ids = await pair();
    const { customerRepresentativeIdentifier } = await contact(ids);
    const result = await upsert({
      customerRepresentativeIdentifier,
      customerRepresentativeNo: ids.customerRepresentativeNo,
      accountRelationType: "Shareholder",
    });
    expect(result).toEqual({ customerRepresentativeIdentifier, operation: "updated" });
    expect(await world.rowOf("representatives", customerRepresentativeIdentifier)).toMatchObject({
      customer_id: ids.customerInternalId,
      relation_type: "Shareholder",
    });
    expect((await world.auditOf(customerRepresentativeIdentifier))[1]?.changes).toEqual({
      accountRelationType: { old: "Contact", new: "Shareholder" },
    });
  });

  it("requires customerInternalId without an identifier (400) and existing customers (404)", async () => {
    const someone = await world.addCustomer();
    expect(await refusalOf(contact({ customerRepresentativeNo: someone }))).toEqual({
      code: "BAD_REQUEST",
      fields: ["CustomerRepresentativeInfo.customerInternalId"],
    });

    expect(
      await refusalOf(contact({ customerInternalId: someone, customerRepresentativeNo: unknownId })),
    ).toEqual({ code: "NOT_FOUND", fields: ["CustomerRepresentativeInfo.customerRepresentativeNo"] });

    expect(
      await refusalOf(contact({ customerInternalId: unknownId, customerRepresentativeNo: someone })),
    ).toEqual({ code: "NOT_FOUND", fields: ["CustomerRepresentativeInfo.customerInternalId"] });
    expect(
      await world.count(
        "representatives",
        sql`customer_id = ${someone}::uuid or representative_id = ${someone}::uuid`,
      ),
    ).toBe(0);
  });

  it("answers 404 for an unknown identifier and for a representative that does not exist on update", async () => {
    expect(
      await refusalOf(
        contact({ customerRepresentativeIdentifier: unknownId, customerRepresentativeNo: unknownId }),
      ),
    ).toEqual({ code: "NOT_FOUND", fields: ["CustomerRepresentativeInfo.customerRepresentativeIdentifier"] });

    const ids = await pair();
    const { customerRepresentativeIdentifier } = await contact(ids);
    expect(
      await refusalOf(contact({ customerRepresentativeIdentifier, customerRepresentativeNo: unknownId })),
    ).toEqual({ code: "NOT_FOUND", fields: ["CustomerRepresentativeInfo.customerRepresentativeNo"] });
    expect(await world.rowOf("representatives", customerRepresentativeIdentifier)).toMatchObject({
      representative_id: ids.customerRepresentativeNo,
    });
  });

  it("refuses a customer representing itself (400), on create and on update", async () => {
    const ids = await pair();
    expect(
      await refusalOf(
        contact({
          customerInternalId: ids.customerInternalId,
          customerRepresentativeNo: ids.customerInternalId,
        }),
      ),
    ).toEqual({ code: "BAD_REQUEST", fields: ["CustomerRepresentativeInfo.customerRepresentativeNo"] });

    const { customerRepresentativeIdentifier } = await contact(ids);
    const viaUpdate = await rejectionOf(
      contact({ customerRepresentativeIdentifier, customerRepresentativeNo: ids.customerInternalId }),
    );
    expect(viaUpdate.code).toBe("BAD_REQUEST");
    expect(await world.auditOf(customerRepresentativeIdentifier)).toHaveLength(1);
  });

  it("answers 409 for another customer's link and for an update onto an existing triple, changing nothing", async () => {
    const ids = await pair();
    const stranger = await world.addCustomer();
    const { customerRepresentativeIdentifier } = await contact(ids);
    expect(
      await refusalOf(
        upsert({
          ...ids,
          customerInternalId: stranger,
          customerRepresentativeIdentifier,
          accountRelationType: "Business",
        }),
      ),
    ).toEqual({ code: "CONFLICT", fields: ["CustomerRepresentativeInfo.customerRepresentativeIdentifier"] });

    await upsert({ ...ids, accountRelationType: "Business" });
    const before = await world.rowOf("representatives", customerRepresentativeIdentifier);
    expect(
      await refusalOf(upsert({ ...ids, customerRepresentativeIdentifier, accountRelationType: "Business" })),
    ).toEqual({ code: "CONFLICT", fields: ["CustomerRepresentativeInfo.accountRelationType"] });
    expect(await world.rowOf("representatives", customerRepresentativeIdentifier)).toEqual(before);
    expect(await world.auditOf(customerRepresentativeIdentifier)).toHaveLength(1);
  });

  it("creates exactly one link and one audit entry for 20 identical concurrent requests", async () => {
    const ids = await pair();
    const results = await concurrently(20, () => upsert({ ...ids, accountRelationType: "Relative" }));
    expect(new Set(results.map((r) => r.customerRepresentativeIdentifier)).size).toBe(1);
    expect(results.filter((r) => r.operation === "created")).toHaveLength(1);
    expect(await world.count("representatives", sql`customer_id = ${ids.customerInternalId}::uuid`)).toBe(1);
    expect(
      await world.count(
        "audit_log",
        sql`customer_id = ${ids.customerInternalId}::uuid and entity = 'representative'`,
      ),
    ).toBe(1);
  });

  it("applies 20 identical concurrent updates once", async () => {
    const ids = await pair();
    const { customerRepresentativeIdentifier } = await upsert({ ...ids, accountRelationType: "Relative" });
    const results = await concurrently(20, () =>
      upsert({
        customerRepresentativeIdentifier,
        customerRepresentativeNo: ids.customerRepresentativeNo,
        accountRelationType: "Employer",
      }),
    );
    expect(results.filter((r) => r.operation === "updated")).toHaveLength(1);
    expect(await world.auditOf(customerRepresentativeIdentifier)).toHaveLength(2);
  });
});
