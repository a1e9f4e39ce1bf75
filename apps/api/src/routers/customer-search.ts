import { customerSearchInput, searchCustomers } from "@account360/core";
import { customerSearchSource } from "@account360/storage";
import { readerProcedure } from "../trpc/init";
import { checkedByUseCase } from "../trpc/input";

/**
 * customers.search: by name, UniqueID, e-mail or phone, prefix matches a page at a time
 * (`nextCursor` asks for the next page). Registered under `customers` in write-actions.ts.
 */
export const searchCustomersProcedure = readerProcedure
  .input(checkedByUseCase(customerSearchInput))
  .query(({ ctx, input }) => searchCustomers(customerSearchSource(ctx.db), input));
