import {
  accountHeader,
  accountPicture,
  createActions,
  DEFAULT_SETTINGS,
  groupExposure,
  groupMemberInput,
  listCustomerRepresentatives,
  listGroupMembers,
  parseInput,
  productPortfolio,
  profileComplete,
  sumDecimals,
  upsertGroupMember,
  type WriteStore,
} from "@account360/core";
import { runAction } from "@account360/core/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { contractRowFor, ingestBatch, insertAddress, testContext } from "../ingest/test-kit";
import { createWriteStore } from "../repositories/write-store";
import { addCustomer, addGroup, addLegalEntity, writer } from "../repositories/write-test-kit";
import { createSources } from "../sources";
import { testDatabaseOfFile } from "../test-world";

const handle = testDatabaseOfFile();
let store: WriteStore;
let sources: ReturnType<typeof createSources>;
beforeAll(async () => {
  store = createWriteStore(handle.sql);
  sources = createSources(handle.sql);
}, 60_000);

const ctx = testContext("2025-06-30T12:00:00Z");
const run = <A extends Parameters<typeof runAction>[0]>(action: A, input: unknown) =>
  runAction(action, sources, input, ctx);
const join = (info: Record<string, unknown>) =>
  upsertGroupMember(store, writer, parseInput(groupMemberInput, { GroupMemberInfo: info }));

/** A group with a company (RON and EUR, both sides), an individual, a past and a future member. */
async function seededGroup() {
  const group = await addGroup(store, { name: "Carpați Group" });
  const company = await addLegalEntity(store, { name: "Carpați Logistic SRL" });
  const person = await addCustomer(store, { firstName: "Ion", lastName: "Carpați" });
  const former = await addLegalEntity(store, { name: "Former Member SA" });
  const future = await addLegalEntity(store, { name: "Future Member SA" });
  await join({
    groupInternalId: group,
    customerInternalId: company,
    role: "Parent company",
    startDate: "2020-01-01",
  });
  await join({
    groupInternalId: group,
    customerInternalId: person,
    role: "Guarantor",
    endDate: "2025-06-30",
  });
  await join({
    groupInternalId: group,
    customerInternalId: former,
    role: "Affiliate",
    endDate: "2025-06-29",
  });
  await join({
    groupInternalId: group,
    customerInternalId: future,
    role: "Subsidiary",
    startDate: "2025-07-01",
  });
  await ingestBatch(handle.sql, "contracts", [
    contractRowFor(company, { category: "loan", balance: "1000000.10", currency: "RON" }),
    contractRowFor(company, { category: "mortgage", balance: "0.20", currency: "RON" }),
    contractRowFor(company, { category: "current", balance: "2500.55", currency: "EUR" }),
    contractRowFor(company, { category: "deposit", balance: "99.99", currency: "RON", status: "closed" }),
    contractRowFor(company, {
      category: "savings",
      balance: "5.00",
      currency: "RON",
      closeDate: "2025-06-29",
    }),
    contractRowFor(person, { category: "card", balance: "300.33", currency: "RON" }),
    contractRowFor(person, { category: "savings", balance: "10.01", currency: "EUR" }),
    contractRowFor(former, { category: "loan", balance: "777.00", currency: "RON" }),
    contractRowFor(future, { category: "loan", balance: "888.00", currency: "RON" }),
  ]);
  return { group, company, person, former, future };
}

