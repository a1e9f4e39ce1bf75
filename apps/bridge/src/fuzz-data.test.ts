import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actions } from "./test/actions";
import { hardenedServerForFile } from "./test/hardening/file-server";
import {
  fieldPaths,
  type Mutation,
  mutate,
  mutationsFor,
  Tally,
  toBodyBytes,
  toJsonText,
} from "./test/hardening/fuzz-kit";
import {
  type Answer,
  CALL_ACTION,
  difference,
  type EnvelopeBody,
  envelopeProblems,
  expectedWriteDelta,
  send,
} from "./test/hardening/harness";
import { samples } from "./test/hardening/samples";

/**
 * Property-based fuzzing of `Data`: valid write and widget inputs with one to three fields made
 * hostile (wrong types, huge or control-character strings, deep nesting, prototype keys, numbers
 * as strings and back), sent as an object or as a JSON string, over HTTP to a real server.
 */

const server = hardenedServerForFile();
let token = "";
let customerId = "";
let otherCustomerId = "";
const tally = new Tally();
const CONCURRENCY = 8;

async function callAction(actionName: string, data: unknown, seed = 0): Promise<Answer> {
  const text = toJsonText({
    Request: { ActionName: actionName, Data: data },
    ApiInfo: { UserName: "fuzz.data", Token: token },
  });
  return send(server.url, { path: CALL_ACTION, body: toBodyBytes(text, seed) });
}

async function createCustomer(uniqueId: string): Promise<string> {
  const data = samples.customer(uniqueId);
  const answer = await callAction("FTOS_ACC_CB_AddUpdateIndividualCustomer", data);
  expect(answer.status).toBe(200);
  return ((JSON.parse(answer.text) as EnvelopeBody).UIResult.Data as { customerInternalId: string })
    .customerInternalId;
}

beforeAll(async () => {
  token = await server.userToken("fuzz.data", ["writer", "reader"]);
  customerId = await createCustomer("FUZZ-BASE-1");
  otherCustomerId = await createCustomer("FUZZ-BASE-2");
});
afterAll(async () => {
  console.info(`fuzz-data: ${tally}`);
});

/** A valid Data of each write action, on the customers made above. */
function validWrite(action: string, n: number): Record<string, unknown> {
  switch (action) {
    case "FTOS_ACC_CB_AddUpdateIndividualCustomer":
      return samples.customer(`FUZZ-${n % 50}`);
    case "FTOS_ACC_CB_AddUpdateCustomerAddress": {
      const data = samples.address(customerId);
      data.AddressInfo.streetNo = String(n % 20);
      return data;
    }
    case "FTOS_ACC_CB_AddUpdateCustomerRepresentative":
      return samples.representative(customerId, otherCustomerId);
    case "FTOS_ACC_CreateUpdateApplication":
      return samples.application(customerId, `APP-${n % 30}`);
    default:
      return samples.agreement(customerId, `AGR-${n % 30}`);
  }
}

/** A valid Data of each widget: every field the schema knows, with a plausible value. */
function validWidget(paths: string[]): Record<string, unknown> {
  const plausible: Record<string, unknown> = {
    customerInternalId: customerId,
    accountId: customerId,
    fromDate: "2024-01-01",
    toDate: "2024-12-31",
    startDate: "2024-01-01",
    endDate: "2024-12-31",
    indicatorName: "NetProfit",
    channels: ["Email", "phone"],
    transactionIndicators: "POS,ATM",
    direction: "Incoming",
    interIntra: "Inter",
    currencyId: "RON",
    limit: 10,
  };
  return Object.fromEntries(paths.filter((p) => p in plausible).map((p) => [p, plausible[p]]));
}

const writes = actions.filter((a) => a.tag === "Customers" && a.kind === "mutation");
const widgets = actions.filter((a) => a.tag === "Widgets" && a.kind === "query");

const writeCase = fc
  .record({
    action: fc.constantFrom(...writes),
    n: fc.nat(),
    asString: fc.boolean(),
    seed: fc.nat(),
  })
  .chain((c) => {
    const paths = fieldPaths(c.action.schema);
    return mutationsFor(paths).map((mutations) => ({ ...c, mutations }));
  })
  .map((c) => {
    const data = mutate(validWrite(c.action.name, c.n), c.mutations);
    return { action: c.action.name, data: c.asString ? toJsonText(data) : data, seed: c.seed };
  });

