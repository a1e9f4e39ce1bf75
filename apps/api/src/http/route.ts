import type { IncomingMessage, ServerResponse } from "node:http";
import type { AppError } from "@account360/core";
import type { Logger } from "pino";
import type { AppDeps } from "../context";

export interface RequestScope {
  requestId: string;
  url: URL;
  log: Logger;
  /** null until the database is open and migrated. */
  deps: AppDeps | null;
  /** Label for metrics and logs (the callAction's ActionName, the tRPC path, …); routes may set it. */
  label: string;
}

/** One endpoint of the HTTP server. Apps add their own (the bridge adds callAction). */
export interface HttpRoute {
  name: string;
  /**
   * The route reads the body with `readBody`, which takes the in-flight slot once the body is in;
   * otherwise the slot is taken before the handler runs.
   */
  readsBody?: boolean;
  matches(method: string, pathname: string): boolean;
  handle(req: IncomingMessage, res: ServerResponse, scope: RequestScope): Promise<void>;
  /** How this route answers an error the server raises before the handler runs (429, 503). */
  sendError(res: ServerResponse, error: AppError, scope: RequestScope): void;
}
