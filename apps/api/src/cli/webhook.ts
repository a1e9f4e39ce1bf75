import type { WebhookEndpoint } from "@account360/core";
import { loadEnv } from "../env";
import { readCommandLine, runAsScript, UsageError } from "./command-line";
import { type OperatorRunner, operatorName, operatorRunner, reportFailure } from "./operator-action";

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

export function parseWebhookArgs(argv: readonly string[]): WebhookCommand {
  const { values, positionals } = readCommandLine(
    argv,
    {
      url: { type: "string" },
      types: { type: "string", multiple: true },
      "secret-stdin": { type: "boolean" },
      id: { type: "string" },
    },
    "secret",
  );
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
  let runner: OperatorRunner | undefined;
  try {
    runner = await operatorRunner(loadEnv(), "webhook", operatorName());
    process.stdout.write(`${linesOf(command, await runner.run(request.procedure, request.input))}\n`);
    return 0;
  } catch (error) {
    return reportFailure("webhook", error);
  } finally {
    await runner?.close();
  }
}

runAsScript(import.meta.url, "webhook", main);
