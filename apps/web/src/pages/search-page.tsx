import { useInfiniteQuery } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState } from "react";
import { messageOf, trpc } from "../api/trpc";
import { followLink, hrefOf, navigate } from "../lib/router";

const MATCH_LABELS = {
  name: "name",
  uniqueId: "Unique ID",
  registrationNumber: "registration number",
  email: "e-mail",
  phone: "phone",
} as const;
const PAGE = 20;

/** customers.search, as you type (debounced); the query is kept in the URL for back and reload. */
export function SearchPage({ initialQuery }: { initialQuery: string }) {
  const [text, setText] = useState(initialQuery);
  const [query, setQuery] = useState(initialQuery.trim());
  const inputId = useId();
  const hintId = useId();
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    document.title = "Find a customer — Account360";
    inputRef.current?.focus();
  }, []);

  useEffect(() => {
    const timer = setTimeout(() => {
      const next = text.trim();
      setQuery(next);
      navigate(hrefOf({ page: "search", query: next }), { replace: true });
    }, 250);
    return () => clearTimeout(timer);
  }, [text]);

  const enabled = query.length >= 2;
  const results = useInfiniteQuery({
    queryKey: ["search", query],
    queryFn: ({ pageParam }) => trpc.customers.search.query({ query, limit: PAGE, cursor: pageParam }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled,
  });
  const items = results.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <main id="main" className="page">
      <h1>Find a customer</h1>
      <search>
        <form className="search-form" onSubmit={(event) => event.preventDefault()}>
          <label htmlFor={inputId}>Name, Unique ID, e-mail or phone</label>
          <input
            ref={inputRef}
            id={inputId}
            type="search"
            value={text}
            onChange={(event) => setText(event.target.value)}
            autoComplete="off"
            spellCheck={false}
            maxLength={100}
            aria-describedby={hintId}
            placeholder="e.g. Popescu Ana, 2850101, ana@example.ro, 0722 123 456"
          />
          <p id={hintId} className="hint">
            Matches the start of a name (either order), Unique ID, e-mail address or phone number.
          </p>
        </form>
      </search>
      <section aria-labelledby={`${inputId}-results`} className="results">
        <h2 id={`${inputId}-results`} className="visually-hidden">
          Results
        </h2>
        <p role="status" aria-live="polite" className="muted" data-testid="search-status">
          {!enabled
            ? text.trim().length === 1
              ? "Type at least 2 characters."
              : ""
            : results.isPending
              ? "Searching…"
              : results.isError
                ? ""
                : items.length === 0
                  ? `No customer matches “${query}”.`
                  : results.data?.pages[0]?.truncated
                    ? "Many customers match; type more to narrow the search down."
                    : `${items.length}${results.hasNextPage ? "+" : ""} customer${items.length === 1 ? "" : "s"} found.`}
        </p>
        {results.isError ? (
          <div className="state state-error" role="alert">
            <p>{messageOf(results.error)}</p>
            <button type="button" className="button secondary" onClick={() => void results.refetch()}>
              Try again
            </button>
          </div>
        ) : null}
        {items.length > 0 ? (
          <ul className="result-list">
            {items.map((c) => (
              <li key={c.customerInternalId}>
                <a
                  className="result"
                  href={hrefOf({ page: "customer", customerId: c.customerInternalId })}
                  onClick={followLink}
                >
                  <span className="avatar avatar-small avatar-initials" aria-hidden="true">
                    {c.initials}
                  </span>
                  <span className="result-main">
                    <span className="result-name">{c.fullName}</span>
                    <span className="muted small-text">
                      <span className="mono">{c.uniqueIdMasked}</span> · {c.email} · {c.mobilePhone}
                    </span>
                  </span>
                  <span className="pill">matched {MATCH_LABELS[c.matchedOn]}</span>
                </a>
              </li>
            ))}
          </ul>
        ) : null}
        {results.hasNextPage ? (
          <button
            type="button"
            className="button secondary"
            onClick={() => void results.fetchNextPage()}
            disabled={results.isFetchingNextPage}
          >
            {results.isFetchingNextPage ? "Loading…" : "Show more"}
          </button>
        ) : null}
      </section>
    </main>
  );
}
