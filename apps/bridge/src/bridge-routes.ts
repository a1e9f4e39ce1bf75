import type { AppDeps, HttpRoute } from "@account360/api";
import { AppError } from "@account360/core";
import { httpApiClients, localApiClients } from "./api-client";
import { callActionRoute } from "./call-action-route";
import { openApiRoute } from "./openapi-route";
import { webRoute } from "./web-route";

export interface BridgeRoutesOptions {
  maxBodyBytes: number;
  /** A separate API server to forward to; without it callAction dispatches in-process. */
  apiUrl?: string | undefined;
}

/**
 * The routes the bridge adds to the API's HTTP server (`StartOptions.extraRoutes`): callAction,
 * its OpenAPI document and the web page. Exported so tests build the server exactly as `pnpm start` does.
 */
export function bridgeRoutes(options: BridgeRoutesOptions): (deps: () => AppDeps | null) => HttpRoute[] {
  return (deps) => {
    const remote = options.apiUrl ? httpApiClients(options.apiUrl) : null;
    let local: { deps: AppDeps; clients: ReturnType<typeof localApiClients> } | null = null;
    return [
      callActionRoute({
        maxBodyBytes: options.maxBodyBytes,
        clients: () => {
          if (remote) return remote;
          const current = deps();
          if (!current) throw new AppError("UNAVAILABLE", "The server is starting; retry shortly.");
          if (local?.deps !== current) local = { deps: current, clients: localApiClients(current) };
          return local.clients;
        },
      }),
      openApiRoute,
      // The web page calls /trpc on its own origin, which only the one-process server has.
      ...(options.apiUrl ? [] : [webRoute()]),
    ];
  };
}

/** /readyz of a bridge running apart: ready while the API server it forwards to is. */
export function apiReadiness(apiUrl: string): () => Promise<boolean> {
  return async () => {
    try {
      return (await fetch(`${apiUrl}/readyz`, { signal: AbortSignal.timeout(2_000) })).ok;
    } catch {
      return false;
    }
  };
}
