import type { IncomingMessage, ServerResponse } from "node:http";
import { type AppError, httpStatusOf } from "@account360/core";

/** Sent on every answer: the API serves JSON only, so nothing may frame, sniff or cache it. */
export const securityHeaders: Record<string, string> = {
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Referrer-Policy": "no-referrer",
  "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
  "Cross-Origin-Resource-Policy": "same-origin",
  "Cache-Control": "no-store",
};

/** Seconds a client waits before retrying a 503 (the database or the API server out of reach). */
export const RETRY_UNAVAILABLE_AFTER_SECONDS = "1";

/** Sends JSON; a 503 always says when to retry (CONTRACT §3), unless the caller set it already. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    "Content-Type": "application/json; charset=utf-8",
    "Content-Length": Buffer.byteLength(payload),
    ...(status === 503 ? { "Retry-After": RETRY_UNAVAILABLE_AFTER_SECONDS } : {}),
    ...headers,
  });
  res.end(payload);
}

/**
 * An AppError as the plain JSON routes answer it (the token endpoint, the event feed): its code,
 * message, field errors and the request id; a 401 names the Bearer scheme.
 */
export function sendJsonError(
  res: ServerResponse,
  error: AppError,
  requestId: string,
  headers: Record<string, string> = {},
): void {
  sendJson(
    res,
    httpStatusOf[error.code],
    { error: error.code.toLowerCase(), message: error.message, errors: error.fieldErrors, requestId },
    { ...(error.code === "UNAUTHORIZED" ? { "WWW-Authenticate": "Bearer" } : {}), ...headers },
  );
}

export function sendText(res: ServerResponse, status: number, text: string, contentType: string): void {
  res.writeHead(status, { "Content-Type": contentType, "Content-Length": Buffer.byteLength(text) });
  res.end(text);
}

/** True when the Content-Type names JSON (parameters such as charset allowed). */
export function isJsonContentType(req: IncomingMessage): boolean {
  const type = req.headers["content-type"]?.split(";")[0]?.trim().toLowerCase();
  return type === "application/json" || (type?.endsWith("+json") ?? false);
}
