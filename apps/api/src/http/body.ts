import type { IncomingMessage } from "node:http";
import { AppError } from "@account360/core";

/** How the server wants a request's body received; set by the server, read by `readBody`. */
export interface BodyPolicy {
  /** Takes the request's in-flight slot, or throws the 429 when none is free. */
  admit(): void;
  /** How long the body may go without a byte before the request is cut off. */
  idleTimeoutMs: number;
}

const policies = new WeakMap<IncomingMessage, BodyPolicy>();

/**
 * A request whose body is still arriving holds no in-flight slot: it takes one only once the
 * body is in (see server.ts). Otherwise a few hundred sockets each sending one byte of a body
 * hold every slot, and the server answers everyone 429 while doing nothing.
 */
export function setBodyPolicy(req: IncomingMessage, policy: BodyPolicy): void {
  policies.set(req, policy);
}

/** For a route that will not read the body it was sent (a tRPC GET): take the slot now. */
export function admitWithoutBody(req: IncomingMessage): void {
  policies.get(req)?.admit();
}

/** The body stopped arriving for longer than the idle timeout; the server answers 408 and closes. */
export class BodyStalledError extends Error {
  constructor(idleTimeoutMs: number) {
    super(`No byte of the request body arrived for ${idleTimeoutMs} ms.`);
    this.name = "BodyStalledError";
  }
}

/**
 * Reads the whole body, refusing it (413) as soon as it passes `limit` bytes, and cutting it off
 * when it stalls; then takes the request's in-flight slot.
 */
export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
  const policy = policies.get(req);
  const body = await collect(req, limit, policy?.idleTimeoutMs ?? 0);
  policy?.admit();
  return body;
}

function collect(req: IncomingMessage, limit: number, idleTimeoutMs: number): Promise<Buffer> {
  if (req.readableEnded) return Promise.resolve(Buffer.alloc(0));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let timer: NodeJS.Timeout | undefined;
    let lastData = performance.now();
    let done = false;
    const finish = (error: Error | null) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onError);
      req.off("close", onClose);
      if (error) reject(error);
      else resolve(Buffer.concat(chunks));
    };
    const arm = (ms = idleTimeoutMs) => {
      if (idleTimeoutMs <= 0) return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        // Timers run before the event loop polls the sockets: after a pause of the whole process
        // (GC, a saturated machine) bytes may be waiting unread. setImmediate runs after that
        // poll, so the client is judged on what it actually sent.
        setImmediate(() => {
          const idle = performance.now() - lastData;
          if (idle >= idleTimeoutMs) finish(new BodyStalledError(idleTimeoutMs));
          else if (!done) arm(idleTimeoutMs - idle);
        });
      }, ms);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) return finish(tooLarge(limit));
      chunks.push(chunk);
      lastData = performance.now();
    };
    const onEnd = () => finish(null);
    const onError = (error: Error) => finish(error);
    const onClose = () =>
      finish(new Error("The client closed the connection before sending the whole body."));
    req.on("data", onData);
    req.once("end", onEnd);
    req.once("error", onError);
    req.once("close", onClose);
    arm();
  });
}

function tooLarge(limit: number): AppError {
  return new AppError("PAYLOAD_TOO_LARGE", `The request body is larger than ${limit} bytes.`);
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * The body as text, refusing bytes that are not UTF-8: decoded leniently they would become
 * U+FFFD and be stored as if the caller had sent that character.
 */
export function utf8Text(body: Uint8Array): string {
  try {
    return strictUtf8.decode(body);
  } catch {
    throw new AppError("BAD_REQUEST", "The request body is not valid UTF-8.");
  }
}
