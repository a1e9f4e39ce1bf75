import { usePending } from "../api/customer-queries";
import { QueryState, WidgetCard } from "../components/widget-card";
import { date } from "../lib/format";

const KIND_LABELS: Record<string, string> = {
  application: "Application",
  task: "Task",
  agreement: "Agreement ending",
  instalment: "Overdue instalment",
};

/** "in_progress" → "In progress". */
const humanize = (status: string) => {
  const words = status.replaceAll("_", " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** FTOS_ACC_AccountPendingActivities: soonest first, undated last. */
export function PendingWidget({ customerId }: { customerId: string }) {
  const pending = usePending(customerId);
  const today = new Date().toISOString().slice(0, 10);
  return (
    <WidgetCard name="pending" title="Pending activities" span="span-4">
      <QueryState query={pending} isEmpty={(d) => d.items.length === 0} empty={<p>Nothing is pending.</p>}>
        {(d) => (
          <>
            <p className="muted small-text">
              {Object.entries(d.counts)
                .filter(([, n]) => n > 0)
                .map(([kind, n]) => `${n} ${(KIND_LABELS[kind] ?? kind).toLowerCase()}${n === 1 ? "" : "s"}`)
                .join(" · ")}
            </p>
            <ul className="item-list">
              {d.items.map((item) => (
                <li key={`${item.kind}-${item.id}`}>
                  <span className={`pill kind-${item.kind}`}>{KIND_LABELS[item.kind] ?? item.kind}</span>
                  <span className="item-title">{item.title}</span>
                  <span className="muted small-text">
                    {humanize(item.status)}
                    {item.dueDate ? (
                      <>
                        {" · due "}
                        <time
                          dateTime={item.dueDate}
                          className={item.dueDate < today ? "overdue" : undefined}
                        >
                          {date(item.dueDate)}
                        </time>
                      </>
                    ) : null}
                  </span>
                </li>
              ))}
            </ul>
          </>
        )}
      </QueryState>
    </WidgetCard>
  );
}
