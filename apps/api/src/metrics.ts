import { Counter, Gauge, Histogram, Registry } from "prom-client";

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
  return { registry, requests, latency, inflight, pool };
}

export type Metrics = ReturnType<typeof createMetrics>;
