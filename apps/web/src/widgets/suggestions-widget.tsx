import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { customerKey, useSuggestions } from "../api/customer-queries";
import { messageOf, statusOf, trpc } from "../api/trpc";
import { QueryState, WidgetCard } from "../components/widget-card";
import { date } from "../lib/format";

/** FTOS_ACC_GetProductSuggestions, with dismissal of campaign offers (writer role). */
export function SuggestionsWidget({ customerId }: { customerId: string }) {
  const suggestions = useSuggestions(customerId);
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<string | null>(null);
  const dismiss = useMutation({
    mutationFn: (suggestionId: string) =>
      trpc.widgets.dismissSuggestion.mutate({ accountId: customerId, suggestionId }),
    onMutate: () => setProblem(null),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...customerKey(customerId), "suggestions"] }),
    onError: (error) =>
      setProblem(
        statusOf(error) === 403
          ? "Your user may not dismiss suggestions: that needs the writer role."
          : messageOf(error),
      ),
  });
  return (
    <WidgetCard name="suggestions" title="Product suggestions" span="span-4">
      <p className="upload-status" role="status" aria-live="polite">
        {problem ? <span className="error-text">{problem}</span> : null}
      </p>
      <QueryState
        query={suggestions}
        isEmpty={(d) => d.suggestions.length === 0}
        empty={
          suggestions.data?.suppressed ? (
            <p>{suggestions.data.suppressed}</p>
          ) : (
            <p>No suggestions for this customer.</p>
          )
        }
      >
        {(d) => (
          <ul className="item-list">
            {d.suggestions.map((s) => (
              <li key={s.id} className="suggestion" data-suggestion={s.id}>
                <div className="suggestion-main">
                  <span className="item-title">{s.product}</span>
                  <span className="score" title="Score out of 100">
                    <span className="visually-hidden">score </span>
                    {s.score}
                  </span>
                </div>
                <span className="muted small-text">
                  {s.source === "campaign"
                    ? `Campaign “${s.campaign ?? s.product}”${s.availableUntil ? ` · until ${date(s.availableUntil)}` : ""}`
                    : s.reason}
                </span>
                {s.source === "campaign" ? (
                  <button
                    type="button"
                    className="button secondary small"
                    onClick={() => dismiss.mutate(s.id)}
                    disabled={dismiss.isPending && dismiss.variables === s.id}
                    aria-label={`Dismiss ${s.product}`}
                  >
                    Dismiss
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </QueryState>
    </WidgetCard>
  );
}
