import { describe, expect, it } from "vitest";
import { openCallAction } from "./test/raw-call-action";
import { startServerProcess } from "./test/server-process";

describe("SIGTERM", () => {
  it("stops accepting, finishes the in-flight request, closes the database and exits 0 within 10 s", async () => {
    const server = await startServerProcess();

    // A request whose body is still arriving when SIGTERM comes: it must still get its answer.
    const body = JSON.stringify({ Request: { ActionName: "No_Such_Action", Data: null }, ApiInfo: {} });
    const { request, answer } = openCallAction(server.url, {
      "content-type": "application/json",
      "content-length": Buffer.byteLength(body),
    });
    request.write(body.slice(0, 10));
    setTimeout(() => {
      server.child.kill("SIGTERM");
      setTimeout(() => request.end(body.slice(10)), 500);
    }, 300);

    const started = Date.now();
    const { status, text } = await answer;
    expect(status).toBe(404);
    expect(JSON.parse(text)).toMatchObject({ IsSuccess: false, ErrorCode: 404 });

    // New connections are refused once it stops accepting.
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();

    expect(await server.exited).toBe(0);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(server.output()).toContain('"msg":"stopped"');
  }, 90_000);

  it("keeps draining when a second signal follows the first (a relayed Ctrl-C, a whole group signalled)", async () => {
    const server = await startServerProcess();
    server.child.kill("SIGINT");
    setTimeout(() => server.child.kill("SIGTERM"), 20);
    setTimeout(() => server.child.kill("SIGINT"), 60);
    expect(await server.exited).toBe(0);
    expect(server.output()).toContain('"msg":"stopped"');
  }, 90_000);
});
