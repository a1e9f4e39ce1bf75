import { type AppError, isAppError, pseudonymOf, type Sources } from "@account360/core";
import { runAction } from "@account360/core/testing";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "../database";
import { createSources } from "../sources";
import { testDatabaseOfFile } from "../test-world";
import { feedCaughtUp } from "../testing";
import { heldTables, tableNameOf, tablesWithoutCustomerData } from "./held-tables";
import {
  actions,
  admin,
  catalogTables,
  type Person,
  personOf,
  queueWebhookDelivery,
  seedPerson,
  whereFound,
} from "./privacy-test-kit";

const handle = testDatabaseOfFile();
let sources: Sources;
const person: Person = personOf("PRV");
let seeded: Awaited<ReturnType<typeof seedPerson>>;

beforeAll(async () => {
  sources = createSources(handle.sql);
  seeded = await seedPerson(sources, person);
  await queueWebhookDelivery(handle.db, seeded.id);
}, 60_000);

const exportOf = (customerInternalId: string) =>
  runAction(actions.FTOS_ACC_PrivacyExport, sources, { customerInternalId }, admin);
const erase = (customerInternalId: string) =>
  runAction(actions.FTOS_ACC_PrivacyErase, sources, { customerInternalId }, admin);

async function refusalOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!isAppError(error)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

/** The rows of `table` whose customer columns name the customer, as to_jsonb text, straight from the database. */
async function rowsHeld(
  table: string,
  columns: string[],
  customerId: string,
): Promise<Record<string, unknown>[]> {
  const owned = sql.join(
    columns.map((c) => sql`${sql.identifier(c)} = ${customerId}::uuid`),
    sql` or `,
  );
  return rowsOf<{ row: string }>(
    await handle.db.execute(
      sql`select to_jsonb(t)::text as row from ${sql.identifier(table)} t where ${owned}`,
    ),
  ).map((r) => JSON.parse(r.row) as Record<string, unknown>);
}

/** A row's identity: its id, or for a table without one (pictures, change events) its key columns. */
const identity = (row: Record<string, unknown>) =>
  JSON.stringify(row.id ?? row.event_id ?? [row.customer_id, row.endpoint_id ?? null, row.sequence ?? null]);

describe("privacy.export", () => {
  it("holds every row the database holds for the customer, table by table of the catalog", async () => {
    const exported = await exportOf(seeded.id);
    const catalog = await catalogTables(handle.db);
    const problems: string[] = [];
    for (const [table, columns] of catalog) {
      const section = exported.tables[table];
      if (columns.length === 0) {
        if (!(tablesWithoutCustomerData as readonly string[]).includes(table) && !section) {
          problems.push(
            `table ${table} is neither in privacy.export nor listed in tablesWithoutCustomerData (packages/storage/src/privacy/held-tables.ts)`,
          );
        }
        continue;
      }
      if (!section) {
        problems.push(
          `table ${table} names a customer (${columns.join(", ")}) but privacy.export has no section for it: add it to heldTables in packages/storage/src/privacy/held-tables.ts`,
        );
        continue;
      }
      const held = await rowsHeld(table, columns, seeded.id);
      if (held.length === 0) problems.push(`the seeded customer holds no row of ${table}: seed one`);
      expect(section.map(identity).sort(), table).toEqual(held.map(identity).sort());
      const exportedColumns = Object.keys(section[0] ?? {}).sort();
      const heldColumns = Object.keys(held[0] ?? {}).map((c) => (c === "data" ? "data_base64" : c));
      expect(exportedColumns, table).toEqual(heldColumns.sort());
    }
    for (const name of Object.keys(exported.tables)) {
      if (!catalog.has(name))
        problems.push(`privacy.export has a section ${name} the database has no table for`);
    }
    expect(problems).toEqual([]);
    expect(heldTables.map(tableNameOf).sort()).toEqual(Object.keys(exported.tables).sort());
  });

  it("holds the representatives both ways, the picture's bytes, the audit entries and events", async () => {
    const { tables } = await exportOf(seeded.id);
    expect(tables.representatives).toHaveLength(2);
    expect(tables.group_members).toEqual([
      expect.objectContaining({ group_id: seeded.group, role: "Guarantor" }),
    ]);
    expect(tables.customers?.[0]).toMatchObject({ first_name: person.firstName, email: person.newEmail });
    expect(String(tables.pictures?.[0]?.data_base64)).toMatch(/^iVBORw0KGgo[A-Za-z0-9+/=]+$/);
    expect(JSON.stringify(tables.audit_log)).toContain(person.email);
    expect(JSON.stringify(tables.change_events)).toContain(person.streetName);
  });

  it("answers 404 for an unknown customer and 400 naming the field for a bad id", async () => {
    expect((await refusalOf(exportOf("00000000-0000-4000-8000-000000000000"))).code).toBe("NOT_FOUND");
    const bad = await refusalOf(exportOf("not-a-uuid"));
    expect(bad.code).toBe("BAD_REQUEST");
    expect(bad.fieldErrors.map((e) => e.field)).toEqual(["customerInternalId"]);
  });
});

