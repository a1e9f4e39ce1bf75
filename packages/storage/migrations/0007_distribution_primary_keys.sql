-- CONTRACT §11: customer_id in the primary key of every customer-owned table, so Citus can
-- distribute them on it. Each key is swapped in place (same rows, same ids); id stays first so
-- that a lookup by id alone keeps its index.
ALTER TABLE "addresses" DROP CONSTRAINT "addresses_pkey";--> statement-breakpoint
ALTER TABLE "addresses" ADD CONSTRAINT "addresses_id_customer_id_pk" PRIMARY KEY("id","customer_id");--> statement-breakpoint
ALTER TABLE "agreements" DROP CONSTRAINT "agreements_pkey";--> statement-breakpoint
ALTER TABLE "agreements" ADD CONSTRAINT "agreements_id_customer_id_pk" PRIMARY KEY("id","customer_id");--> statement-breakpoint
ALTER TABLE "applications" DROP CONSTRAINT "applications_pkey";--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_id_customer_id_pk" PRIMARY KEY("id","customer_id");--> statement-breakpoint
ALTER TABLE "audit_log" DROP CONSTRAINT "audit_log_pkey";--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_id_customer_id_pk" PRIMARY KEY("id","customer_id");--> statement-breakpoint
ALTER TABLE "campaign_offers" DROP CONSTRAINT "campaign_offers_pkey";--> statement-breakpoint
ALTER TABLE "campaign_offers" ADD CONSTRAINT "campaign_offers_id_customer_id_pk" PRIMARY KEY("id","customer_id");--> statement-breakpoint
ALTER TABLE "compliance_flags" DROP CONSTRAINT "compliance_flags_pkey";--> statement-breakpoint
ALTER TABLE "compliance_flags" ADD CONSTRAINT "compliance_flags_id_customer_id_pk" PRIMARY KEY("id","customer_id");--> statement-breakpoint
ALTER TABLE "contracts" DROP CONSTRAINT "contracts_pkey";--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_id_customer_id_pk" PRIMARY KEY("id","customer_id");--> statement-breakpoint
ALTER TABLE "garnishments" DROP CONSTRAINT "garnishments_pkey";--> statement-breakpoint
ALTER TABLE "garnishments" ADD CONSTRAINT "garnishments_id_customer_id_pk" PRIMARY KEY("id","customer_id");--> statement-breakpoint
ALTER TABLE "group_members" DROP CONSTRAINT "group_members_pkey";--> statement-breakpoint
ALTER TABLE "group_members" ADD CONSTRAINT "group_members_id_customer_id_pk" PRIMARY KEY("id","customer_id");--> statement-breakpoint
ALTER TABLE "instalments" DROP CONSTRAINT "instalments_pkey";--> statement-breakpoint
ALTER TABLE "instalments" ADD CONSTRAINT "instalments_id_customer_id_pk" PRIMARY KEY("id","customer_id");--> statement-breakpoint
ALTER TABLE "interactions" DROP CONSTRAINT "interactions_pkey";--> statement-breakpoint
ALTER TABLE "interactions" ADD CONSTRAINT "interactions_id_customer_id_pk" PRIMARY KEY("id","customer_id");--> statement-breakpoint
ALTER TABLE "profitability_values" DROP CONSTRAINT "profitability_values_pkey";--> statement-breakpoint
ALTER TABLE "profitability_values" ADD CONSTRAINT "profitability_values_id_customer_id_pk" PRIMARY KEY("id","customer_id");--> statement-breakpoint
ALTER TABLE "representatives" DROP CONSTRAINT "representatives_pkey";--> statement-breakpoint
ALTER TABLE "representatives" ADD CONSTRAINT "representatives_id_customer_id_pk" PRIMARY KEY("id","customer_id");--> statement-breakpoint
ALTER TABLE "revenues" DROP CONSTRAINT "revenues_pkey";--> statement-breakpoint
ALTER TABLE "revenues" ADD CONSTRAINT "revenues_id_customer_id_pk" PRIMARY KEY("id","customer_id");--> statement-breakpoint
ALTER TABLE "tasks" DROP CONSTRAINT "tasks_pkey";--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_id_customer_id_pk" PRIMARY KEY("id","customer_id");--> statement-breakpoint
ALTER TABLE "transactions" DROP CONSTRAINT "transactions_pkey";--> statement-breakpoint
ALTER TABLE "transactions" ADD CONSTRAINT "transactions_id_customer_id_pk" PRIMARY KEY("id","customer_id");
