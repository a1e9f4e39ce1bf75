import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";
import { dirname } from "node:path";

/** The error a second process gets when it opens a PGlite directory another process holds. */
export class DirectoryInUseError extends Error {
  constructor(dir: string, pid: number | "this process") {
    super(
      `The PGlite directory ${dir} is in use by ${pid === "this process" ? pid : `process ${pid}`}; ` +
        "stop that process or point PGLITE_DIR elsewhere.",
    );
    this.name = "DirectoryInUseError";
  }
}

const heldHere = new Set<string>();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Takes the single-process lock on a PGlite directory: a file beside it holding the owner's pid,
 * created with O_EXCL. PGlite has no lock of its own, and two processes writing one directory
 * corrupt it for good, so a second opener fails at once. A lock left by a process that died
 * (kill -9) is taken over because its pid no longer runs.
 */
export function lockPgliteDirectory(dir: string): () => void {
  const lockPath = `${dir}.lock`;
  if (heldHere.has(lockPath)) throw new DirectoryInUseError(dir, "this process");
  mkdirSync(dirname(lockPath), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, "wx", 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      heldHere.add(lockPath);
      return () => {
        heldHere.delete(lockPath);
        try {
          unlinkSync(lockPath);
        } catch {
          // already gone: nothing to release
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = Number.parseInt(readFileSync(lockPath, "utf8"), 10);
      if (Number.isInteger(owner) && owner > 0 && isAlive(owner)) throw new DirectoryInUseError(dir, owner);
      unlinkSync(lockPath);
    }
  }
  throw new DirectoryInUseError(dir, Number.NaN);
}
