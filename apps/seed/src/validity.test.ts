import {
  applicationInput,
  customerAddressInput,
  customerAgreementInput,
  customerRepresentativeInput,
  groupMemberInput,
  type IngestKind,
  individualCustomerInput,
  ingestBatchInput,
  ingestKinds,
  isFinalBusinessStatus,
  legalEntityCustomerInput,
  parseInput,
} from "@account360/core";
import { describe, expect, it } from "vitest";
import { customerActionData } from "./action-data";
import { generateDataset } from "./dataset";
import { INGEST_KIND_OF, tablesOf } from "./generated-tables";
import type { TableName } from "./records";

/** Enough customers for every rare branch (flags, garnishments, representatives) to show up. */
const options = { customers: 600, seed: 77, anchor: "2026-05-20", transactionsPerCustomer: 40 };
const today = options.anchor;

const tables = tablesOf(generateDataset(options));

const withoutId = <T extends { id?: string }>({ id: _id, ...rest }: T) => rest;
const share = <T>(rows: readonly T[], test: (row: T) => boolean) => rows.filter(test).length / rows.length;

describe("every generated record passes the core's own validation, already in canonical form", () => {
  it("legal entities (FTOS_ACC_CB_AddUpdateLegalEntityCustomer) and group members (FTOS_ACC_CB_AddUpdateGroupMember)", () => {
    const entities = tables.customers.filter((c) => c.kind === "legalEntity");
    expect(entities.length / options.customers).toBeGreaterThan(0.15);
    for (const c of entities) {
      const data = customerActionData.legalEntity(c);
      const parsed = legalEntityCustomerInput({ phoneRegion: "RO" }).safeParse(data);
      expect(parsed.error?.issues, c.uniqueId).toBeUndefined();
      expect(parsed.data).toEqual(data);
    }
    const groups = new Set(entities.filter((c) => c.accountType === "Group").map((c) => c.id));
    expect(groups.size).toBeGreaterThan(10);
    expect(tables.group_members.length).toBeGreaterThan(2 * groups.size);
    const ids = new Set(tables.customers.map((c) => c.id));
    for (const m of tables.group_members) {
      const parsed = groupMemberInput.safeParse(customerActionData.groupMember(m));
      expect(parsed.error?.issues, m.id).toBeUndefined();
      expect(groups.has(m.groupId)).toBe(true);
      expect(ids.has(m.customerId) && !groups.has(m.customerId)).toBe(true);
    }
    const companies = entities.filter((c) => c.accountType !== "Group").map((c) => c.id);
    const represented = new Set(tables.representatives.map((r) => r.customerId));
    expect(companies.every((id) => represented.has(id))).toBe(true);
  });

  it("customers (FTOS_ACC_CB_AddUpdateIndividualCustomer)", () => {
    for (const c of tables.customers.filter((c) => c.kind === "individual")) {
      const data = customerActionData.customer(c);
      const parsed = individualCustomerInput({ phoneRegion: "RO" }).safeParse(data);
      expect(parsed.error?.issues, c.uniqueId).toBeUndefined();
      expect(parsed.data).toEqual(data);
    }
  });

  it("addresses (FTOS_ACC_CB_AddUpdateCustomerAddress)", () => {
    for (const a of tables.addresses) {
      const data = customerActionData.address(a);
      const parsed = customerAddressInput.safeParse(data);
      expect(parsed.error?.issues, JSON.stringify(a)).toBeUndefined();
      expect(parsed.data).toEqual(data);
    }
  });

  it("agreements, applications and representatives", () => {
    for (const a of tables.agreements) {
      const data = customerActionData.agreement(a);
      const parsed = customerAgreementInput.safeParse(data);
      expect(parsed.error?.issues, JSON.stringify(a)).toBeUndefined();
      expect(parsed.data).toEqual(data);
      if (a.endDate) expect(a.endDate >= a.startDate).toBe(true);
    }
    for (const a of tables.applications) {
      const data = customerActionData.application(a);
      const parsed = applicationInput.safeParse(data);
      expect(parsed.error?.issues, JSON.stringify(a)).toBeUndefined();
      expect(parsed.data).toEqual(data);
    }
    expect(tables.representatives.length).toBeGreaterThan(5);
    for (const r of tables.representatives) {
      const data = customerActionData.representative(r);
      const parsed = customerRepresentativeInput.safeParse(data);
      expect(parsed.error?.issues).toBeUndefined();
      expect(parsed.data).toEqual(data);
      expect(r.representativeId).not.toBe(r.customerId);
    }
  });

  it("every ingested row, batch by batch as ingest.<kind> takes them (no record twice in a batch)", () => {
    for (const [table, kind] of Object.entries(INGEST_KIND_OF) as [TableName, IngestKind][]) {
      const rows = (tables[table] as { id?: string }[]).map(withoutId);
      expect(rows.length, table).toBeGreaterThan(0);
      for (let start = 0; start < rows.length; start += 10_000) {
        const batch = rows.slice(start, start + 10_000);
        expect(parseInput(ingestBatchInput(kind), { rows: batch }).rows, table).toEqual(batch);
      }
      const schema = ingestKinds[kind];
      expect(schema.safeParse(rows[0]).success).toBe(true);
    }
  });
});

