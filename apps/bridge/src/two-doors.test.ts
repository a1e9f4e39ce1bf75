import type { AppDeps } from "@account360/api";
import type { AnyAction } from "@account360/core";
import { feedCaughtUp } from "@account360/storage/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import documented from "./openapi-examples.json" with { type: "json" };
import type { Problem } from "./problem";
import { actionIndex, actions } from "./test/actions";
import { type Answer, callAction, dataOf, startOneProcess, type TestServer } from "./test/bridge-server";
import { UNKNOWN_ID, UUID } from "./test/fixtures";
import { callDoor, type DoorAnswer } from "./test/second-door";
import { ingestWidgetData, type trpcClient } from "./test/widget-data";

/**
 * CONTRACT §3: every action answers the same through callAction and through its own endpoint.
 * The cases come from the registry: each action name (legacy names too) with a valid Data (the
 * guide's examples, the ingest batches the widget tests feed, and a few of Account360's own), then
 * without a token, outside the caller's roles, with an unknown field and with an unknown customer.
 */

// The ids and references the guide's examples were recorded with, and what stands for them here.
const GUIDE_CUSTOMER = "db869017-f322-43f2-8c34-c2995fe41234";
const GUIDE_REPRESENTATIVE = "3e596f98-e814-4eef-b663-e50f85f65e1f";
const GUIDE_CONTRACT = "RO49BANK0000000001";
const GUIDE_INDICATOR = "Net Interest Margin";
const GUIDE_COMPANY = "2dedec28-65b5-43b6-84c3-f3d9e420aa6f";
const GUIDE_GROUP = "e36f2f53-d3ad-43f1-9316-e55c68d5d766";
/** The company whose representatives the guide lists. */
const GUIDE_REPRESENTED = "7460b6cd-989e-4913-8b5a-988e3654785e";

let server: TestServer;
const tokens = { admin: "", reader: "", writer: "" };
let customerId = "";
/** Data of each action by its own name, in the order they run: writes and feeds before reads. */
const samples = new Map<string, unknown[]>();

/** The batches `ingestWidgetData` feeds, by procedure, recorded instead of sent. */
async function ingestBatches(customerInternalId: string): Promise<Map<string, unknown>> {
  const batches = new Map<string, unknown>();
  const recorder = {
    ingest: new Proxy(
      {},
      {
        get: (_target, kind) => ({
          mutate: async (input: unknown) => {
            batches.set(`ingest.${String(kind)}`, input);
            return {};
          },
        }),
      },
    ),
  };
  await ingestWidgetData(recorder as unknown as ReturnType<typeof trpcClient>, customerInternalId);
  return batches;
}

/** The value with every string `from` replaced by `to`, at any depth. */
function replaced(value: unknown, substitutions: Record<string, string>): unknown {
  if (typeof value === "string") return substitutions[value] ?? value;
  if (Array.isArray(value)) return value.map((v) => replaced(v, substitutions));
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replaced(v, substitutions)]));
  return value;
}

/** An answer without its `asOf` timestamps, which differ between any two calls. */
function timeless(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(timeless);
  if (value && typeof value === "object")
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => key !== "asOf")
        .map(([k, v]) => [k, timeless(v)]),
    );
  return value;
}

const envelopeCall = (name: string, data: unknown, token: string | null) =>
  callAction(server.url, name, data, token ? { token } : {}, { asObject: true });

/** The same failure: status, the sentence (the envelope's carries the status's name first) and every field. */
function expectSameFailure(envelope: Answer, door: DoorAnswer, label: string) {
  const problem = door.body as Problem;
  expect(door.status, label).toBe(envelope.status);
  expect(door.headers.get("content-type"), label).toMatch(/^application\/problem\+json/);
  expect(`${problem.title} - ${problem.detail}`, label).toBe(envelope.body.Message);
  const rooted = envelope.body.UIResult.Errors.map((e) => ({
    ...e,
    field: e.field === "Request.Data" ? "" : e.field,
  }));
  expect(problem.errors, label).toEqual(rooted);
}

/** A token of a user without the action's role (roles do not imply each other, but admin all). */
const outsider = (action: AnyAction) => (action.access === "read" ? tokens.writer : tokens.reader);

