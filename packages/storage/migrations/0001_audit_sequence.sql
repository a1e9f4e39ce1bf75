DROP INDEX "audit_log_customer_idx";--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "sequence" bigint;--> statement-breakpoint
-- Entries written before sequences existed: one number per write, in the order of `at`. The entries
-- of one write share its transaction's `at` and action (an ingest batch writes several).
UPDATE "audit_log" AS a SET "sequence" = n.sequence
FROM (
  SELECT "id", dense_rank() OVER (PARTITION BY "customer_id" ORDER BY "at", "action") AS sequence
  FROM "audit_log"
) AS n
WHERE n."id" = a."id";--> statement-breakpoint
ALTER TABLE "audit_log" ALTER COLUMN "sequence" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "last_sequence" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
UPDATE "customers" AS c SET "last_sequence" = s.last
FROM (SELECT "customer_id", max("sequence") AS last FROM "audit_log" GROUP BY "customer_id") AS s
WHERE s."customer_id" = c."id";--> statement-breakpoint
CREATE INDEX "audit_log_customer_sequence_idx" ON "audit_log" USING btree ("customer_id","sequence","id");
