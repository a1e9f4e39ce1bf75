import { z } from "zod";
import { defineAction } from "../actions/action";
import { customerInput } from "../rules/ids";
import { unknownCustomer } from "../widgets/widget-input";

/**
 * representatives.list: who represents the customer (a company's administrators, shareholders,
 * key contact persons) and whom the customer represents, each with the other party's name.
 */

const link = z.object({
  customerRepresentativeIdentifier: z.string(),
  /** The other party: the representative in `representatives`, the represented in `represents`. */
  customerInternalId: z.string(),
  name: z.string(),
  accountRelationType: z.string(),
});
export type RepresentativeLink = z.infer<typeof link>;

export const customerRepresentativesOutput = z.object({
  customerInternalId: z.string(),
  representatives: z.array(link),
  represents: z.array(link),
});
export type CustomerRepresentativesOutput = z.infer<typeof customerRepresentativesOutput>;

export interface CustomerRepresentativesSource {
  /** null when no customer has this id. */
  linksOf(customerId: string): Promise<Omit<CustomerRepresentativesOutput, "customerInternalId"> | null>;
}

export const listCustomerRepresentatives = defineAction({
  name: "FTOS_ACC_CustomerRepresentatives",
  procedure: "representatives.list",
  kind: "query",
  access: "read",
  tag: "Customers",
  title: "Customer representatives",
  summary: "Who represents the customer, with the relation type, and whom the customer represents.",
  input: customerInput,
  output: customerRepresentativesOutput,
  run: async ({ sources }, { customerInternalId }) => {
    const links = await sources.representatives.linksOf(customerInternalId);
    if (!links) throw unknownCustomer("customerInternalId", customerInternalId);
    return { customerInternalId, ...links };
  },
});
