import { resolve } from "node:path";
import type { UserCounts } from "@account360/storage";
import { shellWord } from "@account360/terminal";

export type DatabaseInUse = { kind: "pglite"; dir: string } | { kind: "postgres"; url: string };

export interface ReadyFacts {
  url: string;
  /** Seconds from the process's start to ready. */
  seconds: number;
  database: DatabaseInUse;
  /** The PGlite directory used when PGLITE_DIR is unset: commands run without naming it then. */
  defaultPgliteDir: string;
  /** null when they could not be counted (the message then leaves users out). */
  users: UserCounts | null;
  /** Whether `pnpm user` reaches this server while it runs (its admin socket, beside a PGlite directory). */
  userCommandReachesServer: boolean;
  /** false for the API server alone (apps/api's main, for a bridge run apart): no web page, no callAction. */
  withBridge: boolean;
}

const MEMORY = "memory://";

/** Where the data lives, in words: the PGlite directory, or PostgreSQL's host and database without the password. */
export function describeDatabase(database: DatabaseInUse): string {
  if (database.kind === "pglite") {
    return database.dir === MEMORY
      ? "PGlite in memory (memory://): the data is gone when the server stops"
      : `PGlite, data in ${resolve(database.dir)}`;
  }
  try {
    const url = new URL(database.url);
    const name = decodeURIComponent(url.pathname.replace(/^\//, "")) || "(the user's default)";
    const user = url.username ? ` as ${decodeURIComponent(url.username)}` : "";
    return `PostgreSQL, database ${name} on ${url.hostname}:${url.port || "5432"}${user}`;
  } catch {
    return "PostgreSQL (DATABASE_URL)";
  }
}

/**
 * What another terminal must set for `pnpm user` to reach the same database: nothing for the
 * default directory, else the absolute PGlite directory (`pnpm start` runs in apps/bridge, `pnpm
 * user` in apps/api, so a relative one would name two places) or the DATABASE_URL with any
 * password left as PASSWORD, never printed.
 */
function envPrefix(facts: ReadyFacts): { prefix: string; note: string } {
  const { database } = facts;
  if (database.kind === "pglite") {
    const dir = resolve(database.dir);
    return {
      prefix: dir === resolve(facts.defaultPgliteDir) ? "" : `PGLITE_DIR=${shellWord(dir)} `,
      note: "",
    };
  }
  try {
    const url = new URL(database.url);
    if (!url.password) return { prefix: `DATABASE_URL=${shellWord(database.url)} `, note: "" };
    url.password = "PASSWORD";
    return {
      prefix: `DATABASE_URL=${shellWord(url.toString())} `,
      note: " (with the database password in place of PASSWORD)",
    };
  } catch {
    return { prefix: `DATABASE_URL="$DATABASE_URL" `, note: " (with the server's DATABASE_URL exported)" };
  }
}

function usersSection(facts: ReadyFacts): string[] {
  const { users } = facts;
  if (users === null) return [];
  if (users.enabled > 0) {
    return [`  users       ${users.enabled} may sign in (\`pnpm user add\` adds more)`];
  }
  if (facts.database.kind === "pglite" && facts.database.dir === MEMORY) {
    return [
      "No API user exists, and `pnpm user` cannot reach an in-memory database: start with a",
      "PGLITE_DIR directory or a DATABASE_URL to add users.",
    ];
  }
  const { prefix, note } = envPrefix(facts);
  const command = `${prefix}pnpm user add --username admin --role admin`;
  const none =
    users.all === 0
      ? "No API user exists yet."
      : `No API user may sign in: all ${users.all} are disabled (adding one again enables it).`;
  const where = facts.userCommandReachesServer
    ? "from another terminal"
    : "once the server is stopped (it cannot take the command while it runs)";
  return [
    `${none} Create the first, an admin, ${where}${note}; it asks for the password:`,
    `  ${command}`,
    `or in a script: echo "$PASSWORD" | ${command} --password-stdin`,
  ];
}

/**
 * The lines `pnpm start` prints once ready, for the person at the terminal (stderr, plain text,
 * once): where it answers, where the data lives, and the next command when nobody can sign in.
 */
export function readyMessage(facts: ReadyFacts): string {
  const base = facts.url.replace(/\/$/, "");
  return [
    "",
    `Account360${facts.withBridge ? "" : "'s API server"} is ready at ${base} (started in ${facts.seconds.toFixed(1)} s)`,
    ...(facts.withBridge
      ? [
          `  web page    ${base}/`,
          `  callAction  ${base}/api/openApi/CallAction`,
          `  actions     ${base}/ftosapi/automation-processors/actions/{ActionName}`,
          `  API docs    ${base}/api/docs   (OpenAPI: ${base}/api/openApi/openapi.json)`,
        ]
      : []),
    `  tRPC        ${base}/trpc   (tokens: POST ${base}/api/Authorize/GetToken)`,
    `  database    ${describeDatabase(facts.database)}`,
    ...usersSection(facts),
    "Stop the server with Ctrl-C.",
    "",
  ].join("\n");
}
