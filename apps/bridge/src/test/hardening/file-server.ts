import type { Logger } from "pino";
import { afterAll, beforeAll } from "vitest";
import { type HardenedServer, startHardenedServer } from "./harness";

/**
 * The server a test file shares, as startHardenedServer builds it: started before the file's
 * tests (its own beforeAll hooks, registered after this call, run after the start) and stopped
 * after them. Its fields and methods may be used in any test or hook.
 */
export function hardenedServerForFile(
  overrides: Record<string, string> = {},
  logger?: Logger,
): HardenedServer {
  let started: HardenedServer | undefined;
  beforeAll(async () => {
    started = await startHardenedServer(overrides, logger);
  });
  afterAll(async () => {
    await started?.stop();
  });
  const server = () => {
    if (!started) throw new Error("the file's server starts in beforeAll: use it in a test or a hook");
    return started;
  };
  return {
    get url() {
      return server().url;
    },
    get env() {
      return server().env;
    },
    get deps() {
      return server().deps;
    },
    get auth() {
      return server().auth;
    },
    query: <T>(text: string) => server().query<T>(text),
    fingerprint: () => server().fingerprint(),
    writeCounts: () => server().writeCounts(),
    userToken: (username, roles) => server().userToken(username, roles),
    stop: () => server().stop(),
  };
}
