import type { WidgetOutput } from "../api/customer-queries";
import { TableHead } from "../components/table-head";
import { date, decimal, money } from "../lib/format";

export type Holding = WidgetOutput<"productPortfolio">["assets"][number];

/** Three columns, so the table fits a phone: what it is, what it holds, since when. */
export function PortfolioTable({ caption, holdings }: { caption: string; holdings: Holding[] }) {
  if (holdings.length === 0) return <p className="muted">No {caption.toLowerCase()}.</p>;
  return (
    <div className="table-scroll">
      <table>
        <caption>{caption}</caption>
        <TableHead first="Product" numbers={["Balance", "Since"]} />
        <tbody>
          {holdings.map((h) => (
            <tr key={h.contractNo} className={h.active ? undefined : "inactive"}>
              <th scope="row">
                {h.bankingProduct}
                <span className="muted block small-text">
                  {h.category} · <span className="mono">{h.contractNo}</span>
                </span>
              </th>
              <td className="num">
                {money(h.balance, h.currency)}
                {h.interestRate !== null ? (
                  <span className="muted block small-text">{decimal(h.interestRate, 4)}% a year</span>
                ) : null}
                {h.amount !== null ? (
                  <span className="muted block small-text">of {money(h.amount, h.currency)}</span>
                ) : null}
              </td>
              <td className="num">
                {date(h.activationDate)}
                {!h.active ? (
                  <span className="muted block small-text">
                    {h.status}
                    {h.closeDate ? ` ${date(h.closeDate)}` : ""}
                  </span>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
