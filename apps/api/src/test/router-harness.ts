import { openTestDatabase } from "@account360/storage/testing";
import pino from "pino";
import { createApp, createAppDeps } from "../app";
import { type AuthService, createAuthService } from "../auth";
import { type AppDeps, type CallerCredentials, createContextInner } from "../context";
import { loadEnv } from "../env";
import type { AppRouter } from "../router";
import { createCallerFactory } from "../trpc/init";
import { issueTestToken } from "./test-users";

export type Caller = ReturnType<AppRouter["createCaller"]>;

/**
 * The router without HTTP, on one migrated database: what `createContextInner` is for. `auth`
 * is the service inside `deps`, so a user disabled through it is refused at once.
 */
export async function openRouterHarness() {
  const handle = await openTestDatabase();
  const auth = createAuthService({ database: handle, tokenTtlSeconds: 3600 });
  const env = loadEnv({ LOG_LEVEL: "silent", PGLITE_DIR: "memory://" });
  const app = createApp(env);
  const deps: AppDeps = createAppDeps(app, handle, { env, logger: pino({ level: "silent" }), auth });
  const createCaller = createCallerFactory(app.router);
  let requests = 0;
  return {
    handle,
    deps,
    auth,
    /** A caller presenting these credentials, as a transport would pass them on. */
    caller(credentials: Partial<CallerCredentials>, over: AppDeps = deps): Caller {
      const full = { token: null, claimedUserName: null, ...credentials };
      return createCaller(createContextInner(over, full, `test-${++requests}`));
    },
    /** Creates (or updates) a user with these roles and answers a fresh token of theirs. */
    userToken: (username: string, roles: string[], service: AuthService = auth): Promise<string> =>
      issueTestToken(service, username, roles),
    close: () => handle.close(),
  };
}
