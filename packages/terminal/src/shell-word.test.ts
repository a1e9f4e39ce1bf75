import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { shellWord } from "./shell-word";

describe("shellWord", () => {
  it("leaves plain words alone and quotes the rest so a shell gives back exactly the word", () => {
    expect(shellWord("/srv/a360/.data/pglite")).toBe("/srv/a360/.data/pglite");
    expect(shellWord("--seed=3")).toBe("--seed=3");
    const words = ["my data", "it's", "$HOME", "a;b", "", "*", "plain"];
    // One shell for every word: each comes back as one argument, unchanged.
    const echoed = execFileSync("bash", ["-c", `printf '%s\\0' ${words.map(shellWord).join(" ")}`], {
      encoding: "utf8",
    });
    expect(echoed.split("\0").slice(0, -1)).toEqual(words);
  });
});
