import {
  customerAddressInput,
  customerAuditInput,
  listCustomerAudit,
  parseInput,
  upsertCustomerAddress,
} from "@account360/core";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { concurrently, refusalOf, writer, writeWorldOfFile } from "./write-test-kit";

const world = writeWorldOfFile();

const upsert = (info: Record<string, unknown>) =>
  upsertCustomerAddress(world.store, writer, parseInput(customerAddressInput, { AddressInfo: info }));

const address = (overrides: Record<string, unknown> = {}) => ({
  addressType: "home address",
  country: "Romania",
  district: "Sector 1",
  city: "Bucuresti",
  streetName: "Calea Victoriei",
  streetNo: "12",
  buildingNo: "A",
  floorNo: "3",
  apartmentNo: "14",
  postalCode: "010061",
  ...overrides,
});

const unknownId = "00000000-0000-4000-8000-0000000000aa";

describe("FTOS_ACC_CB_AddUpdateCustomerAddress", () => {
  it("creates an address with canonical values and audits it under the customer", async () => {
    const customerInternalId = await world.addCustomer();
    const result = await upsert(address({ customerInternalId }));
    expect(result.operation).toBe("created");
    expect(await world.rowOf("addresses", result.addressIdentifier)).toMatchObject({
      customer_id: customerInternalId,
      address_type: "Home Address",
      country: "RO",
      floor_no: "3",
    });
    const [entry] = await world.auditOf(result.addressIdentifier);
    expect(entry).toMatchObject({ entity: "address", customerId: customerInternalId, operation: "created" });
    expect(entry?.changes.country).toEqual({ old: null, new: "RO" });
    const trail = await listCustomerAudit(
      world.store,
      parseInput(customerAuditInput, { customerInternalId }),
    );
    expect(trail.items.map((e) => e.entity)).toEqual(["address", "customer"]);
  });

  it("answers unchanged for an identical address of the customer and writes nothing", async () => {
    const customerInternalId = await world.addCustomer();
    const first = await upsert(address({ customerInternalId }));
    const again = await upsert(address({ customerInternalId, country: "ROU", addressType: "HOME ADDRESS" }));
    expect(again).toEqual({ addressIdentifier: first.addressIdentifier, operation: "unchanged" });
    expect(await world.count("addresses", sql`customer_id = ${customerInternalId}::uuid`)).toBe(1);
    expect(await world.auditOf(first.addressIdentifier)).toHaveLength(1);
  });

  it("creates a second address when any field differs", async () => {
    const customerInternalId = await world.addCustomer();
    await upsert(address({ customerInternalId }));
    const other = await upsert(address({ customerInternalId, addressType: "Billing address" }));
    expect(other.operation).toBe("created");
    expect(await world.count("addresses", sql`customer_id = ${customerInternalId}::uuid`)).toBe(2);
  });

  it("updates by addressIdentifier: absent optional fields kept, null cleared, old and new audited", async () => {
    const customerInternalId = await world.addCustomer();
    const { addressIdentifier } = await upsert(address({ customerInternalId }));
    const { buildingNo: _kept, ...withoutBuilding } = address({ streetNo: "14", apartmentNo: null });
    const result = await upsert({ ...withoutBuilding, addressIdentifier });
    expect(result).toEqual({ addressIdentifier, operation: "updated" });
    expect(await world.rowOf("addresses", addressIdentifier)).toMatchObject({
      street_no: "14",
      building_no: "A",
      apartment_no: null,
    });
    expect((await world.auditOf(addressIdentifier))[1]).toMatchObject({
      operation: "updated",
      customerId: customerInternalId,
      changes: { streetNo: { old: "12", new: "14" }, apartmentNo: { old: "14", new: null } },
    });
    expect(await upsert({ ...withoutBuilding, addressIdentifier })).toEqual({
      addressIdentifier,
      operation: "unchanged",
    });
  });

  it("requires customerInternalId to create (400) and an existing customer (404)", async () => {
    expect(await refusalOf(upsert(address()))).toEqual({
      code: "BAD_REQUEST",
      fields: ["AddressInfo.customerInternalId"],
    });
    expect(await refusalOf(upsert(address({ customerInternalId: unknownId })))).toEqual({
      code: "NOT_FOUND",
      fields: ["AddressInfo.customerInternalId"],
    });
    expect(await world.count("addresses", sql`customer_id = ${unknownId}::uuid`)).toBe(0);
  });

  it("answers 404 for an unknown addressIdentifier", async () => {
    expect(await refusalOf(upsert(address({ addressIdentifier: unknownId })))).toEqual({
      code: "NOT_FOUND",
      fields: ["AddressInfo.addressIdentifier"],
    });
  });

  it("answers 409 for an address of another customer and leaves it untouched", async () => {
    const owner = await world.addCustomer();
    const stranger = await world.addCustomer();
    const { addressIdentifier } = await upsert(address({ customerInternalId: owner }));
    const before = await world.rowOf("addresses", addressIdentifier);
    expect(
      await refusalOf(upsert(address({ addressIdentifier, customerInternalId: stranger, city: "Cluj" }))),
    ).toEqual({ code: "CONFLICT", fields: ["AddressInfo.addressIdentifier"] });
    expect(await world.rowOf("addresses", addressIdentifier)).toEqual(before);
    expect(await world.auditOf(addressIdentifier)).toHaveLength(1);
  });

  it("answers 409 for an update that would duplicate another address of the customer, changing nothing", async () => {
    const customerInternalId = await world.addCustomer();
    await upsert(address({ customerInternalId }));
    const { addressIdentifier } = await upsert(address({ customerInternalId, city: "Cluj" }));
    const before = await world.rowOf("addresses", addressIdentifier);
    expect(await refusalOf(upsert(address({ addressIdentifier })))).toEqual({
      code: "CONFLICT",
      fields: ["AddressInfo.addressIdentifier"],
    });
    expect(await world.rowOf("addresses", addressIdentifier)).toEqual(before);
    expect(await world.auditOf(addressIdentifier)).toHaveLength(1);
  });

  it("creates exactly one address and one audit entry for 20 identical concurrent requests", async () => {
    const customerInternalId = await world.addCustomer();
    const results = await concurrently(20, () => upsert(address({ customerInternalId })));
    expect(new Set(results.map((r) => r.addressIdentifier)).size).toBe(1);
    expect(results.filter((r) => r.operation === "created")).toHaveLength(1);
    expect(await world.count("addresses", sql`customer_id = ${customerInternalId}::uuid`)).toBe(1);
    expect(
      await world.count("audit_log", sql`customer_id = ${customerInternalId}::uuid and entity = 'address'`),
    ).toBe(1);
  });

  it("applies 20 identical concurrent updates once", async () => {
    const customerInternalId = await world.addCustomer();
    const { addressIdentifier } = await upsert(address({ customerInternalId }));
    const results = await concurrently(20, () =>
      upsert(address({ addressIdentifier, postalCode: "010062" })),
    );
    expect(results.filter((r) => r.operation === "updated")).toHaveLength(1);
    expect(await world.auditOf(addressIdentifier)).toHaveLength(2);
  });
});
