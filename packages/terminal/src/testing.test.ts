import { describe, expect, it } from "vitest";
import { asShown, hasPseudoTerminal, REPO_ROOT, runTyped, shellEnv, startTyped } from "./testing";

const pseudoTerminal = await hasPseudoTerminal();

describe("running a command as typed", () => {
  it("runs the line through a shell in the repository root, stdout and stderr apart", async () => {
    const result = await runTyped("pwd; echo oops >&2; exit 3");
    expect(result).toMatchObject({ code: 3, stdout: `${REPO_ROOT.replace(/\/$/, "")}\n`, stderr: "oops\n" });
  });

  it("gives the command a shell's environment, not the one pnpm and vitest made for this test", () => {
    const env = shellEnv({ EXTRA: "1", HOME: undefined });
    expect(Object.keys(env).filter((key) => /^(npm_|VITEST)|^NODE_ENV$/.test(key))).toEqual([]);
    expect(env.EXTRA).toBe("1");
    expect(env).not.toHaveProperty("HOME");
    expect(env.PATH?.split(":").filter((dir) => dir.includes("node_modules"))).toEqual([]);
    expect(env.PATH?.split(":")).toContain("/usr/bin");
  });

  it("waits for what a long-running command prints, and signals its whole process group", async () => {
    const command = startTyped("echo started; sleep 30 & wait");
    await command.waitFor(/started/);
    command.signal("SIGTERM");
    const result = await command.done;
    expect(result.signal ?? result.code).toBeTruthy();
  });

  it.runIf(pseudoTerminal)("runs on a terminal when asked, as a person at a terminal would", async () => {
    const result = await runTyped(
      `node -e 'console.log(process.stdout.isTTY === true, process.stdin.isTTY === true)'`,
      {
        tty: true,
      },
    );
    expect(result.code).toBe(0);
    expect(asShown(result.stdout)[0]).toBe("true true");
  });
});

describe("asShown", () => {
  it("resolves redraws and erasures the way a terminal shows them", () => {
    expect(asShown("\x1b[33mwork 10%\x1b[39m\rwork 100%\x1b[K\r\x1b[Kdone\r\nnext\n")).toEqual([
      "done",
      "next",
      "",
    ]);
    expect(asShown("abcdef\rxy")).toEqual(["xycdef"]);
    expect(asShown("spinner |\x1b[2K{}\nab\x1b[1Kc")).toEqual(["         {}", "  c"]);
  });
});
