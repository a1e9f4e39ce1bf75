import { useRepresentatives } from "../api/customer-queries";
import { CustomerLink } from "../components/customer-link";
import { QueryState, WidgetCard } from "../components/widget-card";

/** representatives.list: a company's administrators, shareholders and contacts; whom a person represents. */
export function RepresentativesWidget({ customerId }: { customerId: string }) {
  const links = useRepresentatives(customerId);
  return (
    <WidgetCard name="representatives" title="Representatives" span="span-4">
      <QueryState
        query={links}
        isEmpty={(l) => l.representatives.length + l.represents.length === 0}
        empty={<p>No representatives on file.</p>}
      >
        {(l) => (
          <>
            {l.representatives.length > 0 ? (
              <LinkList label="Represented by" links={l.representatives} />
            ) : null}
            {l.represents.length > 0 ? (
              <>
                <h3 className="small-heading">Represents</h3>
                <LinkList label="Represents" links={l.represents} />
              </>
            ) : null}
          </>
        )}
      </QueryState>
    </WidgetCard>
  );
}

type RepresentativeLink = NonNullable<
  ReturnType<typeof useRepresentatives>["data"]
>["representatives"][number];

/** The other party of each link, with the relation type. */
function LinkList({ label, links }: { label: string; links: RepresentativeLink[] }) {
  return (
    <ul className="plain-list" aria-label={label}>
      {links.map((r) => (
        <li key={r.customerRepresentativeIdentifier}>
          <CustomerLink customerId={r.customerInternalId} name={r.name} />
          <span className="pill">{r.accountRelationType}</span>
        </li>
      ))}
    </ul>
  );
}
