import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actionIndex } from "./test/actions";
import {
  type Answer,
  type Caller,
  callAction,
  dataOf,
  startOneProcess,
  type TestServer,
} from "./test/bridge-server";
import { getToken } from "./test/seed-examples";
import { day, trpcClient } from "./test/widget-data";

/**
 * CONTRACT §8 through the doors an integrator uses: callAction with Data as a JSON string, the
 * legacy name, and the tRPC procedures. The tests run in order: the writes make what the reads read.
 */

let server: TestServer;
let caller: Caller;
let client: ReturnType<typeof trpcClient>;
const ids = { company: "", group: "", person: "", membership: "" };

const send = (name: string, data: unknown): Promise<Answer> => callAction(server.url, name, data, caller);

beforeAll(async () => {
  server = await startOneProcess();
  const token = await server.userToken("crm.corporate", ["writer", "reader"]);
  const apiInfo = await getToken(server.url, "crm.corporate");
  caller = { userName: apiInfo.UserName, token: apiInfo.Token };
  client = trpcClient(server.url, token);
}, 60_000);
afterAll(async () => {
  await server?.stop();
});

/**
 * The legal-entity action's example as FintechOS documents it: the §8 field names in their
 * order, placeholders the caller has no value for sent empty, `registrationNo` spelled as on
 * FintechOS's own page.
 */
const fintechOsExample = (customerInternalId: string) =>
  JSON.stringify({
    CustomerInfo: {
      customerInternalId,
      name: "Carpați Logistic SRL",
      email: "office@carpati-logistic.ro",
      mobilePhone: "0212345678",
      UniqueID: "RO12345678",
      industry: "TransportationStorage",
      registrationNo: "J40/1234/2015",
      emailAddressType: "Work",
      phoneNumberType: "Work",
      accountType: "Company",
    },
  });

