import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Answer, dataOf, post, startOneProcess, type TestServer } from "./test/bridge-server";
import { seedExamples as example, getToken } from "./test/seed-examples";
import { day, ingestWidgetData, month, PNG_1X1, trpcClient } from "./test/widget-data";

/**
 * The endpoint document's examples, sent as an external system sends them: the token from
 * GetToken, `Data` a JSON string with the documented field names in the documented order,
 * `ApiInfo.UserName` and `ApiInfo.Token`, placeholders the caller has no value for sent empty.
 * The tests run in order as one integration story: the writes create what the widgets read.
 */

let server: TestServer;
let apiInfo: { UserName: string; Token: string };
let customerId = "";
let representativeId = "";

const send = (ActionName: string, data: Record<string, unknown> | null): Promise<Answer> =>
  post(
    server.url,
    JSON.stringify({
      Request: { ActionName, Data: data === null ? null : JSON.stringify(data) },
      ApiInfo: apiInfo,
    }),
  );

beforeAll(async () => {
  server = await startOneProcess();
  await server.userToken("crm.integration", ["writer", "reader"]);
  apiInfo = await getToken(server.url, "crm.integration");
});
afterAll(async () => {
  await server?.stop();
});

describe("the seed document's write examples", () => {
  it("FTOS_ACC_CB_AddUpdateIndividualCustomer creates, then finds the customer by customerInternalId", async () => {
    const created = dataOf(
      await send("FTOS_ACC_CB_AddUpdateIndividualCustomer", example.customer("", "Ana", "1960523123456")),
    );
    expect(created).toEqual({ customerInternalId: expect.any(String), operation: "created" });
    customerId = created.customerInternalId;
    const again = await send(
      "FTOS_ACC_CB_AddUpdateIndividualCustomer",
      example.customer(customerId, "Ana", "1960523123456"),
    );
    expect(dataOf(again)).toEqual({ customerInternalId: customerId, operation: "unchanged" });
    expect(again.body.Message).toBe("Customer unchanged");
    representativeId = dataOf(
      await send("FTOS_ACC_CB_AddUpdateIndividualCustomer", example.customer("", "Mihai", "1700101123456")),
    ).customerInternalId;
  });

  it("FTOS_ACC_CB_AddUpdateCustomerAddress creates the address (the documented trailing space trimmed)", async () => {
    const created = dataOf(
      await send("FTOS_ACC_CB_AddUpdateCustomerAddress", example.address("", customerId)),
    );
    expect(created).toEqual({ addressIdentifier: expect.any(String), operation: "created" });
    const same = await send(
      "FTOS_ACC_CB_AddUpdateCustomerAddress",
      example.address(created.addressIdentifier, customerId, "home address"),
    );
    expect(dataOf(same)).toEqual({ ...created, operation: "unchanged" });
  });

  it("FTOS_ACC_CB_AddUpdateCustomerRepresentative links the representative", async () => {
    const created = dataOf(
      await send(
        "FTOS_ACC_CB_AddUpdateCustomerRepresentative",
        example.representative(customerId, "", representativeId),
      ),
    );
    expect(created).toEqual({ customerRepresentativeIdentifier: expect.any(String), operation: "created" });
    const same = await send(
      "FTOS_ACC_CB_AddUpdateCustomerRepresentative",
      example.representative(customerId, created.customerRepresentativeIdentifier, representativeId),
    );
    expect(dataOf(same)).toEqual({ ...created, operation: "unchanged" });
  });

  it("FTOS_ACC_CreateUpdateApplication creates the application and answers its externalId", async () => {
    const application = example.application(customerId);
    const created = dataOf(await send("FTOS_ACC_CreateUpdateApplication", application));
    expect(created).toEqual({ applicationId: expect.any(String), externalId: "APP-1", operation: "created" });
    expect(dataOf(await send("FTOS_ACC_CreateUpdateApplication", application)).operation).toBe("unchanged");
  });

  it("FTOS_ACC_AddUpdateCustomerAgreement links a marketing consent to a contract of the customer", async () => {
    await ingestWidgetData(trpcClient(server.url, apiInfo.Token), customerId);
    const created = dataOf(
      await send("FTOS_ACC_AddUpdateCustomerAgreement", example.agreement(customerId, "", day(-100))),
    );
    expect(created).toEqual({ AgreementId: expect.any(String), operation: "created" });
    const same = await send(
      "FTOS_ACC_AddUpdateCustomerAgreement",
      example.agreement(customerId, created.AgreementId, day(-100)),
    );
    expect(dataOf(same)).toEqual({ ...created, operation: "unchanged" });
  });
});

