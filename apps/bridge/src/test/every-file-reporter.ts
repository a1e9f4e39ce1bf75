import type { Reporter, TestModule, TestRunEndReason, Vitest } from "vitest/node";

/**
 * Names every test file that did not finish, and fails the run for it. When a file's worker dies
 * (killed, out of memory, a crash in native code), Vitest counts the file and its tests in the
 * summary's totals under no label ("16 passed (17)", "98 passed (101)") and prints one "Errors 1
 * error" line that does not say which file it was. A file whose tests all skipped (a runIf whose
 * condition is false) is named too, as a warning.
 */
export default class EveryFileReporter implements Reporter {
  private root = "";

  onInit(vitest: Vitest): void {
    this.root = vitest.config.root;
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>, _errors: unknown, reason: TestRunEndReason): void {
    if (reason === "interrupted") return;
    const name = (module: TestModule) => module.moduleId.slice(this.root.length + 1);
    for (const module of modules.filter((m) => m.state() === "skipped")) {
      console.warn(`every test of ${name(module)} skipped (a runIf or skipIf condition is false)`);
    }
    const unfinished = modules.filter((m) => m.state() === "queued" || m.state() === "pending");
    if (unfinished.length === 0) return;
    const names = unfinished.map((module) => `${name(module)} (${module.state()})`);
    console.error(`\n${unfinished.length} test file(s) did not finish:\n  ${names.join("\n  ")}\n`);
    process.exitCode = 1;
  }
}
