import { useEffect, useRef } from "react";
import { useLiveCustomer } from "../api/customer-events";
import { useHeader } from "../api/customer-queries";
import { statusOf } from "../api/trpc";
import { followLink } from "../lib/router";
import { FlagsWidget } from "../widgets/flags-widget";
import { GroupWidget } from "../widgets/group-widget";
import { HeaderWidget } from "../widgets/header-widget";
import { InteractionsWidget } from "../widgets/interactions-widget";
import { LifecycleWidget } from "../widgets/lifecycle-widget";
import { PendingWidget } from "../widgets/pending-widget";
import { PortfolioWidget } from "../widgets/portfolio-widget";
import { ProfileWidget } from "../widgets/profile-widget";
import { ProfitabilityWidget } from "../widgets/profitability-widget";
import { RepresentativesWidget } from "../widgets/representatives-widget";
import { RevenuesWidget } from "../widgets/revenues-widget";
import { SuggestionsWidget } from "../widgets/suggestions-widget";
import { TransactionsWidget } from "../widgets/transactions-widget";

/**
 * Customer 360: every widget of CONTRACT §5 for one customer of either kind (§8), each loading
 * and failing on its own; a group shows its members and exposure, a member its groups.
 */
export function CustomerPage({ customerId }: { customerId: string }) {
  const header = useHeader(customerId);
  const liveChanges = useLiveCustomer(customerId);
  const heading = useRef<HTMLHeadingElement>(null);
  const name = header.data?.fullName;

  useEffect(() => {
    document.title = `${name ?? "Customer"} — Account360`;
  }, [name]);
  // Moving focus to the new page's heading tells screen-reader users the page changed.
  useEffect(() => {
    heading.current?.focus();
  }, []);

  // An unknown id would fail every widget the same way: say it once instead.
  if (statusOf(header.error) === 404) {
    return (
      <main id="main" className="page">
        <h1 ref={heading} tabIndex={-1}>
          No such customer
        </h1>
        <p>No customer has the id {customerId}; it may have been mistyped or never existed.</p>
        <p>
          <a href="/" onClick={followLink}>
            Find a customer
          </a>
        </p>
      </main>
    );
  }

  return (
    <main id="main" className="page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <a href="/" onClick={followLink}>
          ← Find a customer
        </a>
      </nav>
      <h1 ref={heading} tabIndex={-1} data-testid="page-title">
        {name ?? (header.isError ? "Customer" : "Loading customer…")}
      </h1>
      <p className="live-note" aria-live="polite" data-testid="live-changes">
        {liveChanges === 0
          ? "Up to date: the page refreshes itself when this customer changes."
          : `Refreshed after ${liveChanges} ${liveChanges === 1 ? "change" : "changes"} made since you opened it.`}
      </p>
      <div className="grid">
        <HeaderWidget customerId={customerId} />
        <ProfileWidget customerId={customerId} />
        {header.data ? <GroupWidget customerId={customerId} isGroup={header.data.kind === "group"} /> : null}
        <RepresentativesWidget customerId={customerId} />
        <FlagsWidget customerId={customerId} />
        <PendingWidget customerId={customerId} />
        <LifecycleWidget customerId={customerId} />
        <PortfolioWidget customerId={customerId} />
        <SuggestionsWidget customerId={customerId} />
        <RevenuesWidget customerId={customerId} />
        <TransactionsWidget customerId={customerId} />
        <ProfitabilityWidget customerId={customerId} />
        <InteractionsWidget customerId={customerId} />
      </div>
    </main>
  );
}
