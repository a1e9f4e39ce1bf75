import { Agent, request } from "node:http";
import { type AppDeps, type AuthService, type Env, startServer } from "@account360/api";
import { issueTestToken, testServerEnv } from "@account360/api/testing";
import { rowsOf } from "@account360/storage";
import { openTestDatabase } from "@account360/storage/testing";
import type { Logger } from "pino";
import { bridgeRoutes } from "../../bridge-routes";
import type { EnvelopeAnswer } from "../../envelope";
import { samples } from "./samples";

export const PASSWORD = "hardening-pass-2024";

/**
 * Tables that change without a data request: what a login or token check writes, and where the
 * background delivery of change events stands (the NATS relay and webhook queues move on their
 * own). Every other table is data a request may change.
 */
const NOT_REQUEST_DATA = new Set([
  "users",
  "api_tokens",
  "login_failures",
  "event_relays",
  "webhook_endpoints",
  "webhook_deliveries",
]);

export interface HardenedServer {
  url: string;
  env: Env;
  deps: AppDeps;
  /** The server's own auth service, so a user disabled through it is refused at once. */
  auth: AuthService;
  query<T>(text: string): Promise<T[]>;
  /** One string that changes whenever any row of any data table changes (auth and delivery state excluded). */
  fingerprint(): Promise<string>;
  /** Rows of the written tables and audit entries by operation, to account a batch's changes to its answers. */
  writeCounts(): Promise<Record<string, number>>;
  /** Creates (or updates) a user with these roles and answers a fresh token of theirs. */
  userToken(username: string, roles: string[]): Promise<string>;
  stop(): Promise<void>;
}

/**
 * The one-process server exactly as `pnpm start` builds it (API routes plus the bridge's), in this
 * process on a free port: PGlite in memory, or a fresh PostgreSQL database (dropped at stop) when
 * DATABASE_URL is set.
 */
export async function startHardenedServer(
  overrides: Record<string, string> = {},
  logger?: Logger,
): Promise<HardenedServer> {
  const database = process.env.DATABASE_URL ? await openTestDatabase() : null;
  const env = testServerEnv({ DB_POOL_SIZE: "10", ...overrides }, database?.url ?? null);
  const running = await startServer({
    env,
    ...(logger ? { logger } : {}),
    extraRoutes: bridgeRoutes({ maxBodyBytes: env.MAX_BODY_BYTES }),
  });
  const deps = await running.ready;
  const auth = deps.auth as AuthService;
  const query = async <T>(text: string) => rowsOf<T>(await deps.db.execute(text));
  const tables = (
    await query<{ table_name: string }>(
      "select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1",
    )
  )
    .map((row) => row.table_name)
    .filter((name) => !NOT_REQUEST_DATA.has(name));
  // The audit log only grows (a refused write must not add to it), so its count and last id say enough.
  const fingerprintSql = `select concat_ws(' ', ${tables
    .map((t) =>
      t === "audit_log"
        ? "(select count(*) || ':' || coalesce(max(id), 0) from audit_log)"
        : `(select count(*) || ':' || coalesce(md5(string_agg(x::text, '|' order by x::text)), '') from "${t}" x)`,
    )
    .join(", ")}) as state`;
  return {
    url: running.url,
    env,
    deps,
    auth,
    query,
    fingerprint: async () => (await query<{ state: string }>(fingerprintSql))[0]?.state ?? "",
    writeCounts: async () => {
      const [row] = await query<Record<string, number>>(
        `select ${Object.values(TABLE_OF_IDENTIFIER)
          .map((t) => `(select count(*)::int from ${t}) as ${t}`)
          .join(", ")},
          (select count(*)::int from audit_log where operation = 'created') as audit_created,
          (select count(*)::int from audit_log where operation = 'updated') as audit_updated`,
      );
      return row ?? {};
    },
    userToken: (username, roles) =>
      issueTestToken(auth, username, roles, { password: PASSWORD, clientAddress: "192.0.2.1" }),
    async stop() {
      await running.stop();
      await database?.close();
    },
  };
}

/** The identifier a write answers → the table it fills. */
const TABLE_OF_IDENTIFIER: Record<string, string> = {
  customerInternalId: "customers",
  addressIdentifier: "addresses",
  customerRepresentativeIdentifier: "representatives",
  applicationId: "applications",
  AgreementId: "agreements",
};

/**
 * The changes a batch of answers (callAction envelopes or tRPC results) accounts for: one row per
 * `created`, one audit entry per `created` or `updated`, nothing for `unchanged` and nothing at
 * all for a refusal. Null when a success changed data it cannot account for (an ingest batch).
 */
export function expectedWriteDelta(answers: Answer[]): Record<string, number> | null {
  const delta: Record<string, number> = { audit_created: 0, audit_updated: 0 };
  for (const table of Object.values(TABLE_OF_IDENTIFIER)) delta[table] = 0;
  for (const answer of answers) {
    if (answer.status !== 200) continue;
    const body = JSON.parse(answer.text) as { UIResult?: { Data?: unknown }; result?: { data?: unknown } };
    const data = (body.UIResult?.Data ?? body.result?.data ?? null) as Record<string, unknown> | null;
    if (data && "inserted" in data) return null;
    const operation = data?.operation;
    const table = Object.entries(TABLE_OF_IDENTIFIER).find(([key]) => data && key in data)?.[1];
    if (!operation || !table) continue; // a read
    if (operation === "created") {
      delta[table] = (delta[table] ?? 0) + 1;
      delta.audit_created = (delta.audit_created ?? 0) + 1;
    }
    if (operation === "updated") delta.audit_updated = (delta.audit_updated ?? 0) + 1;
  }
  return delta;
}

