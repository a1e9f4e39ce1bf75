import type { PortfolioContractRow, ProductPortfolioSource } from "@account360/core";
import { sql } from "drizzle-orm";
import type { Executor } from "../database";
import { customerFound, jsonOf, oneRow } from "./widget-sql";

/** FTOS_ACC_ProductPortfolio: the customer's contracts in one round trip (contracts_customer_idx). */
export function productPortfolioSource(db: Executor): ProductPortfolioSource {
  return {
    async contractsOf(customerId) {
      const row = await oneRow<{ found: boolean; contracts: unknown }>(
        db,
        sql`select ${customerFound(customerId)} as found,
          coalesce((
            select json_agg(json_build_object(
              'contractNo', contract_no,
              'bankingProduct', banking_product,
              'category', category,
              'amount', amount::text,
              'balance', balance::text,
              'currency', currency,
              'status', status,
              'activationDate', to_char(activation_date, 'YYYY-MM-DD'),
              'closeDate', to_char(close_date, 'YYYY-MM-DD'),
              'interestRate', interest_rate::text))
            from contracts where customer_id = ${customerId}::uuid
          ), '[]'::json) as contracts`,
      );
      return row.found ? jsonOf<PortfolioContractRow[]>(row.contracts) : null;
    },
  };
}
