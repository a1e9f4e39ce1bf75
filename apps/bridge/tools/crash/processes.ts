import { type ChildProcess, spawn } from "node:child_process";
import { Agent, request } from "node:http";
import { join } from "node:path";
import { freePort } from "@account360/terminal/processes";
import { REPO_ROOT, SERVER_NODE_ARGS } from "../server-command";

/** The helpers of the crash test: the real server and the user command as child processes, and HTTP calls. */

const apiRoot = join(REPO_ROOT, "apps/api");

export interface ServerChild {
  child: ChildProcess;
  url: string;
  output: () => string;
  exited: Promise<number | null>;
}

/** The server as `pnpm start` runs it (the built bundle; see buildServerBundle), waited for until /readyz answers 200. */
export async function startServerChild(env: Record<string, string>): Promise<ServerChild> {
  const port = await freePort();
  let log = "";
  const child = spawn(process.execPath, SERVER_NODE_ARGS, {
    cwd: REPO_ROOT,
    env: { ...process.env, HOST: "127.0.0.1", PORT: String(port), LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`the server exited at start:\n${log}`);
    const ready = await call(url, "GET", "/readyz").catch(() => null);
    if (ready?.status === 200) break;
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`the server was not ready within 90 s:\n${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { child, url, output: () => log, exited };
}

/**
 * `pnpm user add` (apps/api/src/cli/user.ts) with the password on standard input; answers exit
 * code and output. An admin tool, so it runs from source under tsx as `pnpm user` does.
 */
export function userAdd(
  env: Record<string, string>,
  username: string,
  password: string,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        "src/cli/user.ts",
        "add",
        "--username",
        username,
        "--role",
        "writer",
        "--role",
        "reader",
        "--password-stdin",
      ],
      { cwd: apiRoot, env: { ...process.env, LOG_LEVEL: "warn", ...env }, stdio: ["pipe", "pipe", "pipe"] },
    );
    let output = "";
    child.stdout.on("data", (chunk) => {
      output += chunk;
    });
    child.stderr.on("data", (chunk) => {
      output += chunk;
    });
    child.stdin.end(`${password}\n`);
    child.once("exit", (code) => resolve({ code, output: output.trim() }));
  });
}

const agent = new Agent({ keepAlive: true, maxSockets: 32 });

export function call(
  baseUrl: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: Record<string, unknown> | null }> {
  const { hostname, port } = new URL(baseUrl);
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      { hostname, port, method, path, agent, headers: { "content-type": "application/json" } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => {
          let json: Record<string, unknown> | null = null;
          try {
            json = JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown>;
          } catch {
            // not JSON: the status says enough
          }
          resolve({ status: res.statusCode ?? 0, json });
        });
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.setTimeout(30_000, () => req.destroy(new Error("timed out")));
    req.end(payload);
  });
}

export async function getToken(baseUrl: string, username: string, password: string): Promise<string> {
  const answer = await call(baseUrl, "POST", "/api/Authorize/GetToken", { username, password });
  const token = answer.json?.access_token;
  if (answer.status !== 200 || typeof token !== "string")
    throw new Error(`GetToken answered ${answer.status}`);
  return token;
}

/** callAction with the caller's token in ApiInfo. */
export function callAction(
  baseUrl: string,
  auth: { user: string; token: string },
  action: string,
  data: unknown,
) {
  return call(baseUrl, "POST", "/api/openApi/CallAction", {
    Request: { ActionName: action, Data: data },
    ApiInfo: { UserName: auth.user, Token: auth.token },
  });
}
