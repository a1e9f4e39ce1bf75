import { type INGEST_KINDS, type IngestKind, ingestBatchInput } from "@account360/core";
import { ingestBatch } from "@account360/storage";
import { router, writerProcedure } from "../trpc/init";
import { checkedByUseCase } from "../trpc/input";

function ingestProcedure<K extends IngestKind>(kind: K) {
  return writerProcedure
    .input(checkedByUseCase(ingestBatchInput(kind)))
    .mutation(({ ctx, input }) =>
      ingestBatch(ctx.db, kind, (input as { rows?: unknown })?.rows, ctx.actor.userName),
    );
}

/**
 * What the widgets are computed from, fed by the bank's systems: batches of up to 10,000 rows,
 * idempotent on each row's external id, all or nothing.
 */
export const ingestRouter = router({
  contracts: ingestProcedure("contracts"),
  instalments: ingestProcedure("instalments"),
  garnishments: ingestProcedure("garnishments"),
  complianceFlags: ingestProcedure("complianceFlags"),
  transactions: ingestProcedure("transactions"),
  interactions: ingestProcedure("interactions"),
  revenues: ingestProcedure("revenues"),
  profitabilityValues: ingestProcedure("profitabilityValues"),
  tasks: ingestProcedure("tasks"),
  campaignOffers: ingestProcedure("campaignOffers"),
  pictures: ingestProcedure("pictures"),
} satisfies Record<(typeof INGEST_KINDS)[number], unknown>);
