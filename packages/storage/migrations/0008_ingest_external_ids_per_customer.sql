-- CONTRACT §11: ingest external ids unique per customer, the key carrying the distribution column.
-- Rows unique by external id alone are unique per customer too, so every stored row stays.
DROP INDEX "campaign_offers_external_id_key";--> statement-breakpoint
DROP INDEX "compliance_flags_external_id_key";--> statement-breakpoint
DROP INDEX "contracts_external_id_key";--> statement-breakpoint
DROP INDEX "garnishments_external_id_key";--> statement-breakpoint
DROP INDEX "instalments_external_id_key";--> statement-breakpoint
DROP INDEX "interactions_external_id_key";--> statement-breakpoint
DROP INDEX "profitability_values_external_id_key";--> statement-breakpoint
DROP INDEX "revenues_external_id_key";--> statement-breakpoint
DROP INDEX "tasks_external_id_key";--> statement-breakpoint
DROP INDEX "transactions_external_id_key";--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_offers_customer_external_id_key" ON "campaign_offers" USING btree ("customer_id","external_id");--> statement-breakpoint
CREATE UNIQUE INDEX "compliance_flags_customer_external_id_key" ON "compliance_flags" USING btree ("customer_id","external_id");--> statement-breakpoint
CREATE UNIQUE INDEX "contracts_customer_external_id_key" ON "contracts" USING btree ("customer_id","external_id");--> statement-breakpoint
CREATE UNIQUE INDEX "garnishments_customer_external_id_key" ON "garnishments" USING btree ("customer_id","external_id");--> statement-breakpoint
CREATE UNIQUE INDEX "instalments_customer_external_id_key" ON "instalments" USING btree ("customer_id","external_id");--> statement-breakpoint
CREATE UNIQUE INDEX "interactions_customer_external_id_key" ON "interactions" USING btree ("customer_id","external_id");--> statement-breakpoint
CREATE UNIQUE INDEX "profitability_values_customer_external_id_key" ON "profitability_values" USING btree ("customer_id","external_id");--> statement-breakpoint
CREATE UNIQUE INDEX "revenues_customer_external_id_key" ON "revenues" USING btree ("customer_id","external_id");--> statement-breakpoint
CREATE UNIQUE INDEX "tasks_customer_external_id_key" ON "tasks" USING btree ("customer_id","external_id");--> statement-breakpoint
CREATE UNIQUE INDEX "transactions_customer_external_id_key" ON "transactions" USING btree ("customer_id","external_id");