/** The contract's top-level keys (CONTRACT §5) plus asOf, which every widget answer carries. */
function expectContractKeys(data: Record<string, unknown>, keys: string[]) {
  expect(Object.keys(data)).toEqual(expect.arrayContaining([...keys, "asOf"]));
  expect(new Date(data.asOf as string).toISOString()).toBe(data.asOf);
  expect(Math.abs(Date.parse(data.asOf as string) - Date.now())).toBeLessThan(60_000);
}

describe("the seed document's widget examples", () => {
  const byCustomer = () => ({ customerInternalId: customerId });

  it("FTOS_ACC_AccountClientLifecycle: all six stages with Data null, the stage and events with a customer", async () => {
    const overview = dataOf(await send("FTOS_ACC_AccountClientLifecycle", null));
    expectContractKeys(overview, ["stages"]);
    expect(overview.stages).toHaveLength(6);
    for (const stage of overview.stages)
      expect(Object.keys(stage)).toEqual(expect.arrayContaining(["stage", "definition", "customers"]));
    expect(overview.stages.reduce((sum: number, s: { customers: number }) => sum + s.customers, 0)).toBe(2);
    expect(overview.stages.find((s: { stage: string }) => s.stage === "Active").customers).toBe(1);

    const mine = dataOf(await send("FTOS_ACC_AccountClientLifecycle", byCustomer()));
    expectContractKeys(mine, ["stage", "events"]);
    expect(mine.stage).toBe("Active");
    const dates = mine.events.map((e: { date: string }) => e.date);
    expect(dates).toEqual([...dates].sort());
    expect(mine.events.length).toBeGreaterThanOrEqual(4); // three contracts opened, one closed, an application
    for (const event of mine.events)
      expect(Object.keys(event)).toEqual(expect.arrayContaining(["date", "kind", "title", "reference"]));
  });

  it("FTOS_ACC_AccountFlags lists PEP, DPD and GARNISHMENT, and no NO_CONSENT", async () => {
    const flags = dataOf(await send("FTOS_ACC_AccountFlags", byCustomer()));
    expectContractKeys(flags, ["flags"]);
    const codes = flags.flags.map((f: { code: string }) => f.code);
    expect(codes).toEqual(expect.arrayContaining(["PEP", "DPD", "GARNISHMENT"]));
    expect(codes).not.toContain("NO_CONSENT");
    const dpd = flags.flags.find((f: { code: string }) => f.code === "DPD");
    expect(Object.keys(dpd)).toEqual(
      expect.arrayContaining(["code", "label", "severity", "since", "details"]),
    );
    expect(dpd.details).toMatchObject({
      daysPastDue: 10,
      overdueInstalments: 1,
      amount: "500.00",
      currency: "RON",
    });
  });

  it("FTOS_ACC_AccountHeader", async () => {
    const header = dataOf(await send("FTOS_ACC_AccountHeader", byCustomer()));
    expectContractKeys(header, [
      "customerInternalId",
      "fullName",
      "initials",
      "uniqueIdMasked",
      "email",
      "mobilePhone",
      "segment",
      "customerSince",
      "primaryAddress",
      "activeProducts",
      "flagsCount",
      "profileCompletion",
    ]);
    expect(header).toMatchObject({
      fullName: "Ana Popescu",
      initials: "AP",
      activeProducts: 2,
      profileCompletion: 100,
    });
    expect(header.uniqueIdMasked).toMatch(/[^0-9]{9}3456$/);
    expect(header.primaryAddress).toMatchObject({
      addressType: "Home Address",
      country: "RO",
      apartmentNo: "7",
    });
    expect(header.flagsCount).toBeGreaterThanOrEqual(3);
  });

  it("FTOS_ACC_AccountPicture", async () => {
    const picture = dataOf(await send("FTOS_ACC_AccountPicture", byCustomer()));
    expectContractKeys(picture, ["hasPicture", "contentType", "dataBase64"]);
    expect(picture).toMatchObject({ hasPicture: true, contentType: "image/png", dataBase64: PNG_1X1 });
    const avatar = dataOf(await send("FTOS_ACC_AccountPicture", { customerInternalId: representativeId }));
    expect(avatar).toMatchObject({ hasPicture: false, contentType: "image/svg+xml" });
    expect(Buffer.from(avatar.dataBase64, "base64").toString("utf8")).toContain("MP");
  });

  it("FTOS_ACC_AccountPendingActivities", async () => {
    const pending = dataOf(await send("FTOS_ACC_AccountPendingActivities", byCustomer()));
    expectContractKeys(pending, ["items", "counts"]);
    expect(pending.counts).toMatchObject({ application: 1, task: 1, instalment: 1 });
    const kinds = pending.items.map((i: { kind: string }) => i.kind);
    expect(kinds).toEqual(expect.arrayContaining(["application", "task", "instalment"]));
    for (const item of pending.items)
      expect(Object.keys(item)).toEqual(expect.arrayContaining(["kind", "id", "title", "dueDate", "status"]));
    const due = pending.items.map((i: { dueDate: string | null }) => i.dueDate).filter(Boolean);
    expect(due).toEqual([...due].sort());
  });

  it("FTOS_ACC_ProductPortfolio", async () => {
    const portfolio = dataOf(await send("FTOS_ACC_ProductPortfolio", byCustomer()));
    expectContractKeys(portfolio, ["assets", "liabilities", "totals"]);
    expect(portfolio.assets.map((h: { contractNo: string }) => h.contractNo)).toEqual(["LOAN-1"]);
    expect(portfolio.liabilities.map((h: { contractNo: string }) => h.contractNo).sort()).toEqual([
      "CUR-1",
      "SAV-1",
    ]);
    expect(portfolio.totals).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ currency: "RON", side: "assets", amount: "15000.00" }),
        expect.objectContaining({ currency: "RON", side: "liabilities", amount: "1500.00" }),
      ]),
    );
    expect(portfolio.totals).toHaveLength(2); // the closed EUR savings count nowhere
  });

  it("FTOS_ACC_GetProductSuggestions with accountId", async () => {
    const suggestions = dataOf(await send("FTOS_ACC_GetProductSuggestions", { accountId: customerId }));
    expectContractKeys(suggestions, ["suggestions", "suppressed"]);
    expect(suggestions.suppressed).toBeNull();
    expect(suggestions.suggestions[0]).toMatchObject({
      source: "campaign",
      product: "Credit card",
      score: 80,
    });
    expect(suggestions.suggestions.map((s: { source: string }) => s.source)).toContain("rule");
  });

  it("FTOS_ACC_ProfileComplete", async () => {
    const profile = dataOf(await send("FTOS_ACC_ProfileComplete", byCustomer()));
    expectContractKeys(profile, ["percentage", "band", "filledWeight", "totalWeight", "missing", "next"]);
    expect(profile).toMatchObject({
      percentage: 100,
      band: "green",
      filledWeight: 100,
      totalWeight: 100,
      missing: [],
      next: null,
    });
  });

  it("FTOS_ACC_AccountProfitabilityPI", async () => {
    const data = { customerInternalId: customerId, indicatorName: "net margin" };
    const profitability = dataOf(await send("FTOS_ACC_AccountProfitabilityPI", data));
    expectContractKeys(profitability, ["indicatorName", "months", "latest", "change"]);
    expect(profitability.indicatorName).toBe("Net Margin");
    expect(profitability.months).toHaveLength(12);
    expect(profitability.months.at(-1).month).toBe(month(0));
    expect(profitability.latest).toEqual({ month: month(-1), value: expect.stringMatching(/^132\.25/) });
    expect(profitability.change).not.toBeNull();
  });

  it("FTOS_ACC_AccountRecentInteractions with channels as a comma-separated string", async () => {
    const data = {
      customerInternalId: customerId,
      fromDate: day(-30),
      toDate: day(0),
      channels: "EMAIL, phone",
    };
    const recent = dataOf(await send("FTOS_ACC_AccountRecentInteractions", data));
    expectContractKeys(recent, ["items", "countsByChannel", "nextCursor"]);
    expect(recent.items.map((i: { subject: string }) => i.subject)).toEqual(["Fee refund", "Card fee"]);
    expect(recent.countsByChannel).toMatchObject({ Email: 1, Phone: 1 });
    expect(recent.nextCursor).toBeNull();
  });

  it("FTOS_ACC_AccountRevenuesPI", async () => {
    const data = { customerInternalId: customerId, startDate: day(-60), endDate: day(0) };
    const revenues = dataOf(await send("FTOS_ACC_AccountRevenuesPI", data));
    expectContractKeys(revenues, ["currencyTotals", "months", "byCategory"]);
    expect(revenues.currencyTotals).toEqual([{ currency: "RON", amount: "107.60" }]);
    expect(revenues.months.length).toBeGreaterThanOrEqual(3);
    expect(revenues.byCategory).toHaveLength(2);
  });

  it("FTOS_ACC_GetCustomerTransactionValues with every documented filter", async () => {
    const data = {
      customerInternalId: customerId,
      startDate: day(-30),
      endDate: day(0),
      transactionIndicators: "Card payment",
      direction: "outgoing",
      interIntra: "INTER",
      currencyId: "ron",
    };
    const values = dataOf(await send("FTOS_ACC_GetCustomerTransactionValues", data));
    expectContractKeys(values, ["rows", "totals"]);
    expect(values.rows).toEqual([
      {
        indicator: "Card payment",
        direction: "Outgoing",
        interIntra: "Inter",
        currency: "RON",
        count: 2,
        amount: "200.00",
      },
    ]);
    expect(values.totals).toEqual([{ currency: "RON", direction: "Outgoing", count: 2, amount: "200.00" }]);
  });
});
