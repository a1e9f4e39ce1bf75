CREATE TABLE "group_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"group_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"role" text NOT NULL,
	"start_date" date,
	"end_date" date,
	CONSTRAINT "group_members_not_self" CHECK ("group_members"."group_id" <> "group_members"."customer_id"),
	CONSTRAINT "group_members_dates" CHECK ("group_members"."start_date" is null or "group_members"."end_date" is null or "group_members"."end_date" >= "group_members"."start_date")
);
--> statement-breakpoint
ALTER TABLE "customers" ALTER COLUMN "first_name" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "customers" ALTER COLUMN "last_name" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "customers" ALTER COLUMN "email" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "customers" ALTER COLUMN "mobile_phone" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "kind" text DEFAULT 'individual' NOT NULL;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "name" text;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "registration_number" text;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "industry" text;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "account_type" text;--> statement-breakpoint
ALTER TABLE "group_members" ADD CONSTRAINT "group_members_group_id_customers_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_members" ADD CONSTRAINT "group_members_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "group_members_group_customer_key" ON "group_members" USING btree ("group_id","customer_id");--> statement-breakpoint
CREATE INDEX "group_members_customer_idx" ON "group_members" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "customers_search_name_idx" ON "customers" USING btree (lower("name") text_pattern_ops,"id");--> statement-breakpoint
CREATE INDEX "customers_search_registration_number_idx" ON "customers" USING btree (upper("registration_number") text_pattern_ops,"id");--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_kind_check" CHECK ("customers"."kind" in ('individual', 'legalEntity'));--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_individual_fields" CHECK ("customers"."kind" <> 'individual' or ("customers"."first_name" is not null and "customers"."last_name" is not null
        and "customers"."email" is not null and "customers"."mobile_phone" is not null));--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_legal_entity_fields" CHECK ("customers"."kind" <> 'legalEntity' or ("customers"."name" is not null and "customers"."account_type" is not null));