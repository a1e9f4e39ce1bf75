import { Pool } from "undici";

/** What the bench reads of a callAction answer. */
export interface Envelope {
  IsSuccess: boolean;
  Message: string;
  ErrorCode: number;
  UIResult: { Data: unknown } | null;
}

/** Keep-alive connections to the server; at most `connections` requests are in flight. */
export function connectionPool(url: string, connections: number): Pool {
  return new Pool(url, { connections, pipelining: 1, keepAliveTimeout: 60_000 });
}

async function postJson(pool: Pool, path: string, body: string): Promise<{ status: number; body: unknown }> {
  const response = await pool.request({
    path,
    method: "POST",
    headers: { "content-type": "application/json" },
    body,
  });
  const text = await response.body.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // left as text: the caller reports it
  }
  return { status: response.statusCode, body: parsed };
}

const CALL_ACTION_PATH = "/api/openApi/CallAction";

/** Posts one envelope; throws unless the answer is a 200 with IsSuccess. */
export async function callAction(pool: Pool, envelope: string): Promise<Envelope> {
  const { status, body } = await postJson(pool, CALL_ACTION_PATH, envelope);
  const answer = body as Envelope;
  if (status !== 200 || answer?.IsSuccess !== true) {
    throw new Error(`HTTP ${status}: ${typeof body === "string" ? body.slice(0, 200) : answer?.Message}`);
  }
  return answer;
}

export function envelopeOf(actionName: string, data: unknown, userName: string, token: string): string {
  return JSON.stringify({
    Request: { ActionName: actionName, Data: data === null ? null : JSON.stringify(data) },
    ApiInfo: { UserName: userName, Token: token },
  });
}

/** POST /api/Authorize/GetToken. */
export async function getToken(pool: Pool, username: string, password: string): Promise<string> {
  const { status, body } = await postJson(
    pool,
    "/api/Authorize/GetToken",
    JSON.stringify({ username, password }),
  );
  const token = (body as { access_token?: unknown }).access_token;
  if (status !== 200 || typeof token !== "string") {
    throw new Error(`GetToken answered ${status}: ${JSON.stringify(body).slice(0, 200)}`);
  }
  return token;
}
