import type { PortfolioContractRow, ProductPortfolioSource } from "@account360/core";
import { sql } from "drizzle-orm";
import type { Db } from "../sql/db";
import { readStatement } from "../sql/statement";
import { customerFound, jsonIfFound } from "./widget-sql";

const portfolio = readStatement<{ customerId: string }>(
  "product portfolio",
  ({ customerId }) => sql`select ${customerFound(customerId)} as found,
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
            from contracts where customer_id = ${customerId}::text::uuid
          ), '[]'::json) as contracts`,
);

/** FTOS_ACC_ProductPortfolio: the customer's contracts in one round trip (contracts_customer_idx). */
export function productPortfolioSource(db: Db): ProductPortfolioSource {
  return {
    async contractsOf(customerId) {
      return jsonIfFound<PortfolioContractRow[], { customerId: string }>(
        db,
        portfolio,
        { customerId },
        "contracts",
      );
    },
  };
}
