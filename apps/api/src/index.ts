export { type RunningServer, runUntilSignalled, type StartOptions, startServer, version } from "./boot";
export * from "./context";
export type { Env } from "./env";
export { loadEnv } from "./env";
export { isJsonContentType, readBody, sendJson } from "./http/respond";
export type { HttpRoute, RequestScope } from "./http/route";
export { requireDeps } from "./http/server";
export { type AppRouter, appRouter } from "./router";
export { createCallerFactory, toAppError } from "./trpc/init";
