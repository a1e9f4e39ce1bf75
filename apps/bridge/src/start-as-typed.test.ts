import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "@account360/terminal/processes";
import {
  asShown,
  hasPseudoTerminal,
  isPlainText,
  runTyped,
  startTyped,
  type TypedCommand,
} from "@account360/terminal/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createScratchDatabase } from "./test/server-process";

/**
 * `pnpm start` typed at the repository root, as a newcomer runs it after the README's quick
 * start: what it prints once ready, and whether what it says works. On PostgreSQL (DATABASE_URL
 * set) the server gets a scratch database of its own.
 */

const PASSWORD = "first-admin-passw0rd";
const pseudoTerminal = await hasPseudoTerminal();
const scratch = mkdtempSync(join(tmpdir(), "a360-start-typed-"));
const pgliteDir = join(scratch, "pglite");
let database: Awaited<ReturnType<typeof createScratchDatabase>> | null = null;

async function environment(): Promise<Record<string, string | undefined>> {
  return {
    PORT: String(await freePort()),
    HOST: "127.0.0.1",
    PGLITE_DIR: pgliteDir,
    DATABASE_URL: database?.url,
    LOG_LEVEL: "info",
  };
}

beforeAll(async () => {
  if (process.env.DATABASE_URL) database = await createScratchDatabase(process.env.DATABASE_URL);
});
afterAll(async () => {
  await database?.drop();
  rmSync(scratch, { recursive: true, force: true });
});

/** What a person reads on the server's stderr from the ready line to the Ctrl-C hint. */
const readyBlock = (stderr: string) => stderr.slice(stderr.indexOf("Account360 is ready at"));

