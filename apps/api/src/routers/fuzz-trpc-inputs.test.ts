import { rowsOf } from "@account360/storage";
import { openTestDatabase } from "@account360/storage/testing";
import { TRPCError } from "@trpc/server";
import fc from "fast-check";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp, createAppDeps } from "../app";
import { createAuthService } from "../auth";
import { type AppDeps, type CallerCredentials, createContextInner } from "../context";
import { loadEnv } from "../env";
import { callArbitrary } from "../test/fuzz-inputs";
import { createCallerFactory } from "../trpc/init";

/**
 * Property-based fuzzing of every tRPC procedure's input through createCaller (no HTTP): whatever
 * the input, a procedure answers or refuses with a client error — never INTERNAL_SERVER_ERROR, no
 * stack or SQL in the message — and a refused call changes no row.
 */

const PASSWORD = "fuzz-trpc-password-1";
const env = loadEnv({ LOG_LEVEL: "silent", PGLITE_DIR: "memory://" });
const app = createApp(env);
const createCaller = createCallerFactory(app.router);
let handle: Awaited<ReturnType<typeof openTestDatabase>>;
let deps: AppDeps;
let writerToken = "";
let readerToken = "";
let customerId = "";
let fingerprintSql = "";
const statuses = new Map<string, number>();
let cases = 0;

async function query<T>(text: string): Promise<T[]> {
  return rowsOf<T>(await handle.db.execute(text));
}

beforeAll(async () => {
  handle = await openTestDatabase();
  const auth = createAuthService({ database: handle, tokenTtlSeconds: 3600 });
  deps = createAppDeps(app, handle, { env, logger: pino({ level: "silent" }), auth });
  const token = async (username: string, roles: string[]) => {
    await auth.addOrUpdateUser({ username, password: PASSWORD, roles });
    return (await auth.issueToken({ username, password: PASSWORD, clientAddress: "192.0.2.9" })).access_token;
  };
  writerToken = await token("fuzz.writer", ["writer", "reader"]);
  readerToken = await token("fuzz.reader", ["reader"]);
  const created = await caller({ token: writerToken }).customers.upsertIndividual({
    CustomerInfo: {
      firstName: "Ana",
      lastName: "Popescu",
      UniqueID: "FUZZ-TRPC-1",
      email: "ana@example.ro",
      mobilePhone: "+40712345678",
    },
  });
  customerId = created.customerInternalId;
  const tables = (
    await query<{ table_name: string }>(
      "select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not in ('users', 'api_tokens', 'login_failures') order by 1",
    )
  ).map((r) => r.table_name);
  fingerprintSql = `select concat_ws(' ', ${tables
    .map((t) =>
      t === "audit_log"
        ? `(select count(*) || ':' || coalesce(max(id), 0) from audit_log)`
        : `(select count(*) || ':' || coalesce(md5(string_agg(x::text, '|' order by x::text)), '') from "${t}" x)`,
    )
    .join(", ")}) as state`;
});
afterAll(async () => {
  const summary = [...statuses].map(([code, n]) => `${code}:${n}`).join(" ");
  console.info(`fuzz-trpc-inputs: ${cases} calls (${summary})`);
  await handle?.close();
});

const fingerprint = async () => (await query<{ state: string }>(fingerprintSql))[0]?.state ?? "";

let requests = 0;
function caller(credentials: Partial<CallerCredentials>) {
  return createCaller(
    createContextInner(deps, { token: null, claimedUserName: null, ...credentials }, `fuzz-${++requests}`),
  );
}

async function run(c: {
  path: string;
  input: unknown;
  who: string;
}): Promise<{ ok: boolean; code: string; message: string }> {
  const token =
    { writer: writerToken, reader: readerToken, nobody: null, forged: "A".repeat(43) }[c.who] ?? null;
  const target = c.path
    .split(".")
    .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], caller({ token }));
  try {
    await (target as (input: unknown) => Promise<unknown>)(c.input);
    return { ok: true, code: "OK", message: "" };
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    return { ok: false, code: error.code, message: error.message };
  }
}

describe("tRPC inputs under fuzzing", () => {
  it(`every procedure (${app.actions.all.length}) refuses hostile input with a client error and changes nothing`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(callArbitrary(app.actions, customerId), { minLength: 8, maxLength: 8 }),
        async (batch) => {
          const before = await fingerprint();
          const outcomes = await Promise.all(batch.map(run));
          outcomes.forEach((outcome, i) => {
            cases++;
            statuses.set(outcome.code, (statuses.get(outcome.code) ?? 0) + 1);
            const where = `${batch[i]?.path}: ${outcome.message}`;
            expect(outcome.code, where).not.toBe("INTERNAL_SERVER_ERROR");
            expect(outcome.message, where).not.toMatch(/\bat .*\.ts:\d+|select |insert into|Failed query/i);
          });
          if (outcomes.every((o) => !o.ok)) expect(await fingerprint()).toBe(before);
        },
      ),
      { numRuns: 400 },
    );
  }, 120_000);
});

/**
 * PostgreSQL stores no NUL in text and no half surrogate pair in jsonb (the audit trail): tRPC
 * refuses both before any schema or query meets them, as callAction does.
 */
describe("unstorable text through tRPC", () => {
  const refusal = async (run: () => Promise<unknown>) => {
    const error = await run().then(
      () => null,
      (e: unknown) => e,
    );
    return error instanceof TRPCError ? error.code : "OK";
  };
  it("a half surrogate pair in a written text field is 400, not 500", async () => {
    const writer = caller({ token: writerToken });
    const code = await refusal(() =>
      writer.agreements.upsert({
        customerInternalId: customerId,
        agreementType: "GDPR Consent",
        startDate: "2024-01-01",
        sourceId: "WEB",
        contractNo: "\ud800",
      }),
    );
    expect(code).toBe("BAD_REQUEST");
  });
  it("a NUL in a widget filter is 400, not 500", async () => {
    const reader = caller({ token: readerToken });
    const code = await refusal(() =>
      reader.widgets.profitability({ customerInternalId: customerId, indicatorName: "\u0000" }),
    );
    expect(code).toBe("BAD_REQUEST");
  });
});
