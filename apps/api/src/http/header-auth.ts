import type { IncomingMessage } from "node:http";
import { AppError } from "@account360/core";
import { canCall, type Need, type Principal } from "../auth/roles";
import { type AppDeps, bearerToken } from "../context";
import type { RequestScope } from "./route";
import type { TrpcCall } from "./trpc-calls";

/**
 * CONTRACT §2: no request body is read before its token has been checked. These run on the
 * headers alone, so a caller without a valid token is refused before a byte of its body is
 * read (tRPC bodies may be 32 MiB; 24 such posts took the server from 373 MB to 1,245 MB).
 */

/**
 * callAction with an `Authorization: Bearer` header: the token is checked now (401 when it is not
 * valid). Without the header the token is in ApiInfo, inside the body, and nothing can be checked
 * yet. A bridge running apart has no database and leaves the check to the API server.
 */
export async function authenticateBearerHeader(
  req: IncomingMessage,
  scope: RequestScope,
): Promise<Principal | null> {
  const token = bearerToken(req.headers.authorization);
  if (!token || !scope.deps) return null;
  return scope.deps.auth.authenticate(token);
}

/**
 * tRPC: every call of the request must be one the caller may make, judged from the headers
 * before the body (401 without a valid token, 403 outside the caller's roles). Public
 * procedures need nothing.
 */
export async function authorizeTrpcCalls(
  req: IncomingMessage,
  scope: RequestScope,
  calls: readonly TrpcCall[],
  claimedUserName: string | null,
): Promise<void> {
  const needs = calls.filter((call) => call.need !== undefined);
  if (needs.length === 0 || !scope.deps) return;
  const principal = await authenticateRequired(req, scope.deps, claimedUserName);
  const refused = needs.find((call) => !canCall(principal, call.need as NonNullable<TrpcCall["need"]>));
  if (refused) throw refusal(principal, refused.need as Need);
}

/**
 * A per-action endpoint: the `Authorization: Bearer` token must be valid (401) and its user hold
 * the action's role (403), judged from the headers before the body. A bridge running apart has
 * no database and leaves both checks to the API server, which answers the same.
 */
export async function authorizeBearerHeader(
  req: IncomingMessage,
  scope: RequestScope,
  need: Need,
): Promise<void> {
  if (!scope.deps) return;
  const principal = await authenticateRequired(req, scope.deps, null);
  if (!canCall(principal, need)) throw refusal(principal, need);
}

async function authenticateRequired(
  req: IncomingMessage,
  deps: AppDeps,
  claimedUserName: string | null,
): Promise<Principal> {
  const token = bearerToken(req.headers.authorization);
  if (!token) throw new AppError("UNAUTHORIZED", "A bearer token is required.");
  return deps.auth.authenticate(token, claimedUserName ?? undefined);
}

/** The procedures' own wording (trpc/init.ts): one sentence for one refusal, whichever door. */
const refusal = (principal: Principal, need: Need) =>
  new AppError("FORBIDDEN", `User ${principal.userName} may not call this (${need} access needed).`);
