/** Plain assertions for the e2e run: each check is named, failures are collected, the run goes on. */

export class Checks {
  passed = 0;
  failed: { name: string; message: string }[] = [];

  async check(name: string, run: () => Promise<void> | void): Promise<boolean> {
    const started = Date.now();
    try {
      await run();
      this.passed++;
      console.log(`  ok    ${name} (${Date.now() - started} ms)`);
      return true;
    } catch (error) {
      const message =
        error instanceof Error ? error.message.split("\n").slice(0, 6).join("\n") : String(error);
      this.failed.push({ name, message });
      console.log(`  FAIL  ${name}\n        ${message.replaceAll("\n", "\n        ")}`);
      return false;
    }
  }

  summary(): string {
    return `${this.passed} passed, ${this.failed.length} failed`;
  }
}

export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

export function assertEqual<T>(actual: T, expected: T, what: string): void {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new Error(`${what}: expected ${e}, got ${a}`);
}
