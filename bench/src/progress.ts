import { describeSeedProgress, type SeedProgress } from "@account360/seed";
import { createProgress, type Progress } from "@account360/terminal";

const number = (n: number) => n.toLocaleString("en-US");

/**
 * The bench's progress on stderr (stdout carries the figures): a live line on a terminal, plain
 * lines otherwise. Timed loads follow the clock; counted ones move with each call.
 */
export function benchProgress(): Progress & {
  /** A step of `total` calls; the answer is called as each one ends. */
  counted(label: string, total: number): () => void;
  seeding(progress: SeedProgress): void;
} {
  const progress = createProgress("bench");
  return Object.assign(progress, {
    counted(label: string, total: number) {
      progress.step(label);
      let done = 0;
      return () => {
        done++;
        progress.update(done / total, `${number(done)}/${number(total)} calls`);
      };
    },
    seeding: (p: SeedProgress) => progress.update(p.fraction, describeSeedProgress(p)),
  });
}
