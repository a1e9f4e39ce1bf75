import { useId, useState } from "react";
import { INTERACTIONS_PAGE, useInteractionChannels, useInteractions } from "../api/customer-queries";
import { QueryState, WidgetCard } from "../components/widget-card";
import { count, isoDay } from "../lib/format";
import { InteractionsList } from "./interactions-list";

/** FTOS_ACC_AccountRecentInteractions: newest first, filtered by dates and channels, a page at a time. */
export function InteractionsWidget({ customerId }: { customerId: string }) {
  const [fromDate, setFromDate] = useState(() => isoDay(-365));
  const [toDate, setToDate] = useState(() => isoDay());
  const [channels, setChannels] = useState<string[]>([]);
  // The cursors of the pages before this one, so "Previous" can go back.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const cursor = cursors.at(-1) ?? null;
  const rangeValid = fromDate !== "" && toDate !== "" && fromDate <= toDate;
  const range = rangeValid ? { fromDate, toDate } : { fromDate: isoDay(-365), toDate: isoDay() };
  const interactions = useInteractions(customerId, { ...range, channels, cursor });
  const available = useInteractionChannels(customerId, range.fromDate, range.toDate);
  const fromId = useId();
  const toId = useId();

  const restart = () => setCursors([null]);
  const toggleChannel = (channel: string, on: boolean) => {
    setChannels((current) => (on ? [...current, channel] : current.filter((c) => c !== channel)).sort());
    restart();
  };
  const channelCounts = available.data ?? {};
  const channelNames = [...new Set([...Object.keys(channelCounts), ...channels])].sort();
  const page = cursors.length;

  return (
    <WidgetCard name="interactions" title="Recent interactions" span="span-12">
      <form className="filters" onSubmit={(event) => event.preventDefault()} aria-label="Interaction filters">
        <span className="field-inline">
          <label htmlFor={fromId}>From</label>
          <input
            id={fromId}
            type="date"
            value={fromDate}
            max={toDate || undefined}
            onChange={(event) => {
              setFromDate(event.target.value);
              restart();
            }}
          />
        </span>
        <span className="field-inline">
          <label htmlFor={toId}>To</label>
          <input
            id={toId}
            type="date"
            value={toDate}
            min={fromDate || undefined}
            onChange={(event) => {
              setToDate(event.target.value);
              restart();
            }}
          />
        </span>
        <fieldset className="channels">
          <legend>Channels</legend>
          {channelNames.length === 0 ? <span className="muted small-text">none in range</span> : null}
          {channelNames.map((channel) => (
            <label key={channel} className="chip">
              <input
                type="checkbox"
                checked={channels.includes(channel)}
                onChange={(event) => toggleChannel(channel, event.target.checked)}
                data-channel={channel}
              />
              {channel} <span className="muted">({count(channelCounts[channel] ?? 0)})</span>
            </label>
          ))}
        </fieldset>
        {!rangeValid ? (
          <p className="error-text" role="alert">
            The start date must not be after the end date.
          </p>
        ) : null}
      </form>
      <QueryState
        query={interactions}
        isEmpty={(d) => d.items.length === 0}
        empty={<p>No interactions in this range{channels.length > 0 ? " on these channels" : ""}.</p>}
        skeletonRows={5}
      >
        {(d) => (
          <>
            <p className="muted small-text" aria-live="polite">
              {count(d.total)} interaction{d.total === 1 ? "" : "s"}; page {page} of{" "}
              {Math.max(1, Math.ceil(d.total / INTERACTIONS_PAGE))}
            </p>
            <InteractionsList items={d.items} />
            <nav className="pager" aria-label="Interaction pages">
              <button
                type="button"
                className="button secondary small"
                disabled={cursors.length <= 1}
                onClick={() => setCursors((c) => c.slice(0, -1))}
              >
                Previous
              </button>
              <button
                type="button"
                className="button secondary small"
                disabled={!d.nextCursor}
                onClick={() => d.nextCursor && setCursors((c) => [...c, d.nextCursor])}
              >
                Next
              </button>
            </nav>
          </>
        )}
      </QueryState>
    </WidgetCard>
  );
}
