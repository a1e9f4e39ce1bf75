import type { Server } from "node:http";
import type { AddressInfo, Server as NetServer } from "node:net";
import type { ActionIndex } from "@account360/core";
import { openDatabase } from "@account360/storage";
import type { DestinationStream, Logger } from "pino";
import { adminSocketPath, startAdminSocket } from "./admin-socket";
import { createApp, createAppDeps } from "./app";
import { createAuthService } from "./auth";
import { runOperatorAction } from "./cli/operator-action";
import type { AppDeps } from "./context";
import type { Env } from "./env";
import { startEventRetention } from "./events/event-retention";
import { startWebhookWorker, type WebhookWorkerOptions } from "./events/webhook-worker";
import { eventsRoute } from "./http/events-route";
import { getTokenRoute } from "./http/get-token-route";
import { healthzRoute, metricsRoute, readyzRoute } from "./http/health";
import type { HttpRoute } from "./http/route";
import { createHttpServer } from "./http/server";
import { trpcRoute } from "./http/trpc-route";
import { createLogger } from "./logger";
import { withSafeErrors } from "./logging";
import { createMetrics } from "./metrics";
import { startUpReport } from "./start-up/start-up-report";

export { version } from "./app";

export interface StartOptions {
  env: Env;
  logger?: Logger;
  /** Routes another app adds (the bridge adds callAction); they see the same deps and actions. */
  extraRoutes?: (deps: () => AppDeps | null, actions: ActionIndex) => HttpRoute[];
  /**
   * false for a bridge that forwards to a separate API server: no database, no tRPC, no token
   * endpoint here, and `readiness` decides /readyz.
   */
  database?: boolean;
  readiness?: () => Promise<boolean>;
  /** The API server such a bridge forwards to (its API_URL), named in the start-up message. */
  forwardsTo?: string | undefined;
  /** Where the logger built here writes (default stdout); ignored with `logger`. */
  logDestination?: DestinationStream | undefined;
  /** The webhook worker's timing (tests shorten the retry window); CONTRACT §9's by default. */
  webhooks?: Partial<WebhookWorkerOptions>;
}

export interface RunningServer {
  server: Server;
  url: string;
  /** Resolves once the database is open and migrated. */
  ready: Promise<AppDeps>;
  /** Stops accepting, lets in-flight requests finish, closes the database. */
  stop(): Promise<void>;
}

/**
 * Starts listening at once (so /healthz answers while migrations run), then opens the database;
 * /readyz and every database route answer 503 until it is open.
 */
