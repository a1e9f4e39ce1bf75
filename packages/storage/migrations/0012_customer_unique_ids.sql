-- CONTRACT §11: one UniqueID across both kinds of customer, kept by a key table whose primary key
-- is the UniqueID (distributable by it) instead of a unique index on customers, which Citus could
-- not enforce without the customer's id. Every stored customer claims its UniqueID; a lookup by
-- UniqueID keeps customers_search_unique_id_idx (text_pattern_ops serves equality too).
CREATE TABLE "customer_unique_ids" (
	"unique_id" text NOT NULL,
	"customer_id" uuid NOT NULL,
	CONSTRAINT "customer_unique_ids_unique_id_pk" PRIMARY KEY("unique_id")
);
--> statement-breakpoint
INSERT INTO "customer_unique_ids" ("unique_id", "customer_id")
	SELECT "unique_id", "id" FROM "customers";--> statement-breakpoint
DROP INDEX "customers_unique_id_key";