beforeAll(async () => {
  server = await startOneProcess();
  [tokens.admin, tokens.reader, tokens.writer] = await Promise.all([
    server.userToken("doors.admin", ["admin"]),
    server.userToken("doors.reader", ["reader"]),
    server.userToken("doors.writer", ["writer"]),
  ]);
  const guide = documented as Record<string, { data: unknown }[]>;
  const customer = guide.FTOS_ACC_CB_AddUpdateIndividualCustomer?.[0]?.data as { CustomerInfo: object };
  customerId = dataOf(
    await envelopeCall("FTOS_ACC_CB_AddUpdateIndividualCustomer", customer, tokens.admin),
  ).customerInternalId;
  const representative = dataOf(
    await envelopeCall(
      "FTOS_ACC_CB_AddUpdateIndividualCustomer",
      { CustomerInfo: { ...customer.CustomerInfo, UniqueID: "1850505123457", firstName: "Ion" } },
      tokens.admin,
    ),
  ).customerInternalId;
  // The guide's company, and a group of the same shape, for the legal-entity and group actions.
  const companyData = guide.FTOS_ACC_CB_AddUpdateLegalEntityCustomer?.[0]?.data as { CustomerInfo: object };
  const legalEntity = async (info: object) =>
    dataOf(
      await envelopeCall(
        "FTOS_ACC_CB_AddUpdateLegalEntityCustomer",
        { CustomerInfo: { ...companyData.CustomerInfo, ...info } },
        tokens.admin,
      ),
    ).customerInternalId;
  const company = await legalEntity({});
  const group = await legalEntity({
    name: "Carpați Holding",
    UniqueID: "RO87654321",
    registrationNo: "J40/9/2010",
    accountType: "Group",
  });
  const substitutions = {
    [GUIDE_COMPANY]: company,
    [GUIDE_GROUP]: group,
    [GUIDE_REPRESENTED]: company,
    [GUIDE_CUSTOMER]: customerId,
    [GUIDE_REPRESENTATIVE]: representative,
    [GUIDE_CONTRACT]: "CUR-1",
    [GUIDE_INDICATOR]: "Net Margin",
  };
  const batches = await ingestBatches(customerId);
  const byTag = (tag: AnyAction["tag"]) => actionIndex.all.filter((a) => a.tag === tag);
  for (const action of [...byTag("Ingest"), ...byTag("Customers"), ...byTag("Widgets"), ...byTag("Audit")]) {
    const data = [
      ...(guide[action.name]?.map((example) => replaced(example.data, substitutions)) ?? []),
      ...(batches.has(action.procedure) ? [batches.get(action.procedure)] : []),
    ];
    if (data.length) samples.set(action.name, data);
  }
  // Account360's own actions, which the guide does not show.
  samples.set("FTOS_ACC_AccountProfitabilityIndicators", [{ customerInternalId: customerId }]);
  samples.set("FTOS_ACC_SearchCustomers", [{ query: "Popescu" }, { query: "Popescu", limit: 1 }]);
  samples.set("FTOS_ACC_CustomerAuditTrail", [{ customerInternalId: customerId, limit: 5 }]);
  // The first events only, all written above: later calls write more, which would differ between doors.
  samples.set("FTOS_ACC_ListChangeEvents", [{ customerId, limit: 5 }, { limit: 3 }]);
  samples.set("FTOS_ACC_PrivacyExport", [{ customerInternalId: customerId }]);
  samples.set("FTOS_ACC_PrivacyPlan", [{ customerInternalId: customerId }]);
  // A customer nothing blocks the erasure of: erased by the first call, unchanged on both doors after.
  const erasable = dataOf(
    await envelopeCall(
      "FTOS_ACC_CB_AddUpdateIndividualCustomer",
      { CustomerInfo: { ...customer.CustomerInfo, UniqueID: "DOORS-ERASABLE" } },
      tokens.admin,
    ),
  ).customerInternalId;
  samples.set("FTOS_ACC_PrivacyErase", [{ customerInternalId: erasable }]);
  const endpoint = dataOf(
    await envelopeCall(
      "FTOS_ACC_WebhookAdd",
      // A type no action emits: deliveries queued meanwhile would change between the two doors' answers.
      { url: "http://127.0.0.1:9/doors", secret: `whsec_${"A".repeat(43)}=`, types: ["doors.never"] },
      tokens.admin,
    ),
  ) as unknown as { id: string };
  samples.set("FTOS_ACC_WebhookList", [null]);
  samples.set("FTOS_ACC_WebhookDeliveries", [{ endpointId: endpoint.id, limit: 5 }]);
  await feedCaughtUp((server.deps as AppDeps).db);
}, 60_000);

/** Writes that are not upserts: every call makes or changes something new, so no two answers match. */
const NOT_REPEATABLE = new Set(["FTOS_ACC_WebhookAdd", "FTOS_ACC_WebhookRemove", "FTOS_ACC_WebhookResume"]);
afterAll(async () => {
  await server?.stop();
});

