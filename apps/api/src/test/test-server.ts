import { openTestDatabase } from "@account360/storage/testing";
import type { AuthService } from "../auth";
import { type StartOptions, startServer } from "../boot";
import type { AppDeps } from "../context";
import { issueTestToken, testServerEnv } from "./test-users";

/**
 * The real HTTP server on a free port and a database of its own: PGlite in memory, or a fresh
 * PostgreSQL database (dropped at stop) when DATABASE_URL is set.
 */
export async function startTestServer(
  overrides: Record<string, string> = {},
  options: Omit<StartOptions, "env"> = {},
) {
  const database = process.env.DATABASE_URL ? await openTestDatabase() : null;
  const env = testServerEnv(overrides, database?.url ?? null);
  const running = await startServer({ env, ...options });
  const deps: AppDeps = await running.ready;
  const auth = deps.auth as Partial<AuthService>;
  if (!auth.addOrUpdateUser || !auth.issueToken) throw new Error("the server's auth cannot manage users");
  // The server's own service, so user changes reach its token cache at once.
  const users = auth as AuthService;
  return {
    url: running.url,
    env,
    deps,
    userToken: (username: string, roles: string[]): Promise<string> => issueTestToken(users, username, roles),
    async stop() {
      await running.stop();
      await database?.close();
    },
  };
}
