import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { DEFAULT_PGLITE_DIR } from "@account360/env";
import { countUsers } from "@account360/storage";
import { createProgress, type ProgressOutput } from "@account360/terminal";
import type { DestinationStream } from "pino";
import { adminSocketPath } from "../admin-socket";
import type { AppDeps } from "../context";
import type { Env } from "../env";
import { type DatabaseInUse, describeDatabase, readyMessage } from "./ready-message";

export interface StartUpReport {
  /**
   * The server logger's destination while a progress line is drawn on the terminal the logs go
   * to as well: each log line clears it first. undefined (pino's own stdout) everywhere else.
   */
  logDestination: DestinationStream | undefined;
  /** The server listens at `url`: opening the database begins. */
  listening(url: string): void;
  /** The database is open and migrated: prints the ready message, once. */
  ready(url: string, deps: AppDeps): Promise<void>;
  /** The database never opened: the progress line gives way to the error that follows. */
  failed(): void;
}

/** The step shown while the database opens. */
export function openingStep(database: DatabaseInUse): string {
  if (database.kind === "postgres") return `connecting to ${describeDatabase(database)}, applying migrations`;
  return database.dir === "memory://"
    ? "starting PGlite in memory, applying migrations"
    : `opening PGlite in ${resolve(database.dir)}, applying migrations`;
}

export interface StartUpReportOptions {
  /** false for a bridge forwarding to a separate API server (API_URL). */
  withDatabase: boolean;
  /** The API server such a bridge forwards to, named in its message. */
  forwardsTo?: string | undefined;
  /** false for the API server alone: no web page, no callAction to announce. */
  withBridge: boolean;
  /** Where a person reads it: stderr, so stdout carries only JSON logs. */
  output?: ProgressOutput;
  /** Seconds since the process started (the message says how long start-up took). */
  uptime?: () => number;
  /** Where the logs go, to tell whether they share the terminal with the progress line. */
  logs?: ProgressOutput & { write(text: string): unknown };
}

/**
 * What `pnpm start` shows a person: while the database opens, a progress line (a spinner on a
 * terminal, one plain line otherwise); once ready, where it answers, where the data lives, and
 * the command that creates the first user when nobody can sign in.
 */
export function startUpReport(env: Env, options: StartUpReportOptions): StartUpReport {
  const output = options.output ?? process.stderr;
  const logs = options.logs ?? process.stdout;
  const progress = createProgress("start", { output });
  const database: DatabaseInUse = env.DATABASE_URL
    ? { kind: "postgres", url: env.DATABASE_URL }
    : { kind: "pglite", dir: env.PGLITE_DIR };
  let announced = false;
  return {
    logDestination:
      progress.live && logs.isTTY === true
        ? { write: (line: string) => progress.around(() => logs.write(line)) }
        : undefined,
    listening(url) {
      if (!options.withDatabase) {
        progress.print(
          `Account360's callAction bridge is listening at ${url}, forwarding to the API server at ${options.forwardsTo}; /readyz answers 200 while that server is ready. Stop it with Ctrl-C.`,
        );
        return;
      }
      progress.step(openingStep(database));
    },
    async ready(url, deps) {
      if (announced) return;
      announced = true;
      // A count that fails leaves the users out of the message; it never stops the server.
      const users = await countUsers(deps.db).catch(() => null);
      const userCommandReachesServer =
        database.kind === "postgres" ||
        (database.dir !== "memory://" && existsSync(adminSocketPath(database.dir)));
      progress.end();
      progress.print(
        readyMessage({
          url,
          seconds: (options.uptime ?? process.uptime)(),
          database,
          defaultPgliteDir: DEFAULT_PGLITE_DIR,
          users,
          userCommandReachesServer,
          withBridge: options.withBridge,
        }),
      );
    },
    failed: () => progress.end(),
  };
}
