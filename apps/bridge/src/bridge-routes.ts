import type { AppDeps, HttpRoute } from "@account360/api";
import { type ActionIndex, AppError } from "@account360/core";
import { actionRoute } from "./action-route";
import { callActionRoute } from "./call-action-route";
import { inProcess, overHttp } from "./dispatch";
import { docsRoute } from "./docs-route";
import { openApiRoute } from "./openapi-route";
import { webRoute } from "./web-route";

export interface BridgeRoutesOptions {
  maxBodyBytes: number;
  /** A separate API server to forward to; without it callAction dispatches in-process. */
  apiUrl?: string | undefined;
}

/**
 * The routes the bridge adds to the API's HTTP server (`StartOptions.extraRoutes`): callAction,
 * the per-action endpoints, their OpenAPI document and reference page (/api/docs) and the web page. Exported so tests build the server exactly as `pnpm start` does.
 */
export function bridgeRoutes(
  options: BridgeRoutesOptions,
): (deps: () => AppDeps | null, actions: ActionIndex) => HttpRoute[] {
  return (deps, actions) => {
    const remote = options.apiUrl ? overHttp(options.apiUrl) : null;
    const local = inProcess(() => {
      const current = deps();
      if (!current) throw new AppError("UNAVAILABLE", "The server is starting; retry shortly.");
      return current;
    });
    return [
      callActionRoute({ maxBodyBytes: options.maxBodyBytes, actions, dispatch: () => remote ?? local }),
      actionRoute({
        maxBodyBytes: options.maxBodyBytes,
        actions,
        dispatch: () => remote ?? local,
        ready: () => remote !== null || deps() !== null,
      }),
      openApiRoute(actions),
      docsRoute(),
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
