import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Answer, callAction, dataOf, startOneProcess, type TestServer } from "./test/bridge-server";
import {
  ADDRESS,
  AGREEMENT,
  APPLICATION,
  addressData,
  agreementData,
  applicationData,
  CUSTOMER,
  customerData,
  HEADER,
  REPRESENTATIVE,
  representativeData,
  UNKNOWN_ID,
  UUID,
} from "./test/fixtures";

let server: TestServer;
let token = "";
const teller = () => ({ userName: "writes.teller", token });
const call = (action: string, data: unknown) => callAction(server.url, action, data, teller());
const write = async (action: string, data: unknown) => dataOf(await call(action, data));

beforeAll(async () => {
  server = await startOneProcess();
  token = await server.userToken("writes.teller", ["writer", "reader"]);
});
afterAll(async () => {
  await server?.stop();
});

const header = async (customerInternalId: string) => dataOf(await call(HEADER, { customerInternalId }));
const newCustomer = async (uniqueId: string) =>
  (await write(CUSTOMER, customerData(uniqueId))).customerInternalId as string;

function expectStatus(answer: Answer, status: number, prefix: string) {
  expect(answer.status, answer.text).toBe(status);
  expect(answer.body).toMatchObject({ IsSuccess: false, ErrorCode: status, UIResult: { Data: null } });
  expect(answer.body.Message).toMatch(new RegExp(`^${prefix} - `));
}

