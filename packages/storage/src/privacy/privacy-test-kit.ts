import { createActions, DEFAULT_SETTINGS, type IngestKind, type Sources } from "@account360/core";
import { examples, runAction } from "@account360/core/testing";
import { sql } from "drizzle-orm";
import { type Database, rowsOf } from "../database";
import { CROSS_CUSTOMER_COLUMNS } from "../distribution-keys";
import { sampleRows, uid } from "../ingest/test-kit";
import { webhookDeliveries, webhookEndpoints } from "../schema";

export const actions = createActions(DEFAULT_SETTINGS);
const NOW = new Date("2026-06-15T09:00:00Z");
export const admin = { now: NOW, userName: "privacy.admin" };

/** A customer whose every personal value is unlike anything else in the database, so a search for it means it. */
export function personOf(tag: string) {
  return {
    firstName: `Zephyrina${tag}`,
    lastName: `Quillfeather${tag}`,
    UniqueID: `ZQ-${tag}-1984`,
    email: `zephyrina.${tag.toLowerCase()}@quill.example`,
    newEmail: `z.quill.${tag.toLowerCase()}@feather.example`,
    mobilePhone: "+40723456789",
    streetName: `Strada Xilofonului ${tag}`,
    city: `Quillburg${tag}`,
  };
}
export type Person = ReturnType<typeof personOf>;

/**
 * Seeds a customer through the write actions and every ingest feed, as integrators would, so its
 * values also sit in audit entries and change events: an active contract, a released garnishment,
 * a decided application, an address, a representative both ways, a picture, and an interaction and
 * a task that name it. Answers its id, its contract and another customer's id.
 */
export async function seedPerson(sources: Sources, person: Person) {
  const customer = { ...examples.customer().CustomerInfo, ...person };
  delete (customer as Record<string, unknown>).newEmail;
  delete (customer as Record<string, unknown>).streetName;
  delete (customer as Record<string, unknown>).city;
  const upsert = (data: object) =>
    runAction(actions.FTOS_ACC_CB_AddUpdateIndividualCustomer, sources, data, admin);
  const { customerInternalId: id } = await upsert({ CustomerInfo: customer });
  await upsert({ CustomerInfo: { ...customer, customerInternalId: id, email: person.newEmail } });
  const { customerInternalId: other } = await upsert({
    CustomerInfo: { ...examples.customer().CustomerInfo, UniqueID: `OTHER-${uid()}` },
  });
  await runAction(
    actions.FTOS_ACC_CB_AddUpdateCustomerAddress,
    sources,
    {
      AddressInfo: {
        ...examples.address().AddressInfo,
        customerInternalId: id,
        streetName: person.streetName,
        city: person.city,
      },
    },
    admin,
  );
  for (const [customerInternalId, customerRepresentativeNo] of [
    [id, other],
    [other, id],
  ]) {
    await runAction(
      actions.FTOS_ACC_CB_AddUpdateCustomerRepresentative,
      sources,
      {
        CustomerRepresentativeInfo: {
          customerInternalId,
          customerRepresentativeNo,
          accountRelationType: "Relative",
        },
      },
      admin,
    );
  }
  await runAction(
    actions.FTOS_ACC_CreateUpdateApplication,
    sources,
    {
      ...examples.application(),
      customerInternalId: id,
      externalId: `APP-${uid()}`,
      businessStatus: "Approved",
    },
    admin,
  );
  const { customerInternalId: group } = await runAction(
    actions.FTOS_ACC_CB_AddUpdateLegalEntityCustomer,
    sources,
    { CustomerInfo: { name: `Holding ${uid()}`, UniqueID: `GRP-${uid()}`, accountType: "Group" } },
    admin,
  );
  await runAction(
    actions.FTOS_ACC_CB_AddUpdateGroupMember,
    sources,
    { GroupMemberInfo: { groupInternalId: group, customerInternalId: id, role: "Guarantor" } },
    admin,
  );
  const contractNo = `C-${uid()}`;
  const rows = sampleRows(id, contractNo);
  rows.garnishments = { ...rows.garnishments, releasedOn: "2025-06-01" };
  rows.interactions = {
    ...rows.interactions,
    subject: `${person.firstName} asked about ${person.streetName}`,
  };
  rows.tasks = { ...rows.tasks, title: `Send ${person.firstName} ${person.lastName} the papers` };
  for (const kind of Object.keys(rows) as IngestKind[]) {
    const name = `FTOS_ACC_Ingest${kind[0]!.toUpperCase()}${kind.slice(1)}` as keyof typeof actions;
    await runAction(actions[name], sources, { rows: [rows[kind]] }, admin);
  }
  await runAction(
    actions.FTOS_ACC_AddUpdateCustomerAgreement,
    sources,
    { ...examples.agreement(), customerInternalId: id, contractNo },
    admin,
  );
  return { id, other, group, contractNo, contractRow: rows.contracts };
}

