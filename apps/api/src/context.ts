import type { ActionIndex, Settings, Sources } from "@account360/core";
import type { Database, DatabaseKind } from "@account360/storage";
import type { AnyRouter } from "@trpc/server";
import type { Logger } from "pino";
import type { AuthService } from "./auth";
import type { Env } from "./env";

/** What the procedures need from authentication; implemented in ./auth. */
export type Authenticator = Pick<AuthService, "authenticate" | "issueToken">;

/** Everything a request may use, built once per process. */
export interface AppDeps {
  /** drizzle, for authentication and tools; the actions go through `sources`. */
  db: Database;
  dbKind: DatabaseKind;
  /** The core's ports over the database, built once. */
  sources: Sources;
  /** The action registry, indexed by callAction name and procedure. */
  actions: ActionIndex;
  /** The tRPC router built from `actions` (typed as AppRouter where it is created). */
  router: AnyRouter;
  env: Env;
  auth: Authenticator;
  logger: Logger;
  now: () => Date;
  settings: Settings;
  version: string;
  /** One database round trip; throws when the database does not answer. */
  ping: () => Promise<void>;
}

/** Who is calling, as the transport saw it. The token is checked lazily, by the procedures that need it. */
export interface CallerCredentials {
  token: string | null;
  claimedUserName: string | null;
}

/**
 * One request's context: the process's dependencies by reference, not copied, since tRPC copies
 * the context at every middleware.
 */
export interface Context {
  deps: AppDeps;
  credentials: CallerCredentials;
  requestId: string;
}

/** Builds a context without HTTP: router tests and the in-process bridge use this. */
export function createContextInner(
  deps: AppDeps,
  credentials: CallerCredentials,
  requestId: string,
): Context {
  return { deps, credentials, requestId };
}

export function bearerToken(authorization: string | string[] | undefined): string | null {
  const value = Array.isArray(authorization) ? authorization[0] : authorization;
  const match = value?.match(/^Bearer\s+(\S+)\s*$/i);
  return match?.[1] ?? null;
}
