import type postgres from "postgres";

/** What the periodic probe last learned about the standby (CONTRACT §11). */
export interface ReplicaState {
  /** true while the standby answered its last probe and its lag is under the limit. */
  readonly usable: boolean;
  /** The lag estimate in milliseconds; null while the standby does not answer. */
  readonly lagMs: number | null;
}

export interface ReplicaProbe extends ReplicaState {
  /** A standby statement failed: take it for down until the next probe says otherwise. */
  markDown(): void;
  /** Runs one probe now (tests, and the first probe at start). */
  probeNow(): Promise<void>;
  stop(): void;
}

interface Sample {
  at: number;
  lsn: bigint;
}

/** How many positions not replayed yet the probe remembers: at one per probe, many times the limit. */
const MAX_SAMPLES = 64;

const lsnOf = (text: string): bigint => {
  const [high = "0", low = "0"] = text.split("/");
  return (BigInt(`0x${high}`) << 32n) + BigInt(`0x${low}`);
};

/**
 * Lag by WAL positions, not by `now() - pg_last_xact_replay_timestamp()`: an idle primary makes that
 * timestamp grow old with nothing to replay. Each probe notes the primary's `pg_current_wal_lsn()`
 * and when; the lag is the age of the oldest noted position the standby's
 * `pg_last_wal_replay_lsn()` has not reached yet (0 when it has reached them all).
 */
export function startReplicaProbe(
  primary: postgres.Sql,
  standby: postgres.Sql,
  options: { maxLagMs: number; intervalMs: number; now?: () => number },
): ReplicaProbe {
  const now = options.now ?? Date.now;
  const samples: Sample[] = [];
  let usable = false;
  let lagMs: number | null = null;
  let running: Promise<void> | null = null;

  const probe = async () => {
    try {
      const [p] = await primary.unsafe<{ lsn: string }[]>("select pg_current_wal_lsn()::text as lsn");
      // Full means the standby is far behind already: the oldest positions are the ones that tell.
      if (p && samples.length < MAX_SAMPLES) samples.push({ at: now(), lsn: lsnOf(p.lsn) });
    } catch {
      // The primary's own trouble is the request path's to report; keep judging with older samples.
    }
    try {
      const [s] = await standby.unsafe<{ lsn: string | null }[]>(
        "select pg_last_wal_replay_lsn()::text as lsn",
      );
      if (!s?.lsn) throw new Error("not a standby");
      const replayed = lsnOf(s.lsn);
      // Positions only grow: the first one not replayed yet existed that long ago, so the
      // standby's data is at least that old (and all caught up when there is none).
      const oldestMissing = samples.find((sample) => sample.lsn > replayed);
      lagMs = oldestMissing ? Math.max(0, now() - oldestMissing.at) : 0;
      while (samples[0] && samples[0].lsn <= replayed) samples.shift();
      usable = lagMs < options.maxLagMs;
    } catch {
      usable = false;
      lagMs = null;
    }
  };
  const probeNow = () => {
    running ??= probe().finally(() => {
      running = null;
    });
    return running;
  };
  const timer = setInterval(() => void probeNow(), options.intervalMs);
  timer.unref();
  return {
    get usable() {
      return usable;
    },
    get lagMs() {
      return lagMs;
    },
    markDown() {
      usable = false;
      lagMs = null;
    },
    probeNow,
    stop: () => clearInterval(timer),
  };
}
