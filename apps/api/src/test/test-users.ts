import { type Env, loadEnv } from "../env";

export const TEST_PASSWORD = "s3cret-enough-pass";

/**
 * The environment of a server a test starts: loopback on a free port, silent, and PGlite in
 * memory unless a database URL is given; `overrides` win.
 */
export function testServerEnv(
  overrides: Record<string, string> = {},
  databaseUrl: string | null = null,
): Env {
  return loadEnv({
    ...process.env,
    PORT: "0",
    HOST: "127.0.0.1",
    LOG_LEVEL: "silent",
    PGLITE_DIR: "memory://",
    DATABASE_URL: databaseUrl ?? "",
    ...overrides,
  });
}

/** What issues a test's tokens: the auth service of the server under test. */
interface TokenIssuer {
  addOrUpdateUser(user: { username: string; password: string; roles: readonly string[] }): Promise<unknown>;
  issueToken(request: { username: string; password: string; clientAddress: string }): Promise<{
    access_token: string;
  }>;
}

/** Creates (or updates) a user with these roles and answers a fresh token of theirs. */
export async function issueTestToken(
  auth: TokenIssuer,
  username: string,
  roles: readonly string[],
  { password = TEST_PASSWORD, clientAddress = "127.0.0.1" } = {},
): Promise<string> {
  await auth.addOrUpdateUser({ username, password, roles });
  const issued = await auth.issueToken({ username, password, clientAddress });
  return issued.access_token;
}
