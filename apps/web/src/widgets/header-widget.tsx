import { useHeader } from "../api/customer-queries";
import { QueryState, WidgetCard } from "../components/widget-card";
import { count, date } from "../lib/format";
import { Avatar } from "./avatar";
import { PictureUpload } from "./picture-upload";

/** FTOS_ACC_AccountHeader: who the customer is, with the picture and its upload. */
export function HeaderWidget({ customerId }: { customerId: string }) {
  const header = useHeader(customerId);
  return (
    <WidgetCard name="header" title="Customer" span="span-8">
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
                <div>
                  <dt>E-mail</dt>
                  <dd>
                    <a href={`mailto:${h.email}`}>{h.email}</a>
                  </dd>
                </div>
                <div>
                  <dt>Mobile phone</dt>
                  <dd>
                    <a href={`tel:${h.mobilePhone}`}>{h.mobilePhone}</a>
                  </dd>
                </div>
                <div>
                  <dt>Customer since</dt>
                  <dd>{date(h.customerSince)}</dd>
                </div>
                <div>
                  <dt>Primary address</dt>
                  <dd>{h.primaryAddress?.formatted ?? "None on file"}</dd>
                </div>
                <div>
                  <dt>Active products</dt>
                  <dd>{count(h.activeProducts)}</dd>
                </div>
                <div>
                  <dt>Flags</dt>
                  <dd>{h.flagsCount === 0 ? "None" : count(h.flagsCount)}</dd>
                </div>
                <div>
                  <dt>Profile</dt>
                  <dd>
                    <span className={`band band-${h.profileBand}`}>{h.profileCompletion}% complete</span>
                  </dd>
                </div>
              </dl>
            </div>
          </div>
        )}
      </QueryState>
    </WidgetCard>
  );
}
