import { type AppDeps, loadEnv, runUntilSignalled } from "@account360/api";
import { AppError } from "@account360/core";
import { httpApiClients, localApiClients } from "./api-client";
import { callActionRoute } from "./call-action-route";
import { openApiRoute } from "./openapi-route";

const env = loadEnv();
const apiUrl = env.API_URL;

// By default everything runs in this one process: the API server plus callAction on top of it,
// dispatching in-process. With API_URL the bridge is its own server forwarding over HTTP.
await runUntilSignalled({
  env,
  database: !apiUrl,
  readiness: apiUrl
    ? async () => {
        try {
          return (await fetch(`${apiUrl}/readyz`, { signal: AbortSignal.timeout(2_000) })).ok;
        } catch {
          return false;
        }
      }
    : undefined,
  extraRoutes: (deps) => {
    const remote = apiUrl ? httpApiClients(apiUrl) : null;
    let local: { deps: AppDeps; clients: ReturnType<typeof localApiClients> } | null = null;
    return [
      callActionRoute({
        maxBodyBytes: env.MAX_BODY_BYTES,
        clients: () => {
          if (remote) return remote;
          const current = deps();
          if (!current) throw new AppError("UNAVAILABLE", "The server is starting; retry shortly.");
          if (local?.deps !== current) local = { deps: current, clients: localApiClients(current) };
          return local.clients;
        },
      }),
      openApiRoute,
    ];
  },
});
