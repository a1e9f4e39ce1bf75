import { type AppDeps, type Env, type StartOptions, startServer } from "@account360/api";
import { issueTestToken, testServerEnv } from "@account360/api/testing";
import type { FieldError } from "@account360/core";
import { openTestDatabase } from "@account360/storage/testing";
import { apiReadiness, bridgeRoutes } from "../bridge-routes";
import { openCallAction } from "./raw-call-action";

/** The part of the API's auth service a test needs to manage users (not exported by the API). */
interface UserAdmin {
  addOrUpdateUser(user: { username: string; password: string; roles: readonly string[] }): Promise<unknown>;
  disableUser(username: string): Promise<unknown>;
  issueToken(request: { username: string; password: string; clientAddress: string }): Promise<{
    access_token: string;
  }>;
}

export interface TestServer {
  url: string;
  env: Env;
  /** null for a bridge running apart, which has no database. */
  deps: AppDeps | null;
  /** Creates (or updates) a user with these roles and answers a fresh token of theirs. */
  userToken(username: string, roles: string[]): Promise<string>;
  stop(): Promise<void>;
}

/**
 * A server with a database of its own (PGlite in memory, or a fresh PostgreSQL database dropped
 * at stop when DATABASE_URL is set).
 */
async function startWithDatabase(
  overrides: Record<string, string>,
  extraRoutes: (env: Env) => StartOptions["extraRoutes"],
): Promise<TestServer> {
  const database = process.env.DATABASE_URL ? await openTestDatabase() : null;
  const env = testServerEnv(overrides, database?.url ?? null);
  const running = await startServer({ env, extraRoutes: extraRoutes(env) });
  const deps = await running.ready;
  // The running server's own service, so that user changes reach its token cache at once.
  const users = deps.auth as unknown as Partial<UserAdmin>;
  if (!users.addOrUpdateUser || !users.issueToken || !users.disableUser) {
    throw new Error("the server's auth service cannot manage users");
  }
  const admin = users as UserAdmin;
  return {
    url: running.url,
    env,
    deps,
    userToken: (username, roles) => issueTestToken(admin, username, roles),
    stop: once(async () => {
      await running.stop();
      await database?.close();
    }),
  };
}

/** Runs `stop` once however often it is called (a test may stop a server before afterAll does). */
function once(stop: () => Promise<void>): () => Promise<void> {
  let stopping: Promise<void> | null = null;
  return () => {
    stopping ??= stop();
    return stopping;
  };
}

/** What `pnpm start` runs: the API with callAction dispatching in-process, as main.ts builds it. */
export function startOneProcess(overrides: Record<string, string> = {}): Promise<TestServer> {
  return startWithDatabase(overrides, (env) => bridgeRoutes({ maxBodyBytes: env.MAX_BODY_BYTES }));
}

/** The API server alone: tRPC and the token endpoint, no callAction. */
export function startApiOnly(overrides: Record<string, string> = {}): Promise<TestServer> {
  return startWithDatabase(overrides, () => undefined);
}

/** The bridge apart (API_URL): no database, callAction forwarded over HTTP to `apiUrl`. */
export async function startBridgeApart(apiUrl: string, overrides: Record<string, string> = {}) {
  const env = testServerEnv(overrides, null);
  const running = await startServer({
    env,
    database: false,
    readiness: apiReadiness(apiUrl),
    forwardsTo: apiUrl,
    extraRoutes: bridgeRoutes({ maxBodyBytes: env.MAX_BODY_BYTES, apiUrl }),
  });
  return { url: running.url, stop: running.stop };
}

/**
 * The routes main.ts builds without API_URL on a server without a database, always ready:
 * enough to serve the OpenAPI document and the docs page, which need none.
 */
export async function startWithoutDatabase() {
  const env = testServerEnv({}, null);
  const running = await startServer({
    env,
    database: false,
    readiness: async () => true,
    extraRoutes: bridgeRoutes({ maxBodyBytes: env.MAX_BODY_BYTES }),
  });
  return { url: running.url, stop: running.stop };
}

/**
 * callAction dispatching in-process (exactly the routes main.ts builds without API_URL) on
 * another server's open database: the in-process answer to compare a bridge apart with.
 */
export async function startInProcessBridge(deps: AppDeps) {
  const env = testServerEnv({}, null);
  const running = await startServer({
    env,
    database: false,
    readiness: async () => true,
    extraRoutes: (_deps, actions) => bridgeRoutes({ maxBodyBytes: env.MAX_BODY_BYTES })(() => deps, actions),
  });
  return { url: running.url, stop: running.stop };
}

interface Envelope {
  IsSuccess: boolean;
  Message: string;
  ErrorCode: number;
  RequestId: string;
  UIResult: {
    IsSuccess: boolean;
    Message: string;
    // biome-ignore lint/suspicious/noExplicitAny: each action answers its own shape; tests read into it
    Data: any;
    Errors: FieldError[];
  };
}

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  body: Envelope;
}

/** POSTs a raw body to callAction (or `path`) and reads the answer, whatever it is. */
export async function post(
  baseUrl: string,
  body: string,
  headers: Record<string, string> = {},
  path = "/api/openApi/CallAction",
): Promise<Answer> {
  const response = await fetch(`${baseUrl}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
  });
  const text = await response.text();
  let parsed: Envelope;
  try {
    parsed = JSON.parse(text) as Envelope;
  } catch {
    throw new Error(`callAction answered ${response.status} with a body that is not JSON: ${text}`);
  }
  return { status: response.status, headers: response.headers, text, body: parsed };
}

/** POSTs `body` to callAction in chunks of `size` bytes, with no Content-Length (chunked encoding). */
export function postChunked(
  baseUrl: string,
  body: string,
  size: number,
): Promise<{ status: number; text: string }> {
  const { request, answer } = openCallAction(baseUrl, { "content-type": "application/json" });
  for (let at = 0; at < body.length; at += size) request.write(body.slice(at, at + size));
  request.end();
  return answer;
}

export interface Caller {
  userName?: string | null;
  token?: string | null;
  headers?: Record<string, string>;
}

/**
 * Calls an action as an integrator does: Data as a JSON string (unless `data` is already a
 * string, null, or `asObject` is set), ApiInfo with UserName and Token.
 */
export function callAction(
  baseUrl: string,
  actionName: string,
  data: unknown,
  caller: Caller,
  options: { asObject?: boolean } = {},
): Promise<Answer> {
  const Data = data === null || typeof data === "string" || options.asObject ? data : JSON.stringify(data);
  const apiInfo: Record<string, string> = {};
  if (caller.userName) apiInfo.UserName = caller.userName;
  if (caller.token) apiInfo.Token = caller.token;
  const envelope = { Request: { ActionName: actionName, Data }, ApiInfo: apiInfo };
  return post(baseUrl, JSON.stringify(envelope), caller.headers);
}

/** Asserts a success envelope and answers its UIResult.Data. */
export function dataOf(answer: Answer) {
  if (answer.status !== 200 || !answer.body.IsSuccess) {
    throw new Error(`expected success, got ${answer.status}: ${answer.text}`);
  }
  return answer.body.UIResult.Data;
}
