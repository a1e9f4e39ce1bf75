-- CONTRACT §11: one (source, externalId) per application across customers, kept by a key table
-- whose primary key is the pair (distributable by it) instead of a unique index on applications,
-- which Citus could not enforce without customer_id. Every stored application claims its pair.
CREATE TABLE "application_keys" (
	"source" text NOT NULL,
	"external_id" text NOT NULL,
	"customer_id" uuid NOT NULL,
	CONSTRAINT "application_keys_source_external_id_pk" PRIMARY KEY("source","external_id")
);
--> statement-breakpoint
INSERT INTO "application_keys" ("source", "external_id", "customer_id")
	SELECT "source", "external_id", "customer_id" FROM "applications";--> statement-breakpoint
DROP INDEX "applications_source_external_id_key";--> statement-breakpoint
CREATE INDEX "applications_source_external_id_idx" ON "applications" USING btree ("source","external_id");
