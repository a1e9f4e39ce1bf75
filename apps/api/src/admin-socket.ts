import { chmodSync, rmSync } from "node:fs";
import { connect, createServer, type Server } from "node:net";
import { isAppError } from "@account360/core";
import type { AuthService } from "./auth";
import type { Role } from "./auth/roles";

/**
 * A running server holds its PGlite directory alone, so `pnpm user` cannot open it. Instead the
 * server listens on a Unix socket beside the directory (mode 0600: whoever may open the
 * directory may use it, nobody else), and the command sends its request there.
 */
export const adminSocketPath = (pgliteDir: string) => `${pgliteDir}.admin.sock`;

export type UserRequest =
  | { command: "add"; username: string; roles: Role[]; password: string }
  | { command: "disable"; username: string };

/** An operator command's action (`pnpm webhook`, `pnpm privacy`): only their procedures go this way. */
export type OperatorRequest = { command: "action"; procedure: string; input: unknown; operator: string };
export type OperatorActions = (procedure: string, input: unknown, operator: string) => Promise<unknown>;
const OPERATOR_PROCEDURES = /^(webhooks|privacy)\.[a-z]+$/;

type Answer = { ok: true; line: string } | { ok: false; message: string; usage: boolean };

/** Runs a user command against the auth service; answers the one line the command prints. */
export async function runUserRequest(auth: AuthService, request: UserRequest): Promise<string> {
  if (request.command === "add") {
    const saved = await auth.addOrUpdateUser(request);
    const ended =
      saved.revokedTokens > 0 ? `; the new password ended ${plural(saved.revokedTokens, "token")}` : "";
    return `${saved.created ? "Created" : "Updated"} user ${saved.userName} with roles ${saved.roles.join(", ")}${ended}.`;
  }
  const done = await auth.disableUser(request.username);
  return `Disabled user ${done.userName}; ended ${plural(done.revokedTokens, "token")}.`;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** Runs one request from the socket; an action's answer is its output as JSON. */
async function runRequest(
  auth: AuthService,
  actions: OperatorActions,
  request: UserRequest | OperatorRequest,
) {
  if (request.command !== "action") return runUserRequest(auth, request);
  if (!OPERATOR_PROCEDURES.test(request.procedure))
    throw new Error(`not an operator action: ${request.procedure}`);
  return JSON.stringify(await actions(request.procedure, request.input, request.operator));
}

export async function startAdminSocket(
  path: string,
  auth: AuthService,
  actions: OperatorActions,
): Promise<Server> {
  // The directory lock is ours, so a socket file left here belongs to a process that died.
  rmSync(path, { force: true });
  const server = createServer((socket) => {
    let buffer = "";
    socket.setEncoding("utf8");
    socket.on("data", async (chunk: string) => {
      buffer += chunk;
      if (buffer.length > 16_384) return socket.destroy();
      if (!buffer.includes("\n")) return;
      let answer: Answer;
      try {
        answer = {
          ok: true,
          line: await runRequest(auth, actions, JSON.parse(buffer) as UserRequest | OperatorRequest),
        };
      } catch (error) {
        answer = isAppError(error)
          ? {
              ok: false,
              message: [error.message, ...error.fieldErrors.map((e) => `  ${e.field}: ${e.message}`)].join(
                "\n",
              ),
              usage: error.code === "BAD_REQUEST",
            }
          : { ok: false, message: "the server could not run the command", usage: false };
      }
      socket.end(`${JSON.stringify(answer)}\n`);
    });
    socket.on("error", () => socket.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(path, () => resolve());
  });
  chmodSync(path, 0o600);
  return server;
}

/** Sends one request to a running server's admin socket. */
export function sendUserRequest(path: string, request: UserRequest | OperatorRequest): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const socket = connect(path);
    let text = "";
    socket.setEncoding("utf8");
    socket.setTimeout(30_000, () => socket.destroy(new Error("the server did not answer")));
    socket.on("connect", () => socket.write(`${JSON.stringify(request)}\n`));
    socket.on("data", (chunk: string) => {
      text += chunk;
    });
    socket.on("end", () => {
      try {
        resolve(JSON.parse(text) as Answer);
      } catch {
        reject(new Error("the server gave no answer"));
      }
    });
    socket.on("error", reject);
  });
}