describe("write actions through callAction", () => {
  it("customer: created, unchanged, updated by id and by UniqueID; absent keeps, null clears", async () => {
    const created = await write(CUSTOMER, customerData("W-CUST-1", { phoneNumberType: "Mobile" }));
    expect(created).toEqual({ customerInternalId: expect.stringMatching(UUID), operation: "created" });
    const id = created.customerInternalId;
    expect(await write(CUSTOMER, customerData("w-cust-1", { phoneNumberType: "mobile" }))).toEqual({
      customerInternalId: id,
      operation: "unchanged",
    });
    const byId = await write(CUSTOMER, {
      CustomerInfo: { ...customerData("W-CUST-1").CustomerInfo, customerInternalId: id, firstName: "Ioana" },
    });
    expect(byId).toEqual({ customerInternalId: id, operation: "updated" });
    // phoneNumberType was absent, so it kept "Mobile".
    const kept = customerData("W-CUST-1", { firstName: "Ioana", phoneNumberType: "Mobile" });
    expect((await write(CUSTOMER, kept)).operation).toBe("unchanged");
    const byUniqueId = await write(
      CUSTOMER,
      customerData("W-CUST-1", { firstName: "Maria", phoneNumberType: null }),
    );
    expect(byUniqueId).toEqual({ customerInternalId: id, operation: "updated" });
    expect((await call(CUSTOMER, customerData("W-CUST-1", { firstName: "Maria" }))).body.Message).toBe(
      "Customer unchanged",
    );
    expect((await header(id)).fullName).toBe("Maria Popescu");
    // null cleared it: sending "Mobile" again is a change.
    const again = customerData("W-CUST-1", { firstName: "Maria", phoneNumberType: "Mobile" });
    expect((await write(CUSTOMER, again)).operation).toBe("updated");

    const unknown = await call(CUSTOMER, {
      CustomerInfo: { ...customerData("W-CUST-404").CustomerInfo, customerInternalId: UNKNOWN_ID },
    });
    expectStatus(unknown, 404, "Not Found");
    expect(unknown.body.UIResult.Errors).toEqual([
      { field: "CustomerInfo.customerInternalId", message: expect.any(String) },
    ]);
  });

  it("address: created, unchanged when identical, updated by addressIdentifier; 404 unknown customer", async () => {
    const customerInternalId = await newCustomer("W-ADDR-1");
    const address = addressData(customerInternalId, {
      addressType: "Billing address",
      country: "ROU",
    }).AddressInfo;
    const created = await write(ADDRESS, { AddressInfo: address });
    expect(created).toEqual({ addressIdentifier: expect.stringMatching(UUID), operation: "created" });
    expect(await write(ADDRESS, { AddressInfo: { ...address, country: "Romania" } })).toEqual({
      ...created,
      operation: "unchanged",
    });
    const moved = { ...address, addressIdentifier: created.addressIdentifier, streetNo: "14", floorNo: "2" };
    expect(await write(ADDRESS, { AddressInfo: moved })).toEqual({ ...created, operation: "updated" });
    expect((await header(customerInternalId)).primaryAddress).toMatchObject({
      addressIdentifier: created.addressIdentifier,
      addressType: "Billing address",
      country: "RO",
      streetNo: "14",
      floorNo: "2",
    });

    expectStatus(
      await call(ADDRESS, { AddressInfo: { ...address, customerInternalId: UNKNOWN_ID } }),
      404,
      "Not Found",
    );
    const other = await newCustomer("W-ADDR-2");
    expectStatus(
      await call(ADDRESS, { AddressInfo: { ...moved, customerInternalId: other } }),
      409,
      "Conflict",
    );
  });

  it("representative: created, unchanged, updated by identifier; 404 unknown representative, 400 self", async () => {
    const customerInternalId = await newCustomer("W-REP-1");
    const representative = await newCustomer("W-REP-2");
    const info = representativeData(customerInternalId, representative, {
      accountRelationType: "key contact person",
    }).CustomerRepresentativeInfo;
    const created = await write(REPRESENTATIVE, { CustomerRepresentativeInfo: info });
    expect(created).toEqual({
      customerRepresentativeIdentifier: expect.stringMatching(UUID),
      operation: "created",
    });
    expect(await write(REPRESENTATIVE, { CustomerRepresentativeInfo: info })).toEqual({
      ...created,
      operation: "unchanged",
    });
    const changed = {
      ...info,
      customerRepresentativeIdentifier: created.customerRepresentativeIdentifier,
      accountRelationType: "Shareholder",
    };
    expect(await write(REPRESENTATIVE, { CustomerRepresentativeInfo: changed })).toEqual({
      ...created,
      operation: "updated",
    });

    const unknown = await call(REPRESENTATIVE, {
      CustomerRepresentativeInfo: { ...info, customerRepresentativeNo: UNKNOWN_ID },
    });
    expectStatus(unknown, 404, "Not Found");
    const self = await call(REPRESENTATIVE, {
      CustomerRepresentativeInfo: { ...info, customerRepresentativeNo: customerInternalId },
    });
    expectStatus(self, 400, "Bad Request");
  });

  it("application: created, unchanged, updated on (source, externalId); 409 under another customer", async () => {
    const customerInternalId = await newCustomer("W-APP-1");
    const application = applicationData(customerInternalId, {
      externalId: "W-APP-EXT-1",
      amount: 1250.5,
      currency: "ron",
    });
    const created = await write(APPLICATION, application);
    expect(created).toEqual({
      applicationId: expect.stringMatching(UUID),
      externalId: "W-APP-EXT-1",
      operation: "created",
    });
    expect(await write(APPLICATION, { ...application, amount: "1250.50", currency: "RON" })).toEqual({
      ...created,
      operation: "unchanged",
    });
    expect(await write(APPLICATION, { ...application, businessStatus: "Approved" })).toEqual({
      ...created,
      operation: "updated",
    });
    const other = await newCustomer("W-APP-2");
    expectStatus(await call(APPLICATION, { ...application, customerInternalId: other }), 409, "Conflict");
    const orphan = { ...application, customerInternalId: UNKNOWN_ID, externalId: "W-APP-EXT-2" };
    expectStatus(await call(APPLICATION, orphan), 404, "Not Found");
  });

  it("agreement: created, unchanged, updated by AgreementId with an endDate; 404 for an unknown one", async () => {
    const customerInternalId = await newCustomer("W-AGR-1");
    const agreement = agreementData(customerInternalId, { externalId: "W-AGR-EXT-1" });
    const created = await write(AGREEMENT, agreement);
    expect(created).toEqual({ AgreementId: expect.stringMatching(UUID), operation: "created" });
    expect(await write(AGREEMENT, agreement)).toEqual({ ...created, operation: "unchanged" });
    const ended = { ...agreement, AgreementId: created.AgreementId, endDate: "2024-12-31T10:00:00Z" };
    expect(await write(AGREEMENT, ended)).toEqual({ ...created, operation: "updated" });
    expect(await write(AGREEMENT, { ...ended, endDate: "2024-12-31" })).toEqual({
      ...created,
      operation: "unchanged",
    });

    expectStatus(await call(AGREEMENT, { ...agreement, AgreementId: UNKNOWN_ID }), 404, "Not Found");
    expectStatus(await call(AGREEMENT, { ...agreement, contractNo: "NO-SUCH-CONTRACT" }), 404, "Not Found");
    expectStatus(await call(AGREEMENT, { ...agreement, endDate: "2020-01-01" }), 400, "Bad Request");
  });
});

