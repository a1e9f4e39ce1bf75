CREATE TABLE "addresses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"customer_id" uuid NOT NULL,
	"address_type" text NOT NULL,
	"country" text NOT NULL,
	"district" text NOT NULL,
	"city" text NOT NULL,
	"street_name" text NOT NULL,
	"street_no" text NOT NULL,
	"building_no" text,
	"floor_no" text,
	"apartment_no" text,
	"postal_code" text NOT NULL,
	"fingerprint" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agreements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"customer_id" uuid NOT NULL,
	"agreement_type" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"source_id" text NOT NULL,
	"contract_no" text,
	"external_id" text,
	"fingerprint" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"customer_id" uuid NOT NULL,
	"source" text NOT NULL,
	"external_id" text NOT NULL,
	"url" text NOT NULL,
	"name" text NOT NULL,
	"banking_product" text NOT NULL,
	"business_status" text NOT NULL,
	"amount" numeric(15, 2),
	"currency" text
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_name" text NOT NULL,
	"action" text NOT NULL,
	"entity" text NOT NULL,
	"record_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"operation" text NOT NULL,
	"changes" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "campaign_offers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"customer_id" uuid NOT NULL,
	"external_id" text NOT NULL,
	"product" text NOT NULL,
	"campaign" text NOT NULL,
	"score" integer DEFAULT 50 NOT NULL,
	"available_until" date,
	"status" text NOT NULL,
	"dismissed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "compliance_flags" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"customer_id" uuid NOT NULL,
	"external_id" text NOT NULL,
	"code" text NOT NULL,
	"since" date NOT NULL,
	"cleared_on" date,
	"details" text
);
--> statement-breakpoint
CREATE TABLE "contracts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"customer_id" uuid NOT NULL,
	"external_id" text NOT NULL,
	"contract_no" text NOT NULL,
	"category" text NOT NULL,
	"banking_product" text NOT NULL,
	"amount" numeric(15, 2),
	"balance" numeric(15, 2) NOT NULL,
	"currency" text NOT NULL,
	"status" text NOT NULL,
	"activation_date" date NOT NULL,
	"close_date" date,
	"interest_rate" numeric(9, 4)
);
--> statement-breakpoint
CREATE TABLE "customers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"unique_id" text NOT NULL,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"email" text NOT NULL,
	"mobile_phone" text NOT NULL,
	"email_address_type" text,
	"phone_number_type" text,
	"segment" text
);
--> statement-breakpoint
CREATE TABLE "garnishments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"customer_id" uuid NOT NULL,
	"external_id" text NOT NULL,
	"authority" text NOT NULL,
	"amount" numeric(15, 2) NOT NULL,
	"currency" text NOT NULL,
	"since" date NOT NULL,
	"released_on" date
);
--> statement-breakpoint
CREATE TABLE "instalments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"customer_id" uuid NOT NULL,
	"external_id" text NOT NULL,
	"contract_no" text NOT NULL,
	"due_date" date NOT NULL,
	"amount" numeric(15, 2) NOT NULL,
	"currency" text NOT NULL,
	"paid" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "interactions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"customer_id" uuid NOT NULL,
	"external_id" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"channel" text NOT NULL,
	"type" text NOT NULL,
	"direction" text NOT NULL,
	"subject" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pictures" (
	"customer_id" uuid PRIMARY KEY NOT NULL,
	"content_type" text NOT NULL,
	"data" "bytea" NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "profitability_values" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"customer_id" uuid NOT NULL,
	"external_id" text NOT NULL,
	"indicator" text NOT NULL,
	"month" date NOT NULL,
	"value" numeric(20, 4) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "representatives" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"customer_id" uuid NOT NULL,
	"representative_id" uuid NOT NULL,
	"relation_type" text NOT NULL,
	CONSTRAINT "representatives_not_self" CHECK ("representatives"."customer_id" <> "representatives"."representative_id")
);
--> statement-breakpoint
CREATE TABLE "revenues" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"customer_id" uuid NOT NULL,
	"external_id" text NOT NULL,
	"revenue_date" date NOT NULL,
	"category" text NOT NULL,
	"product" text NOT NULL,
	"currency" text NOT NULL,
	"amount" numeric(15, 2) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"customer_id" uuid NOT NULL,
	"external_id" text NOT NULL,
	"title" text NOT NULL,
	"due_date" date,
	"status" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "transactions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"customer_id" uuid NOT NULL,
	"external_id" text NOT NULL,
	"booking_date" date NOT NULL,
	"indicator" text NOT NULL,
	"direction" text NOT NULL,
	"inter_intra" text NOT NULL,
	"currency" text NOT NULL,
	"amount" numeric(15, 2) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "api_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token_hash" text NOT NULL,
	"user_id" uuid NOT NULL,
	"client_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "login_failures" (
	"key" text PRIMARY KEY NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"window_start" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"username" text NOT NULL,
	"password_hash" text NOT NULL,
	"roles" text[] NOT NULL,
	"disabled" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