const widgetCase = fc
  .record({
    action: fc.constantFrom(...widgets),
    asString: fc.boolean(),
    seed: fc.nat(),
    clean: fc.boolean(),
  })
  .chain((c) => {
    const paths = fieldPaths(c.action.schema);
    const mutations: fc.Arbitrary<Mutation[]> = paths.length > 0 ? mutationsFor(paths) : fc.constant([]);
    return mutations.map((m) => ({ ...c, paths, mutations: m }));
  })
  .map((c) => {
    const valid = validWidget(c.paths);
    const data = c.clean ? valid : mutate(valid, c.mutations);
    return { action: c.action.name, data: c.asString ? toJsonText(data) : data, seed: c.seed };
  });

/** Fires a batch at once; checks every answer, and that a batch refused whole changed no row. */
async function checkBatch(cases: { action: string; data: unknown; seed: number }[]) {
  const before = await server.fingerprint();
  const counted = await server.writeCounts();
  const answers = await Promise.all(cases.map((c) => callAction(c.action, c.data, c.seed)));
  answers.forEach((answer, i) => {
    tally.record(answer.status);
    const problems = envelopeProblems(answer);
    if (problems.length > 0) {
      const sent = toJsonText(cases[i]?.data).slice(0, 400);
      throw new Error(
        `${problems.join("; ")}\n${cases[i]?.action} ${sent}\nanswer: ${answer.text.slice(0, 400)}`,
      );
    }
  });
  // Every row and audit entry the batch added is one a successful answer accounts for; a batch
  // refused whole changed nothing at all.
  const expected = expectedWriteDelta(answers);
  if (expected) expect(difference(counted, await server.writeCounts())).toEqual(expected);
  if (answers.every((a) => a.status !== 200)) expect(await server.fingerprint()).toBe(before);
}

describe("Data under fuzzing", () => {
  it("write actions answer hostile fields with an envelope naming them, never a 500, and refusals change nothing", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(writeCase, { minLength: CONCURRENCY, maxLength: CONCURRENCY }), checkBatch),
      { numRuns: 400 },
    );
  }, 150_000);

  it("widgets answer hostile filters with an envelope, never a 500", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(widgetCase, { minLength: CONCURRENCY, maxLength: CONCURRENCY }), checkBatch),
      { numRuns: 250 },
    );
  }, 150_000);

  it("text PostgreSQL cannot store (NUL, half a surrogate pair) is a 400 naming the field, in values and keys", async () => {
    const before = await server.fingerprint();
    const cases: [string, unknown, string][] = [
      [
        "FTOS_ACC_AddUpdateCustomerAgreement",
        { ...validWrite("FTOS_ACC_AddUpdateCustomerAgreement", 1), contractNo: "\ud800" },
        "contractNo",
      ],
      [
        "FTOS_ACC_CreateUpdateApplication",
        { ...validWrite("FTOS_ACC_CreateUpdateApplication", 1), name: "a\u0000b" },
        "name",
      ],
      [
        "FTOS_ACC_AccountProfitabilityPI",
        { customerInternalId: customerId, indicatorName: "\u0000" },
        "indicatorName",
      ],
      [
        "FTOS_ACC_AccountRecentInteractions",
        toJsonText({ ...validWidget(["customerInternalId", "fromDate", "toDate"]), channels: ["\udfff"] }),
        "channels.0",
      ],
      [
        "FTOS_ACC_CB_AddUpdateIndividualCustomer",
        { CustomerInfo: { "first\u0000Name": "x" } },
        "CustomerInfo.first\u0000Name",
      ],
    ];
    for (const [action, data, field] of cases) {
      const answer = await callAction(action, data);
      tally.record(answer.status);
      expect(envelopeProblems(answer)).toEqual([]);
      expect(answer.status, answer.text).toBe(400);
      expect((JSON.parse(answer.text) as EnvelopeBody).UIResult.Errors.map((e) => e.field)).toContain(field);
    }
    expect(await server.fingerprint()).toBe(before);
  });

  it("an amount or a text field sent as a number, and back as a string, is read the same way", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 99_999_999 }), fc.nat(99), async (units, cents) => {
        const amount = `${units}.${String(cents).padStart(2, "0")}`;
        const asText = await callAction("FTOS_ACC_CreateUpdateApplication", {
          ...validWrite("FTOS_ACC_CreateUpdateApplication", 0),
          externalId: "APP-NUMERIC",
          amount,
        });
        const asNumber = await callAction("FTOS_ACC_CreateUpdateApplication", {
          ...validWrite("FTOS_ACC_CreateUpdateApplication", 0),
          externalId: "APP-NUMERIC",
          amount: Number(amount),
        });
        tally.record(asText.status);
        tally.record(asNumber.status);
        expect(envelopeProblems(asText)).toEqual([]);
        expect(asText.status).toBe(200);
        // The number has the same shortest decimal form, so nothing changes the second time.
        const second = JSON.parse(asNumber.text) as EnvelopeBody;
        expect(second.UIResult.Data).toMatchObject({ operation: "unchanged" });
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});