describe("conflicts, concurrency and atomicity", () => {
  it("answers 409 for a UniqueID another customer owns, and changes neither customer", async () => {
    const first = await newCustomer("W-OWN-1");
    const second = await newCustomer("W-OWN-2");
    const moved = await call(CUSTOMER, {
      CustomerInfo: {
        ...customerData("W-OWN-1", { firstName: "Radu" }).CustomerInfo,
        customerInternalId: second,
      },
    });
    expectStatus(moved, 409, "Conflict");
    expect(moved.body.UIResult.Errors).toEqual([
      { field: "CustomerInfo.UniqueID", message: expect.any(String) },
    ]);
    expect(await header(second)).toMatchObject({
      fullName: "Ana Popescu",
      uniqueIdMasked: expect.stringMatching(/WN-2$/),
    });
    expect(await header(first)).toMatchObject({
      fullName: "Ana Popescu",
      uniqueIdMasked: expect.stringMatching(/WN-1$/),
    });
  });

  it("turns 20 identical concurrent creates into one customer, the same id in all 20 answers", async () => {
    const stages = async () =>
      (await write("FTOS_ACC_AccountClientLifecycle", null)).stages.reduce(
        (sum: number, s: { customers: number }) => sum + s.customers,
        0,
      );
    const before = await stages();
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => call(CUSTOMER, customerData("W-RACE-1", { firstName: "Sorin" }))),
    );
    const results = answers.map(dataOf);
    const ids = new Set(results.map((r) => r.customerInternalId));
    expect(ids.size).toBe(1);
    expect(results.filter((r) => r.operation === "created")).toHaveLength(1);
    expect(results.filter((r) => r.operation === "unchanged")).toHaveLength(19);
    expect(await stages()).toBe(before + 1);
  });

  it("turns concurrent identical writes of every other action into one record", async () => {
    const customerInternalId = await newCustomer("W-RACE-2");
    const other = await newCustomer("W-RACE-3");
    const writes: [string, unknown][] = [
      [ADDRESS, addressData(customerInternalId)],
      [REPRESENTATIVE, representativeData(customerInternalId, other)],
      [APPLICATION, applicationData(customerInternalId, { externalId: "W-RACE-APP" })],
      [AGREEMENT, agreementData(customerInternalId)],
    ];
    for (const [action, data] of writes) {
      const results = (await Promise.all(Array.from({ length: 10 }, () => call(action, data)))).map(dataOf);
      expect(new Set(results.map((r) => Object.values(r)[0])).size, action).toBe(1);
      expect(results.map((r) => r.operation).sort(), action).toEqual([
        "created",
        ...Array(9).fill("unchanged"),
      ]);
    }
  });

  it("leaves the record untouched when an update is rejected, whatever the reason", async () => {
    const id = await newCustomer("W-ATOM-1");
    await newCustomer("W-ATOM-2");
    const base = { ...customerData("W-ATOM-1").CustomerInfo, customerInternalId: id };
    const invalid = await call(CUSTOMER, {
      CustomerInfo: { ...base, firstName: "Changed", email: "broken" },
    });
    expectStatus(invalid, 400, "Bad Request");
    const taken = await call(CUSTOMER, {
      CustomerInfo: { ...base, firstName: "Changed", mobilePhone: "+40799999999", UniqueID: "W-ATOM-2" },
    });
    expectStatus(taken, 409, "Conflict");
    expect(await header(id)).toMatchObject({
      fullName: "Ana Popescu",
      email: "w-atom-1@example.ro",
      mobilePhone: "+40712345678",
      uniqueIdMasked: expect.stringMatching(/OM-1$/),
    });
    expect(await write(CUSTOMER, { CustomerInfo: base })).toEqual({
      customerInternalId: id,
      operation: "unchanged",
    });
  });
});
