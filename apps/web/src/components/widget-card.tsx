import type { UseQueryResult } from "@tanstack/react-query";
import { type ReactNode, useId } from "react";
import { messageOf } from "../api/trpc";
import { ErrorBoundary } from "./error-boundary";

interface WidgetCardProps {
  /** Names the widget for tests and styles (`data-widget`). */
  name: string;
  title: string;
  /** Grid placement class: `span-4`, `span-6`, `span-8`, `span-12`. */
  span: string;
  /** Controls beside the title (filters, toggles). */
  actions?: ReactNode;
  children: ReactNode;
}

/**
 * One widget: a labelled region with its own error boundary, so a widget that fails (to load
 * or to render) shows its own message and a retry while every other widget keeps working.
 */
export function WidgetCard({ name, title, span, actions, children }: WidgetCardProps) {
  const headingId = useId();
  return (
    <section className={`card ${span}`} aria-labelledby={headingId} data-widget={name}>
      <header className="card-head">
        <h2 id={headingId}>{title}</h2>
        {actions ? <div className="card-actions">{actions}</div> : null}
      </header>
      <ErrorBoundary
        fallback={(reset) => (
          <div className="state state-error" role="alert" data-state="error">
            <p>This widget could not be shown.</p>
            <button type="button" className="button secondary" onClick={reset}>
              Try again
            </button>
          </div>
        )}
      >
        {children}
      </ErrorBoundary>
    </section>
  );
}

interface QueryStateProps<T> {
  query: UseQueryResult<T>;
  /** True when the answer has nothing to show. */
  isEmpty?: (data: T) => boolean;
  empty: ReactNode;
  children: (data: T) => ReactNode;
  /** Rows of placeholder shown while loading. */
  skeletonRows?: number;
}

/** The loading, error, empty and ready states every widget has, the same way everywhere. */
export function QueryState<T>({ query, isEmpty, empty, children, skeletonRows = 3 }: QueryStateProps<T>) {
  if (query.isPending) {
    return (
      <div className="state" data-state="loading" aria-busy="true">
        <span className="visually-hidden" role="status">
          Loading…
        </span>
        {Array.from({ length: skeletonRows }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
          <div key={i} className="skeleton" style={{ width: `${90 - i * 15}%` }} />
        ))}
      </div>
    );
  }
  if (query.isError) {
    return (
      <div className="state state-error" role="alert" data-state="error">
        <p>{messageOf(query.error)}</p>
        <button type="button" className="button secondary" onClick={() => void query.refetch()}>
          Try again
        </button>
      </div>
    );
  }
  const data = query.data as T;
  if (isEmpty?.(data)) {
    return (
      <div className="state state-empty" data-state="empty">
        {empty}
      </div>
    );
  }
  return (
    <div className="state-ready" data-state="ready" aria-busy={query.isFetching}>
      {children(data)}
    </div>
  );
}
