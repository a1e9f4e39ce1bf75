import { createServer, type IncomingMessage, type Server } from "node:http";
import { connect, type Socket } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { BodyStalledError, readBody, setBodyPolicy } from "./body";

/**
 * readBody's idle timeout measures the client, not the server: a server too busy to read for a
 * while (a long GC pause, a saturated machine) must not take the bytes waiting in its socket for
 * a stalled client.
 */

let server: Server | undefined;
afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve));
});

/** A server whose handler reports when it is waiting for the body, and what readBody answered. */
async function bodyServer(idleTimeoutMs: number) {
  let reading!: () => void;
  const waiting = new Promise<void>((resolve) => {
    reading = resolve;
  });
  let outcome!: (value: string) => void;
  const result = new Promise<string>((resolve) => {
    outcome = resolve;
  });
  server = createServer((req: IncomingMessage, res) => {
    setBodyPolicy(req, { admit: () => {}, idleTimeoutMs });
    setImmediate(reading);
    readBody(req, 1_000).then(
      (body) => {
        outcome(`read ${body.length}`);
        res.end();
      },
      (error: unknown) => {
        outcome(error instanceof BodyStalledError ? "stalled" : String(error));
        res.destroy();
      },
    );
  });
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  const socket: Socket = connect(port, "127.0.0.1");
  await new Promise((resolve) => socket.once("connect", resolve));
  socket.write("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 30\r\n\r\n0123456789");
  await waiting;
  return { socket, result };
}

const blockFor = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // the whole process is busy: no timer, no socket is served
  }
};

describe("a body's idle timeout", () => {
  it("is not taken for a stall when the bytes were waiting while the server was busy", async () => {
    const { socket, result } = await bodyServer(200);
    socket.write("0123456789"); // arrives while the server cannot read it
    blockFor(500);
    await new Promise((resolve) => setTimeout(resolve, 50));
    socket.write("0123456789");
    expect(await result).toBe("read 30");
    socket.destroy();
  });

  it("cuts off a client that really sends nothing", async () => {
    const { socket, result } = await bodyServer(200);
    expect(await result).toBe("stalled");
    socket.destroy();
  });
});
