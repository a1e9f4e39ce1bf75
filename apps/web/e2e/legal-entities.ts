import type { Page } from "playwright-core";
import { type Browser, signIn, waitForWidgets, widget } from "./browser";
import { assert, assertEqual, type Checks } from "./checks";
import { type apiClient, contractRows, day } from "./dataset";

/** The e2e company and its group, fed through tRPC: the checks below know every figure. */
const E2E_COMPANY = {
  name: "Testescu Logistic SRL",
  UniqueID: "RO-E2E-COMPANY-1",
  registrationNumber: "J12/4242/2019",
  industry: "TransportationStorage",
  accountType: "Company",
  email: "office@testescu-logistic.ro",
  mobilePhone: "0264 555 010",
};
const E2E_GROUP = { name: "Testescu Group", UniqueID: "RO-E2E-GROUP-1", accountType: "Group" };

export interface CompanyAndGroup {
  companyId: string;
  groupId: string;
  /** The group's exposure as the members' own portfolios add up: `assets RON` → cents. */
  expectedExposure: Map<string, bigint>;
}

const cents = (amount: string): bigint => BigInt(amount.replace(/[^0-9-]/g, ""));

/**
 * The company (Elena, the e2e customer, its administrator), a group with the company as parent
 * company and Elena as guarantor, and the company's holdings: a RON loan and a EUR current account.
 */
export async function createE2eCompanyAndGroup(
  client: ReturnType<typeof apiClient>,
  personId: string,
): Promise<CompanyAndGroup> {
  const { customerInternalId: companyId } = await client.customers.upsertLegalEntity.mutate({
    CustomerInfo: E2E_COMPANY,
  });
  const { customerInternalId: groupId } = await client.customers.upsertLegalEntity.mutate({
    CustomerInfo: E2E_GROUP,
  });
  await client.representatives.upsert.mutate({
    CustomerRepresentativeInfo: {
      customerInternalId: companyId,
      customerRepresentativeNo: personId,
      accountRelationType: "Administrator",
    },
  });
  await client.groups.upsertMember.mutate({
    GroupMemberInfo: {
      groupInternalId: groupId,
      customerInternalId: companyId,
      role: "Parent company",
      startDate: day(-400),
    },
  });
  await client.groups.upsertMember.mutate({
    GroupMemberInfo: { groupInternalId: groupId, customerInternalId: personId, role: "Guarantor" },
  });
  const contract = contractRows((no) => ({ externalId: `E2E-LE:${no}`, customerInternalId: companyId }), 300);
  await client.ingest.contracts.mutate({
    rows: [
      contract("LE-LOAN-1", "loan", "Investment loan", "480000.00", "RON"),
      contract("LE-CUR-1", "current", "Business current account", "12500.50", "EUR"),
    ],
  });
  // Worked out from the members' portfolios (another widget, another statement), not from the exposure.
  const expectedExposure = new Map<string, bigint>();
  for (const member of [companyId, personId]) {
    const portfolio = await client.widgets.productPortfolio.query({ customerInternalId: member });
    for (const t of portfolio.totals) {
      const key = `${t.side} ${t.currency}`;
      expectedExposure.set(key, (expectedExposure.get(key) ?? 0n) + cents(t.amount));
    }
  }
  return { companyId, groupId, expectedExposure };
}

const exposureOf = async (page: Page, key: string) =>
  (await widget(page, "groups").locator(`[data-exposure="${key}"]`).first().textContent()) ?? "";

