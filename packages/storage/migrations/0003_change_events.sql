CREATE TABLE "change_events" (
	"customer_id" uuid NOT NULL,
	"sequence" bigint NOT NULL,
	"event_id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"type" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"actor" text NOT NULL,
	"action" text NOT NULL,
	"record_id" uuid,
	"changes" jsonb NOT NULL,
	"feed_txid" bigint NOT NULL,
	"position" bigserial NOT NULL,
	CONSTRAINT "change_events_customer_id_sequence_pk" PRIMARY KEY("customer_id","sequence")
);
--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "last_feed_txid" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "change_events_feed_idx" ON "change_events" USING btree ("feed_txid","position");--> statement-breakpoint
CREATE INDEX "change_events_occurred_at_idx" ON "change_events" USING btree ("occurred_at");