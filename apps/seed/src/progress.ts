import type { SeedProgress } from "./load";

const number = (n: number) => n.toLocaleString("en-US");

/**
 * Progress on stderr: a bar redrawn in place on a terminal, plain lines at every tenth
 * otherwise (CI logs, pipes), so stdout stays free for --json.
 */
export function progressReporter(stream: NodeJS.WriteStream = process.stderr): {
  update: (progress: SeedProgress) => void;
  done: () => void;
} {
  const tty = stream.isTTY === true;
  let lastDraw = 0;
  let lastTenth = -1;
  let drawn = false;
  return {
    update(p) {
      const label = `${p.phase} ${number(p.customersDone)}/${number(p.customers)} customers, ${number(p.rows)} rows`;
      if (tty) {
        const now = performance.now();
        if (now - lastDraw < 100 && p.fraction < 1) return;
        lastDraw = now;
        const width = 30;
        const filled = Math.round(p.fraction * width);
        stream.write(
          `\r[${"#".repeat(filled)}${".".repeat(width - filled)}] ${String(Math.floor(p.fraction * 100)).padStart(3)}% ${label}\x1b[K`,
        );
        drawn = true;
      } else {
        const tenth = Math.floor(p.fraction * 10);
        if (tenth === lastTenth) return;
        lastTenth = tenth;
        stream.write(`seed: ${tenth * 10}% ${label}\n`);
      }
    },
    done() {
      if (drawn) stream.write("\n");
    },
  };
}
