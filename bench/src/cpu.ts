import { readFileSync } from "node:fs";

/** Linux reports process CPU in clock ticks; USER_HZ is 100 on every mainstream kernel build. */
const TICKS_PER_SECOND = 100;

/** User + system CPU seconds a process has used, from /proc/<pid>/stat; null once it is gone. */
function processCpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name may hold spaces; the fields after it are fixed.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/** What the database can tell about one phase (PostgreSQL only). */
export interface DatabaseProbe {
  /** The pids of the backends serving the bench database now. */
  backends(): Promise<number[]>;
}

/**
 * CPU of one phase, per operation. (Committed transactions per operation are not counted:
 * pg_stat_database lags by up to a second per backend, too much for phases this short.)
 */
export interface PhaseCost {
  /** Milliseconds of CPU per operation in the server process (null when no server runs). */
  serverCpuMs: number | null;
  /** … in the bench process itself (the load generator, and the floor's driver). */
  benchCpuMs: number;
  /** … in the PostgreSQL backends serving the bench database (null on PGlite: it is in-process). */
  databaseCpuMs: number | null;
}

/**
 * Counts what a phase costs: CPU of the server, of this process and of the database backends,
 * divided by the operations done. CPU time is what each process used, so unlike rates it
 * holds however busy the shared cores were.
 */
export async function startCostMeter(
  serverPid: number | null,
  probe: DatabaseProbe | null,
): Promise<{ stop(operations: number): Promise<PhaseCost> }> {
  const serverStart = serverPid === null ? null : processCpuSeconds(serverPid);
  const benchStart = process.cpuUsage();
  const backendsStart = new Map<number, number>();
  for (const pid of (await probe?.backends()) ?? []) backendsStart.set(pid, processCpuSeconds(pid) ?? 0);
  return {
    async stop(operations) {
      const per = (seconds: number) => (seconds * 1000) / Math.max(1, operations);
      const serverEnd = serverPid === null ? null : processCpuSeconds(serverPid);
      const bench = process.cpuUsage(benchStart);
      let databaseCpuMs: number | null = null;
      if (probe) {
        let database = 0;
        // A backend that started during the phase began at zero.
        for (const pid of await probe.backends())
          database += (processCpuSeconds(pid) ?? 0) - (backendsStart.get(pid) ?? 0);
        databaseCpuMs = per(database);
      }
      return {
        serverCpuMs: serverStart === null || serverEnd === null ? null : per(serverEnd - serverStart),
        benchCpuMs: per((bench.user + bench.system) / 1e6),
        databaseCpuMs,
      };
    },
  };
}
