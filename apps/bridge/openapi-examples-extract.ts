import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** One documented call: the parameters sent (callAction's `Data`) and the answer (`UIResult.Data`). */
export interface DocumentedExample {
  data: unknown;
  answer: unknown;
}

export const GUIDE = fileURLToPath(new URL("../../docs/callaction.md", import.meta.url));
export const EXAMPLES_FILE = fileURLToPath(new URL("./src/openapi-examples.json", import.meta.url));

const block = /```(sh|json)\n([\s\S]*?)\n```/g;
const callActionCurl = /curl -s \S+\/api\/openApi\/CallAction .*? -d '(.*)'$/m;

/**
 * The guide's callAction examples by action: each curl to CallAction followed by the JSON it
 * answered. The envelope is taken apart, so that the per-action operations show what their own
 * body and answer hold.
 */
export function extractExamples(markdown: string): Record<string, DocumentedExample[]> {
  const examples: Record<string, DocumentedExample[]> = {};
  let pending: { action: string; data: unknown } | null = null;
  for (const [, language, text = ""] of markdown.matchAll(block)) {
    if (language === "sh") {
      const payload = callActionCurl.exec(text)?.[1];
      pending = null;
      if (!payload) continue;
      const envelope = JSON.parse(payload.replaceAll(`'"$TOKEN"'`, "TOKEN")) as {
        Request: { ActionName: string; Data: unknown };
      };
      const { ActionName, Data } = envelope.Request;
      pending = { action: ActionName, data: typeof Data === "string" ? JSON.parse(Data) : Data };
    } else if (pending) {
      const answer = JSON.parse(text) as { IsSuccess: boolean; UIResult: { Data: unknown } };
      if (answer.IsSuccess) {
        examples[pending.action] ??= [];
        examples[pending.action]?.push({ data: pending.data, answer: answer.UIResult.Data });
      }
      pending = null;
    }
  }
  return examples;
}

// `pnpm openapi:examples`: refreshes src/openapi-examples.json from the guide, formatted as biome keeps it.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(EXAMPLES_FILE, JSON.stringify(extractExamples(readFileSync(GUIDE, "utf8"))));
  execFileSync("pnpm", ["-w", "exec", "biome", "format", "--write", EXAMPLES_FILE], { stdio: "inherit" });
}
