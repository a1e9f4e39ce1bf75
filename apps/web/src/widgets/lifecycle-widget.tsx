import { useState } from "react";
import { useLifecycle } from "../api/customer-queries";
import { QueryState, WidgetCard } from "../components/widget-card";
import { date } from "../lib/format";

const STAGES = ["Prospect", "Applicant", "New", "Active", "Dormant", "Closed"] as const;
/** Events shown before "Show all": the most recent ones matter most. */
const RECENT_EVENTS = 6;

/** FTOS_ACC_AccountClientLifecycle for one customer: the stage and a timeline, oldest first. */
export function LifecycleWidget({ customerId }: { customerId: string }) {
  const lifecycle = useLifecycle(customerId);
  const [all, setAll] = useState(false);
  return (
    <WidgetCard name="lifecycle" title="Lifecycle" span="span-4">
      <QueryState query={lifecycle} empty={null}>
        {(d) => {
          if (!("stage" in d)) return <p>No lifecycle for this customer.</p>;
          const hidden = all ? 0 : Math.max(0, d.events.length - RECENT_EVENTS);
          return (
            <>
              <ol className="stages" aria-label="Lifecycle stages">
                {STAGES.map((stage) => (
                  <li
                    key={stage}
                    className={stage === d.stage ? "stage current" : "stage"}
                    aria-current={stage === d.stage ? "step" : undefined}
                  >
                    {stage}
                  </li>
                ))}
              </ol>
              <p className="muted small-text">{d.definition}</p>
              {d.events.length === 0 ? (
                <p className="muted">No applications or contracts yet.</p>
              ) : (
                <>
                  {hidden > 0 ? (
                    <button type="button" className="link-button" onClick={() => setAll(true)}>
                      Show {hidden} earlier event{hidden === 1 ? "" : "s"}
                    </button>
                  ) : null}
                  <ol className="timeline" aria-label="Lifecycle events, oldest first">
                    {d.events.slice(hidden).map((event) => (
                      <li
                        key={`${event.kind}-${event.reference}-${event.date}`}
                        className={`event event-${event.kind}`}
                      >
                        <time dateTime={event.date}>{date(event.date)}</time>
                        <span>{event.title}</span>
                      </li>
                    ))}
                  </ol>
                </>
              )}
            </>
          );
        }}
      </QueryState>
    </WidgetCard>
  );
}
