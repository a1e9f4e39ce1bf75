import { userInfo } from "node:os";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { isAppError, type WebhookEndpoint } from "@account360/core";
import { DirectoryInUseError, openDatabase } from "@account360/storage";
import pino from "pino";
import { adminSocketPath, sendUserRequest } from "../admin-socket";
import { createApp, createAppDeps } from "../app";
import { loadEnv } from "../env";
import { runOperatorAction } from "./operator-action";

const USAGE = `Usage:
  pnpm webhook add --url URL --types TYPES --secret-stdin
  pnpm webhook list
  pnpm webhook remove --id ENDPOINT_ID
  pnpm webhook resume --id ENDPOINT_ID

  --types         event types or patterns, comma-separated or repeated: customer.*,address.created
  --secret-stdin  read the endpoint's Standard Webhooks secret (whsec_…) from standard input, e.g.
                  echo "whsec_$(openssl rand -base64 32)" | pnpm webhook add … --secret-stdin
                  A secret is never taken from the command line.`;

export type WebhookCommand =
  | { command: "add"; url: string; types: string[] }
  | { command: "list" }
  | { command: "remove" | "resume"; id: string };

export class UsageError extends Error {}

export function parseWebhookArgs(argv: readonly string[]): WebhookCommand {
  const args = argv[0] === "--" ? argv.slice(1) : [...argv];
  if (args.some((arg) => arg === "--secret" || arg.startsWith("--secret="))) {
    throw new UsageError("a secret is never taken from the command line; pipe it in with --secret-stdin");
  }
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(args);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (rest.length > 0) throw new UsageError(`unexpected argument '${rest[0]}'`);
  const given = Object.keys(values);
  const only = (...allowed: string[]) => {
    const extra = given.find((name) => !allowed.includes(name));
    if (extra) throw new UsageError(`${command} does not take --${extra}`);
  };
  switch (command) {
    case "add": {
      only("url", "types", "secret-stdin");
      if (!values.url) throw new UsageError("--url is required");
      const types = (values.types ?? [])
        .flatMap((t) => t.split(","))
        .map((t) => t.trim())
        .filter(Boolean);
      if (types.length === 0) throw new UsageError("--types is required (customer.*, address.created, *, …)");
      if (!values["secret-stdin"])
        throw new UsageError("give the secret on standard input with --secret-stdin");
      return { command, url: values.url, types };
    }
    case "list":
      only();
      return { command };
    case "remove":
    case "resume":
      only("id");
      if (!values.id) throw new UsageError("--id is required");
      return { command, id: values.id };
    case undefined:
      throw new UsageError("say what to do: add, list, remove or resume");
    default:
      throw new UsageError(`unknown command '${command}'; use add, list, remove or resume`);
  }
}

function parse(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      url: { type: "string" },
      types: { type: "string", multiple: true },
      "secret-stdin": { type: "boolean" },
      id: { type: "string" },
    },
  });
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8").trim();
}

/** The action each command runs, with its input. */
async function requestOf(command: WebhookCommand): Promise<{ procedure: string; input: unknown }> {
  switch (command.command) {
    case "add":
      return {
        procedure: "webhooks.add",
        input: { url: command.url, types: command.types, secret: await readStdin() },
      };
    case "list":
      return { procedure: "webhooks.list", input: null };
    default:
      return { procedure: `webhooks.${command.command}`, input: { endpointId: command.id } };
  }
}

const describe = (e: WebhookEndpoint) =>
  `${e.id}  ${e.url}  ${e.types.join(",")}  ${e.parkedAt ? `parked since ${e.parkedAt}` : "delivering"}  ${e.undelivered} undelivered`;

/** What a person reads for each command's answer. */
function linesOf(command: WebhookCommand, output: unknown): string {
  switch (command.command) {
    case "add": {
      const e = output as WebhookEndpoint;
      return `Added webhook endpoint ${e.id} for ${e.types.join(", ")}: ${e.url}`;
    }
    case "list": {
      const { items } = output as { items: WebhookEndpoint[] };
      return items.length === 0 ? "No webhook endpoints." : items.map(describe).join("\n");
    }
    case "remove":
      return `Removed webhook endpoint ${command.id} and its undelivered events.`;
    case "resume": {
      const e = output as WebhookEndpoint;
      return `Resumed webhook endpoint ${e.id}; ${e.undelivered} events to deliver.`;
    }
  }
}

/** Runs one command; answers the exit code: 0 done, 2 a usage or input error, 1 anything else. */
export async function main(argv: readonly string[]): Promise<number> {
  let command: WebhookCommand;
  let request: { procedure: string; input: unknown };
  try {
    command = parseWebhookArgs(argv);
    request = await requestOf(command);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`webhook: ${error.message}\n\n${USAGE}\n`);
    return 2;
  }
  const operator = `cli:${userInfo().username}`;
  let handle: Awaited<ReturnType<typeof openDatabase>> | undefined;
  try {
    const env = loadEnv();
    try {
      handle = await openDatabase({
        url: env.DATABASE_URL,
        pgliteDir: env.PGLITE_DIR,
        warn: (message) => process.stderr.write(`webhook: ${message}\n`),
      });
    } catch (error) {
      // A running server holds the PGlite directory: hand the command to it instead.
      if (!(error instanceof DirectoryInUseError)) throw error;
      const answer = await sendUserRequest(adminSocketPath(env.PGLITE_DIR), {
        command: "action",
        ...request,
        operator,
      }).catch(() => {
        throw error;
      });
      if (!answer.ok) {
        process.stderr.write(`webhook: ${answer.message}\n`);
        return answer.usage ? 2 : 1;
      }
      process.stdout.write(`${linesOf(command, JSON.parse(answer.line))}\n`);
      return 0;
    }
    const deps = createAppDeps(createApp(env), handle, { env, logger: pino({ level: "silent" }) });
    const output = await runOperatorAction(deps, request.procedure, request.input, operator);
    process.stdout.write(`${linesOf(command, output)}\n`);
    return 0;
  } catch (error) {
    if (isAppError(error)) {
      const details = error.fieldErrors.map((e) => `\n  ${e.field}: ${e.message}`).join("");
      process.stderr.write(`webhook: ${error.message}${details}\n`);
      return error.code === "BAD_REQUEST" ? 2 : 1;
    }
    process.stderr.write(`webhook: ${(error as Error).message}\n`);
    return 1;
  } finally {
    await handle?.close().catch(() => {});
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`webhook: ${(error as Error).message}\n`);
      process.exit(1);
    },
  );
}
