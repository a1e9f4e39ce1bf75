import { Counter, Gauge, Histogram, Registry } from "prom-client";
import { ECHO_MAX_CHARACTERS, UNKNOWN_LABEL } from "./http/labels";

/**
 * More action labels than the API has actions and procedures: every label value is a series held
 * in memory for good, so a value beyond this (or longer than a name can be) counts as `unknown`.
 */
const MAX_ACTION_LABELS = 200;

/** Prometheus metrics of one server process, served at GET /metrics. */
export function createMetrics() {
  const registry = new Registry();
  const requests = new Counter({
    name: "account360_requests_total",
    help: "Requests answered, by route, action and status",
    labelNames: ["route", "action", "status"] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: "account360_request_duration_seconds",
    help: "Request latency, by route and action",
    labelNames: ["route", "action"] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const inflight = new Gauge({
    name: "account360_requests_in_flight",
    help: "Requests being handled now",
    registers: [registry],
  });
  const pool = new Gauge({
    name: "account360_db_pool_max_connections",
    help: "Connections the database pool may open (1 for embedded PGlite)",
    registers: [registry],
  });
  const reads = new Counter({
    name: "account360_db_reads_total",
    help: "Widget and search statements, by the database that answered (primary or standby)",
    labelNames: ["target"] as const,
    registers: [registry],
  });
  const readFallbacks = new Counter({
    name: "account360_db_read_fallbacks_total",
    help: "Widget and search statements sent to the primary instead of the standby, by why (lag, down, error)",
    labelNames: ["reason"] as const,
    registers: [registry],
  });
  let lagOf: (() => number | null) | null = null;
  new Gauge({
    name: "account360_db_replica_lag_seconds",
    help: "The standby's replay lag at its last probe (-1 while it does not answer; 0 without a standby)",
    registers: [registry],
    collect() {
      const lagMs = lagOf?.();
      this.set(lagMs === undefined ? 0 : lagMs === null ? -1 : lagMs / 1000);
    },
  });
  /** The standby's probe, read when /metrics is scraped: the probe keeps the figure. */
  const watchReplicaLag = (read: () => number | null) => {
    lagOf = read;
  };
  const actionLabels = new Set<string>();
  /**
   * The routes label requests with known names only; this is the backstop should one ever pass a
   * caller's text through.
   */
  const actionLabel = (label: string): string => {
    if (actionLabels.has(label)) return label;
    if (label.length > ECHO_MAX_CHARACTERS || actionLabels.size >= MAX_ACTION_LABELS) return UNKNOWN_LABEL;
    actionLabels.add(label);
    return label;
  };
  return { registry, requests, latency, inflight, pool, reads, readFallbacks, watchReplicaLag, actionLabel };
}

export type Metrics = ReturnType<typeof createMetrics>;
