import { connect } from "node:net";

export interface RawOutcome {
  /** The status line's code, or 0 when the server closed without answering. */
  status: number;
  /** The answer's head and whatever body came with it. */
  received: string;
  /** Body bytes the client wrote before the server answered or closed the connection. */
  bodyBytesSent: number;
  closedAfterMs: number;
}

/**
 * One request over a raw socket: the head at once, then `bodyBytes` of body in 64 KiB chunks,
 * as fast as the server reads them, until it answers or closes (or `stallAfter` bytes, after
 * which the client sends nothing more). For what no HTTP client does: declare a large body, send
 * part of it, and watch what the server does before the rest arrives.
 */
export function rawRequest(
  baseUrl: string,
  options: {
    path: string;
    headers?: Record<string, string>;
    bodyBytes: number;
    stallAfter?: number;
    /** Give up (and destroy the socket) after this long; the outcome then has status 0. */
    timeoutMs: number;
  },
): Promise<RawOutcome> {
  const { hostname, port } = new URL(baseUrl);
  const head = [
    `POST ${options.path} HTTP/1.1`,
    "Host: localhost",
    "Content-Type: application/json",
    `Content-Length: ${options.bodyBytes}`,
    ...Object.entries(options.headers ?? {}).map(([name, value]) => `${name}: ${value}`),
    "",
    "",
  ].join("\r\n");
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  const sendUpTo = Math.min(options.bodyBytes, options.stallAfter ?? options.bodyBytes);
  return new Promise((resolve) => {
    const started = performance.now();
    const socket = connect(Number(port), hostname);
    let received = "";
    let sent = 0;
    let answered = false;
    const pump = () => {
      while (!answered && !socket.destroyed && sent < sendUpTo) {
        const piece = chunk.subarray(0, Math.min(chunk.length, sendUpTo - sent));
        sent += piece.length;
        if (!socket.write(piece)) return; // wait for 'drain'
      }
    };
    const timer = setTimeout(() => socket.destroy(), options.timeoutMs);
    socket.on("connect", () => {
      socket.write(head);
      pump();
    });
    socket.on("drain", pump);
    socket.on("data", (data) => {
      answered = true;
      received += data;
    });
    socket.on("error", () => socket.destroy());
    socket.on("close", () => {
      clearTimeout(timer);
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(received)?.[1] ?? 0);
      resolve({ status, received, bodyBytesSent: sent, closedAfterMs: performance.now() - started });
    });
  });
}
