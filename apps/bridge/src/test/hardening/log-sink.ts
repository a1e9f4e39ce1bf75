import { Writable } from "node:stream";
import pino, { type Logger } from "pino";

export interface LogSink {
  logger: Logger;
  /** Every line written so far. */
  text(): string;
  /** The lines written so far, parsed. */
  entries(): Record<string, unknown>[];
}

/** A logger whose every line is kept in memory, to check what a server writes to its log. */
export function logSink(level: pino.Level = "info"): LogSink {
  let captured = "";
  const sink = new Writable({
    write(chunk, _encoding, done) {
      captured += String(chunk);
      done();
    },
  });
  return {
    logger: pino({ level, base: { service: "account360" } }, sink),
    text: () => captured,
    entries: () =>
      captured
        .split("\n")
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}