describe("privacy.erase", () => {
  it("is refused (409) with the blockers while a contract is active, and changes nothing", async () => {
    const before = await exportOf(seeded.id);
    const plan = await runAction(
      actions.FTOS_ACC_PrivacyPlan,
      sources,
      { customerInternalId: seeded.id },
      admin,
    );
    expect(plan.canEraseNow).toBe(false);
    expect(plan.blockers).toEqual([{ reason: `Contract ${seeded.contractNo} is active`, until: null }]);
    const refusal = await refusalOf(erase(seeded.id));
    expect(refusal.code).toBe("CONFLICT");
    expect(refusal.message).toContain(`Contract ${seeded.contractNo} is active`);
    expect(refusal.fieldErrors).toEqual([
      { field: "blockers.0", message: `Contract ${seeded.contractNo} is active` },
    ]);
    expect({ ...(await exportOf(seeded.id)), asOf: "" }).toEqual({ ...before, asOf: "" });
  });

  it("erases every personal value from every table once the contract closed, keeping the financial records", async () => {
    await runAction(
      actions.FTOS_ACC_IngestContracts,
      sources,
      { rows: [{ ...seeded.contractRow, status: "closed", closeDate: "2026-01-31" }] },
      admin,
    );
    const before = await exportOf(seeded.id);
    expect(await erase(seeded.id)).toEqual({ customerInternalId: seeded.id, operation: "erased" });

    const needles = [
      person.firstName,
      person.lastName,
      person.UniqueID,
      person.email,
      person.newEmail,
      person.mobilePhone,
      person.mobilePhone.slice(3),
      person.streetName,
      person.city,
    ];
    const found: Record<string, string[]> = {};
    for (const needle of needles) {
      const where = await whereFound(handle.db, needle);
      if (where.length > 0) found[needle] = where;
    }
    expect(found).toEqual({});

    const after = await exportOf(seeded.id);
    for (const table of [
      "contracts",
      "transactions",
      "instalments",
      "garnishments",
      "revenues",
      "applications",
    ]) {
      expect(after.tables[table], table).toEqual(before.tables[table]);
    }
    expect(after.tables.addresses).toEqual([]);
    expect(after.tables.pictures).toEqual([]);
    expect(after.tables.interactions?.[0]?.subject).toBe("[erased]");
    const pseudonym = pseudonymOf(seeded.id);
    expect(after.tables.customers?.[0]).toMatchObject({
      unique_id: pseudonym.uniqueId,
      first_name: pseudonym.firstName,
      last_name: pseudonym.lastName,
    });
    expect(after.tables.customer_unique_ids).toEqual([
      { unique_id: pseudonym.uniqueId, customer_id: seeded.id },
    ]);
  });

  it("is audited (who, which plan, no personal value) with one customer.erased event in sequence", async () => {
    const { tables } = await exportOf(seeded.id);
    const erasures = (tables.audit_log ?? []).filter((e) => e.operation === "erased");
    expect(erasures).toHaveLength(1);
    expect(erasures[0]).toMatchObject({ user_name: "privacy.admin", action: "FTOS_ACC_PrivacyErase" });
    expect(erasures[0]?.changes).toMatchObject({ plan: { old: null, new: { canEraseNow: true } } });
    const events = tables.change_events ?? [];
    const erased = events.filter((e) => e.type === "customer.erased");
    expect(erased).toHaveLength(1);
    expect(erased[0]?.sequence).toBe(Math.max(...events.map((e) => Number(e.sequence))));
    expect(erased[0]?.sequence).toBe(erasures[0]?.sequence);
    const sequences = events.map((e) => Number(e.sequence));
    expect(sequences).toEqual(sequences.map((_, i) => i + 1));
  });

  it("leaves the widgets, the search and the audit trail answering, none with an erased value", async () => {
    const customerInternalId = seeded.id;
    const header = await runAction(actions.FTOS_ACC_AccountHeader, sources, { customerInternalId }, admin);
    expect(header.fullName).toBe(`${pseudonymOf(seeded.id).firstName} ${pseudonymOf(seeded.id).lastName}`);
    // The feed shows what its horizon has passed (tests of other files write beside this one).
    await feedCaughtUp(handle.db);
    const answers = [
      header,
      await runAction(actions.FTOS_ACC_ProductPortfolio, sources, { customerInternalId }, admin),
      await runAction(actions.FTOS_ACC_AccountPicture, sources, { customerInternalId }, admin),
      await runAction(actions.FTOS_ACC_ProfileComplete, sources, { customerInternalId }, admin),
      await runAction(actions.FTOS_ACC_AccountFlags, sources, { customerInternalId }, admin),
      await runAction(
        actions.FTOS_ACC_AccountRecentInteractions,
        sources,
        { customerInternalId, fromDate: "2020-01-01", toDate: "2026-12-31" },
        admin,
      ),
      await runAction(
        actions.FTOS_ACC_GetCustomerTransactionValues,
        sources,
        { customerInternalId, startDate: "2020-01-01", endDate: "2026-12-31" },
        admin,
      ),
      await runAction(
        actions.FTOS_ACC_CustomerAuditTrail,
        sources,
        { customerInternalId, limit: 200 },
        admin,
      ),
      await runAction(actions.FTOS_ACC_ListChangeEvents, sources, { customerId: customerInternalId }, admin),
      await runAction(actions.FTOS_ACC_SearchCustomers, sources, { query: person.lastName }, admin),
    ];
    const text = JSON.stringify(answers);
    for (const needle of [
      person.firstName,
      person.lastName,
      person.UniqueID,
      person.email,
      person.streetName,
    ]) {
      expect(text).not.toContain(needle);
    }
    expect((answers[answers.length - 1] as { items: unknown[] }).items).toEqual([]);
  });

  it("answers unchanged the second time, writing nothing", async () => {
    const before = await exportOf(seeded.id);
    expect(await erase(seeded.id)).toEqual({ customerInternalId: seeded.id, operation: "unchanged" });
    expect({ ...(await exportOf(seeded.id)), asOf: "" }).toEqual({ ...before, asOf: "" });
    expect((await refusalOf(erase("00000000-0000-4000-8000-000000000000"))).code).toBe("NOT_FOUND");
  });

  it("refuses to erase a legal entity (409), GDPR protecting natural persons", async () => {
    const refusal = await refusalOf(erase(seeded.group));
    expect(refusal.code).toBe("CONFLICT");
    expect(refusal.message).toMatch(/legal entity/);
  });

  it("erases once when two erasures of one customer run at the same time: one erased, one unchanged", async () => {
    const twin = await seedPerson(sources, personOf("TWN"));
    await runAction(
      actions.FTOS_ACC_IngestContracts,
      sources,
      { rows: [{ ...twin.contractRow, status: "closed", closeDate: "2026-01-31" }] },
      admin,
    );
    const answers = await Promise.all([erase(twin.id), erase(twin.id)]);
    expect(answers.map((a) => a.operation).sort()).toEqual(["erased", "unchanged"]);
    const { tables } = await exportOf(twin.id);
    expect((tables.change_events ?? []).filter((e) => e.type === "customer.erased")).toHaveLength(1);
  });

  it("leaves nothing half-erased when a statement of the erasure fails: the whole transaction rolls back", async () => {
    const victim = await seedPerson(sources, personOf("HLF"));
    await runAction(
      actions.FTOS_ACC_IngestContracts,
      sources,
      { rows: [{ ...victim.contractRow, status: "closed", closeDate: "2026-01-31" }] },
      admin,
    );
    // The erasure's last statement before its audit entry rewrites the change events: fail it there.
    await handle.db.execute(
      sql.raw(`create function refuse_event_update() returns trigger language plpgsql as
      $$ begin raise exception 'refused for the test'; end $$`),
    );
    await handle.db.execute(
      sql.raw(`create trigger refuse_event_update before update on change_events
      for each row when (old.customer_id = '${victim.id}') execute function refuse_event_update()`),
    );
    const before = await exportOf(victim.id);
    try {
      const failure = await refusalOf(erase(victim.id));
      expect(failure.code).toBe("INTERNAL");
      expect({ ...(await exportOf(victim.id)), asOf: "" }).toEqual({ ...before, asOf: "" });
    } finally {
      await handle.db.execute(sql.raw("drop trigger refuse_event_update on change_events"));
      await handle.db.execute(sql.raw("drop function refuse_event_update()"));
    }
    expect((await erase(victim.id)).operation).toBe("erased");
  });
});
