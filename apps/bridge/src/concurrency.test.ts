import { beforeAll, describe, expect, it } from "vitest";
import { hardenedServerForFile } from "./test/hardening/file-server";
import { CALL_ACTION, type EnvelopeBody, envelope, send } from "./test/hardening/harness";
import { samples } from "./test/hardening/samples";

/**
 * Mixed concurrent writes to one customer over callAction, round after round: the customer
 * itself, identical and distinct addresses, agreements, representatives and applications at once.
 * No deadlock (every request answers, none 500), no duplicate, and no lost update: replaying the
 * audit trail field by field reproduces every stored record, each entry's `old` being the value
 * the previous entry left — which a lost update (two writers reading the same old state) breaks.
 */

const server = hardenedServerForFile();
let token = "";
let customerId = "";
const representativeIds: string[] = [];
const ROUNDS = 10;

interface Outcome {
  status: number;
  data: Record<string, string>;
  text: string;
}

async function write(action: string, data: unknown): Promise<Outcome> {
  const answer = await send(server.url, {
    path: CALL_ACTION,
    body: envelope(action, data, { UserName: "conc.writer", Token: token }),
  });
  const body = JSON.parse(answer.text) as EnvelopeBody;
  return {
    status: answer.status,
    data: (body.UIResult.Data ?? {}) as Record<string, string>,
    text: answer.text,
  };
}

const CUSTOMER = "FTOS_ACC_CB_AddUpdateIndividualCustomer";
const ADDRESS = "FTOS_ACC_CB_AddUpdateCustomerAddress";
const AGREEMENT = "FTOS_ACC_AddUpdateCustomerAgreement";
const REPRESENTATIVE = "FTOS_ACC_CB_AddUpdateCustomerRepresentative";
const APPLICATION = "FTOS_ACC_CreateUpdateApplication";

beforeAll(async () => {
  token = await server.userToken("conc.writer", ["writer", "reader"]);
  customerId = (await write(CUSTOMER, samples.customer("CONC-MAIN"))).data.customerInternalId ?? "";
  for (const n of [1, 2, 3]) {
    representativeIds.push(
      (await write(CUSTOMER, samples.customer(`CONC-REP-${n}`))).data.customerInternalId ?? "",
    );
  }
});

/** Everything one round sends at once, each request tagged with what it targets. */
function round(r: number): { key: string; action: string; data: unknown }[] {
  const requests: { key: string; action: string; data: unknown }[] = [];
  for (let i = 0; i < 4; i++) {
    const data = samples.customer("CONC-MAIN");
    Object.assign(data.CustomerInfo, {
      customerInternalId: customerId,
      firstName: `First-${r}-${i}`,
      lastName: i % 2 ? `Last-${r}` : "Popescu",
      email: `c${r}.${i}@example.ro`,
      emailAddressType: i % 2 ? "Work" : "Personal",
    });
    requests.push({ key: "customer", action: CUSTOMER, data });
  }
  for (let i = 0; i < 3; i++) {
    const same = samples.address(customerId);
    same.AddressInfo.streetNo = `R${r}`;
    requests.push({ key: `address R${r}`, action: ADDRESS, data: same });
  }
  for (const addressType of ["Billing address", "Delivery address"]) {
    const other = samples.address(customerId);
    Object.assign(other.AddressInfo, { addressType, streetNo: `R${r}` });
    requests.push({ key: `address ${addressType} R${r}`, action: ADDRESS, data: other });
  }
  for (let i = 0; i < 3; i++) {
    requests.push({
      key: `agreement AG-${r}`,
      action: AGREEMENT,
      data: samples.agreement(customerId, `AG-${r}`),
    });
    requests.push({
      key: "agreement AG-SHARED",
      action: AGREEMENT,
      data: {
        ...samples.agreement(customerId, "AG-SHARED"),
        sourceId: `SRC-${r}-${i}`,
        startDate: `2024-0${1 + i}-01`,
      },
    });
  }
  for (let i = 0; i < 3; i++) {
    requests.push({
      key: "representative 0 Contact",
      action: REPRESENTATIVE,
      data: samples.representative(customerId, representativeIds[0] ?? ""),
    });
  }
  const relation =
    [
      "Business",
      "Hierarchy",
      "Affiliate",
      "Relative",
      "Employer",
      "Shareholder",
      "Administrator",
      "Participant",
    ][r] ?? "Ownership";
  for (let i = 0; i < 2; i++) {
    const data = samples.representative(customerId, representativeIds[1 + (r % 2)] ?? "");
    data.CustomerRepresentativeInfo.accountRelationType = relation;
    requests.push({ key: `representative ${1 + (r % 2)} ${relation}`, action: REPRESENTATIVE, data });
  }
  for (let i = 0; i < 3; i++) {
    requests.push({
      key: "application APP-SHARED",
      action: APPLICATION,
      data: {
        ...samples.application(customerId, "APP-SHARED"),
        businessStatus: `Status ${r}.${i}`,
        amount: `${100 + i}.50`,
      },
    });
    requests.push({
      key: `application APP-${r}`,
      action: APPLICATION,
      data: samples.application(customerId, `APP-${r}`),
    });
  }
  return requests;
}

