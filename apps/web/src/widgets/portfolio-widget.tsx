import { useId, useState } from "react";
import { usePortfolio } from "../api/customer-queries";
import { QueryState, WidgetCard } from "../components/widget-card";
import { money } from "../lib/format";
import { type Holding, PortfolioTable } from "./portfolio-table";

/** FTOS_ACC_ProductPortfolio: assets and liabilities with per-currency totals (no FX). */
export function PortfolioWidget({ customerId }: { customerId: string }) {
  const portfolio = usePortfolio(customerId);
  const [showInactive, setShowInactive] = useState(false);
  const toggleId = useId();
  const visible = (holdings: Holding[]) => (showInactive ? holdings : holdings.filter((h) => h.active));
  return (
    <WidgetCard
      name="portfolio"
      title="Product portfolio"
      span="span-8"
      actions={
        <label className="toggle" htmlFor={toggleId}>
          <input
            id={toggleId}
            type="checkbox"
            checked={showInactive}
            onChange={(event) => setShowInactive(event.target.checked)}
          />
          Show inactive
        </label>
      }
    >
      <QueryState
        query={portfolio}
        isEmpty={(p) => p.assets.length + p.liabilities.length + p.other.length === 0}
        empty={<p>The customer holds no products.</p>}
        skeletonRows={5}
      >
        {(p) => (
          <>
            <ul className="totals" aria-label="Totals of active holdings per currency">
              {(["assets", "liabilities"] as const).map((side) =>
                p.totals
                  .filter((t) => t.side === side)
                  .map((t) => (
                    <li key={`${side}-${t.currency}`} className={`total total-${side}`}>
                      <span className="muted small-text">
                        {side === "assets" ? "Assets" : "Liabilities"} · {t.holdings} active
                      </span>
                      <strong>{money(t.amount, t.currency)}</strong>
                    </li>
                  )),
              )}
              {p.totals.length === 0 ? <li className="muted">No active holdings.</li> : null}
            </ul>
            <div className="portfolio-tables">
              <PortfolioTable caption="Assets" holdings={visible(p.assets)} />
              <PortfolioTable caption="Liabilities" holdings={visible(p.liabilities)} />
              {p.other.length > 0 ? (
                <PortfolioTable caption="Other products" holdings={visible(p.other)} />
              ) : null}
            </div>
            {!showInactive ? (
              <p className="muted small-text">
                {[...p.assets, ...p.liabilities, ...p.other].filter((h) => !h.active).length} inactive hidden.
              </p>
            ) : null}
          </>
        )}
      </QueryState>
    </WidgetCard>
  );
}
