import type { Problem } from "../problem";

export const actionUrl = (baseUrl: string, name: string) =>
  `${baseUrl}/ftosapi/automation-processors/actions/${name}`;

export interface DoorAnswer {
  status: number;
  headers: Headers;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: each action answers its own shape; tests read into it
  body: any;
}

/**
 * POSTs to an action's own endpoint: `body` as JSON (undefined sends no body), the token as
 * `Authorization: Bearer`; `headers` override or add (a Content-Type, say).
 */
export async function callDoor(
  baseUrl: string,
  name: string,
  body: unknown,
  token: string | null,
  headers: Record<string, string> = {},
): Promise<DoorAnswer> {
  const response = await fetch(actionUrl(baseUrl, name), {
    method: "POST",
    headers: {
      ...(body === undefined ? {} : { "content-type": "application/json" }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
  });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(`${name} answered ${response.status} with a body that is not JSON: ${text}`);
  }
  return { status: response.status, headers: response.headers, text, body: parsed };
}

/** Asserts a problem document with this status, its request id the answer's, and answers it. */
export function problemOf(answer: DoorAnswer, status: number): Problem {
  if (answer.status !== status) throw new Error(`expected ${status}, got ${answer.status}: ${answer.text}`);
  const contentType = answer.headers.get("content-type") ?? "";
  if (!contentType.startsWith("application/problem+json")) {
    throw new Error(`expected application/problem+json, got ${contentType}`);
  }
  const problem = answer.body as Problem;
  if (problem.status !== status || problem.requestId !== answer.headers.get("x-request-id")) {
    throw new Error(`the problem does not match its answer: ${answer.text}`);
  }
  return problem;
}
