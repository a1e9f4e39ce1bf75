import { followLink, hrefOf } from "../lib/router";

/** A link to another customer's page (a member, a group, a representative). */
export function CustomerLink({ customerId, name }: { customerId: string; name: string }) {
  return (
    <a href={hrefOf({ page: "customer", customerId })} onClick={followLink} data-customer-link={customerId}>
      {name}
    </a>
  );
}
