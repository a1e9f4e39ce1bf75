import { chmodSync, lstatSync, mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { NodeFS } from "@electric-sql/pglite/nodefs";

/** The Emscripten module options PGlite hands a filesystem (PGlite does not export the type). */
type EmscriptenOptions = Parameters<NodeFS["init"]>[1];
type EmscriptenModule = Parameters<NonNullable<EmscriptenOptions["preRun"]>[number]>[0];

/** Group and other bits: nobody but the owner may read, write or enter anything of the data. */
const SHARED_BITS = 0o077;

/**
 * Makes a PGlite data directory private before it is opened: the directory and every directory
 * under it 0700, every file 0600, whatever the umask or whoever copied it. Answers how many
 * entries had to be changed (the caller logs it). A directory another user owns cannot be
 * changed, and that is an error: the server must not run on data others can write.
 */
export function makePgliteDirectoryPrivate(dir: string): number {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  let fixed = 0;
  const pending = [dir];
  for (let path = pending.pop(); path !== undefined; path = pending.pop()) {
    const stat = lstatSync(path);
    if (stat.isSymbolicLink()) continue; // PostgreSQL's own tablespace links; their targets are not ours
    if ((stat.mode & SHARED_BITS) !== 0) {
      try {
        chmodSync(path, stat.mode & 0o700);
      } catch (error) {
        throw new Error(
          `PGLITE_DIR ${dir}: ${path} is open to other users and cannot be made private (${(error as Error).message}).`,
        );
      }
      fixed++;
    }
    if (stat.isDirectory()) for (const name of readdirSync(path)) pending.push(join(path, name));
  }
  return fixed;
}

interface NodeFsOps {
  node_ops: {
    mknod(parent: unknown, name: string, mode: number, dev: number): unknown;
    setattr(node: unknown, attr: { mode?: number }): void;
  };
  stream_ops: { setattr(stream: unknown, attr: { mode?: number }): void };
}

const patched = Symbol("account360.privateModes");

/**
 * PGlite's Node filesystem, creating every file 0600 and every directory 0700. PostgreSQL inside
 * PGlite asks for 0666 files and Emscripten's NODEFS passes that to chmod(2) as is, past the
 * umask, so the modes are masked where NODEFS hands them to Node: creation and chmod.
 */
export class PrivateNodeFS extends NodeFS {
  override async init(pg: PGlite, options: EmscriptenOptions) {
    const { emscriptenOpts } = await super.init(pg, options);
    const restrict = (mod: EmscriptenModule) => {
      const nodefs = mod.NODEFS as unknown as Partial<NodeFsOps> & { [patched]?: true };
      const { node_ops: nodeOps, stream_ops: streamOps } = nodefs;
      if (!nodeOps?.mknod || !nodeOps.setattr || !streamOps?.setattr) {
        // A PGlite upgrade moved them: refuse rather than silently create shared files.
        throw new Error("PGlite's NODEFS has no mknod/setattr to restrict; check the PGlite version.");
      }
      if (nodefs[patched]) return;
      nodefs[patched] = true;
      const mknod = nodeOps.mknod;
      const setattr = nodeOps.setattr;
      const streamSetattr = streamOps.setattr;
      const masked = (attr: { mode?: number }) =>
        attr.mode === undefined || attr.mode === null ? attr : { ...attr, mode: attr.mode & ~SHARED_BITS };
      nodeOps.mknod = (parent, name, mode, dev) => mknod(parent, name, mode & ~SHARED_BITS, dev);
      nodeOps.setattr = (node, attr) => setattr(node, masked(attr));
      streamOps.setattr = (stream, attr) => streamSetattr(stream, masked(attr));
    };
    return { emscriptenOpts: { ...emscriptenOpts, preRun: [...(emscriptenOpts.preRun ?? []), restrict] } };
  }
}