/** A webhook delivery of the customer's first event, as the server's delivery worker queues it. */
export async function queueWebhookDelivery(db: Database, customerId: string): Promise<void> {
  const [endpoint] = await db
    .insert(webhookEndpoints)
    .values({
      url: "http://127.0.0.1:9/privacy",
      secret: `whsec_${"A".repeat(43)}=`,
      types: ["*"],
      createdBy: "t",
    })
    .returning({ id: webhookEndpoints.id });
  await db.insert(webhookDeliveries).values({ endpointId: endpoint!.id, customerId, sequence: 1 });
}

/**
 * The tables of the database and, for each, the columns that name a customer (customer_id, a key
 * to customers, or one of the cross-customer columns without a key).
 */
export async function catalogTables(db: Database): Promise<Map<string, string[]>> {
  const tables = rowsOf<{ name: string }>(
    await db.execute(sql`select table_name as name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`),
  );
  const links = rowsOf<{ table: string; column: string }>(
    await db.execute(sql`select c.relname as "table", a.attname as "column"
      from pg_constraint k join pg_class c on c.oid = k.conrelid
      join pg_attribute a on a.attrelid = c.oid and a.attnum = any(k.conkey)
      where k.contype = 'f' and k.confrelid = 'public.customers'::regclass
      union select table_name, column_name from information_schema.columns
      where table_schema = 'public' and column_name = 'customer_id'
      union select 'customers', 'id'`),
  );
  const result = new Map<string, string[]>(tables.map((t) => [t.name, []]));
  // Those name a customer too, without a foreign key (CONTRACT §11: another shard).
  for (const link of [...links, ...CROSS_CUSTOMER_COLUMNS]) {
    const columns = result.get(link.table);
    if (columns && !columns.includes(link.column)) columns.push(link.column);
  }
  return result;
}

/** Every text, varchar, json and jsonb column of every table (arrays of text included), to search. */
async function textColumns(db: Database): Promise<{ table: string; column: string }[]> {
  return rowsOf(
    await db.execute(sql`select table_name as "table", column_name as "column" from information_schema.columns
      where table_schema = 'public' and (data_type in ('text', 'character varying', 'json', 'jsonb', 'character')
        or (data_type = 'ARRAY' and udt_name in ('_text', '_varchar')))
      order by 1, 2`),
  );
}

/** Where a value is found, case-insensitively, in any of those columns: `table.column` for each hit. */
export async function whereFound(db: Database, needle: string): Promise<string[]> {
  const found: string[] = [];
  for (const { table, column } of await textColumns(db)) {
    const rows = rowsOf<{ n: number }>(
      await db.execute(
        sql`select count(*)::int as n from ${sql.identifier(table)} where ${sql.identifier(column)}::text ilike ${`%${needle}%`}`,
      ),
    );
    if (Number(rows[0]?.n) > 0) found.push(`${table}.${column}`);
  }
  return found;
}
