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
              <ul className="plain-list" aria-label="Represented by">
                {l.representatives.map((r) => (
                  <li key={r.customerRepresentativeIdentifier}>
                    <CustomerLink customerId={r.customerInternalId} name={r.name} />
                    <span className="pill">{r.accountRelationType}</span>
                  </li>
                ))}
              </ul>
            ) : null}
            {l.represents.length > 0 ? (
              <>
                <h3 className="small-heading">Represents</h3>
                <ul className="plain-list" aria-label="Represents">
                  {l.represents.map((r) => (
                    <li key={r.customerRepresentativeIdentifier}>
                      <CustomerLink customerId={r.customerInternalId} name={r.name} />
                      <span className="pill">{r.accountRelationType}</span>
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </>
        )}
      </QueryState>
    </WidgetCard>
  );
}