describe("both doors", () => {
  it("have a valid Data for every action of the registry", () => {
    // The suggestion to dismiss exists only once the offers are in (the first test below).
    const missing = actionIndex.all
      .map((a) => a.name)
      .filter(
        (name) =>
          !samples.has(name) && name !== "FTOS_ACC_DismissProductSuggestion" && !NOT_REPEATABLE.has(name),
      );
    expect(missing).toEqual([]);
  });

  it("answer every action's valid calls with the same data (legacy names too)", async () => {
    const run = async (name: string, data: unknown) => {
      // The first call writes what it writes; the second and third then find the same state.
      const first = await envelopeCall(name, data, tokens.admin);
      expect(first.status, `${name}: ${first.text}`).toBe(200);
      const door = await callDoor(server.url, name, data, tokens.admin);
      const envelope = await envelopeCall(name, data, tokens.admin);
      expect(door.status, `${name}: ${door.text}`).toBe(200);
      expect(timeless(door.body), name).toEqual(timeless(dataOf(envelope)));
    };
    let ran = 0;
    for (const [name, list] of samples) {
      for (const data of list) {
        await run(name, data);
        for (const legacy of actionIndex.byName(name)?.action.legacyNames ?? []) await run(legacy, data);
        ran++;
      }
    }
    const suggestions = dataOf(
      await envelopeCall("FTOS_ACC_GetProductSuggestions", { accountId: customerId }, tokens.admin),
    );
    const offer = suggestions.suggestions.find((s: { source: string }) => s.source === "campaign");
    expect(offer).toBeDefined();
    const dismiss = { accountId: customerId, suggestionId: offer.id };
    samples.set("FTOS_ACC_DismissProductSuggestion", [dismiss]);
    await run("FTOS_ACC_DismissProductSuggestion", dismiss);
    expect(ran + 1).toBeGreaterThanOrEqual(actionIndex.all.length);
  });

  it("create alike: a write through the second door is found by callAction, and the reverse", async () => {
    const data = (uniqueId: string) => ({
      CustomerInfo: {
        firstName: "Dan",
        lastName: "Ionescu",
        UniqueID: uniqueId,
        email: `${uniqueId}@example.ro`,
        mobilePhone: "+40712345670",
      },
    });
    const door = await callDoor(
      server.url,
      "FTOS_ACC_CB_AddUpdateIndividualCustomer",
      data("DOORS-1"),
      tokens.writer,
    );
    expect(door.body).toEqual({ customerInternalId: expect.stringMatching(UUID), operation: "created" });
    expect(
      dataOf(await envelopeCall("FTOS_ACC_CB_AddUpdateIndividualCustomer", data("DOORS-1"), tokens.writer)),
    ).toEqual({
      ...door.body,
      operation: "unchanged",
    });
    const envelope = dataOf(
      await envelopeCall("FTOS_ACC_CB_AddUpdateIndividualCustomer", data("DOORS-2"), tokens.writer),
    );
    expect(envelope.operation).toBe("created");
    const again = await callDoor(
      server.url,
      "FTOS_ACC_CB_AddUpdateIndividualCustomer",
      data("DOORS-2"),
      tokens.writer,
    );
    expect(again.body).toEqual({ ...envelope, operation: "unchanged" });
  });

  it("refuse every action alike: no token, outside the roles, an unknown field, an unknown customer", async () => {
    for (const { name } of actions) {
      const action = actionIndex.byName(name)?.action as AnyAction;
      const data = samples.get(action.name)?.[0] ?? {};
      const same = async (label: string, body: unknown, token: string | null) =>
        expectSameFailure(
          await envelopeCall(name, body, token),
          await callDoor(server.url, name, body, token),
          `${name} ${label}`,
        );

      await same("without a token", data, null);
      await same("outside the roles", data, outsider(action));
      const withUnknown = { ...(data as object), ZZ_unknownField: 1 };
      const unknownField = await callDoor(server.url, name, withUnknown, tokens.admin);
      expect(unknownField.status, name).toBe(400);
      await same("with an unknown field", withUnknown, tokens.admin);
      if (JSON.stringify(data).includes(customerId)) {
        const elsewhere = replaced(data, { [customerId]: UNKNOWN_ID });
        const door = await callDoor(server.url, name, elsewhere, tokens.admin);
        expect(door.status, `${name}: ${door.text}`).toBeGreaterThanOrEqual(400);
        await same("for an unknown customer", elsewhere, tokens.admin);
      }
    }
  });
});
