import type { WidgetOutput } from "../api/customer-queries";
import { dateTime } from "../lib/format";

type Interaction = WidgetOutput<"recentInteractions">["items"][number];

/**
 * A list rather than a table: columns on a wide screen, a card per interaction on a phone,
 * where five table columns would not fit.
 */
export function InteractionsList({ items }: { items: Interaction[] }) {
  return (
    <ol className="interactions" aria-label="Interactions, newest first">
      {items.map((item) => (
        <li key={item.id} className="interaction" data-channel={item.channel}>
          <time dateTime={item.occurredAt} className="interaction-when">
            {dateTime(item.occurredAt)}
          </time>
          <span className="interaction-channel">
            <span className="pill">{item.channel}</span>
          </span>
          <span className="interaction-type">
            {item.type}
            <span className="muted"> · {item.direction}</span>
          </span>
          <span className="interaction-subject">{item.subject}</span>
        </li>
      ))}
    </ol>
  );
}
