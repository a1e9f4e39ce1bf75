import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useTransactionValues, type WidgetOutput } from "../api/customer-queries";
import { ChartTable } from "../components/chart-table";
import { TableHead } from "../components/table-head";
import { QueryState, WidgetCard } from "../components/widget-card";
import { compactNumber as compact, count, isoDay, money, monthStart } from "../lib/format";

const INCOMING = "#059669";
const OUTGOING = "#dc2626";

/** FTOS_ACC_GetCustomerTransactionValues over the last 12 months: incoming against outgoing per currency. */
export function TransactionsWidget({ customerId }: { customerId: string }) {
  const startDate = monthStart(11);
  const endDate = isoDay();
  const values = useTransactionValues(customerId, startDate, endDate);
  return (
    <WidgetCard name="transactions" title="Transactions in and out, 12 months" span="span-4">
      <QueryState
        query={values}
        isEmpty={(d) => d.totals.length === 0}
        empty={<p>No transactions in the last 12 months.</p>}
        skeletonRows={6}
      >
        {(d) => {
          const currencies = [...new Set(d.totals.map((t) => t.currency))];
          const total = (currency: string, direction: string) =>
            d.totals.find((t) => t.currency === currency && t.direction === direction);
          const data = currencies.map((currency) => ({
            currency,
            Incoming: Number(total(currency, "Incoming")?.amount ?? 0),
            Outgoing: Number(total(currency, "Outgoing")?.amount ?? 0),
          }));
          return (
            <>
              <div className="chart" aria-hidden="true">
                <ResponsiveContainer width="100%" height={Math.max(140, 70 * currencies.length + 60)}>
                  <BarChart data={data} layout="vertical" margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
                    <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                    <XAxis type="number" tick={{ fontSize: 12 }} tickFormatter={(v: number) => compact(v)} />
                    <YAxis type="category" dataKey="currency" tick={{ fontSize: 12 }} width={48} />
                    <Tooltip
                      formatter={(value, name, item) => {
                        const currency = (item.payload as { currency: string }).currency;
                        const exact = total(currency, String(name))?.amount;
                        return [exact ? money(exact, currency) : String(value), String(name)];
                      }}
                    />
                    <Legend />
                    <Bar dataKey="Incoming" fill={INCOMING} radius={[0, 3, 3, 0]} isAnimationActive={false} />
                    <Bar dataKey="Outgoing" fill={OUTGOING} radius={[0, 3, 3, 0]} isAnimationActive={false} />
                  </BarChart>
                </ResponsiveContainer>
              </div>
              <div className="table-scroll">
                <table>
                  <caption className="visually-hidden">Incoming and outgoing per currency</caption>
                  <TableHead first="Currency" numbers={["Incoming", "Outgoing"]} />
                  <tbody>
                    {currencies.map((currency) => (
                      <tr key={currency}>
                        <th scope="row">{currency}</th>
                        <DirectionCell currency={currency} total={total(currency, "Incoming")} />
                        <DirectionCell currency={currency} total={total(currency, "Outgoing")} />
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <ChartTable
                caption="Transaction values per indicator"
                columns={["Indicator", "Direction", "Inter/Intra", "Amount", "Count"]}
                rows={d.rows.map((r) => ({
                  key: `${r.indicator}-${r.direction}-${r.interIntra}-${r.currency}`,
                  cells: [
                    r.indicator,
                    r.direction,
                    r.interIntra,
                    money(r.amount, r.currency),
                    count(r.count),
                  ],
                }))}
              />
            </>
          );
        }}
      </QueryState>
    </WidgetCard>
  );
}

type DirectionTotal = WidgetOutput<"transactionValues">["totals"][number];

/** One direction's total in a currency, with how many transactions make it ("—" for none). */
function DirectionCell({ currency, total }: { currency: string; total: DirectionTotal | undefined }) {
  return (
    <td className="num">
      {total ? money(total.amount, currency) : "—"}
      <span className="muted block small-text">{count(total?.count ?? 0)} transactions</span>
    </td>
  );
}
