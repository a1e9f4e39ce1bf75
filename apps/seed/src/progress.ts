import { createProgress, type ProgressOutput } from "@account360/terminal";
import type { SeedProgress } from "./load";

const number = (n: number) => n.toLocaleString("en-US");

/** Where a seeding run is, in words: `profiles 20/100 customers, 1,620 rows`. */
export const describeSeedProgress = (p: SeedProgress) =>
  `${p.phase} ${number(p.customersDone)}/${number(p.customers)} customers, ${number(p.rows)} rows`;

/**
 * The seed's progress on stderr, so stdout stays free for --json: a bar redrawn in place on a
 * terminal, plain lines at every tenth otherwise (CI logs, pipes).
 */
export function progressReporter(output?: ProgressOutput): {
  update: (progress: SeedProgress) => void;
  /** Ends the bar; `summary` stays as the line `seed: summary`. */
  end: (summary?: string) => void;
} {
  const progress = createProgress("seed", { output });
  return {
    update: (p) => progress.update(p.fraction, describeSeedProgress(p)),
    end: (summary) => progress.end(summary),
  };
}
