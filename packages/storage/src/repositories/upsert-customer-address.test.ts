import {
  customerAddressInput,
  customerAuditInput,
  listCustomerAudit,
  parseInput,
  upsertCustomerAddress,
  type WriteStore,
} from "@account360/core";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../database";
import {
  addCustomer,
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
  upsertCustomerAddress(store, writer, parseInput(customerAddressInput, { AddressInfo: info }));

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
    const customerInternalId = await addCustomer(store);
    const result = await upsert(address({ customerInternalId }));
    expect(result.operation).toBe("created");
    expect(await rowOf(db, "addresses", result.addressIdentifier)).toMatchObject({
      customer_id: customerInternalId,
      address_type: "Home Address",
      country: "RO",
      floor_no: "3",
    });
    const [entry] = await auditOf(db, result.addressIdentifier);
    expect(entry).toMatchObject({ entity: "address", customerId: customerInternalId, operation: "created" });
    expect(entry?.changes.country).toEqual({ old: null, new: "RO" });
    const trail = await listCustomerAudit(store, parseInput(customerAuditInput, { customerInternalId }));
    expect(trail.items.map((e) => e.entity)).toEqual(["address", "customer"]);
  });

  it("answers unchanged for an identical address of the customer and writes nothing", async () => {
    const customerInternalId = await addCustomer(store);
    const first = await upsert(address({ customerInternalId }));
    const again = await upsert(address({ customerInternalId, country: "ROU", addressType: "HOME ADDRESS" }));
    expect(again).toEqual({ addressIdentifier: first.addressIdentifier, operation: "unchanged" });
    expect(await count(db, "addresses", sql`customer_id = ${customerInternalId}::uuid`)).toBe(1);
    expect(await auditOf(db, first.addressIdentifier)).toHaveLength(1);
  });

  it("creates a second address when any field differs", async () => {
    const customerInternalId = await addCustomer(store);
    await upsert(address({ customerInternalId }));
    const other = await upsert(address({ customerInternalId, addressType: "Billing address" }));
    expect(other.operation).toBe("created");
    expect(await count(db, "addresses", sql`customer_id = ${customerInternalId}::uuid`)).toBe(2);
  });

  it("updates by addressIdentifier: absent optional fields kept, null cleared, old and new audited", async () => {
    const customerInternalId = await addCustomer(store);
    const { addressIdentifier } = await upsert(address({ customerInternalId }));
    const { buildingNo: _kept, ...withoutBuilding } = address({ streetNo: "14", apartmentNo: null });
    const result = await upsert({ ...withoutBuilding, addressIdentifier });
    expect(result).toEqual({ addressIdentifier, operation: "updated" });
    expect(await rowOf(db, "addresses", addressIdentifier)).toMatchObject({
      street_no: "14",
      building_no: "A",
      apartment_no: null,
    });
    expect((await auditOf(db, addressIdentifier))[1]).toMatchObject({
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
    const missing = await rejectionOf(upsert(address()));
    expect(missing.code).toBe("BAD_REQUEST");
    expect(missing.fieldErrors.map((e) => e.field)).toEqual(["AddressInfo.customerInternalId"]);
    const unknown = await rejectionOf(upsert(address({ customerInternalId: unknownId })));
    expect(unknown.code).toBe("NOT_FOUND");
    expect(unknown.fieldErrors.map((e) => e.field)).toEqual(["AddressInfo.customerInternalId"]);
    expect(await count(db, "addresses", sql`customer_id = ${unknownId}::uuid`)).toBe(0);
  });

  it("answers 404 for an unknown addressIdentifier", async () => {
    const error = await rejectionOf(upsert(address({ addressIdentifier: unknownId })));
    expect(error.code).toBe("NOT_FOUND");
    expect(error.fieldErrors.map((e) => e.field)).toEqual(["AddressInfo.addressIdentifier"]);
  });

  it("answers 409 for an address of another customer and leaves it untouched", async () => {
    const owner = await addCustomer(store);
    const stranger = await addCustomer(store);
    const { addressIdentifier } = await upsert(address({ customerInternalId: owner }));
    const before = await rowOf(db, "addresses", addressIdentifier);
    const error = await rejectionOf(
      upsert(address({ addressIdentifier, customerInternalId: stranger, city: "Cluj" })),
    );
    expect(error.code).toBe("CONFLICT");
    expect(error.fieldErrors.map((e) => e.field)).toEqual(["AddressInfo.addressIdentifier"]);
    expect(await rowOf(db, "addresses", addressIdentifier)).toEqual(before);
    expect(await auditOf(db, addressIdentifier)).toHaveLength(1);
  });

  it("answers 409 for an update that would duplicate another address of the customer, changing nothing", async () => {
    const customerInternalId = await addCustomer(store);
    await upsert(address({ customerInternalId }));
    const { addressIdentifier } = await upsert(address({ customerInternalId, city: "Cluj" }));
    const before = await rowOf(db, "addresses", addressIdentifier);
    const error = await rejectionOf(upsert(address({ addressIdentifier })));
    expect(error.code).toBe("CONFLICT");
    expect(error.fieldErrors.map((e) => e.field)).toEqual(["AddressInfo.addressIdentifier"]);
    expect(await rowOf(db, "addresses", addressIdentifier)).toEqual(before);
    expect(await auditOf(db, addressIdentifier)).toHaveLength(1);
  });

  it("creates exactly one address and one audit entry for 20 identical concurrent requests", async () => {
    const customerInternalId = await addCustomer(store);
    const results = await concurrently(20, () => upsert(address({ customerInternalId })));
    expect(new Set(results.map((r) => r.addressIdentifier)).size).toBe(1);
    expect(results.filter((r) => r.operation === "created")).toHaveLength(1);
    expect(await count(db, "addresses", sql`customer_id = ${customerInternalId}::uuid`)).toBe(1);
    expect(
      await count(db, "audit_log", sql`customer_id = ${customerInternalId}::uuid and entity = 'address'`),
    ).toBe(1);
  });

  it("applies 20 identical concurrent updates once", async () => {
    const customerInternalId = await addCustomer(store);
    const { addressIdentifier } = await upsert(address({ customerInternalId }));
    const results = await concurrently(20, () =>
      upsert(address({ addressIdentifier, postalCode: "010062" })),
    );
    expect(results.filter((r) => r.operation === "updated")).toHaveLength(1);
    expect(await auditOf(db, addressIdentifier)).toHaveLength(2);
  });
});