describe("distributions a reader of the widgets would believe", () => {
  it("customers are mostly Romanian, with +407 mobiles, some from other countries", () => {
    const romanian = share(tables.customers, (c) => c.uniqueId.startsWith("RO-"));
    expect(romanian).toBeGreaterThan(0.78);
    expect(romanian).toBeLessThan(0.95);
    expect(share(tables.customers, (c) => c.mobilePhone.startsWith("+407"))).toBeGreaterThan(0.85);
    expect(new Set(tables.addresses.map((a) => a.country)).size).toBeGreaterThan(2);
  });

  it("most customers gave consents; some withdrew, some end within 30 days", () => {
    const customersWith = (type: string) =>
      new Set(tables.agreements.filter((a) => a.agreementType === type).map((a) => a.customerId)).size;
    expect(customersWith("GDPR Consent") / options.customers).toBeGreaterThan(0.85);
    expect(customersWith("Data Processing Consent") / options.customers).toBeGreaterThan(0.75);
    expect(customersWith("Marketing Consent") / options.customers).toBeGreaterThan(0.5);
    const consents = tables.agreements.filter((a) => a.agreementType.endsWith("Consent"));
    expect(consents.some((a) => a.endDate !== null && a.endDate < today)).toBe(true);
    const in30 = new Date(Date.parse(`${today}T00:00:00Z`) + 30 * 86_400_000).toISOString().slice(0, 10);
    expect(consents.some((a) => a.endDate !== null && a.endDate >= today && a.endDate <= in30)).toBe(true);
  });

  it("applications are pending and final, contracts of every category active and closed", () => {
    expect(tables.applications.some((a) => isFinalBusinessStatus(a.businessStatus))).toBe(true);
    expect(tables.applications.some((a) => !isFinalBusinessStatus(a.businessStatus))).toBe(true);
    const categories = new Set(tables.contracts.map((c) => c.category));
    expect([...categories].sort()).toEqual([
      "card",
      "current",
      "deposit",
      "loan",
      "mortgage",
      "overdraft",
      "savings",
    ]);
    expect(tables.contracts.some((c) => c.status === "closed")).toBe(true);
    expect(share(tables.contracts, (c) => c.status === "active")).toBeGreaterThan(0.6);
    const numbers = tables.contracts.map((c) => c.contractNo);
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it("some instalments are overdue and unpaid; garnishments are few and compliance hits rare", () => {
    expect(tables.instalments.some((i) => !i.paid && i.dueDate < today)).toBe(true);
    expect(tables.instalments.some((i) => i.paid)).toBe(true);
    expect(tables.garnishments.length).toBeGreaterThan(0);
    expect(tables.garnishments.length / options.customers).toBeLessThan(0.05);
    expect(tables.compliance_flags.some((f) => f.code === "PEP")).toBe(true);
    expect(tables.compliance_flags.length / options.customers).toBeLessThan(0.05);
  });

  it("transactions are mostly RON card payments, both directions, inter and intra", () => {
    const t = tables.transactions;
    expect(share(t, (x) => x.currency === "RON")).toBeGreaterThan(0.8);
    expect(t.some((x) => x.currency === "EUR")).toBe(true);
    expect(t.some((x) => x.currency === "USD")).toBe(true);
    for (const indicator of ["Card payment", "Transfer", "Cash withdrawal", "Salary", "Direct debit"]) {
      expect(
        t.some((x) => x.indicator === indicator),
        indicator,
      ).toBe(true);
    }
    expect(new Set(t.map((x) => `${x.direction}/${x.interIntra}`)).size).toBe(4);
    expect(t.every((x) => x.bookingDate <= today)).toBe(true);
  });

  it("interactions, revenues, monthly profitability, tasks and offers are varied", () => {
    expect(new Set(tables.interactions.map((i) => i.channel))).toEqual(
      new Set(["Branch", "Phone", "Email", "Mobile App", "Web", "Chat"]),
    );
    expect(new Set(tables.revenues.map((r) => r.category))).toEqual(
      new Set(["Fees", "Interest", "Commissions"]),
    );
    const months = new Set(tables.profitability_values.map((v) => v.month));
    expect(months.size).toBeGreaterThanOrEqual(12);
    expect(new Set(tables.tasks.map((t) => t.status))).toEqual(
      new Set(["open", "in_progress", "completed", "cancelled"]),
    );
    const statuses = new Set(tables.campaign_offers.map((o) => o.status));
    expect(statuses.has("dismissed") && statuses.has("expired") && statuses.has("open")).toBe(true);
    expect(
      tables.campaign_offers.filter((o) => o.status === "dismissed").every((o) => o.dismissedAt !== null),
    ).toBe(true);
    expect(tables.pictures.length).toBeGreaterThan(20);
  });
});
