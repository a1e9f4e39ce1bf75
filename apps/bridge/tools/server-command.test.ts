import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT, SERVER_NODE_ARGS } from "./server-command";

describe("the server command", () => {
  it("is the one `pnpm start` runs, after building through turbo", () => {
    const root = JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")) as {
      scripts: Record<string, string>;
    };
    const [build, run, ...rest] = root.scripts.start!.split(" && ");
    expect(build).toMatch(/^turbo run build .*--filter=@account360\/bridge/);
    expect(run).toBe(`node ${SERVER_NODE_ARGS.join(" ")}`);
    expect(rest).toEqual([]);
  });
});