describe("FTOS_ACC_GroupExposure", () => {
  it("sums the active holdings of today's members per currency and side, equal to their portfolios' totals", async () => {
    const { group, company, person } = await seededGroup();
    const exposure = await run(groupExposure, { customerInternalId: group });
    expect(exposure.groups).toHaveLength(1);
    const [only] = exposure.groups;
    expect(only?.members.map((m) => [m.name, m.role])).toEqual([
      ["Carpați Logistic SRL", "Parent company"],
      ["Ion Carpați", "Guarantor"],
    ]);
    expect(only?.totals).toEqual(
      [
        { currency: "RON", side: "assets", amount: "1000300.63" },
        { currency: "EUR", side: "liabilities", amount: "2510.56" },
      ].sort((a, b) => a.side.localeCompare(b.side) || a.currency.localeCompare(b.currency)),
    );

    // The same sums by another road: each member's product portfolio, added up.
    const byKey = new Map<string, string[]>();
    for (const member of [company, person]) {
      const portfolio = await run(productPortfolio, { customerInternalId: member });
      for (const t of portfolio.totals)
        byKey.set(`${t.side} ${t.currency}`, [...(byKey.get(`${t.side} ${t.currency}`) ?? []), t.amount]);
    }
    expect(Object.fromEntries(only?.totals.map((t) => [`${t.side} ${t.currency}`, t.amount]) ?? [])).toEqual(
      Object.fromEntries([...byKey].map(([key, amounts]) => [key, sumDecimals(amounts)])),
    );
    expect(only?.members[0]).toMatchObject({
      assets: [{ currency: "RON", amount: "1000000.30" }],
      liabilities: [{ currency: "EUR", amount: "2500.55" }],
    });
  });

  it("asked of a member, answers every group it belongs to today; of a customer in none, no group; 404 unknown", async () => {
    const { company } = await seededGroup();
    const second = await addGroup(store, { name: "Another Group" });
    await join({ groupInternalId: second, customerInternalId: company, role: "Affiliate" });
    const exposure = await run(groupExposure, { customerInternalId: company });
    expect(exposure.groups.map((g) => g.name)).toEqual(["Another Group", "Carpați Group"]);
    const loner = await addLegalEntity(store);
    expect((await run(groupExposure, { customerInternalId: loner })).groups).toEqual([]);
    await expect(
      run(groupExposure, { customerInternalId: "00000000-0000-4000-8000-000000000000" }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

describe("legal entities in the widgets", () => {
  it("the header shows the kind, registration number, industry, accountType and today's groups", async () => {
    const { group, company, former } = await seededGroup();
    const header = await run(accountHeader, { customerInternalId: company });
    expect(header).toMatchObject({
      kind: "legalEntity",
      fullName: "Carpați Logistic SRL",
      initials: "CL",
      registrationNumber: "J40/1234/2015",
      industry: "TransportationStorage",
      accountType: "Company",
      groups: [{ customerInternalId: group, name: "Carpați Group", role: "Parent company" }],
    });
    expect((await run(accountHeader, { customerInternalId: former })).groups).toEqual([]);
    expect((await run(accountHeader, { customerInternalId: group })).kind).toBe("group");
  });

  it("a group's rename reaches its members' headers and exposure, also when it races new memberships", async () => {
    const { group, company } = await seededGroup();
    await addGroup(store, { customerInternalId: group, name: "Carpați Holding" });
    expect((await run(accountHeader, { customerInternalId: company })).groups).toEqual([
      { customerInternalId: group, name: "Carpați Holding", role: "Parent company" },
    ]);
    expect((await run(groupExposure, { customerInternalId: company })).groups.map((g) => g.name)).toEqual([
      "Carpați Holding",
    ]);

    const joiners = await Promise.all(
      [1, 2, 3, 4].map((n) => addLegalEntity(store, { name: `Joiner ${n} SA` })),
    );
    await Promise.all([
      ...joiners.map((customerInternalId) =>
        join({ groupInternalId: group, customerInternalId, role: "Affiliate" }),
      ),
      addGroup(store, { customerInternalId: group, name: "Carpați Final" }),
    ]);
    for (const customerInternalId of [company, ...joiners]) {
      const { groups } = await run(accountHeader, { customerInternalId });
      expect(
        groups.map((g) => g.name),
        customerInternalId,
      ).toEqual(["Carpați Final"]);
    }
  });

  it("profile completion weighs a legal entity by its own entries", async () => {
    const company = await addLegalEntity(store, { industry: null });
    const bare = await run(profileComplete, { customerInternalId: company });
    // name 15 + UniqueID 15 + registrationNumber 15 + email 10 + mobilePhone 10 = 65
    expect(bare).toMatchObject({ percentage: 65, band: "yellow", next: { field: "address", weight: 15 } });
    await insertAddress(handle.db, company);
    const representative = await addCustomer(store);
    const { upsertCustomerRepresentative, customerRepresentativeInput } = await import("@account360/core");
    await upsertCustomerRepresentative(
      store,
      writer,
      parseInput(customerRepresentativeInput, {
        CustomerRepresentativeInfo: {
          customerInternalId: company,
          customerRepresentativeNo: representative,
          accountRelationType: "administrator",
        },
      }),
    );
    const filled = await run(profileComplete, { customerInternalId: company });
    expect(filled).toMatchObject({ percentage: 90, missing: [{ field: "industry", weight: 10 }] });
    const links = await run(listCustomerRepresentatives, { customerInternalId: company });
    expect(links.representatives).toEqual([
      expect.objectContaining({
        customerInternalId: representative,
        name: "Ana Popescu",
        accountRelationType: "Administrator",
      }),
    ]);
    const back = await run(listCustomerRepresentatives, { customerInternalId: representative });
    expect(back.represents).toEqual([
      expect.objectContaining({ customerInternalId: company, name: "Carpați Logistic SRL" }),
    ]);
  });

  it("the picture's avatar carries a legal entity's initials, and groups.members links both ways", async () => {
    const { group, company, former } = await seededGroup();
    const picture = await run(accountPicture, { customerInternalId: company });
    expect(Buffer.from(picture.dataBase64, "base64").toString("utf8")).toContain(">CL<");
    const ofGroup = await run(listGroupMembers, { customerInternalId: group });
    expect(ofGroup.members.map((m) => [m.name, m.active])).toEqual([
      ["Carpați Logistic SRL", true],
      ["Former Member SA", false],
      ["Future Member SA", false],
      ["Ion Carpați", true],
    ]);
    expect(ofGroup.groups).toEqual([]);
    const ofFormer = await run(listGroupMembers, { customerInternalId: former });
    expect(ofFormer.groups).toEqual([
      expect.objectContaining({
        groupInternalId: group,
        groupName: "Carpați Group",
        endDate: "2025-06-29",
        active: false,
      }),
    ]);
  });

  it("every widget answers for a legal entity and for a group", async () => {
    const { group, company } = await seededGroup();
    const actions = Object.values(createActions(DEFAULT_SETTINGS)).filter(
      (a) => a.tag === "Widgets" && a.kind === "query",
    );
    const inputOf = (name: string, id: string): unknown => {
      if (name === "FTOS_ACC_AccountClientLifecycle") return { customerInternalId: id };
      if (name === "FTOS_ACC_GetProductSuggestions") return { accountId: id };
      if (name === "FTOS_ACC_AccountProfitabilityPI")
        return { customerInternalId: id, indicatorName: "Net Margin" };
      if (name === "FTOS_ACC_AccountRecentInteractions")
        return { customerInternalId: id, fromDate: "2025-01-01", toDate: "2025-06-30" };
      if (name === "FTOS_ACC_AccountRevenuesPI" || name === "FTOS_ACC_GetCustomerTransactionValues")
        return { customerInternalId: id, startDate: "2025-01-01", endDate: "2025-06-30" };
      return { customerInternalId: id };
    };
    await ingestBatch(
      handle.sql,
      "profitabilityValues",
      [company, group].map((id, i) => ({
        externalId: `P-LE-${i}-${id}`,
        customerInternalId: id,
        indicator: "Net Margin",
        month: "2025-05",
        value: "1.25",
      })),
    );
    const answered: string[] = [];
    for (const action of actions) {
      for (const id of [company, group]) {
        const output = (await runAction(action, sources, inputOf(action.name, id), ctx)) as { asOf?: string };
        expect(output.asOf, action.name).toBe("2025-06-30T12:00:00.000Z");
      }
      answered.push(action.name);
    }
    expect(answered).toContain("FTOS_ACC_GroupExposure");
    expect(answered.length).toBeGreaterThanOrEqual(13);
  });
});
