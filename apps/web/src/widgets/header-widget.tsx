import type { ReactNode } from "react";
import { useHeader } from "../api/customer-queries";
import { CustomerLink } from "../components/customer-link";
import { QueryState, WidgetCard } from "../components/widget-card";
import { count, date } from "../lib/format";
import { Avatar } from "./avatar";
import { PictureUpload } from "./picture-upload";

const TITLES = { individual: "Customer", legalEntity: "Company", group: "Group" } as const;

/** FTOS_ACC_AccountHeader: who the customer is (a person, a company or a group), with the picture and its upload. */
export function HeaderWidget({ customerId }: { customerId: string }) {
  const header = useHeader(customerId);
  return (
    <WidgetCard name="header" title={TITLES[header.data?.kind ?? "individual"]} span="span-8">
      <QueryState query={header} empty={null} skeletonRows={4}>
        {(h) => (
          <div className="header-widget">
            <div className="header-identity">
              <Avatar customerId={customerId} initials={h.initials} fullName={h.fullName} />
              <PictureUpload customerId={customerId} />
            </div>
            <div className="header-body">
              <p className="muted">
                <span className="visually-hidden">Unique ID </span>
                <span className="mono">{h.uniqueIdMasked}</span>
                {h.segment ? <span className="pill">{h.segment}</span> : null}
              </p>
              <dl className="facts">
                {h.kind !== "individual" ? (
                  <>
                    <div>
                      <dt>Account type</dt>
                      <dd data-fact="accountType">{h.accountType}</dd>
                    </div>
                    <div>
                      <dt>Registration number</dt>
                      <dd className="mono" data-fact="registrationNumber">
                        {h.registrationNumber ?? "None on file"}
                      </dd>
                    </div>
                    <div>
                      <dt>Industry</dt>
                      <dd data-fact="industry">{h.industry ?? "None on file"}</dd>
                    </div>
                  </>
                ) : null}
                {h.groups.length > 0 ? (
                  <Fact term="Groups">
                    {h.groups.map((g, i) => (
                      <span key={g.customerInternalId}>
                        {i > 0 ? ", " : ""}
                        <CustomerLink customerId={g.customerInternalId} name={g.name} /> ({g.role})
                      </span>
                    ))}
                  </Fact>
                ) : null}
                <Fact term="E-mail">
                  {h.email ? <a href={`mailto:${h.email}`}>{h.email}</a> : "None on file"}
                </Fact>
                <Fact term="Mobile phone">
                  {h.mobilePhone ? <a href={`tel:${h.mobilePhone}`}>{h.mobilePhone}</a> : "None on file"}
                </Fact>
                <Fact term="Customer since">{date(h.customerSince)}</Fact>
                <Fact term="Primary address">{h.primaryAddress?.formatted ?? "None on file"}</Fact>
                <Fact term="Active products">{count(h.activeProducts)}</Fact>
                <Fact term="Flags">{h.flagsCount === 0 ? "None" : count(h.flagsCount)}</Fact>
                <Fact term="Profile">
                  <span className={`band band-${h.profileBand}`}>{h.profileCompletion}% complete</span>
                </Fact>
              </dl>
            </div>
          </div>
        )}
      </QueryState>
    </WidgetCard>
  );
}

/** One of the header's facts: what it is, and its value. */
function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}