ALTER TABLE "addresses" ADD CONSTRAINT "addresses_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_offers" ADD CONSTRAINT "campaign_offers_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compliance_flags" ADD CONSTRAINT "compliance_flags_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "garnishments" ADD CONSTRAINT "garnishments_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instalments" ADD CONSTRAINT "instalments_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interactions" ADD CONSTRAINT "interactions_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pictures" ADD CONSTRAINT "pictures_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "profitability_values" ADD CONSTRAINT "profitability_values_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "representatives" ADD CONSTRAINT "representatives_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "representatives" ADD CONSTRAINT "representatives_representative_id_customers_id_fk" FOREIGN KEY ("representative_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "revenues" ADD CONSTRAINT "revenues_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transactions" ADD CONSTRAINT "transactions_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "addresses_customer_idx" ON "addresses" USING btree ("customer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "addresses_customer_fingerprint_key" ON "addresses" USING btree ("customer_id","fingerprint");--> statement-breakpoint
CREATE INDEX "agreements_customer_idx" ON "agreements" USING btree ("customer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "agreements_customer_external_id_key" ON "agreements" USING btree ("customer_id","external_id");--> statement-breakpoint
CREATE UNIQUE INDEX "agreements_customer_fingerprint_key" ON "agreements" USING btree ("customer_id","fingerprint") WHERE "agreements"."external_id" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "applications_source_external_id_key" ON "applications" USING btree ("source","external_id");--> statement-breakpoint
CREATE INDEX "applications_customer_idx" ON "applications" USING btree ("customer_id","created_at");--> statement-breakpoint
CREATE INDEX "audit_log_customer_idx" ON "audit_log" USING btree ("customer_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_offers_external_id_key" ON "campaign_offers" USING btree ("external_id");--> statement-breakpoint
CREATE INDEX "campaign_offers_customer_idx" ON "campaign_offers" USING btree ("customer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "compliance_flags_external_id_key" ON "compliance_flags" USING btree ("external_id");--> statement-breakpoint
CREATE INDEX "compliance_flags_customer_idx" ON "compliance_flags" USING btree ("customer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "contracts_external_id_key" ON "contracts" USING btree ("external_id");--> statement-breakpoint
CREATE UNIQUE INDEX "contracts_customer_contract_no_key" ON "contracts" USING btree ("customer_id","contract_no");--> statement-breakpoint
CREATE INDEX "contracts_customer_idx" ON "contracts" USING btree ("customer_id","activation_date");--> statement-breakpoint
CREATE UNIQUE INDEX "customers_unique_id_key" ON "customers" USING btree ("unique_id");--> statement-breakpoint
CREATE INDEX "customers_last_name_idx" ON "customers" USING btree ("last_name");--> statement-breakpoint
CREATE INDEX "customers_search_first_last_idx" ON "customers" USING btree (lower("first_name" || ' ' || "last_name") text_pattern_ops,"id");--> statement-breakpoint
CREATE INDEX "customers_search_last_first_idx" ON "customers" USING btree (lower("last_name" || ' ' || "first_name") text_pattern_ops,"id");--> statement-breakpoint
CREATE INDEX "customers_search_email_idx" ON "customers" USING btree (lower("email") text_pattern_ops,"id");--> statement-breakpoint
CREATE INDEX "customers_search_unique_id_idx" ON "customers" USING btree ("unique_id" text_pattern_ops,"id");--> statement-breakpoint
CREATE INDEX "customers_search_mobile_phone_idx" ON "customers" USING btree ("mobile_phone" text_pattern_ops,"id");--> statement-breakpoint
CREATE UNIQUE INDEX "garnishments_external_id_key" ON "garnishments" USING btree ("external_id");--> statement-breakpoint
CREATE INDEX "garnishments_customer_idx" ON "garnishments" USING btree ("customer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "instalments_external_id_key" ON "instalments" USING btree ("external_id");--> statement-breakpoint
CREATE INDEX "instalments_customer_due_idx" ON "instalments" USING btree ("customer_id","due_date");--> statement-breakpoint
CREATE UNIQUE INDEX "interactions_external_id_key" ON "interactions" USING btree ("external_id");--> statement-breakpoint
CREATE INDEX "interactions_customer_time_idx" ON "interactions" USING btree ("customer_id","occurred_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "profitability_values_external_id_key" ON "profitability_values" USING btree ("external_id");--> statement-breakpoint
CREATE UNIQUE INDEX "profitability_values_customer_indicator_month_key" ON "profitability_values" USING btree ("customer_id","indicator","month");--> statement-breakpoint
CREATE UNIQUE INDEX "representatives_triple_key" ON "representatives" USING btree ("customer_id","representative_id","relation_type");--> statement-breakpoint
CREATE INDEX "representatives_representative_idx" ON "representatives" USING btree ("representative_id");--> statement-breakpoint
CREATE UNIQUE INDEX "revenues_external_id_key" ON "revenues" USING btree ("external_id");--> statement-breakpoint
CREATE INDEX "revenues_customer_date_idx" ON "revenues" USING btree ("customer_id","revenue_date");--> statement-breakpoint
CREATE UNIQUE INDEX "tasks_external_id_key" ON "tasks" USING btree ("external_id");--> statement-breakpoint
CREATE INDEX "tasks_customer_idx" ON "tasks" USING btree ("customer_id","due_date");--> statement-breakpoint
CREATE UNIQUE INDEX "transactions_external_id_key" ON "transactions" USING btree ("external_id");--> statement-breakpoint
CREATE INDEX "transactions_customer_date_idx" ON "transactions" USING btree ("customer_id","booking_date");--> statement-breakpoint
CREATE UNIQUE INDEX "api_tokens_hash_key" ON "api_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "api_tokens_user_idx" ON "api_tokens" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "api_tokens_expires_idx" ON "api_tokens" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "login_failures_window_idx" ON "login_failures" USING btree ("window_start");--> statement-breakpoint
CREATE UNIQUE INDEX "users_username_key" ON "users" USING btree (lower("username"));