describe("FTOS_ACC_CB_AddUpdateLegalEntityCustomer over callAction", () => {
  it("accepts FintechOS's example as sent: created, then unchanged by customerInternalId", async () => {
    const created = dataOf(await send("FTOS_ACC_CB_AddUpdateLegalEntityCustomer", fintechOsExample("")));
    expect(created).toEqual({ customerInternalId: expect.any(String), operation: "created" });
    ids.company = created.customerInternalId;
    const again = await send("FTOS_ACC_CB_AddUpdateLegalEntityCustomer", fintechOsExample(ids.company));
    expect(dataOf(again)).toEqual({ customerInternalId: ids.company, operation: "unchanged" });
    expect(again.body.Message).toBe("Customer unchanged");
  });

  it("runs under its legacy name, with Deprecation and a Message naming the replacement", async () => {
    const data = JSON.parse(fintechOsExample("")) as { CustomerInfo: Record<string, string> };
    data.CustomerInfo.name = "Carpați Logistic SA";
    const legacy = await send("FTOS_CB_AddUpdateLegalEntityCustomer", data);
    expect(dataOf(legacy)).toEqual({ customerInternalId: ids.company, operation: "updated" });
    expect(legacy.headers.get("deprecation")).toMatch(/^@\d+$/);
    expect(legacy.headers.get("link")).toContain("FTOS_ACC_CB_AddUpdateLegalEntityCustomer");
    expect(legacy.body.Message).toContain("FTOS_ACC_CB_AddUpdateLegalEntityCustomer");
  });

  it("answers 400 naming every bad field, 409 for an individual's UniqueID, 404 for an unknown id", async () => {
    const bad = await send("FTOS_ACC_CB_AddUpdateLegalEntityCustomer", {
      customerinfo: { NAME: "X SRL", uniqueid: "RO1", accounttype: "Holding", Industry: "mining" },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.Message).toMatch(/^Bad Request - /);
    expect(bad.body.UIResult.Errors.map((e) => e.field).sort()).toEqual([
      "customerinfo.Industry",
      "customerinfo.accounttype",
    ]);
    const person = dataOf(
      await send("FTOS_ACC_CB_AddUpdateIndividualCustomer", {
        CustomerInfo: {
          firstName: "Ion",
          lastName: "Carpați",
          UniqueID: "1700101123456",
          email: "ion@carpati-logistic.ro",
          mobilePhone: "0722123456",
        },
      }),
    );
    ids.person = person.customerInternalId;
    const taken = await send("FTOS_ACC_CB_AddUpdateLegalEntityCustomer", {
      CustomerInfo: { name: "Other SRL", UniqueID: "1700101123456", accountType: "Company" },
    });
    expect(taken.status).toBe(409);
    expect(taken.body.UIResult.Errors.map((e) => e.field)).toEqual(["CustomerInfo.UniqueID"]);
    const unknown = await send("FTOS_ACC_CB_AddUpdateLegalEntityCustomer", {
      CustomerInfo: {
        customerInternalId: "00000000-0000-4000-8000-000000000000",
        name: "Other SRL",
        UniqueID: "RO999",
        accountType: "Company",
      },
    });
    expect(unknown.status).toBe(404);
  });

  it("links a company's administrator through the representative action", async () => {
    const linked = await send("FTOS_ACC_CB_AddUpdateCustomerRepresentative", {
      CustomerRepresentativeInfo: {
        customerInternalId: ids.company,
        customerRepresentativeNo: ids.person,
        accountRelationType: "administrator",
      },
    });
    expect(dataOf(linked)).toEqual({
      customerRepresentativeIdentifier: expect.any(String),
      operation: "created",
    });
  });
});

describe("groups", () => {
  it("FTOS_ACC_CB_AddUpdateGroupMember adds members with roles and dates; a group as member is 400", async () => {
    ids.group = dataOf(
      await send("FTOS_ACC_CB_AddUpdateLegalEntityCustomer", {
        CustomerInfo: { name: "Carpați Group", UniqueID: "GRP-CARPATI", accountType: "group" },
      }),
    ).customerInternalId;
    const member = await send("FTOS_ACC_CB_AddUpdateGroupMember", {
      GroupMemberInfo: {
        groupMemberIdentifier: "",
        groupInternalId: ids.group,
        customerInternalId: ids.company,
        role: "Parent company",
        startDate: day(-100),
        endDate: "",
      },
    });
    expect(dataOf(member)).toEqual({ groupMemberIdentifier: expect.any(String), operation: "created" });
    expect(member.body.Message).toBe("Group member created");
    ids.membership = dataOf(member).groupMemberIdentifier;
    const viaTrpc = await client.groups.upsertMember.mutate({
      GroupMemberInfo: { groupInternalId: ids.group, customerInternalId: ids.person, role: "Guarantor" },
    });
    expect(viaTrpc.operation).toBe("created");
    const groupAsMember = await send("FTOS_ACC_CB_AddUpdateGroupMember", {
      GroupMemberInfo: { groupInternalId: ids.company, customerInternalId: ids.group, role: "Member" },
    });
    expect(groupAsMember.status).toBe(400);
    expect(groupAsMember.body.UIResult.Errors.map((e) => e.field)).toEqual([
      "GroupMemberInfo.groupInternalId",
    ]);
  });

  it("groups.members and the header link a member and its groups", async () => {
    const ofGroup = await client.groups.members.query({ customerInternalId: ids.group });
    expect(ofGroup.members.map((m) => [m.name, m.role, m.active])).toEqual([
      ["Carpați Logistic SA", "Parent company", true],
      ["Ion Carpați", "Guarantor", true],
    ]);
    const header = dataOf(await send("FTOS_ACC_AccountHeader", { customerInternalId: ids.company }));
    expect(header).toMatchObject({
      kind: "legalEntity",
      fullName: "Carpați Logistic SA",
      initials: "CL",
      registrationNumber: "J40/1234/2015",
      industry: "TransportationStorage",
      accountType: "Company",
      groups: [{ customerInternalId: ids.group, name: "Carpați Group", role: "Parent company" }],
    });
  });

  it("FTOS_ACC_GroupExposure sums the members' active holdings per currency and side", async () => {
    const contract = (
      customerInternalId: string,
      n: string,
      category: string,
      balance: string,
      currency: string,
    ) => ({
      externalId: `LE-${n}`,
      customerInternalId,
      contractNo: `LE-${n}`,
      category,
      bankingProduct: category,
      amount: null,
      balance,
      currency,
      status: "active",
      activationDate: day(-50),
      closeDate: null,
      interestRate: null,
    });
    await client.ingest.contracts.mutate({
      rows: [
        contract(ids.company, "1", "loan", "125000.10", "RON"),
        contract(ids.company, "2", "current", "4300.25", "EUR"),
        contract(ids.person, "3", "card", "0.90", "RON"),
      ],
    });
    const exposure = dataOf(await send("FTOS_ACC_GroupExposure", { customerInternalId: ids.group }));
    expect(exposure.groups).toHaveLength(1);
    expect(exposure.groups[0].totals).toEqual([
      { currency: "RON", side: "assets", amount: "125001.00" },
      { currency: "EUR", side: "liabilities", amount: "4300.25" },
    ]);
    const ofMember = await client.widgets.groupExposure.query({ customerInternalId: ids.person });
    expect(ofMember.groups.map((g) => g.name)).toEqual(["Carpați Group"]);
  });

  it("customers.search finds the company by name, UniqueID and registration number", async () => {
    for (const [query, matchedOn] of [
      ["carpați log", "name"],
      ["ro1234", "uniqueId"],
      ["j40/1234", "registrationNumber"],
    ] as const) {
      const found = await client.customers.search.query({ query });
      expect(
        found.items.map((i) => [i.customerInternalId, i.matchedOn]),
        query,
      ).toContainEqual([ids.company, matchedOn]);
    }
  });

  it("every widget answers for a legal entity and a group over callAction", async () => {
    const widgets = actionIndex.all.filter((a) => a.tag === "Widgets" && a.kind === "query");
    const dataFor = (name: string, id: string) => {
      if (name === "FTOS_ACC_GetProductSuggestions") return { accountId: id };
      if (name === "FTOS_ACC_AccountProfitabilityPI") return null;
      if (name === "FTOS_ACC_AccountRecentInteractions")
        return { customerInternalId: id, fromDate: day(-30), toDate: day(0) };
      if (name === "FTOS_ACC_AccountRevenuesPI" || name === "FTOS_ACC_GetCustomerTransactionValues")
        return { customerInternalId: id, startDate: day(-30), endDate: day(0) };
      return { customerInternalId: id };
    };
    for (const widget of widgets) {
      for (const id of [ids.company, ids.group]) {
        const data = dataFor(widget.name, id);
        if (data === null) continue; // needs an indicator with values; the storage tests cover it
        const answer = await send(widget.name, data);
        expect(answer.status, `${widget.name}: ${answer.text}`).toBe(200);
        expect(answer.body.UIResult.Data.asOf).toEqual(expect.any(String));
      }
    }
  });
});