/** The column an audited field is stored in. */
const columnOf: Record<string, string> = {
  UniqueID: "unique_id",
  customerInternalId: "customer_id",
  customerRepresentativeNo: "representative_id",
  accountRelationType: "relation_type",
};
const snake = (key: string) => columnOf[key] ?? key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

describe("concurrent writes to one customer", () => {
  it("never deadlock, never duplicate, and lose no update", async () => {
    const identifiers = new Map<string, Set<string>>();
    const operations = new Map<string, string[]>();
    let requests = 0;
    for (let r = 0; r < ROUNDS; r++) {
      const batch = round(r);
      const outcomes = await Promise.all(batch.map((request) => write(request.action, request.data)));
      requests += outcomes.length;
      outcomes.forEach((outcome, i) => {
        const key = batch[i]?.key ?? "?";
        expect(outcome.status, `${key}: ${outcome.text}`).toBe(200);
        const id =
          Object.entries(outcome.data).find(([k]) => k !== "operation" && k !== "externalId")?.[1] ?? "";
        identifiers.set(key, (identifiers.get(key) ?? new Set()).add(id));
        operations.set(key, [...(operations.get(key) ?? []), outcome.data.operation ?? "?"]);
      });
    }

    // Every target is one record, whoever raced for it, and it was created exactly once.
    for (const [key, ids] of identifiers) {
      expect(ids.size, key).toBe(1);
      const created = operations.get(key)?.filter((op) => op === "created").length ?? 0;
      expect(created, key).toBe(key === "customer" ? 0 : 1);
    }
    const distinct = (prefix: string) => [...identifiers.keys()].filter((k) => k.startsWith(prefix)).length;
    const counts = (
      await server.query<Record<string, number>>(`select
        (select count(*)::int from addresses where customer_id = '${customerId}') as addresses,
        (select count(*)::int from agreements where customer_id = '${customerId}') as agreements,
        (select count(*)::int from representatives where customer_id = '${customerId}') as representatives,
        (select count(*)::int from applications where customer_id = '${customerId}') as applications,
        (select count(*)::int from customers) as customers`)
    )[0];
    expect(counts).toEqual({
      addresses: distinct("address"),
      agreements: distinct("agreement"),
      representatives: distinct("representative"),
      applications: distinct("application"),
      customers: 4,
    });

    // Replaying the audit trail reproduces each record, and every entry starts from the previous one's result.
    const audit = await server.query<{ record_id: string; operation: string; changes: string | object }>(
      `select record_id::text, operation, changes from audit_log where customer_id = '${customerId}' order by id`,
    );
    const replayed = new Map<string, Record<string, unknown>>();
    const updates = new Map<string, number>();
    for (const entry of audit) {
      const state = replayed.get(entry.record_id) ?? {};
      const changes = (
        typeof entry.changes === "string" ? JSON.parse(entry.changes) : entry.changes
      ) as Record<string, { old: unknown; new: unknown }>;
      for (const [field, change] of Object.entries(changes)) {
        if (entry.operation !== "created")
          expect(change.old, `${entry.record_id}.${field}`).toEqual(state[field] ?? null);
        state[field] = change.new;
      }
      replayed.set(entry.record_id, state);
      if (entry.operation === "updated")
        updates.set(entry.record_id, (updates.get(entry.record_id) ?? 0) + 1);
    }
    const customerUpdates = operations.get("customer")?.filter((op) => op === "updated").length ?? 0;
    expect(updates.get(customerId)).toBe(customerUpdates);
    expect(customerUpdates).toBe(4 * ROUNDS); // every update differed from the one before it

    const tables = ["customers", "addresses", "agreements", "representatives", "applications"];
    let compared = 0;
    for (const table of tables) {
      const rows = await server.query<{ id: string; row: string | Record<string, unknown> }>(
        `select id::text, to_jsonb(t) as row from ${table} t where ${table === "customers" ? "id" : "customer_id"} = '${customerId}'`,
      );
      for (const { id, row } of rows) {
        const stored = (typeof row === "string" ? JSON.parse(row) : row) as Record<string, unknown>;
        const state = replayed.get(id);
        expect(state, `${table} ${id} has no audit entry`).toBeDefined();
        for (const [field, value] of Object.entries(state ?? {})) {
          const column = stored[snake(field)];
          if (typeof column === "number") continue; // numeric amounts: compared as decimals below
          expect(column ?? null, `${table}.${snake(field)}`).toEqual(value);
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(50);
    // The shared application holds what its last audited writes set, the amount included.
    const [app] = await server.query<{ id: string; business_status: string; amount: string }>(
      `select id::text, business_status, amount::text from applications where external_id = 'APP-SHARED'`,
    );
    const appState = replayed.get(app?.id ?? "") ?? {};
    expect(app?.business_status).toBe(appState.businessStatus);
    expect(app?.amount).toBe(appState.amount);
    expect(requests).toBe(ROUNDS * round(0).length);
    console.info(
      `concurrency: ${requests} concurrent writes in ${ROUNDS} rounds, ${audit.length} audit entries replayed`,
    );
  }, 120_000);
});
