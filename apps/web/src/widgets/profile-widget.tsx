import { useProfile } from "../api/customer-queries";
import { QueryState, WidgetCard } from "../components/widget-card";

const RADIUS = 42;
const CIRCUMFERENCE = 2 * Math.PI * RADIUS;

function Ring({ percentage, band }: { percentage: number; band: string }) {
  return (
    <svg
      className={`ring band-${band}`}
      viewBox="0 0 100 100"
      role="img"
      aria-label={`${percentage}% complete`}
    >
      <circle className="ring-track" cx="50" cy="50" r={RADIUS} />
      <circle
        className="ring-value"
        cx="50"
        cy="50"
        r={RADIUS}
        strokeDasharray={`${(percentage / 100) * CIRCUMFERENCE} ${CIRCUMFERENCE}`}
        transform="rotate(-90 50 50)"
      />
      <text x="50" y="50" className="ring-label" dominantBaseline="central" textAnchor="middle">
        {percentage}%
      </text>
    </svg>
  );
}

/** FTOS_ACC_ProfileComplete: a ring in the band's colour and what is missing, heaviest first. */
export function ProfileWidget({ customerId }: { customerId: string }) {
  const profile = useProfile(customerId);
  return (
    <WidgetCard name="profile" title="Profile completion" span="span-4">
      <QueryState query={profile} empty={null}>
        {(p) => (
          <div className="profile-widget">
            <Ring percentage={p.percentage} band={p.band} />
            <div>
              <p className={`band band-${p.band}`}>
                {p.band === "green"
                  ? "Complete enough"
                  : p.band === "yellow"
                    ? "Nearly complete"
                    : "Incomplete"}
              </p>
              {p.missing.length === 0 ? (
                <p>Every field is filled in.</p>
              ) : (
                <>
                  <p className="muted small-text">Missing ({p.totalWeight - p.filledWeight} points):</p>
                  <ul className="missing-list">
                    {p.missing.map((m) => (
                      <li key={m.field}>
                        {m.label} <span className="muted">+{m.weight}</span>
                        {p.next?.field === m.field ? <span className="pill">next</span> : null}
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </div>
          </div>
        )}
      </QueryState>
    </WidgetCard>
  );
}