/** after − before, key by key. */
export function difference(
  before: Record<string, number>,
  after: Record<string, number>,
): Record<string, number> {
  return Object.fromEntries(Object.keys(after).map((key) => [key, (after[key] ?? 0) - (before[key] ?? 0)]));
}

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

const agent = new Agent({ keepAlive: true, maxSockets: 16 });

/** One HTTP request with full control of the bytes and the source address (127.0.0.0/8 is all loopback). */
export function send(
  baseUrl: string,
  options: {
    method?: string;
    path: string;
    body?: string | Buffer;
    headers?: Record<string, string>;
    localAddress?: string;
  },
): Promise<Answer> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        hostname,
        port,
        method: options.method ?? "POST",
        path: options.path,
        headers: { "content-type": "application/json", ...options.headers },
        ...(options.localAddress ? { localAddress: options.localAddress } : { agent }),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text: Buffer.concat(chunks).toString("utf8"),
          }),
        );
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(options.body);
  });
}

export const CALL_ACTION = "/api/openApi/CallAction";
export const GET_TOKEN = "/api/Authorize/GetToken";

export function envelope(actionName: unknown, data: unknown, apiInfo: unknown): string {
  return JSON.stringify({ Request: { ActionName: actionName, Data: data }, ApiInfo: apiInfo });
}

/** The statuses of CONTRACT §3 and the prefix each failure message starts with. */
const contractPrefix: Record<number, string> = {
  400: "Bad Request - ",
  401: "Unauthorized - ",
  403: "Forbidden - ",
  404: "Not Found - ",
  409: "Conflict - ",
  413: "Payload Too Large - ",
  415: "Unsupported Media Type - ",
  429: "Too Many Requests - ",
  500: "Internal Error - ",
};

const SECURITY_HEADERS = {
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "no-referrer",
  "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
  "cross-origin-resource-policy": "same-origin",
  "cache-control": "no-store",
} as const;

/** What is wrong with the security headers of an answer ([] when all are there). */
export function securityHeaderProblems(answer: Answer): string[] {
  return Object.entries(SECURITY_HEADERS)
    .filter(([name, value]) => answer.headers[name] !== value)
    .map(([name, value]) => `${name} is ${String(answer.headers[name])}, not ${value}`);
}

/** A callAction answer's body, as the server builds it. */
export type EnvelopeBody = EnvelopeAnswer["body"];

/** The customerInternalId a customer write answered in its envelope. */
export const customerIdOf = (answer: Answer): string =>
  ((JSON.parse(answer.text) as EnvelopeBody).UIResult.Data as { customerInternalId: string })
    .customerInternalId;

/** Writes `samples.customer(uniqueId)` through callAction as this caller; answers the new customer's id. */
export async function createCustomer(
  server: HardenedServer,
  uniqueId: string,
  apiInfo: { UserName: string; Token: string },
): Promise<string> {
  const data = samples.customer(uniqueId);
  const answer = await send(server.url, {
    path: CALL_ACTION,
    body: envelope("FTOS_ACC_CB_AddUpdateIndividualCustomer", data, apiInfo),
  });
  if (answer.status !== 200) throw new Error(`writing customer ${uniqueId}: ${answer.status} ${answer.text}`);
  return customerIdOf(answer);
}

/**
 * What is wrong with a callAction answer against CONTRACT §3 ([] when nothing): the envelope
 * always, a contract status (never 500), ErrorCode equal to the status, the status's prefix.
 */
export function envelopeProblems(answer: Answer): string[] {
  const problems = securityHeaderProblems(answer);
  if (!(answer.status === 200 || (answer.status in contractPrefix && answer.status !== 500))) {
    problems.push(`status ${answer.status}`);
  }
  if (!String(answer.headers["content-type"]).startsWith("application/json")) {
    problems.push(`content-type ${String(answer.headers["content-type"])}`);
  }
  let body: EnvelopeBody;
  try {
    body = JSON.parse(answer.text) as EnvelopeBody;
  } catch {
    return [...problems, `body is not JSON: ${answer.text.slice(0, 200)}`];
  }
  const ui = body?.UIResult;
  if (typeof body?.RequestId !== "string" || body.RequestId === "") problems.push("no RequestId");
  if (!ui || typeof ui !== "object") return [...problems, "no UIResult"];
  if (answer.status === 200) {
    if (body.IsSuccess !== true || ui.IsSuccess !== true || body.ErrorCode !== 0)
      problems.push("success flags");
  } else {
    const prefix = contractPrefix[answer.status] ?? "?";
    if (body.IsSuccess !== false || ui.IsSuccess !== false) problems.push("IsSuccess is not false");
    if (body.ErrorCode !== answer.status)
      problems.push(`ErrorCode ${body.ErrorCode} for status ${answer.status}`);
    if (!body.Message?.startsWith(prefix))
      problems.push(`Message ${JSON.stringify(body.Message)} lacks ${prefix}`);
    if (body.Message?.startsWith(`${prefix}${prefix}`)) problems.push("Message repeats its prefix");
    if (ui.Message !== body.Message) problems.push("UIResult.Message differs");
    if (ui.Data !== null) problems.push("UIResult.Data is not null");
    if (!Array.isArray(ui.Errors)) problems.push("UIResult.Errors is not an array");
  }
  return problems;
}

/** Runs `work` over `items` with at most `limit` at a time, answers in the items' order. */
export async function inPool<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    for (;;) {
      const index = next++;
      if (index >= items.length) return;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
