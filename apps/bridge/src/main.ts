import { runUntilSignalled } from "@account360/api";
import { apiReadiness, bridgeRoutes } from "./bridge-routes";
import { loadBridgeEnv } from "./env";

const env = loadBridgeEnv();
const apiUrl = env.API_URL;

// By default everything runs in this one process: the API server plus callAction on top of it,
// dispatching in-process. With API_URL the bridge is its own server forwarding over HTTP.
await runUntilSignalled({
  env,
  database: !apiUrl,
  readiness: apiUrl ? apiReadiness(apiUrl) : undefined,
  forwardsTo: apiUrl,
  extraRoutes: bridgeRoutes({ maxBodyBytes: env.MAX_BODY_BYTES, apiUrl }),
});
