import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useRevenues } from "../api/customer-queries";
import { ChartTable, SERIES_COLOURS } from "../components/chart-table";
import { QueryState, WidgetCard } from "../components/widget-card";
import { compactNumber as compact, isoDay, money, month, monthStart } from "../lib/format";

/** FTOS_ACC_AccountRevenuesPI over the last 12 months: a bar per month and currency. */
export function RevenuesWidget({ customerId }: { customerId: string }) {
  const startDate = monthStart(11);
  const endDate = isoDay();
  const revenues = useRevenues(customerId, startDate, endDate);
  return (
    <WidgetCard name="revenues" title="Revenues, last 12 months" span="span-4">
      <QueryState
        query={revenues}
        isEmpty={(d) => d.currencyTotals.length === 0}
        empty={<p>No revenue in the last 12 months.</p>}
        skeletonRows={6}
      >
        {(d) => {
          // The currency with the most months of revenue gets the first colour, so the main series reads as such.
          const monthsWith = (currency: string) =>
            d.months.filter((m) => m.totals.some((t) => t.currency === currency)).length;
          const currencies = d.currencyTotals
            .map((t) => t.currency)
            .sort((a, b) => monthsWith(b) - monthsWith(a) || a.localeCompare(b));
          const data = d.months.map((m) => {
            const row: Record<string, string | number> = { month: month(m.month) };
            for (const t of m.totals) {
              row[t.currency] = Number(t.amount);
              row[`${t.currency} exact`] = t.amount;
            }
            return row;
          });
          return (
            <>
              <ul className="totals" aria-label="Revenue per currency">
                {d.currencyTotals.map((t) => (
                  <li key={t.currency} className="total">
                    <span className="muted small-text">Total {t.currency}</span>
                    <strong>{money(t.amount, t.currency)}</strong>
                  </li>
                ))}
              </ul>
              <div className="chart" aria-hidden="true">
                <ResponsiveContainer width="100%" height={220}>
                  <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
                    <CartesianGrid strokeDasharray="3 3" vertical={false} />
                    <XAxis dataKey="month" tick={{ fontSize: 12 }} interval="preserveStartEnd" />
                    <YAxis tick={{ fontSize: 12 }} width={56} tickFormatter={(v: number) => compact(v)} />
                    <Tooltip
                      formatter={(value, name, item) => {
                        const exact = (item.payload as Record<string, string>)[`${String(name)} exact`];
                        return [exact ? money(exact, String(name)) : String(value), String(name)];
                      }}
                    />
                    {currencies.length > 1 ? <Legend /> : null}
                    {currencies.map((currency, i) => (
                      <Bar
                        key={currency}
                        dataKey={currency}
                        fill={SERIES_COLOURS[i % SERIES_COLOURS.length]}
                        radius={[3, 3, 0, 0]}
                        isAnimationActive={false}
                      />
                    ))}
                  </BarChart>
                </ResponsiveContainer>
              </div>
              <ChartTable
                caption="Revenue per month"
                columns={["Month", "Revenue"]}
                rows={d.months.map((m) => ({
                  key: m.month,
                  cells: [
                    month(m.month, "long"),
                    m.totals.length === 0
                      ? "none"
                      : m.totals.map((t) => money(t.amount, t.currency)).join(", "),
                  ],
                }))}
              />
              {d.byCategory.length > 0 ? (
                <details className="details">
                  <summary>By category</summary>
                  <ul className="plain-list">
                    {d.byCategory.map((c) => (
                      <li key={`${c.category}-${c.currency}`}>
                        {c.category}: {money(c.amount, c.currency)}
                      </li>
                    ))}
                  </ul>
                </details>
              ) : null}
            </>
          );
        }}
      </QueryState>
    </WidgetCard>
  );
}