export async function startServer(options: StartOptions): Promise<RunningServer> {
  const { env } = options;
  const logger = withSafeErrors(options.logger ?? createLogger(env.LOG_LEVEL, options.logDestination));
  const metrics = createMetrics();
  const app = createApp(env);
  let deps: AppDeps | null = null;
  const getDeps = () => deps;

  const withDatabase = options.database !== false;
  const routes: HttpRoute[] = [
    healthzRoute,
    readyzRoute(options.readiness),
    metricsRoute(metrics),
    ...(withDatabase
      ? [
          getTokenRoute,
          eventsRoute,
          trpcRoute({ maxBodyBytes: env.MAX_BODY_BYTES, ingestMaxBodyBytes: env.INGEST_MAX_BODY_BYTES }),
        ]
      : []),
    ...(options.extraRoutes?.(getDeps, app.actions) ?? []),
  ];
  const server = createHttpServer({ env, logger, metrics, routes, deps: getDeps });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(env.PORT, env.HOST, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  const url = `http://${host === "0.0.0.0" ? "127.0.0.1" : host}:${address.port}`;
  logger.info({ url }, "listening");

  const opening = withDatabase
    ? openDatabase({
        url: env.DATABASE_URL,
        pgliteDir: env.PGLITE_DIR,
        maxConnections: env.DB_POOL_SIZE,
        warn: (message) => logger.warn(message),
        readUrl: env.DATABASE_READ_URL,
        maxReplicaLagMs: env.MAX_REPLICA_LAG_MS,
        readObserver: {
          read: (target) => metrics.reads.inc({ target }),
          fallback: (reason) => metrics.readFallbacks.inc({ reason }),
        },
      })
    : null;
  let adminSocket: NetServer | null = null;
  /** What runs in the background once the database is open, stopped before it closes. */
  const background: Array<() => Promise<void>> = [];
  const ready = (opening ?? Promise.reject(new Error("this process has no database"))).then(
    async (handle) => {
      metrics.pool.set(handle.kind === "postgres" ? env.DB_POOL_SIZE : 1);
      const replica = handle.replica;
      if (replica) metrics.watchReplicaLag(() => replica.lagMs);
      const auth = createAuthService({ database: handle, tokenTtlSeconds: env.TOKEN_TTL_SECONDS });
      deps = createAppDeps(app, handle, { env, logger, auth });
      logger.info({ database: handle.kind }, "database ready");
      background.push(
        startEventRetention(handle, env.EVENT_RETENTION_DAYS, logger),
        startWebhookWorker(handle, logger, options.webhooks),
      );
      if (env.NATS_URL) {
        // Imported only when asked for: without NATS_URL nothing of NATS is loaded.
        const { startNatsRelay } = await import("./events/nats-relay");
        background.push(startNatsRelay(handle, env.NATS_URL, logger));
      }
      if (handle.kind === "pglite" && env.PGLITE_DIR !== "memory://") {
        const ownDeps = deps;
        const operatorActions = (procedure: string, input: unknown, operator: string) =>
          runOperatorAction(ownDeps, procedure, input, operator);
        adminSocket = await startAdminSocket(adminSocketPath(env.PGLITE_DIR), auth, operatorActions).catch(
          (error) => {
            logger.warn(
              { err: error },
              "no admin socket: `pnpm user` works only while the server is stopped",
            );
            return null;
          },
        );
      }
      return deps;
    },
  );
  ready.catch(() => {});
  if (!opening) logger.info("no database in this process; forwarding to the API server");

  let stopping: Promise<void> | null = null;
  const stop = () => {
    stopping ??= (async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const force = setTimeout(() => server.closeAllConnections(), 8_000);
      await closed;
      clearTimeout(force);
      await ready.catch(() => null);
      await Promise.all(background.map((stopIt) => stopIt()));
      const socket = adminSocket as NetServer | null;
      if (socket) await new Promise((resolve) => socket.close(resolve));
      const handle = await opening?.catch(() => null);
      await handle?.close();
      logger.info("stopped");
    })();
    return stopping;
  };
  return { server, url, ready, stop };
}

/** Runs until SIGTERM or SIGINT, then drains and exits 0 (1 if the database never opened). */
export async function runUntilSignalled(options: StartOptions): Promise<void> {
  const startUp = startUpReport(options.env, {
    withDatabase: options.database !== false,
    forwardsTo: options.forwardsTo,
    withBridge: options.extraRoutes !== undefined,
  });
  const running = await startServer({ logDestination: startUp.logDestination, ...options });
  startUp.listening(running.url);
  let failed = false;
  // Registered first, so the progress line is cleared before the error below is printed.
  running.ready.then((deps) => startUp.ready(running.url, deps), startUp.failed);
  if (options.database !== false)
    running.ready.catch((error) => {
      failed = true;
      console.error(
        `Account360 could not open its database: ${error instanceof Error ? error.message : error}`,
      );
      void running.stop().finally(() => process.exit(1));
    });
  let signalled = false;
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    // `on`, not `once`: a second signal while draining (tsx relays the terminal's Ctrl-C to a
    // process that got it already; a service manager signals the whole group) finds no listener
    // after `once`, and tsx's preflight then exits at once, cutting the drain short.
    process.on(signal, () => {
      if (signalled) return;
      signalled = true;
      const deadline = setTimeout(() => process.exit(1), 9_500);
      deadline.unref();
      running.stop().then(
        () => process.exit(failed ? 1 : 0),
        () => process.exit(1),
      );
    });
  }
}
