import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseE2eArgs } from "./options";

const repoRoot = fileURLToPath(new URL("../../..", import.meta.url));
const webDir = fileURLToPath(new URL("..", import.meta.url));

describe("where the e2e run puts its picture", () => {
  it("by default outside the repository, so `pnpm test:e2e` leaves the tree as it found it", () => {
    const { screenshotPath } = parseE2eArgs([]);
    expect(relative(repoRoot, screenshotPath).startsWith("..")).toBe(true);
  });

  it("with --screenshot where asked, relative to the folder it runs in: `pnpm screenshot` writes the README's picture", () => {
    const scripts = JSON.parse(readFileSync(join(webDir, "package.json"), "utf8")).scripts as Record<
      string,
      string
    >;
    const args = scripts.screenshot?.split(" ").slice(2) ?? [];
    expect(scripts.screenshot?.startsWith("tsx e2e/run.ts ")).toBe(true);
    expect(parseE2eArgs(args, webDir).screenshotPath).toBe(`${repoRoot}docs/screenshot.png`);
    expect(parseE2eArgs(["--", "--screenshot", "/tmp/page.png"]).screenshotPath).toBe("/tmp/page.png");
  });

  it("refuses what it does not know", () => {
    expect(() => parseE2eArgs(["--screenshots", "x"])).toThrow();
  });
});