/** A bank employee looks at a company, follows it to its group, and back to a member. */
export async function companyAndGroupScenario(ctx: {
  checks: Checks;
  browser: Browser;
  url: string;
  password: string;
  personId: string;
  sampleGroupId: string | undefined;
  ids: CompanyAndGroup;
  artifacts: string;
}): Promise<void> {
  const { checks, url, ids } = ctx;
  const { page } = ctx.browser;

  await checks.check("search finds the company by its registration number", async () => {
    await page.goto(`${url}/`);
    if (await page.getByLabel("Username").isVisible()) await signIn(page, "e2e.writer", ctx.password);
    await page.getByLabel("Name, Unique ID, e-mail or phone").fill("j12/4242");
    await page
      .getByRole("link", { name: new RegExp(E2E_COMPANY.name) })
      .first()
      .click();
    await page.getByTestId("page-title").filter({ hasText: E2E_COMPANY.name }).waitFor();
    assertEqual(new URL(page.url()).pathname, `/customers/${ids.companyId}`, "URL path");
  });

  await checks.check(
    "a company's page shows its registration number, industry, representatives and group",
    async () => {
      await waitForWidgets(page, ["header", "representatives", "groups"]);
      const header = widget(page, "header");
      await header.getByRole("heading", { name: "Company" }).waitFor();
      assertEqual(
        await header.locator('[data-fact="registrationNumber"]').textContent(),
        "J12/4242/2019",
        "registration number",
      );
      assertEqual(
        await header.locator('[data-fact="industry"]').textContent(),
        "TransportationStorage",
        "industry",
      );
      await widget(page, "representatives").getByText("Administrator").waitFor();
      await widget(page, "representatives").getByRole("link", { name: "Elena Testescu" }).waitFor();
      await widget(page, "groups").getByText("Parent company").first().waitFor();
      assertEqual(await page.locator('[data-state="error"]').count(), 0, "widgets in error");
    },
  );

  await checks.check("the group link opens the group: its members with roles and its exposure", async () => {
    await widget(page, "groups").getByRole("link", { name: E2E_GROUP.name }).click();
    await page.getByTestId("page-title").filter({ hasText: E2E_GROUP.name }).waitFor();
    assertEqual(new URL(page.url()).pathname, `/customers/${ids.groupId}`, "URL path");
    await waitForWidgets(page, ["header", "groups"]);
    const members = widget(page, "groups");
    await members.getByRole("heading", { name: "Group members and exposure" }).waitFor();
    const rows = await members.locator("tbody tr").allTextContents();
    assertEqual(rows.length, 2, "member rows");
    assert(
      rows.some((r) => r.includes(E2E_COMPANY.name) && r.includes("Parent company")),
      rows.join(" | "),
    );
    assert(
      rows.some((r) => r.includes("Elena Testescu") && r.includes("Guarantor")),
      rows.join(" | "),
    );
    assert(
      ids.expectedExposure.has("assets RON") && ids.expectedExposure.has("liabilities EUR"),
      "expected sums",
    );
    for (const [key, expected] of ids.expectedExposure) {
      const shown = await exposureOf(page, key);
      assertEqual(String(cents(shown)), String(expected), `exposure ${key} (${shown})`);
    }
    await page.screenshot({ path: `${ctx.artifacts}/group.png`, fullPage: true });
  });

  await checks.check("a member's link leads back to the member, whose header names the group", async () => {
    await widget(page, "groups").getByRole("link", { name: "Elena Testescu" }).click();
    await page.getByTestId("page-title").filter({ hasText: "Elena Testescu" }).waitFor();
    await waitForWidgets(page, ["header", "groups"]);
    await widget(page, "header").getByRole("link", { name: E2E_GROUP.name }).waitFor();
    await widget(page, "groups").getByText("Guarantor").waitFor();
  });

  if (ctx.sampleGroupId) {
    await checks.check("a seeded group shows its members and exposure without an error", async () => {
      await page.goto(`${url}/customers/${ctx.sampleGroupId}`);
      await waitForWidgets(page, ["header", "groups"]);
      assertEqual(await page.locator('[data-state="error"]').count(), 0, "widgets in error");
      assert((await widget(page, "groups").locator("tbody tr").count()) > 0, "no member rows");
    });
  }

  await checks.check("no script error on the company and group pages", () => {
    assertEqual(ctx.browser.errors, [], "console errors");
  });
}
