import { useFlags, type WidgetOutput } from "../api/customer-queries";
import { QueryState, WidgetCard } from "../components/widget-card";
import { date, money } from "../lib/format";

type Flag = WidgetOutput<"flags">["flags"][number];

/** One line saying what lies behind a flag. */
function detailOf(flag: Flag): string | null {
  switch (flag.code) {
    case "DPD": {
      const d = flag.details;
      const amounts = d.amounts.map((a) => money(a.amount, a.currency)).join(" + ");
      return `${d.daysPastDue} days past due, ${d.overdueInstalments} instalment${d.overdueInstalments === 1 ? "" : "s"} overdue${amounts ? `: ${amounts}` : ""}`;
    }
    case "GARNISHMENT": {
      const d = flag.details;
      return [d.amounts.map((a) => money(a.amount, a.currency)).join(" + "), d.authorities.join(", ")]
        .filter(Boolean)
        .join(" · ");
    }
    case "NO_CONSENT":
      return flag.details.lastConsentEndedOn
        ? `Last consent ended ${date(flag.details.lastConsentEndedOn)}`
        : "No consent on file";
    case "INCOMPLETE_PROFILE":
      return `Profile ${flag.details.percentage}% complete${flag.details.next ? `; next: ${flag.details.next}` : ""}`;
    default: {
      const hit = "hits" in flag.details ? flag.details.hits[0] : undefined;
      return hit ? [hit.reference, hit.note].filter(Boolean).join(" · ") : null;
    }
  }
}

/** FTOS_ACC_AccountFlags: coloured badges, the most severe first. */
export function FlagsWidget({ customerId }: { customerId: string }) {
  const flags = useFlags(customerId);
  return (
    <WidgetCard name="flags" title="Flags" span="span-4">
      <QueryState
        query={flags}
        isEmpty={(d) => d.flags.length === 0}
        empty={<p>No flags: nothing needs attention.</p>}
      >
        {(d) => (
          <ul className="flag-list">
            {d.flags.map((flag) => {
              const detail = detailOf(flag);
              return (
                <li key={flag.code} className="flag-item">
                  <span className={`badge severity-${flag.severity}`} data-flag={flag.code}>
                    <span className="visually-hidden">{flag.severity} severity: </span>
                    {flag.label}
                  </span>
                  <span className="flag-meta">
                    {flag.since ? <span>since {date(flag.since)}</span> : null}
                    {detail ? <span>{detail}</span> : null}
                  </span>
                </li>
              );
            })}
          </ul>
        )}
      </QueryState>
    </WidgetCard>
  );
}