async function getToken(url: string, username: string, password: string): Promise<number> {
  const answer = await fetch(`${url}/api/Authorize/GetToken`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  return answer.status;
}

describe("pnpm start, typed at the repository root", { timeout: 240_000 }, () => {
  let server: TypedCommand | null = null;
  afterAll(async () => {
    server?.signal("SIGKILL");
  });

  it("says once ready where it answers and where the data lives, and the command that creates the first user works", async () => {
    const env = await environment();
    server = startTyped("pnpm start", { env, timeoutMs: 200_000 });
    await server.waitFor(/Stop the server with Ctrl-C\./, 180_000);
    const stderr = server.stderr();

    // Progress and the message are plain lines on stderr, once; stdout keeps the JSON logs.
    expect(isPlainText(stderr)).toBe(true);
    expect(stderr.match(/Account360 is ready at/g)).toHaveLength(1);
    expect(server.stdout()).not.toContain("Account360 is ready");
    expect(server.stdout()).toMatch(/^\{"level":30,.*"msg":"database ready"\}$/m);

    const url = readyBlock(stderr).match(
      /^Account360 is ready at (http:\/\/\S+) \(started in [\d.]+ s\)$/m,
    )?.[1];
    expect(url).toBe(`http://127.0.0.1:${env.PORT}`);
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
    if (database) {
      const name = new URL(database.url).pathname.slice(1);
      expect(stderr).toContain(`  database    PostgreSQL, database ${name} on 127.0.0.1:5432 as postgres\n`);
      expect(stderr).toMatch(
        /^start: connecting to PostgreSQL, database \S+ on 127\.0\.0\.1:5432 as postgres, applying migrations…$/m,
      );
    } else {
      expect(stderr).toContain(`  database    PGlite, data in ${pgliteDir}\n`);
      expect(stderr).toMatch(/^start: opening PGlite in \S+, applying migrations…$/m);
    }

    // The commands it prints, run exactly as printed from another terminal.
    const block = readyBlock(stderr);
    expect(block).toMatch(/No API user exists yet\. Create the first, an admin, from another terminal/);
    const interactive = block.match(/^ {2}(.*pnpm user add --username admin --role admin)$/m)?.[1];
    const scripted = block.match(/^or in a script: (.*--password-stdin)$/m)?.[1];
    expect(interactive).toBeDefined();
    expect(scripted).toBe(`echo "$PASSWORD" | ${interactive} --password-stdin`);
    expect(await getToken(url!, "admin", PASSWORD)).toBe(401);
    if (pseudoTerminal) {
      // At a terminal it asks for the password twice, without echo.
      const adding = startTyped(interactive!, { tty: true, keepStdinOpen: true, timeoutMs: 60_000 });
      await adding.waitFor(/Password: /);
      adding.type(`${PASSWORD}\r`);
      await adding.waitFor(/Repeat the password: /);
      adding.type(`${PASSWORD}\r`);
      const added = await adding.done;
      expect(added.code, added.stdout).toBe(0);
      expect(added.stdout).toContain("Created user admin with roles admin.");
      expect(added.stdout).not.toContain(PASSWORD);
      expect(await getToken(url!, "admin", PASSWORD)).toBe(200);
    }
    const piped = await runTyped(scripted!, { env: { PASSWORD } });
    expect(piped.code, piped.stderr).toBe(0);
    expect(piped.stdout).toMatch(/^(Created|Updated) user admin with roles admin/m);
    expect(await getToken(url!, "admin", PASSWORD)).toBe(200);
  });

  it("next to it, `pnpm seed` on its PGlite directory says it is in use and what to do next", async () => {
    expect(server).not.toBeNull();
    const seedEnv = { PGLITE_DIR: pgliteDir, DATABASE_URL: database?.url };
    const seeded = await runTyped("pnpm seed --customers 5 --seed 3", { env: seedEnv });
    if (database) {
      // PostgreSQL is shared: the seed loads beside the running server.
      expect(seeded.code, seeded.stderr).toBe(0);
      return;
    }
    expect(seeded.code).toBe(1);
    expect(seeded.stdout).toBe("");
    const message = seeded.stderr.slice(seeded.stderr.indexOf("seed: The PGlite directory"));
    expect(message).toMatch(
      /^seed: The PGlite directory \S+ is in use by process \d+; .*\nPGlite opens in one process at a time\. Next, one of:\n/,
    );
    expect(message).toContain(
      "stop the server (Ctrl-C where `pnpm start` runs), run `pnpm seed --customers 5 --seed 3` again",
    );
    expect(message).toContain(`\`PGLITE_DIR=${pgliteDir}-seeded pnpm seed --customers 5 --seed 3\``);
    expect(message).toContain("`DATABASE_URL=postgres://USER@HOST:5432/DB pnpm seed --customers 5 --seed 3`");
  });

  it("stops on Ctrl-C (SIGINT to pnpm and everything it started), draining and closing the database", async () => {
    expect(server).not.toBeNull();
    server!.signal("SIGINT");
    const stopped = await server!.done;
    server = null;
    // pnpm's own exit status and lines after a Ctrl-C are its business; the server's drain is ours.
    expect(stopped.stdout).toMatch(/^\{"level":30,.*"msg":"stopped"\}$/m);
    expect(stopped.stderr.match(/Account360 is ready at/g)).toHaveLength(1);
  });

  it.runIf(pseudoTerminal)(
    "on a terminal shows a spinner that log lines stay out of, then the same message; Ctrl-C stops it",
    async () => {
      // PGlite here on either run: this is about the terminal, and its line names the directory.
      const env = { ...(await environment()), DATABASE_URL: undefined };
      const terminal = startTyped("pnpm start", { env, tty: true, keepStdinOpen: true, timeoutMs: 200_000 });
      try {
        await terminal.waitFor(/Stop the server with Ctrl-C\./, 180_000);
        const transcript = terminal.stdout();
        expect(transcript).toMatch(/\rstart: opening PGlite in \S+, applying migrations [|/\\-] \d+\.\d s/);
        const shown = asShown(transcript);
        expect(shown.filter((line) => line.includes("applying migrations"))).toEqual([]);
        expect(shown.filter((line) => /\{"level"/.test(line) && !line.startsWith("{"))).toEqual([]);
        expect(shown).toContain(`  database    PGlite, data in ${pgliteDir}`);
        terminal.type("\x03");
        const done = await terminal.done;
        expect(asShown(done.stdout).some((line) => line.includes('"msg":"stopped"'))).toBe(true);
      } finally {
        terminal.signal("SIGKILL");
      }
    },
  );
});
