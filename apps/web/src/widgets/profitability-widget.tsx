import { useId, useState } from "react";
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useProfitability, useProfitabilityIndicators } from "../api/customer-queries";
import { ChartTable } from "../components/chart-table";
import { QueryState, WidgetCard } from "../components/widget-card";
import { compactNumber, decimal, month } from "../lib/format";

const ARROWS = { up: "▲", down: "▼", flat: "▶" } as const;

/** FTOS_ACC_AccountProfitabilityPI: the last 12 months of one indicator, picked from the customer's own. */
export function ProfitabilityWidget({ customerId }: { customerId: string }) {
  const indicators = useProfitabilityIndicators(customerId);
  const [picked, setPicked] = useState<string | null>(null);
  const indicatorName = picked ?? indicators.data?.indicators[0] ?? null;
  const profitability = useProfitability(customerId, indicatorName);
  const selectId = useId();
  const choices = indicators.data?.indicators ?? [];

  return (
    <WidgetCard
      name="profitability"
      title="Profitability"
      span="span-4"
      actions={
        choices.length > 0 ? (
          <span className="field-inline">
            <label htmlFor={selectId}>Indicator</label>
            <select
              id={selectId}
              value={indicatorName ?? ""}
              onChange={(event) => setPicked(event.target.value)}
            >
              {choices.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          </span>
        ) : null
      }
    >
      <QueryState
        query={indicators}
        isEmpty={(d) => d.indicators.length === 0}
        empty={<p>No profitability figures for this customer.</p>}
      >
        {() => (
          <QueryState query={profitability} empty={null} skeletonRows={6}>
            {(d) => {
              const data = d.months.map((m) => ({
                month: month(m.month),
                value: m.value === null ? null : Number(m.value),
              }));
              return (
                <>
                  <p className="kpi">
                    {d.latest ? (
                      <>
                        <strong data-testid="profitability-latest">{decimal(d.latest.value)}</strong>
                        <span className="muted small-text">
                          {" "}
                          {d.indicatorName}, {month(d.latest.month, "long")}
                        </span>
                        {d.change ? (
                          <span className={`change change-${d.change.direction}`}>
                            <span aria-hidden="true">{ARROWS[d.change.direction]} </span>
                            {d.change.direction === "flat" ? "unchanged" : d.change.direction}{" "}
                            {d.change.percent === null
                              ? decimal(d.change.absolute)
                              : `${decimal(d.change.percent)}%`}{" "}
                            since {month(d.change.previousMonth, "long")}
                          </span>
                        ) : null}
                      </>
                    ) : (
                      <span className="muted">No value of {d.indicatorName} in the last 12 months.</span>
                    )}
                  </p>
                  <div className="chart" aria-hidden="true">
                    <ResponsiveContainer width="100%" height={200}>
                      <LineChart data={data} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
                        <CartesianGrid strokeDasharray="3 3" vertical={false} />
                        <XAxis dataKey="month" tick={{ fontSize: 12 }} interval="preserveStartEnd" />
                        <YAxis
                          tick={{ fontSize: 12 }}
                          width={56}
                          tickFormatter={(v: number) => compactNumber(v)}
                        />
                        <Tooltip formatter={(value) => [decimal(String(value), 4), d.indicatorName]} />
                        <Line
                          type="monotone"
                          dataKey="value"
                          stroke="#2563eb"
                          strokeWidth={2}
                          dot={{ r: 3 }}
                          connectNulls={false}
                          isAnimationActive={false}
                        />
                      </LineChart>
                    </ResponsiveContainer>
                  </div>
                  <ChartTable
                    caption={`${d.indicatorName} per month`}
                    columns={["Month", d.indicatorName]}
                    rows={d.months.map((m) => ({
                      key: m.month,
                      cells: [month(m.month, "long"), m.value === null ? "no value" : decimal(m.value, 4)],
                    }))}
                  />
                </>
              );
            }}
          </QueryState>
        )}
      </QueryState>
    </WidgetCard>
  );
}
