import { createApp, loadEnv } from "@account360/api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callAction, startOneProcess, type TestServer } from "./test/bridge-server";

/**
 * Both transports come from the one registry: an action on one is an action on the other, at
 * the same procedure, validated by the same edge with the same wording.
 */
const app = createApp(loadEnv({ LOG_LEVEL: "silent", PGLITE_DIR: "memory://" }));
const procedures = Object.keys(app.router._def.procedures);
/** Served by tRPC but no action: the server's own name and version. */
const NOT_ACTIONS = ["system.info"];

describe("tRPC and callAction", () => {
  it("offer exactly the actions of the registry, each at its own procedure", () => {
    expect(procedures.filter((path) => !NOT_ACTIONS.includes(path)).sort()).toEqual(
      app.actions.all.map((action) => action.procedure).sort(),
    );
    for (const action of app.actions.all) {
      expect(app.actions.byName(action.name)?.action, action.name).toBe(action);
      expect(procedures, action.name).toContain(action.procedure);
    }
  });

  describe("on a running server", () => {
    let server: TestServer;
    let token = "";
    beforeAll(async () => {
      server = await startOneProcess();
      token = await server.userToken("both.doors", ["admin"]);
    });
    afterAll(async () => {
      await server?.stop();
    });

    it("refuse an unknown field of every action alike, naming it with the same sentence", async () => {
      for (const action of app.actions.all) {
        const data = { zzNotAField: 1 };
        const viaEnvelope = await callAction(server.url, action.name, data, {
          userName: "both.doors",
          token,
        });
        const viaTrpc = await fetch(`${server.url}/trpc/${action.procedure}`, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
          body: JSON.stringify(data),
        });
        const trpcError = (
          (await viaTrpc.json()) as { error: { data: { fieldErrors: { field: string; message: string }[] } } }
        ).error;
        expect(viaEnvelope.status, action.name).toBe(400);
        expect(viaTrpc.status, action.name).toBe(400);
        const unknown = viaEnvelope.body.UIResult.Errors.find((e) => e.field === "zzNotAField");
        expect(unknown?.message, action.name).toMatch(/^Unknown field zzNotAField[;:] /);
        expect(trpcError.data.fieldErrors, action.name).toContainEqual(unknown);
      }
    });
  });
});
