import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { hardenedServerForFile } from "../test/hardening/file-server";
import { CALL_ACTION, type EnvelopeBody, envelope, send } from "../test/hardening/harness";
import { logSink } from "../test/hardening/log-sink";
import { samples } from "../test/hardening/samples";

/**
 * A 500 is logged under its request id so support can find the cause, but the failed statement's
 * parameters may hold customer data (issue 12, item 10): the log names the statement and the
 * error code, never the values. A trigger makes the database refuse one customer's insert the way
 * an unforeseen failure would (SQLSTATE P0001), on PGlite and PostgreSQL alike.
 */

const log = logSink();
const server = hardenedServerForFile({}, log.logger);
let token = "";

beforeAll(async () => {
  token = await server.userToken("errors.writer", ["writer"]);
  await server.query(`
    create function refuse_exploding_customer() returns trigger language plpgsql as $$
    begin
      raise exception 'refused by the test trigger';
    end $$`);
  await server.query(`
    create trigger refuse_exploding_customer before insert on customers
    for each row when (new.first_name = 'Explode') execute function refuse_exploding_customer()`);
});

/** A customer whose every value is a secret of its own, so any of them in the log is found. */
function customerWithSentinels() {
  const mark = randomBytes(6).toString("hex").toUpperCase();
  const data = samples.customer(`SENT-${mark}`);
  data.CustomerInfo.firstName = "Explode";
  data.CustomerInfo.lastName = `Sentinelescu${mark}`;
  data.CustomerInfo.email = `sentinel.${mark.toLowerCase()}@example.ro`;
  const values = [`SENT-${mark}`, `Sentinelescu${mark}`, `sentinel.${mark.toLowerCase()}`, mark];
  return { data, values };
}

function expectLoggedWithoutValues(requestId: string, values: string[]) {
  const lines = log.entries().filter((entry) => entry.requestId === requestId);
  const failure = lines.find((entry) => entry.level === 50 && entry.err !== undefined);
  expect(failure, "the cause is logged under the request id").toBeDefined();
  // The SQLSTATE somewhere in the error or its causes: enough to know what failed.
  expect(JSON.stringify(failure)).toContain('"code":"P0001"');
  for (const value of values) {
    expect(log.text(), `the log holds ${value}`).not.toContain(value);
  }
}

describe("the log of a request failing in the database", () => {
  it("names the error code, not the parameters, on callAction", async () => {
    const { data, values } = customerWithSentinels();
    const answer = await send(server.url, {
      path: CALL_ACTION,
      body: envelope("FTOS_ACC_CB_AddUpdateIndividualCustomer", data, {
        UserName: "errors.writer",
        Token: token,
      }),
    });
    expect(answer.status).toBe(500);
    const body = JSON.parse(answer.text) as EnvelopeBody;
    expect(body.Message).toMatch(/^Internal Error - /);
    for (const value of values) expect(answer.text).not.toContain(value);
    expectLoggedWithoutValues(body.RequestId, values);
  });

  it("names the error code, not the parameters, on tRPC", async () => {
    const { data, values } = customerWithSentinels();
    const answer = await send(server.url, {
      path: "/trpc/customers.upsertIndividual",
      body: JSON.stringify(data),
      headers: { authorization: `Bearer ${token}` },
    });
    expect(answer.status).toBe(500);
    for (const value of values) expect(answer.text).not.toContain(value);
    expectLoggedWithoutValues(String(answer.headers["x-request-id"]), values);
  });
});
