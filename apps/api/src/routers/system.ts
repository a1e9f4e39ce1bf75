import { z } from "zod";
import { publicProcedure, router } from "../trpc/init";

export const systemRouter = router({
  info: publicProcedure
    .output(z.object({ name: z.string(), version: z.string(), database: z.enum(["postgres", "pglite"]) }))
    .query(({ ctx }) => ({ name: "account360", version: ctx.deps.version, database: ctx.deps.dbKind })),
});
