import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { AppError, httpStatusOf, isAppError } from "@account360/core";
import type { Logger } from "pino";
import type { AppDeps } from "../context";
import type { Env } from "../env";
import type { Metrics } from "../metrics";
import { BodyStalledError, setBodyPolicy } from "./body";
import { createInflightGate, hasBody, UNCAPPED_ROUTES } from "./inflight";
import { echoName } from "./labels";
import { securityHeaders, sendJson } from "./respond";
import type { HttpRoute, RequestScope } from "./route";

export interface HttpServerOptions {
  env: Pick<Env, "MAX_INFLIGHT" | "REQUEST_TIMEOUT_MS" | "CORS_ORIGINS">;
  logger: Logger;
  metrics: Metrics;
  routes: HttpRoute[];
  /** The open database and services, or null while the server is still starting. */
  deps: () => AppDeps | null;
}

const requestIdPattern = /^[A-Za-z0-9._-]{1,64}$/;

/** A plain JSON 404/503 for requests no route claims. */
const fallbackRoute: Pick<HttpRoute, "name" | "sendError"> = {
  name: "none",
  sendError(res, error, scope) {
    sendJson(res, httpStatusOf[error.code], {
      error: error.code,
      message: error.message,
      requestId: scope.requestId,
    });
  },
};

/**
 * The one HTTP server: request ids, security headers, the in-flight cap, timeouts against slow
 * clients, access logs and metrics; each route does the rest.
 */
export function createHttpServer(options: HttpServerOptions): Server {
  const { env, logger, metrics, routes } = options;
  const gate = createInflightGate(env.MAX_INFLIGHT, metrics.inflight);
  // A body that stops arriving is cut off well before REQUEST_TIMEOUT_MS; it holds no slot meanwhile.
  const bodyIdleTimeoutMs = Math.min(5_000, env.REQUEST_TIMEOUT_MS);

  const headersTimeout = Math.min(10_000, env.REQUEST_TIMEOUT_MS);
  // Node checks both timeouts only every connectionsCheckingInterval (30 s by default), so a
  // client dribbling its headers would hold its connection for up to 40 s instead of 10.
  const connectionsCheckingInterval = Math.max(250, Math.min(1_000, Math.floor(headersTimeout / 4)));
  const server = createServer(
    { connectionsCheckingInterval },
    async (req: IncomingMessage, res: ServerResponse) => {
      const started = process.hrtime.bigint();
      const incomingId = req.headers["x-request-id"];
      const requestId =
        typeof incomingId === "string" && requestIdPattern.test(incomingId) ? incomingId : randomUUID();
      for (const [name, value] of Object.entries(securityHeaders)) res.setHeader(name, value);
      res.setHeader("X-Request-Id", requestId);
      applyCors(req, res, env.CORS_ORIGINS);

      // An absolute-form target that is not a URL (`GET http://[ HTTP/1.1`) must not throw out here,
      // where nothing catches it and the process would die.
      const parsed = URL.parse(req.url ?? "/", "http://localhost");
      const url = parsed ?? new URL("/", "http://localhost");
      const method = req.method ?? "GET";
      const route = parsed ? routes.find((r) => r.matches(method, url.pathname)) : undefined;
      const scope: RequestScope = {
        requestId,
        url,
        log: logger,
        deps: options.deps(),
        label: route?.name ?? "none",
      };
      const responder = route ?? fallbackRoute;

      const uncapped = route !== undefined && UNCAPPED_ROUTES.has(route.name);
      let admitted = false;
      let cutOff = false;
      const admit = () => {
        if (admitted) return;
        if (!gate.enter(uncapped)) throw tooBusy(res);
        admitted = true;
      };
      res.once("close", () => {
        if (admitted) gate.leave();
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        const routeName = route?.name ?? "none";
        // 499 (as nginx logs it): the client went away, or was cut off for slowness, before the
        // answer was sent; res.statusCode would still read 200 and count it as a success.
        const status = res.writableFinished && !cutOff ? res.statusCode : 499;
        const action = metrics.actionLabel(scope.label);
        metrics.requests.inc({ route: routeName, action, status });
        metrics.latency.observe({ route: routeName, action }, seconds);
        const level = status >= 500 && status !== 503 ? "error" : "info";
        logger[level]({
          requestId,
          method,
          path: echoName(url.pathname),
          action: action === routeName ? undefined : action,
          status,
          ms: Math.round(seconds * 10_000) / 10,
        });
      });

      try {
        if (method === "OPTIONS" && env.CORS_ORIGINS.length > 0) {
          res.writeHead(204).end();
          return;
        }
        if (!parsed) throw new AppError("BAD_REQUEST", "The request target is not a valid URL.");
        if (!route) throw new AppError("NOT_FOUND", `No endpoint ${method} ${echoName(url.pathname)}.`);
        if (route.readsBody && hasBody(req)) {
          if (gate.full() && !uncapped) throw tooBusy(res);
          setBodyPolicy(req, { admit, idleTimeoutMs: bodyIdleTimeoutMs });
        } else admit();
        await route.handle(req, res, scope);
      } catch (error) {
        if (error instanceof BodyStalledError && !res.headersSent) {
          cutOff = true;
          res.writeHead(408, { Connection: "close", "Content-Length": 0 }).end();
          return;
        }
        // Nobody is left to answer (the client hung up or the request timed out): not a server fault.
        if (!isAppError(error) && (req.socket?.destroyed ?? true)) return;
        if (!isAppError(error)) logger.error({ requestId, err: error }, "request failed");
        const app = isAppError(error)
          ? error
          : new AppError("INTERNAL", "An unexpected error occurred; quote the request id to support.");
        if (res.headersSent) {
          res.destroy();
          return;
        }
        // Answered before its body was read: close rather than read (or drain) the rest of it.
        if (!req.complete) res.setHeader("Connection", "close");
        responder.sendError(res, app, scope);
      }
    },
  );

  server.requestTimeout = env.REQUEST_TIMEOUT_MS;
  server.headersTimeout = headersTimeout;
  // Longer than any client or proxy keeps an idle connection, so the server never closes one mid-reuse.
  server.keepAliveTimeout = 65_000;
  return server;
}

function tooBusy(res: ServerResponse): AppError {
  res.setHeader("Retry-After", "1");
  return new AppError("TOO_MANY_REQUESTS", "The server is handling too many requests; retry shortly.");
}

function applyCors(req: IncomingMessage, res: ServerResponse, allowed: string[]): void {
  const origin = req.headers.origin;
  if (!origin || allowed.length === 0) return;
  if (!allowed.includes(origin) && !allowed.includes("*")) return;
  res.setHeader("Access-Control-Allow-Origin", origin);
  res.setHeader("Vary", "Origin");
  res.setHeader("Access-Control-Allow-Headers", "authorization, content-type, x-request-id");
  res.setHeader("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
}

/** Throws 503 when the database is not open yet; routes that need it call this first. */
export function requireDeps(scope: RequestScope): AppDeps {
  if (!scope.deps) throw new AppError("UNAVAILABLE", "The server is starting; retry shortly.");
  return scope.deps;
}
