import type { ServerResponse } from "node:http";
import { sendJson } from "@account360/api";
import { type AppError, type AppErrorCode, type FieldError, httpStatusOf } from "@account360/core";
import { prefixOf } from "./envelope";

const PROBLEM_CONTENT_TYPE = "application/problem+json";

/** RFC 9457 problem details, with the request id and every invalid field as extensions. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  requestId: string;
  errors: FieldError[];
}

/**
 * One problem type per error code. A URN rather than an address: the types are stable names to
 * switch on, and the OpenAPI document says what each means.
 */
export const problemType = (code: AppErrorCode) =>
  `urn:account360:problem:${code.toLowerCase().replaceAll("_", "-")}`;

function problemOf(error: AppError, requestId: string): Problem {
  const title = prefixOf[error.code];
  // Some use cases (authentication) word their sentence with the envelope's prefix already.
  const prefix = `${title} - `;
  const detail = error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
  return {
    type: problemType(error.code),
    title,
    status: httpStatusOf[error.code],
    detail,
    requestId,
    errors: error.fieldErrors,
  };
}

/** Sends the problem; a 503 carries Retry-After as every JSON answer does (sendJson). */
export function sendProblem(
  res: ServerResponse,
  error: AppError,
  requestId: string,
  headers: Record<string, string> = {},
): void {
  const problem = problemOf(error, requestId);
  sendJson(res, problem.status, problem, {
    "Content-Type": `${PROBLEM_CONTENT_TYPE}; charset=utf-8`,
    ...headers,
  });
}
