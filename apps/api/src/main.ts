import { runUntilSignalled } from "./boot";
import { loadEnv } from "./env";

// The API alone: tRPC, the token endpoint, health and metrics. `pnpm start` runs the bridge's
// main instead, which adds callAction to this same server in one process.
await runUntilSignalled({ env: loadEnv() });
